// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>

#include <functional>

class QPainter;
class QRectF;

namespace Stressdeck {

//! An A4 PDF of flowing HTML and drawn pages with a footer on each, written atomically (an
//! existing file stays as it was when writing fails). Shared by the run report and the comparison.
class PdfPages {
public:
    //! Draws one page into `content` (device pixels at `dpi`).
    using Painter = std::function<void(QPainter& painter, const QRectF& content, double dpi)>;

    PdfPages(const QString& title, const QString& creator);

    //! HTML laid out over as many pages as it needs.
    void addHtml(const QString& html);
    void addPage(const Painter& page);
    //! `footer` gets the page number and the page count: "… page %1 of %2".
    bool write(const QString& fileName, const std::function<QString(int, int)>& footer, QString* error) const;

private:
    struct Part {
        QString html;
        Painter page;
    };
    QString m_title;
    QString m_creator;
    QList<Part> m_parts;
};

} // namespace Stressdeck
