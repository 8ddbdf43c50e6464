// SPDX-License-Identifier: MIT

#pragma once

#include "report.h"

#include <QString>

namespace Stressdeck {

//! Renders a report as an A4 PDF for reviews: configuration, verdict and criteria, tables,
//! the dashboard's own charts (as vectors), diagnosis and environment, with page numbers.
//! Needs a QApplication (the charts are widgets); headless use runs it on the offscreen platform.
class PdfReport {
public:
    explicit PdfReport(const Report& report);

    //! Writes atomically: on failure an existing file stays as it was.
    bool write(const QString& fileName, QString* error) const;

private:
    QString summaryHtml() const;
    QString diagnosisHtml() const;
    //! The "Token streams" section: the streaming table, the warnings and the glossary.
    QString streamingHtml() const;
    bool streams() const;

    Report m_report;
};

} // namespace Stressdeck
