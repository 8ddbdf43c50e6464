// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>

#include <functional>

class QPainter;
class QRectF;

namespace Stressdeck {

//! An A4 PDF of content that flows from page to page — HTML, and drawings kept whole — with a
//! footer on each page, written atomically (an existing file stays as it was when writing fails).
//! A part starts where the one before ended, so no page is left half empty unless asked
//! (addPageBreak) or the next drawing does not fit. HTML breaks between lines, never inside one,
//! and not right after a heading. Shared by the run report, the comparison and the capacity search.
class PdfPages {
public:
    //! Draws into `area` (device pixels at `dpi`).
    using Painter = std::function<void(QPainter& painter, const QRectF& area, double dpi)>;

    PdfPages(const QString& title, const QString& creator);

    //! HTML laid out from where the content so far ends, over as many pages as it needs.
    void addHtml(const QString& html);
    //! A drawing `heightMm` high across the page, on the next page when it does not fit on this one.
    void addDrawing(double heightMm, const Painter& draw);
    //! Draws rows `first` to `first + count - 1` of a table-like drawing into `area`.
    using RowPainter
        = std::function<void(QPainter& painter, const QRectF& area, double dpi, qsizetype first, qsizetype count)>;
    //! `count` rows of `rowMm` under a header of `headerMm` (drawn again on every page): as many
    //! rows as fit on this page (at least a few), the rest on the next.
    void addRows(qsizetype count, double headerMm, double rowMm, const RowPainter& draw);
    //! The next part starts on a new page (nothing happens at the top of a page).
    void addPageBreak();
    //! The height a drawing may have on an empty page.
    static double pageContentHeightMm();
    static double pageContentWidthMm();
    //! `footer` gets the page number and the page count: "… page %1 of %2".
    bool write(const QString& fileName, const std::function<QString(int, int)>& footer, QString* error) const;

private:
    struct Part {
        enum Kind { Html, Drawing, Rows, Break };
        Kind kind = Html;
        QString html;
        double heightMm = 0;
        Painter draw;
        qsizetype rows = 0;
        double rowMm = 0;
        RowPainter drawRows;
    };
    QString m_title;
    QString m_creator;
    QList<Part> m_parts;
};

} // namespace Stressdeck
