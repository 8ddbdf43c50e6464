// SPDX-License-Identifier: MIT

#pragma once

#include "statstablemodel.h"

namespace Stressdeck {

//! Per-request-type figures (and an "all" row last) for the dashboard's table.
class RequestTypeModel : public StatsTableModel {
    Q_OBJECT
public:
    enum Column { Name, Total, SuccessPct, Failures, Timeouts, P50, P95, P99, Rps, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    using StatsTableModel::StatsTableModel;

    void setStats(const QList<StatsFigures>& rows);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace Stressdeck
