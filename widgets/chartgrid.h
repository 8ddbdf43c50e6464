// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QScrollArea>

class QGridLayout;

namespace Stressdeck {

//! The dashboard's charts in as many columns (up to three) as fit at a readable width, and in
//! rows of at least a readable height; what does not fit scrolls instead of being squeezed until
//! the axis labels collapse.
class ChartGrid : public QScrollArea {
    Q_OBJECT
public:
    static constexpr int ReadableWidth = 340;
    static constexpr int ReadableHeight = 240;
    static constexpr int MaxColumns = 3;

    explicit ChartGrid(QWidget* parent = nullptr);

    //! `span` is the number of columns the widget takes when all three are shown.
    void addChart(QWidget* chart, int span = 1);
    //! A hidden chart takes no place in the grid; the others close up.
    void setChartVisible(QWidget* chart, bool visible);
    bool isChartVisible(QWidget* chart) const;
    int columns() const { return m_columns; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Item {
        QWidget* widget;
        int span;
        bool visible = true;
    };
    int columnsFor(int width) const;
    void relayout(int columns);

    QWidget* m_content = nullptr;
    QGridLayout* m_grid = nullptr;
    QList<Item> m_items;
    int m_columns = 0;
};

} // namespace Stressdeck
