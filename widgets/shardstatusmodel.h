// SPDX-License-Identifier: MIT

#pragma once

#include "shardfollower.h"

#include <QAbstractTableModel>

namespace Stressdeck {

//! One row per shard of a followed run (File › Follow shards…): its state, how far it got and
//! how fresh its newest file is. Replaced as a whole at each look of the ShardFollower.
class ShardStatusModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Shard, State, Requests, Elapsed, StartLag, Written, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setShards(const QList<ShardStatus>& shards);
    const QList<ShardStatus>& shards() const { return m_shards; }
    static QString stateName(ShardStatus::State state);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ShardStatus> m_shards;
};

} // namespace Stressdeck
