// SPDX-License-Identifier: MIT

#include "textsummary.h"

#include "format.h"

#include <QCoreApplication>

#include <algorithm>

namespace Stressdeck {

namespace {

QString ms(double value)
{
    return formatLatency(value, LatencyStyle::Compact);
}

void appendStats(QString& out, const StatsSummary& s)
{
    out += QCoreApplication::translate("Summary", "  Total: %1\n").arg(s.total);
    out += QCoreApplication::translate("Summary", "  Success: %1 (%2%)\n")
               .arg(s.success)
               .arg(s.successRatePct, 0, 'f', 1);
    out += QCoreApplication::translate("Summary", "  Failure: %1\n").arg(s.failure);
    out += QCoreApplication::translate("Summary", "  Timeouts: %1\n").arg(s.timeouts);
    out += QCoreApplication::translate("Summary", "  Latency: avg=%1, p50=%2, p95=%3, p99=%4, max=%5\n")
               .arg(ms(s.latency.mean), ms(s.latency.p50), ms(s.latency.p95), ms(s.latency.p99), ms(s.latency.max));
    QList<std::pair<QString, qint64>> errors;
    for (auto it = s.errors.begin(); it != s.errors.end(); ++it)
        errors.append({ it.key(), it.value() });
    std::sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (!errors.isEmpty()) {
        out += QCoreApplication::translate("Summary", "  Errors:\n");
        for (qsizetype i = 0; i < std::min<qsizetype>(5, errors.size()); ++i)
            out += QStringLiteral("    - %1: %2\n").arg(errors[i].first).arg(errors[i].second);
    }
}

//! The streaming figures under their report keys: metric names and numbers, no prose to
//! translate; the warnings are the report's own fixed English.
void appendStreaming(QString& out, const StatsSummary& s)
{
    if (!s.streaming)
        return;
    const StreamingSummary& st = *s.streaming;
    auto line = [&](const char* name, const LatencySummary& l) {
        out += QStringLiteral("  %1: p50=%2, p95=%3, p99=%4, max=%5\n")
                   .arg(QLatin1String(name), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max));
    };
    line("TTFT", st.ttft);
    line("TTFT (sched)", st.ttftSched);
    line("TPOT", st.tpot);
    line("ICL", st.icl);
    line("E2E", st.e2e);
    out += QStringLiteral("  output_tokens=%1 (%2/s), token_source usage=%3 none=%4, chunks_per_token=%5\n")
               .arg(st.outputTokens)
               .arg(st.outputTokensPerS, 0, 'f', 1)
               .arg(st.usage)
               .arg(st.none)
               .arg(st.chunksPerToken, 0, 'f', 2);
    if (st.goodputRps && st.goodPct)
        out += QStringLiteral("  goodput_rps=%1, good_pct=%2\n")
                   .arg(*st.goodputRps, 0, 'f', 2)
                   .arg(*st.goodPct, 0, 'f', 1);
    for (const QString& warning : st.warnings)
        out += QStringLiteral("  ! %1\n").arg(warning);
}

double peakTarget(const Stages& stages)
{
    double peak = 0;
    for (const Stage& stage : stages.stages())
        peak = std::max(peak, stage.target);
    return peak;
}

//! One row per stage, by the requests that started in it.
void appendStages(QString& out, const Report& r)
{
    if (r.stages.isEmpty())
        return;
    auto row = [](const QStringList& cells) -> QString {
        static constexpr int widths[] = { 5, 15, 15, 9, 9, 9, 9, 9, 9 };
        QString line = QStringLiteral(" ");
        for (qsizetype i = 0; i < cells.size(); ++i)
            line += QLatin1Char(' ') + cells[i].rightJustified(widths[i]);
        return line + QLatin1Char('\n');
    };
    out += QCoreApplication::translate("Summary", "\nStages (by the requests that started in each):\n");
    out += row({ QCoreApplication::translate("Summary", "Stage"), QCoreApplication::translate("Summary", "Time"),
        r.config.loadModel == LoadModel::Open ? QCoreApplication::translate("Summary", "Target (req/s)")
                                              : QCoreApplication::translate("Summary", "Target (users)"),
        QCoreApplication::translate("Summary", "Requests"), QCoreApplication::translate("Summary", "Failures"),
        QCoreApplication::translate("Summary", "req/s"), QStringLiteral("p50"), QStringLiteral("p95"),
        QStringLiteral("p99") });
    auto number = [](double value) { return QString::number(value, 'g', 6); };
    for (qsizetype i = 0; i < r.stages.size(); ++i) {
        const StageSummary& st = r.stages[i];
        const StatsSummary& s = st.stats;
        out += row({ QString::number(i + 1),
            QStringLiteral("%1–%2").arg(formatDurationExact(st.startS), formatDurationExact(st.endS)),
            st.fromTarget == st.target ? number(st.target)
                                       : QStringLiteral("%1→%2").arg(number(st.fromTarget), number(st.target)),
            QString::number(s.total), QString::number(s.failure), QString::number(s.throughputRps, 'f', 1),
            ms(s.latency.p50), ms(s.latency.p95), ms(s.latency.p99) });
    }
}

} // namespace

