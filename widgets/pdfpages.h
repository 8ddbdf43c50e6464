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
    //! The next part starts on a new page (nothing happens at the top of a page).
    void addPageBreak();
    //! The height a drawing may have on an empty page.
    static double pageContentHeightMm();
    static double pageContentWidthMm();
    //! `footer` gets the page number and the page count: "… page %1 of %2".
    bool write(const QString& fileName, const std::function<QString(int, int)>& footer, QString* error) const;

private:
    struct Part {
        enum Kind { Html, Drawing, Break };
        Kind kind = Html;
        QString html;
        double heightMm = 0;
        Painter draw;
    };
    QString m_title;
    QString m_creator;
    QList<Part> m_parts;
};

} // namespace Stressdeck
