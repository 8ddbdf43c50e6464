// SPDX-License-Identifier: MIT

#include "tablecopy.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>

#include <algorithm>

namespace Stressdeck {

namespace {

QString cell(const QVariant& value)
{
    QString text = value.toString();
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

QString tableAsTsv(const QAbstractItemView* view)
{
    const QAbstractItemModel* model = view->model();
    if (!model)
        return {};
    const auto* table = qobject_cast<const QTableView*>(view);
    const QHeaderView* header = table ? table->horizontalHeader() : nullptr;
    QList<int> columns; // in the order shown, hidden ones left out
    for (int visual = 0; visual < model->columnCount(); ++visual) {
        const int logical = header ? header->logicalIndex(visual) : visual;
        if (!header || !header->isSectionHidden(logical))
            columns.append(logical);
    }
    QList<int> rows;
    if (const QItemSelectionModel* selection = view->selectionModel(); selection) {
        for (const QModelIndex& index : selection->selectedIndexes()) {
            if (!rows.contains(index.row()))
                rows.append(index.row());
        }
    }
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty()) {
        for (int row = 0; row < model->rowCount(); ++row)
            rows.append(row);
    }
    QStringList lines;
    QStringList head;
    for (const int column : std::as_const(columns))
        head.append(cell(model->headerData(column, Qt::Horizontal)));
    lines.append(head.join(QLatin1Char('\t')));
    for (const int row : std::as_const(rows)) {
        QStringList cells;
        for (const int column : std::as_const(columns))
            cells.append(cell(model->index(row, column).data()));
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void enableTableCopy(QAbstractItemView* view)
{
    auto* copy = new QAction(QCoreApplication::translate("TableCopy", "Copy as TSV"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(copy, &QAction::triggered, view, [view] { QApplication::clipboard()->setText(tableAsTsv(view)); });
    view->addAction(copy);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
}

} // namespace Stressdeck
