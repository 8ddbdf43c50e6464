// SPDX-License-Identifier: MIT

#include "historymodel.h"

#include "format.h"

#include <QColor>

namespace Stressdeck {

void HistoryModel::setRuns(const QList<HistoryRun>& runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const HistoryRun& r = m_runs[index.row()];
    const bool open = r.loadModel == QLatin1String("open");
    if (role == ReportRole)
        return r.reportFile;
    if (role == SortRole) {
        switch (index.column()) {
        case Started:
            return r.startedAt;
        case Load:
            return open ? r.rateRps : double(r.concurrency);
        case Throughput:
            return r.overall.throughputRps;
        case P95:
            return r.overall.p95Ms;
        case ErrorPct:
            return r.overall.errorPct;
        case Verdict:
            return r.passed;
        default:
            break;
        }
    }
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Started:
            return r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Target:
            return r.target;
        case Scenario:
            return r.scenario;
        case Profile:
            return r.profile;
        case Load:
            return open ? tr("%1 req/s").arg(r.rateRps) : tr("%n user(s)", nullptr, r.concurrency);
        case Throughput:
            return tr("%1 req/s").arg(r.overall.throughputRps, 0, 'f', 1);
        case P95:
            return r.overall.requests > 0 ? formatLatency(r.overall.p95Ms) : QStringLiteral("–");
        case ErrorPct:
            return QStringLiteral("%1 %").arg(r.overall.errorPct, 0, 'f', 2);
        case Verdict:
            return criterionResult(r.passed);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Load && index.column() <= ErrorPct)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Verdict)
        return r.passed ? QColor(0x00, 0x9E, 0x73) : QColor(0xD5, 0x5E, 0x00);
    if (role == Qt::ToolTipRole)
        return r.reportFile;
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Started:
        return tr("Started");
    case Target:
        return tr("Target");
    case Scenario:
        return tr("Scenario");
    case Profile:
        return tr("Profile");
    case Load:
        return tr("Load");
    case Throughput:
        return tr("Throughput");
    case P95:
        return tr("p95");
    case ErrorPct:
        return tr("Errors");
    case Verdict:
        return tr("Result");
    }
    return {};
}

} // namespace Stressdeck
