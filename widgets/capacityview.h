// SPDX-License-Identifier: MIT

#pragma once

#include "capacitycharts.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace Stressdeck {

class CapacityChartsWidget;

//! A capacity search in the window: a headline (the step in progress and its verdict so far, or
//! the answer once done), the load curve and the hockey stick side by side, and the table of steps.
class CapacityView : public QWidget {
    Q_OBJECT
public:
    explicit CapacityView(QWidget* parent = nullptr);

    //! `found`: nullopt while the search runs; then whether it found its answer (the colour).
    void setSearch(const CapacityChartData& data, const QString& headline, std::optional<bool> found);
    QString headline() const;
    const CapacityChartData& data() const { return m_data; }
    QTableWidget* stepTable() const { return m_steps; }

private:
    CapacityChartData m_data;
    QLabel* m_headline = nullptr;
    CapacityChartsWidget* m_charts = nullptr;
    QTableWidget* m_steps = nullptr;
};

} // namespace Stressdeck
