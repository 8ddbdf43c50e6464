// SPDX-License-Identifier: MIT

#pragma once

#include "runcomparison.h"

#include <QString>

class QPainter;
class QRectF;

namespace Stressdeck {

//! Renders a comparison as an A4 PDF for a review: the verdict first, what was compared, the
//! method in plain words, a forest plot of every change with its interval against the margin,
//! and the table per request type.
class ComparePdf {
public:
    explicit ComparePdf(const CompareReport& report);

    //! Writes atomically: on failure an existing file stays as it was.
    bool write(const QString& fileName, QString* error) const;
    //! The colour of a verdict, the same in the window and on paper (Okabe–Ito, colour-blind safe).
    static QColor verdictColor(MetricComparison::Verdict verdict);

private:
    QString summaryHtml() const;
    QString tablesHtml() const;
    //! The rows of comparisons [first, first + count) as a forest plot in `area`.
    void drawForest(QPainter& painter, const QRectF& area, double dpi, qsizetype first, qsizetype count) const;

    CompareReport m_report;
};

} // namespace Stressdeck
