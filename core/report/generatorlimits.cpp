// SPDX-License-Identifier: MIT

#include "generatorlimits.h"

#include <QCoreApplication>

#include <algorithm>

namespace Stressdeck {

GeneratorLimits GeneratorLimits::judge(
    const QList<double>& busiestPercent, double intervalS, const ScheduleInfo& schedule, double elapsedS)
{
    GeneratorLimits g;
    qsizetype saturated = 0;
    for (const double percent : busiestPercent) {
        g.cpuPercentMax = std::max(g.cpuPercentMax, percent);
        saturated += percent > SaturatedPercent;
    }
    g.saturatedS = double(saturated) * intervalS;
    const bool scheduleKnown = schedule.scheduled >= MinScheduled;
    if (schedule.scheduled > 0)
        g.scheduleLatePct = 100.0 * double(schedule.late) / double(schedule.scheduled);
    const bool cpuBound = saturated >= MinSaturatedSamples && g.saturatedS >= 0.1 * elapsedS;
    const bool late = scheduleKnown && g.scheduleLatePct >= LatePercent;
    g.verdict = cpuBound || late                     ? QStringLiteral("generator-bound")
        : busiestPercent.isEmpty() && !scheduleKnown ? QStringLiteral("inconclusive")
                                                     : QStringLiteral("ok");
    return g;
}

QString GeneratorLimits::reason() const
{
    if (!isBound())
        return {};
    QStringList why;
    if (saturatedS > 0 && cpuPercentMax > SaturatedPercent)
        why.append(QCoreApplication::translate("GeneratorLimits", "an engine thread above %1 % of a core for %2 s")
                       .arg(SaturatedPercent, 0, 'f', 0)
                       .arg(saturatedS, 0, 'f', 0));
    if (scheduleLatePct >= LatePercent)
        why.append(QCoreApplication::translate("GeneratorLimits", "%1 % of the scheduled requests sent late")
                       .arg(scheduleLatePct, 0, 'f', 1));
    return QCoreApplication::translate("GeneratorLimits",
        "generator-bound: %1 (the numbers show the generator's limit, "
        "not only the service's)")
        .arg(why.join(QStringLiteral("; ")));
}

void GeneratorLimits::writeTo(QJsonObject* generator) const
{
    if (verdict.isEmpty())
        return;
    generator->insert(QStringLiteral("cpu_percent_max"), cpuPercentMax);
    generator->insert(QStringLiteral("saturated_s"), saturatedS);
    generator->insert(QStringLiteral("schedule_late_pct"), scheduleLatePct);
    generator->insert(QStringLiteral("verdict"), verdict);
    if (cpuUsPerRequest > 0)
        generator->insert(QStringLiteral("cpu_us_per_request"), cpuUsPerRequest);
}

GeneratorLimits GeneratorLimits::readFrom(const QJsonObject& generator)
{
    GeneratorLimits g;
    g.cpuPercentMax = generator.value(QStringLiteral("cpu_percent_max")).toDouble();
    g.saturatedS = generator.value(QStringLiteral("saturated_s")).toDouble();
    g.scheduleLatePct = generator.value(QStringLiteral("schedule_late_pct")).toDouble();
    g.verdict = generator.value(QStringLiteral("verdict")).toString();
    g.cpuUsPerRequest = generator.value(QStringLiteral("cpu_us_per_request")).toDouble();
    return g;
}

} // namespace Stressdeck
