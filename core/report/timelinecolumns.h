// SPDX-License-Identifier: MIT

#pragma once

#include "stats.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>

namespace Stressdeck {

//! The report's `timeline` in columns (issue #19): one array per figure, its values in the order
//! of the seconds, under the names a row had (`t_s`, `requests`, …, `by_type.<type>.p95_ms`,
//! `ttft_p50_ms`, …), so a day-long run's timeline is a few MB instead of tens. Latency
//! percentiles are written to PercentileDigits significant digits, the precision the histograms
//! they come from carry. A type a second did not have is `null` in its `requests`, a second
//! without stream figures `null` in `ttft_p50_ms`. Reports written before 0.2 hold an array of
//! row objects instead; fromJson reads both.
class TimelineColumns {
public:
    //! A percentile comes from a bucket at most 1/1024 of its value wide (Histogram): four
    //! significant digits keep it within 0.05 % of the bucket's value.
    static constexpr int PercentileDigits = 4;

    //! `ms` to PercentileDigits significant digits (what the report keeps of a second's percentile).
    static double roundPercentile(double ms);
    //! The columns; with `originUnixS` (a shard's or a merge's time origin) also `t_unix_s`.
    static QJsonObject toJson(const QList<TimelineRow>& rows, std::optional<double> originUnixS);
    //! Reads columns or rows (the form of older reports) into `rows`; false with `error` naming the field.
    static bool fromJson(const QJsonValue& timeline, QList<TimelineRow>* rows, QString* error);
};

} // namespace Stressdeck
