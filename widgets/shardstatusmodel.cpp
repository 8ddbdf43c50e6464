// SPDX-License-Identifier: MIT

#include "shardstatusmodel.h"

#include "palette.h"

#include <QLocale>

namespace Stressdeck {

void ShardStatusModel::setShards(const QList<ShardStatus>& shards)
{
    if (shards.size() != m_shards.size()) {
        beginResetModel();
        m_shards = shards;
        endResetModel();
        return;
    }
    if (shards == m_shards)
        return;
    m_shards = shards;
    Q_EMIT dataChanged(index(0, 0), index(int(m_shards.size()) - 1, ColumnCount - 1));
}

QString ShardStatusModel::stateName(ShardStatus::State state)
{
    switch (state) {
    case ShardStatus::State::Waiting:
        return tr("waiting");
    case ShardStatus::State::Late:
        return tr("late");
    case ShardStatus::State::Running:
        return tr("running");
    case ShardStatus::State::Silent:
        return tr("silent");
    case ShardStatus::State::Finished:
        return tr("finished");
    }
    return {};
}

int ShardStatusModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_shards.size());
}

int ShardStatusModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShardStatusModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_shards.size())
        return {};
    const ShardStatus& s = m_shards[index.row()];
    const bool present = !s.file.isEmpty();
    const QLocale locale;
    if (role == SortRole) {
        switch (index.column()) {
        case Shard:
            return s.index;
        case State:
            return int(s.state);
        case Requests:
            return s.requests;
        case Elapsed:
            return s.elapsedS;
        case StartLag:
            return s.startLagMs;
        case Written:
            return present ? s.ageS : -1.0;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Shard:
            return s.index;
        case State:
            return stateName(s.state);
        case Requests:
            return present ? locale.toString(s.requests) : QString();
        case Elapsed:
            return present ? tr("%1 s").arg(locale.toString(s.elapsedS, 'f', 0)) : QString();
        case StartLag:
            return present ? tr("%1 ms").arg(locale.toString(s.startLagMs, 'f', 1)) : QString();
        case Written:
            return present ? tr("%1 s ago").arg(locale.toString(s.ageS, 'f', 0)) : QString();
        }
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == State) {
        switch (s.state) {
        case ShardStatus::State::Finished:
        case ShardStatus::State::Running:
            return Palette::colour(Palette::Pass);
        case ShardStatus::State::Late:
            return Palette::colour(Palette::Warn);
        case ShardStatus::State::Silent:
            return Palette::colour(Palette::Fail);
        case ShardStatus::State::Waiting:
            return Palette::colour(Palette::Pending);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != State)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && present)
        return s.file;
    return {};
}

QVariant ShardStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Shard:
            return tr("Shard");
        case State:
            return tr("State");
        case Requests:
            return tr("Requests");
        case Elapsed:
            return tr("Elapsed");
        case StartLag:
            return tr("Start lag");
        case Written:
            return tr("Last written");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case State:
            return tr("running: a checkpoint within three intervals; silent: none for longer (stuck, killed or cut "
                      "off); late: nothing long after the start, or it joined the schedule late; waiting: nothing "
                      "yet; finished: its final report is there");
        case StartLag:
            return tr("How long after --start-at the shard started (its start_lag_ms)");
        case Written:
            return tr("Age of the shard's newest file in the followed folder");
        }
    }
    return {};
}

} // namespace Stressdeck
