// SPDX-License-Identifier: MIT

#include "pdfpages.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <memory>

namespace Stressdeck {

namespace {

constexpr double PageWidthMm = 210, PageHeightMm = 297;
constexpr double MarginMm = 15, BottomMarginMm = 18;
constexpr double FooterMm = 0.3 * 25.4;

//! A laid-out line of a document, in document coordinates.
struct Line {
    double top;
    double bottom;
    bool heading;
};

QList<Line> linesOf(QTextDocument* doc)
{
    QList<Line> lines;
    QAbstractTextDocumentLayout* layout = doc->documentLayout();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        const QRectF box = layout->blockBoundingRect(block);
        const QTextLayout* text = block.layout();
        const bool heading = block.blockFormat().headingLevel() > 0;
        for (int i = 0; text && i < text->lineCount(); ++i) {
            const QRectF r = text->lineAt(i).rect();
            lines.append({ box.top() + r.top(), box.top() + r.bottom(), heading });
        }
    }
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.top < b.top; });
    return lines;
}

//! The lowest place in (from, limit] to break the document at: before a line that no other line
//! straddles and that does not follow a heading; `from` when there is none.
double breakBefore(const QList<Line>& lines, double from, double limit, double height)
{
    if (height <= limit)
        return height;
    constexpr double eps = 0.5;
    for (qsizetype j = lines.size() - 1; j >= 0; --j) {
        const double t = lines[j].top;
        if (t > limit || t <= from + eps)
            continue;
        bool straddled = false;
        const Line* before = nullptr;
        for (const Line& l : lines) {
            if (l.top < t - eps && l.bottom > t + eps) {
                straddled = true;
                break;
            }
            if (l.bottom <= t + eps && (!before || l.bottom > before->bottom))
                before = &l;
        }
        if (!straddled && !(before && before->heading))
            return t;
    }
    return from;
}

} // namespace

PdfPages::PdfPages(const QString& title, const QString& creator)
    : m_title(title)
    , m_creator(creator)
{
}

void PdfPages::addHtml(const QString& html)
{
    Part part;
    part.html = html;
    m_parts.append(part);
}

void PdfPages::addDrawing(double heightMm, const Painter& draw)
{
    Part part;
    part.kind = Part::Drawing;
    part.heightMm = heightMm;
    part.draw = draw;
    m_parts.append(part);
}

void PdfPages::addRows(qsizetype count, double headerMm, double rowMm, const RowPainter& draw)
{
    Part part;
    part.kind = Part::Rows;
    part.heightMm = headerMm;
    part.rows = count;
    part.rowMm = rowMm;
    part.drawRows = draw;
    m_parts.append(part);
}

void PdfPages::addPageBreak()
{
    Part part;
    part.kind = Part::Break;
    m_parts.append(part);
}

double PdfPages::pageContentHeightMm()
{
    return PageHeightMm - MarginMm - BottomMarginMm - FooterMm;
}

double PdfPages::pageContentWidthMm()
{
    return PageWidthMm - 2 * MarginMm;
}

bool PdfPages::write(const QString& fileName, const std::function<QString(int, int)>& footer, QString* error) const
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("PdfReport", "%1: cannot write the PDF: %2")
                     .arg(fileName, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(MarginMm, MarginMm, MarginMm, BottomMarginMm)));
        writer.setTitle(m_title);
        writer.setCreator(m_creator);
        QPainter painter(&writer);
        const QRectF page = painter.viewport(); // the printable area, in device pixels
        const double dpi = writer.resolution();
        const double mm = dpi / 25.4;
        const QRectF content(0, 0, page.width(), page.height() - FooterMm * mm);

        // What each page draws, in order; `y` is where the content of the current page ends.
        QList<QList<std::function<void()>>> pages(1);
        double y = 0;
        const auto newPage = [&pages, &y] {
            pages.append(QList<std::function<void()>>());
            y = 0;
        };
        for (const Part& part : m_parts) {
            if (part.kind == Part::Break) {
                if (y > 0)
                    newPage();
                continue;
            }
            if (part.kind == Part::Rows) {
                const double header = part.heightMm * mm, rowH = part.rowMm * mm;
                qsizetype first = 0;
                while (first < part.rows) {
                    const auto fit = qsizetype(std::floor((content.height() - y - header + 0.5) / rowH));
                    const qsizetype left = part.rows - first;
                    if (y > 0 && fit < std::min<qsizetype>(3, left)) {
                        newPage();
                        continue;
                    }
                    const qsizetype n = std::max<qsizetype>(1, std::min(fit, left));
                    const QRectF area(0, y, content.width(), header + double(n) * rowH);
                    pages.last().append([&painter, area, dpi, first, n, draw = part.drawRows] {
                        painter.save();
                        draw(painter, area, dpi, first, n);
                        painter.restore();
                    });
                    y += area.height();
                    first += n;
                    if (first < part.rows)
                        newPage();
                }
                continue;
            }
            if (part.kind == Part::Drawing) {
                const double h = std::min(part.heightMm * mm, content.height());
                if (y > 0 && y + h > content.height() + 0.5)
                    newPage();
                const QRectF area(0, y, content.width(), h);
                pages.last().append([&painter, area, dpi, draw = part.draw] {
                    painter.save();
                    draw(painter, area, dpi);
                    painter.restore();
                });
                y += h;
                continue;
            }
            auto doc = std::make_shared<QTextDocument>();
            doc->documentLayout()->setPaintDevice(&writer);
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPointSizeF(9);
            doc->setDefaultFont(font);
            doc->setDefaultStyleSheet(
                QStringLiteral("h1{font-size:18pt} h2{font-size:12pt;margin-top:10px} th{background:#eee}"));
            doc->setHtml(part.html);
            doc->setTextWidth(content.width());
            const double height = doc->size().height();
            const QList<Line> lines = linesOf(doc.get());
            double from = 0;
            while (from < height - 0.5) {
                double to = breakBefore(lines, from, from + content.height() - y, height);
                if (to <= from + 0.5) {
                    if (y > 0) {
                        newPage(); // not even a line fits below what is there: go on on the next page
                        continue;
                    }
                    to = std::min(height, from + content.height()); // a line taller than a page
                }
                const double top = y;
                pages.last().append([&painter, doc, from, to, top, width = content.width()] {
                    painter.save();
                    painter.translate(0, top - from);
                    doc->drawContents(&painter, QRectF(0, from, width, to - from));
                    painter.restore();
                });
                y += to - from;
                from = to;
                if (from < height - 0.5)
                    newPage();
            }
        }
        if (pages.size() > 1 && pages.last().isEmpty())
            pages.removeLast();

        QFont footerFont(QStringLiteral("DejaVu Sans"));
        footerFont.setPointSizeF(8);
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            for (const auto& draw : std::as_const(pages[i]))
                draw();
            painter.setFont(footerFont);
            painter.setPen(Qt::darkGray);
            painter.drawText(QRectF(0, page.height() - dpi * 0.25, page.width(), dpi * 0.25), Qt::AlignCenter,
                footer(int(i + 1), int(pages.size())));
        }
        painter.end();
    }
    // QSaveFile::commit() (Qt 6.4) renames even when flushing its buffer failed, as on a full disk.
    if (!file.flush() || !file.commit()) {
        *error = QCoreApplication::translate("PdfReport", "%1: cannot write the PDF: %2")
                     .arg(fileName, file.errorString());
        return false;
    }
    return true;
}

} // namespace Stressdeck
