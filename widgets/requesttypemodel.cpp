// SPDX-License-Identifier: MIT

#include "requesttypemodel.h"

#include "format.h"

#include <QColor>

namespace Stressdeck {

void RequestTypeModel::setStats(const QList<StatsFigures>& rows)
{
    replaceRows(rows);
}

int RequestTypeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestTypeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const StatsFigures& s = m_rows[index.row()];
    const double successPct = s.total ? 100.0 * double(s.success) / double(s.total) : 0.0;
    if (role == SortRole) {
        switch (index.column()) {
        case Name:
            return s.name;
        case Total:
            return s.total;
        case SuccessPct:
            return successPct;
        case Failures:
            return s.failure;
        case Timeouts:
            return s.timeouts;
        case P50:
            return s.latency.p50;
        case P95:
            return s.latency.p95;
        case P99:
            return s.latency.p99;
        case Rps:
            return s.throughputRps;
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return s.name;
        case Total:
            return QString::number(s.total);
        case SuccessPct:
            return s.total ? QStringLiteral("%1 %").arg(successPct, 0, 'f', 1) : QStringLiteral("–");
        case Failures:
            return QString::number(s.failure);
        case Timeouts:
            return QString::number(s.timeouts);
        case P50:
            return s.success ? formatLatency(s.latency.p50) : QStringLiteral("–");
        case P95:
            return s.success ? formatLatency(s.latency.p95) : QStringLiteral("–");
        case P99:
            return s.success ? formatLatency(s.latency.p99) : QStringLiteral("–");
        case Rps:
            return QString::number(s.throughputRps, 'f', 1);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Name)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == SuccessPct && s.total && successPct < 95)
        return QColor(Qt::darkRed);
    return {};
}

QVariant RequestTypeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("Request type");
        case Total:
            return tr("Total");
        case SuccessPct:
            return tr("Success");
        case Failures:
            return tr("Failures");
        case Timeouts:
            return tr("Timeouts");
        case P50:
            return tr("p50");
        case P95:
            return tr("p95");
        case P99:
            return tr("p99");
        case Rps:
            return tr("req/s");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SuccessPct:
            return tr("Share of requests answered with an accepted status");
        case P50:
        case P95:
        case P99:
            return tr("Latency percentile of successful requests");
        case Rps:
            return tr("Completed requests per second over the run");
        default:
            break;
        }
    }
    return {};
}

} // namespace Stressdeck
