// SPDX-License-Identifier: MIT

#pragma once

#include "capacitycharts.h"

#include <QDateTime>
#include <QString>

namespace Stressdeck {

//! Renders a capacity search as an A4 PDF: the answer first, the SLO and what was searched, the
//! load curve (the load of every step over time, shaded by pass or fail), latency against achieved
//! throughput (p50, p95, p99: the hockey stick) and the table of steps.
class CapacityPdf {
public:
    //! `found`: whether the search found its answer (the summary's colour).
    CapacityPdf(const CapacityChartData& data, const QString& summary, bool found);

    //! What was searched: "\"ad hoc\" against http://…, fast transport, steps of 30s".
    void setSubject(const QString& subject) { m_subject = subject; }
    void setStartedAt(const QDateTime& when) { m_startedAt = when; }

    //! Writes atomically: on failure an existing file stays as it was.
    bool write(const QString& fileName, QString* error) const;

private:
    QString summaryHtml() const;
    QString tableHtml() const;

    CapacityChartData m_data;
    QString m_summary;
    bool m_found = false;
    QString m_subject;
    QDateTime m_startedAt;
};

} // namespace Stressdeck
