// SPDX-License-Identifier: MIT

#pragma once

#include "report.h"

#include <QString>

namespace Stressdeck {

//! Renders a report as an A4 PDF for reviews: page one answers the reviewer (the verdict, a short
//! summary with the main findings, the configuration), then the dashboard's own charts two to a row
//! (as vectors, the latency distribution and each type's p95 among them), the tables, the errors,
//! the diagnosis and the environment, flowing from page to page, with page numbers.
//! Needs a QApplication (the charts are widgets); headless use runs it on the offscreen platform.
class PdfReport {
public:
    explicit PdfReport(const Report& report);

    //! Writes atomically: on failure an existing file stays as it was.
    bool write(const QString& fileName, QString* error) const;

    //! What stands out, one sentence each: a type much slower than the others ("agent p95 1.00 s is
    //! 5.0× the other types' (at most 200 ms)"), where the errors are, the bottlenecks.
    static QStringList mainFindings(const Report& report);

private:
    QString firstPageHtml() const;
    QString loadText() const;
    //! The tables: overall, request types, stages, errors.
    QString summaryHtml() const;
    QString diagnosisHtml() const;
    //! The "Token streams" section: the streaming table, the warnings and the glossary.
    QString streamingHtml() const;
    bool streams() const;

    Report m_report;
};

} // namespace Stressdeck
