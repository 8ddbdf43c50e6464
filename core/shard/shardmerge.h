// SPDX-License-Identifier: MIT

#pragma once

#include "report.h"

#include <QList>
#include <QString>

namespace Stressdeck {

//! One shard's report and the file it came from (named in every refusal).
struct ShardReportFile {
    QString file;
    Report report;
};

//! Merges the reports of the shards of one distributed run into the run's report (issue #17):
//! latency histograms bucket by bucket per request type and per second on the shared origin,
//! counters added, rates and ratios over the merged window, in flight summed (an upper bound of
//! the per-second maximum); then the criteria, stalls and bottlenecks judged on the merged data.
namespace ShardMerge {

//! False with *error naming the file (or the missing indexes) when the reports are not the shards
//! of one run: not a shard report, a different plan_hash, count or histogram layout, a duplicate
//! index, or (without `allowPartial`) missing indexes.
bool merge(const QList<ShardReportFile>& shards, bool allowPartial, Report* merged, QString* error);

//! The start skew above which the merged report warns: 1 s, or 1 % of the duration if more.
double skewWarningMs(double durationS);

} // namespace ShardMerge

} // namespace Stressdeck
