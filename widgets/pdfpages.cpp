// SPDX-License-Identifier: MIT

#include "pdfpages.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <memory>

namespace Stressdeck {

PdfPages::PdfPages(const QString& title, const QString& creator)
    : m_title(title)
    , m_creator(creator)
{
}

void PdfPages::addHtml(const QString& html)
{
    m_parts.append({ html, {} });
}

void PdfPages::addPage(const Painter& page)
{
    m_parts.append({ {}, page });
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
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 18)));
        writer.setTitle(m_title);
        writer.setCreator(m_creator);
        QPainter painter(&writer);
        const QRectF page = painter.viewport(); // the printable area, in device pixels
        const double dpi = writer.resolution();
        const QRectF content(0, 0, page.width(), page.height() - dpi * 0.3);

        QList<std::function<void()>> pages;
        for (const Part& part : m_parts) {
            if (part.page) {
                pages.append([&painter, &content, dpi, draw = part.page] { draw(painter, content, dpi); });
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
            doc->setPageSize(content.size());
            for (int p = 0; p < doc->pageCount(); ++p) {
                pages.append([&painter, &content, doc, p] {
                    painter.save();
                    painter.translate(0, -p * content.height());
                    doc->drawContents(&painter, QRectF(0, p * content.height(), content.width(), content.height()));
                    painter.restore();
                });
            }
        }

        QFont footerFont(QStringLiteral("DejaVu Sans"));
        footerFont.setPointSizeF(8);
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            pages[i]();
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
