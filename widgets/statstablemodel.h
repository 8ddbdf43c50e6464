// SPDX-License-Identifier: MIT

#pragma once

#include "stats.h"

#include <QAbstractTableModel>

namespace Stressdeck {

//! A table of one row per StatsFigures, for the dashboard's per-type tables: a snapshot replaces
//! the rows with one reset when their number changed, else with one dataChanged for them all.
class StatsTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    const QList<StatsFigures>& stats() const { return m_rows; }
    int rowCount(const QModelIndex& parent = {}) const override;

protected:
    void replaceRows(const QList<StatsFigures>& rows);

    QList<StatsFigures> m_rows;
};

} // namespace Stressdeck
