// SPDX-License-Identifier: MIT

#pragma once

#include "stats.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Stressdeck {

//! Whether the generator itself limited the run (issue #19), the `generator` block's
//! `cpu_percent_max`, `saturated_s`, `schedule_late_pct` and `verdict`: "generator-bound" when an
//! engine thread stayed above 90 % of a core (three samples or more, and a tenth of the run) or
//! the open model sent 5 % or more of its requests late; "ok" otherwise; "inconclusive" when
//! neither could be measured. An empty verdict is a report from before it was judged.
struct GeneratorLimits {
    static constexpr double SaturatedPercent = 90;
    static constexpr double LatePercent = 5;
    static constexpr int MinSaturatedSamples = 3;
    static constexpr qint64 MinScheduled = 20; //!< fewer arrivals say nothing about the schedule

    double cpuPercentMax = 0; //!< the busiest engine thread's, in % of one core
    double saturatedS = 0; //!< sampled time with an engine thread above 90 %
    double scheduleLatePct = 0; //!< open model: requests sent late, % of those scheduled
    //! The engine threads' CPU time per completed request (`cpu_us_per_request`); 0: not measured.
    double cpuUsPerRequest = 0;
    QString verdict;

    bool isBound() const { return verdict == QLatin1String("generator-bound"); }
    //! `busiestPercent`: one value per sample, `intervalS` apart.
    static GeneratorLimits judge(
        const QList<double>& busiestPercent, double intervalS, const ScheduleInfo& schedule, double elapsedS);
    //! The reason in words, for the summaries: empty unless generator-bound.
    QString reason() const;
    void writeTo(QJsonObject* generator) const;
    static GeneratorLimits readFrom(const QJsonObject& generator);
    friend bool operator==(const GeneratorLimits&, const GeneratorLimits&) = default;
};

} // namespace Stressdeck
