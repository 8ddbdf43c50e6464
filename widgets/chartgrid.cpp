// SPDX-License-Identifier: MIT

#include "chartgrid.h"

#include <QGridLayout>
#include <QResizeEvent>
#include <QScrollBar>

#include <algorithm>

namespace Stressdeck {

ChartGrid::ChartGrid(QWidget* parent)
    : QScrollArea(parent)
    , m_content(new QWidget)
    , m_grid(new QGridLayout(m_content))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    setWidget(m_content);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
}

void ChartGrid::addChart(QWidget* chart, int span)
{
    chart->setMinimumSize(ReadableWidth * 3 / 4, ReadableHeight);
    m_items.append({ chart, std::clamp(span, 1, MaxColumns), true });
    relayout(std::max(1, m_columns));
}

void ChartGrid::setChartVisible(QWidget* chart, bool visible)
{
    for (Item& item : m_items) {
        if (item.widget == chart && item.visible != visible) {
            item.visible = visible;
            relayout(std::max(1, m_columns));
        }
    }
}

bool ChartGrid::isChartVisible(QWidget* chart) const
{
    return std::any_of(
        m_items.begin(), m_items.end(), [chart](const Item& item) { return item.widget == chart && item.visible; });
}

int ChartGrid::columnsFor(int width) const
{
    // The width as if the vertical scroll bar were shown: whether it shows must not change the
    // column count, or the two would flip each other back and forth.
    const int usable = width - 2 * frameWidth() - verticalScrollBar()->sizeHint().width();
    const int spacing = std::max(0, m_grid->horizontalSpacing());
    return std::clamp((usable + spacing) / (ReadableWidth + spacing), 1, MaxColumns);
}

void ChartGrid::relayout(int columns)
{
    m_columns = columns;
    for (const Item& item : m_items)
        m_grid->removeWidget(item.widget);
    for (int c = 0; c < MaxColumns; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    // Rows filled left to right; wide charts are wide only when all columns show, and the last
    // chart of a row takes what the row has left, so no gap stays empty.
    QList<QList<Item>> rows(1);
    int used = 0;
    for (const Item& item : m_items) {
        if (!item.visible)
            continue;
        const int span = columns == MaxColumns ? item.span : 1;
        if (used + span > columns) {
            rows.append(QList<Item>());
            used = 0;
        }
        rows.last().append({ item.widget, span, true });
        used += span;
    }
    for (int r = 0; r < rows.size(); ++r) {
        int column = 0;
        for (int i = 0; i < rows[r].size(); ++i) {
            const bool last = i == rows[r].size() - 1;
            const int span = last ? columns - column : rows[r][i].span;
            m_grid->addWidget(rows[r][i].widget, r, column, 1, span);
            column += span;
        }
    }
    for (const Item& item : m_items)
        item.widget->setVisible(item.visible);
}

void ChartGrid::resizeEvent(QResizeEvent* event)
{
    const int columns = columnsFor(event->size().width());
    if (columns != m_columns)
        relayout(columns);
    QScrollArea::resizeEvent(event);
}

} // namespace Stressdeck