QString textSummary(const Report& r)
{
    QString out;
    const QString rule(60, QLatin1Char('='));
    out += rule + QLatin1Char('\n');
    out += QCoreApplication::translate("Summary", "Stressdeck report: %1 against %2\n")
               .arg(r.scenarioName, r.config.target.toString());
    const bool open = r.config.loadModel == LoadModel::Open;
    // A staged run's load is its peak here; the stages themselves follow.
    const double load = r.config.isStaged() ? peakTarget(r.config.stages)
        : open                              ? r.config.rateRps
                                            : r.config.concurrency;
    QString loadUnit
        = open ? QCoreApplication::translate("Summary", "req/s") : QCoreApplication::translate("Summary", "users");
    if (r.config.isStaged())
        loadUnit = open ? QCoreApplication::translate("Summary", "req/s (peak)")
                        : QCoreApplication::translate("Summary", "users (peak)");
    out += QCoreApplication::translate("Summary", "Profile %1, %2, %3 %4, timeout %5 s, think time %6–%7 ms\n")
               .arg(r.config.profile,
                   open ? QCoreApplication::translate("Summary", "open model")
                        : QCoreApplication::translate("Summary", "closed model"))
               .arg(load)
               .arg(loadUnit)
               .arg(r.config.timeoutS)
               .arg(r.config.thinkMinMs)
               .arg(r.config.thinkMaxMs);
    out += QCoreApplication::translate(
        "Summary", "Generator: %1 transport, %n engine thread(s)\n", nullptr, r.config.threads)
               .arg(transportId(r.config.transport));
    if (r.config.isStaged())
        out += (r.config.stages.unit() == Stages::Unit::Rate
                ? QCoreApplication::translate("Summary", "Rate stages (req/s): %1\n")
                : QCoreApplication::translate("Summary", "Stages (users): %1\n"))
                   .arg(r.config.stages.toString());
    if (r.config.insecure)
        out += QCoreApplication::translate("Summary", "TLS certificates were NOT verified (--insecure)\n");
    if (r.shard)
        out += QCoreApplication::translate("Summary", "Shard %1 of %2 of a distributed run (plan %3)\n")
                   .arg(r.shard->index)
                   .arg(r.shard->count)
                   .arg(r.shard->planHash);
    if (r.shards)
        out += (r.shards->isPartial()
                ? QCoreApplication::translate(
                    "Summary", "PARTIAL merge of %1 of %2 shards (missing: %3), start skew %4 ms\n")
                : QCoreApplication::translate("Summary", "Merged from %1 of %2 shards%3, start skew %4 ms\n"))
                   .arg(r.shards->merged.size())
                   .arg(r.shards->count)
                   .arg([&] {
                       QStringList missing;
                       for (int i : r.shards->missing)
                           missing.append(QString::number(i));
                       return missing.join(QStringLiteral(", "));
                   }())
                   .arg(r.shards->startSkewMs, 0, 'f', 1);
    out += QCoreApplication::translate("Summary", "Test Results (%1s)\n").arg(r.elapsedS, 0, 'f', 1);
    out += rule + QLatin1Char('\n');
    out += QCoreApplication::translate("Summary", "Request Statistics:\n");
    for (const StatsSummary& s : r.requestTypes) {
        out += QStringLiteral("\n%1 (%2 %3):\n").arg(s.name.toUpper(), s.method, s.path);
        appendStats(out, s);
        appendStreaming(out, s);
    }
    out += QCoreApplication::translate("Summary", "\nOverall:\n");
    out += QCoreApplication::translate("Summary", "  Total Requests: %1\n").arg(r.overall.total);
    out += QCoreApplication::translate("Summary", "  Success Rate: %1%\n").arg(r.overall.successRatePct, 0, 'f', 2);
    out += QCoreApplication::translate("Summary", "  Throughput: %1 req/s\n").arg(r.overall.throughputRps, 0, 'f', 2);
    out += QCoreApplication::translate("Summary", "  Latency: p50=%1, p95=%2, p99=%3\n")
               .arg(ms(r.overall.latency.p50), ms(r.overall.latency.p95), ms(r.overall.latency.p99));
    if (r.overall.streaming && r.overall.streaming->goodPct)
        out += QCoreApplication::translate("Summary", "  Goodput (%1): %2 req/s, %3 % of the streamed requests good\n")
                   .arg(r.config.slo.toString())
                   .arg(r.overall.streaming->goodputRps.value_or(0), 0, 'f', 2)
                   .arg(*r.overall.streaming->goodPct, 0, 'f', 1);
    if (r.config.loadModel == LoadModel::Open)
        out += QCoreApplication::translate("Summary", "  Schedule: %1 sent, %2 late (≥ %3 ms)\n")
                   .arg(r.schedule.scheduled)
                   .arg(r.schedule.late)
                   .arg(ScheduleInfo::LateThresholdMs);
    out += QCoreApplication::translate("Summary", "  Stuck requests: %1\n").arg(r.stuckRequests);
    if (!r.generatorLimits.verdict.isEmpty())
        out += QCoreApplication::translate("Summary", "  Generator: busiest engine thread %1 % of a core, %2\n")
                   .arg(r.generatorLimits.cpuPercentMax, 0, 'f', 0)
                   .arg(r.generatorLimits.isBound() ? r.generatorLimits.reason() : r.generatorLimits.verdict);
    if (r.generatorLimits.cpuUsPerRequest > 0)
        out += QCoreApplication::translate("Summary", "  Generator CPU per request: %1 µs (engine threads)\n")
                   .arg(r.generatorLimits.cpuUsPerRequest, 0, 'f', 1);
    appendStages(out, r);

    out += QCoreApplication::translate("Summary", "\nResource Usage (%1):\n")
               .arg(r.system.source == QLatin1String("pid") ? QCoreApplication::translate("Summary", "process %1 %2")
                                                                  .arg(r.system.pid)
                                                                  .arg(r.system.processName)
                                                            : QCoreApplication::translate("Summary", "whole system"));
    if (!r.system.samples.isEmpty()) {
        double cpuSum = 0, cpuMax = 0, memSum = 0, memMax = 0;
        // Reports before issue #18 open with a sample that measured no CPU interval (0 %).
        const qsizetype unmeasured
            = r.system.samples.size() > 1 && r.system.samples.constFirst().cpuPercent == 0 ? 1 : 0;
        for (qsizetype i = 0; i < r.system.samples.size(); ++i) {
            const SystemSample& s = r.system.samples[i];
            if (i >= unmeasured) {
                cpuSum += s.cpuPercent;
                cpuMax = std::max(cpuMax, s.cpuPercent);
            }
            memSum += s.memoryMb;
            memMax = std::max(memMax, s.memoryMb);
        }
        const double n = double(r.system.samples.size());
        out += QCoreApplication::translate("Summary", "  CPU: avg=%1%, max=%2%\n")
                   .arg(cpuSum / double(r.system.samples.size() - unmeasured), 0, 'f', 1)
                   .arg(cpuMax, 0, 'f', 1);
        out += QCoreApplication::translate("Summary", "  Memory: avg=%1MB, max=%2MB\n")
                   .arg(memSum / n, 0, 'f', 1)
                   .arg(memMax, 0, 'f', 1);
        out += QCoreApplication::translate("Summary", "  Memory Growth: %1%2MB (%3 MB/min)\n")
                   .arg(r.system.memoryGrowthMb >= 0 ? QStringLiteral("+") : QString())
                   .arg(r.system.memoryGrowthMb, 0, 'f', 1)
                   .arg(r.system.memorySlopeMbPerMin, 0, 'f', 2);
    } else {
        out += QCoreApplication::translate("Summary", "  no samples\n");
    }

    out += QCoreApplication::translate("Summary", "\nPass/Fail Criteria:\n");
    int passed = 0;
    for (const Criterion& c : r.criteria) {
        passed += c.passed ? 1 : 0;
        out += QStringLiteral("  %1 %2: %3\n")
                   .arg(c.passed ? QStringLiteral("✓") : QStringLiteral("✗"), c.id, c.detail);
    }
    out += QCoreApplication::translate("Summary", "\nResult: %1/%2 criteria passed\n")
               .arg(passed)
               .arg(r.criteria.size());
    out += r.passed ? QCoreApplication::translate("Summary", "✓ STRESS TEST PASSED\n")
                    : QCoreApplication::translate("Summary", "✗ STRESS TEST FAILED (%1 criteria failed)\n")
                          .arg(r.criteria.size() - passed);
    return out;
}

QString progressLine(const LiveSnapshot& s)
{
    const QString state = s.state == RunState::Draining
        ? QCoreApplication::translate("Summary", " draining, %1 in flight").arg(s.inFlight)
        : QString();
    return QCoreApplication::translate("Summary", "[%1/%2] %3 requests, %4 req/s, %5 errors, p95 %6%7")
        .arg(formatDuration(s.elapsedS), formatDuration(s.durationS))
        .arg(s.overall.total)
        .arg(s.overall.throughputRps, 0, 'f', 1)
        .arg(s.overall.failure)
        .arg(ms(s.overall.latency.p95), state);
}

} // namespace Stressdeck
