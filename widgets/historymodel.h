// SPDX-License-Identifier: MIT

#pragma once

#include "runhistory.h"

#include <QAbstractTableModel>

namespace Stressdeck {

//! The runs of the run history, newest first, for the History panel's table.
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Started, Target, Scenario, Profile, Load, Throughput, P95, ErrorPct, Verdict, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    //! The absolute path of the run's report copy.
    static constexpr int ReportRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;

    void setRuns(const QList<HistoryRun>& runs);
    const QList<HistoryRun>& runs() const { return m_runs; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<HistoryRun> m_runs;
};

} // namespace Stressdeck
