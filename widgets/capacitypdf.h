// SPDX-License-Identifier: MIT

#pragma once

#include "capacitysearch.h"
#include "slo.h"

#include <QColor>
#include <QDateTime>
#include <QString>

class QPainter;
class QRectF;

namespace Stressdeck {

//! Renders a capacity search as an A4 PDF: the answer first, the SLO and what was searched, the
//! load curve (the scheduled rate of every step over time, shaded by pass or fail), latency
//! against achieved throughput (p50, p95, p99: the hockey stick) and the table of steps.
class CapacityPdf {
public:
    CapacityPdf(const CapacityResult& result, const Slo& slo, const QString& summary);

    void setStepDuration(double seconds) { m_stepS = seconds; }
    //! What was searched: "\"ad hoc\" against http://…, fast transport, steps of 30s".
    void setSubject(const QString& subject) { m_subject = subject; }
    void setStartedAt(const QDateTime& when) { m_startedAt = when; }

    //! Writes atomically: on failure an existing file stays as it was.
    bool write(const QString& fileName, QString* error) const;

    //! Okabe–Ito, the same as the comparison's: pass bluish green, fail vermillion.
    static QColor passColor() { return QColor(0x00, 0x9E, 0x73); }
    static QColor failColor() { return QColor(0xD5, 0x5E, 0x00); }

private:
    QString summaryHtml() const;
    QString tableHtml() const;
    void drawLoadCurve(QPainter& painter, const QRectF& area, double dpi) const;
    void drawHockeyStick(QPainter& painter, const QRectF& area, double dpi) const;

    CapacityResult m_result;
    Slo m_slo;
    QString m_summary;
    QString m_subject;
    QDateTime m_startedAt;
    double m_stepS = 30;
};

} // namespace Stressdeck
