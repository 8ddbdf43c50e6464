#include "textsummary.h"

#include <QCoreApplication>

#include <algorithm>

namespace Stressdeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Summary", text);
}

QString ms(double value)
{
    return value >= 1000 ? QStringLiteral("%1s").arg(value / 1000.0, 0, 'f', 2)
                         : QStringLiteral("%1ms").arg(value, 0, 'f', value < 10 ? 2 : 1);
}

void appendStats(QString& out, const StatsSummary& s)
{
    out += tr("  Total: %1\n").arg(s.total);
    out += tr("  Success: %1 (%2%)\n").arg(s.success).arg(s.successRatePct, 0, 'f', 1);
    out += tr("  Failure: %1\n").arg(s.failure);
    out += tr("  Timeouts: %1\n").arg(s.timeouts);
    out += tr("  Latency: avg=%1, p50=%2, p95=%3, p99=%4, max=%5\n")
               .arg(ms(s.latency.mean), ms(s.latency.p50), ms(s.latency.p95), ms(s.latency.p99), ms(s.latency.max));
    QList<std::pair<QString, qint64>> errors;
    for (auto it = s.errors.begin(); it != s.errors.end(); ++it)
        errors.append({ it.key(), it.value() });
    std::sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (!errors.isEmpty()) {
        out += tr("  Errors:\n");
        for (qsizetype i = 0; i < std::min<qsizetype>(5, errors.size()); ++i)
            out += QStringLiteral("    - %1: %2\n").arg(errors[i].first).arg(errors[i].second);
    }
}

} // namespace

QString textSummary(const Report& r)
{
    QString out;
    const QString rule(60, QLatin1Char('='));
    out += rule + QLatin1Char('\n');
    out += tr("Stressdeck report: %1 against %2\n").arg(r.scenarioName, r.config.target.toString());
    out += tr("Profile %1, %2, %3 %4, timeout %5 s, think time %6–%7 ms\n")
               .arg(r.config.profile, r.config.loadModel == LoadModel::Open ? tr("open model") : tr("closed model"))
               .arg(r.config.loadModel == LoadModel::Open ? r.config.rateRps : r.config.concurrency)
               .arg(r.config.loadModel == LoadModel::Open ? tr("req/s") : tr("users"))
               .arg(r.config.timeoutS)
               .arg(r.config.thinkMinMs)
               .arg(r.config.thinkMaxMs);
    if (r.config.insecure)
        out += tr("TLS certificates were NOT verified (--insecure)\n");
    out += tr("Test Results (%1s)\n").arg(r.elapsedS, 0, 'f', 1);
    out += rule + QLatin1Char('\n');
    out += tr("Request Statistics:\n");
    for (const StatsSummary& s : r.requestTypes) {
        out += QStringLiteral("\n%1 (%2 %3):\n").arg(s.name.toUpper(), s.method, s.path);
        appendStats(out, s);
    }
    out += tr("\nOverall:\n");
    out += tr("  Total Requests: %1\n").arg(r.overall.total);
    out += tr("  Success Rate: %1%\n").arg(r.overall.successRatePct, 0, 'f', 2);
    out += tr("  Throughput: %1 req/s\n").arg(r.overall.throughputRps, 0, 'f', 2);
    out += tr("  Latency: p50=%1, p95=%2, p99=%3\n")
               .arg(ms(r.overall.latency.p50), ms(r.overall.latency.p95), ms(r.overall.latency.p99));
    if (r.config.loadModel == LoadModel::Open)
        out += tr("  Schedule: %1 sent, %2 late (≥ %3 ms)\n")
                   .arg(r.schedule.scheduled)
                   .arg(r.schedule.late)
                   .arg(ScheduleInfo::LateThresholdMs);
    out += tr("  Stuck requests: %1\n").arg(r.stuckRequests);

    out += tr("\nResource Usage (%1):\n")
               .arg(r.system.source == QLatin1String("pid")
                       ? tr("process %1 %2").arg(r.system.pid).arg(r.system.processName)
                       : tr("whole system"));
    if (!r.system.samples.isEmpty()) {
        double cpuSum = 0, cpuMax = 0, memSum = 0, memMax = 0;
        for (const SystemSample& s : r.system.samples) {
            cpuSum += s.cpuPercent;
            cpuMax = std::max(cpuMax, s.cpuPercent);
            memSum += s.memoryMb;
            memMax = std::max(memMax, s.memoryMb);
        }
        const double n = double(r.system.samples.size());
        out += tr("  CPU: avg=%1%, max=%2%\n").arg(cpuSum / n, 0, 'f', 1).arg(cpuMax, 0, 'f', 1);
        out += tr("  Memory: avg=%1MB, max=%2MB\n").arg(memSum / n, 0, 'f', 1).arg(memMax, 0, 'f', 1);
        out += tr("  Memory Growth: %1%2MB (%3 MB/min)\n")
                   .arg(r.system.memoryGrowthMb >= 0 ? QStringLiteral("+") : QString())
                   .arg(r.system.memoryGrowthMb, 0, 'f', 1)
                   .arg(r.system.memorySlopeMbPerMin, 0, 'f', 2);
    } else {
        out += tr("  no samples\n");
    }

    out += tr("\nPass/Fail Criteria:\n");
    int passed = 0;
    for (const Criterion& c : r.criteria) {
        passed += c.passed ? 1 : 0;
        out += QStringLiteral("  %1 %2: %3\n")
                   .arg(c.passed ? QStringLiteral("✓") : QStringLiteral("✗"), c.id, c.detail);
    }
    out += tr("\nResult: %1/%2 criteria passed\n").arg(passed).arg(r.criteria.size());
    out += r.passed ? tr("✓ STRESS TEST PASSED\n")
                    : tr("✗ STRESS TEST FAILED (%1 criteria failed)\n").arg(r.criteria.size() - passed);
    return out;
}

QString progressLine(const LiveSnapshot& s)
{
    const QString state = s.state == RunState::Draining ? tr(" draining, %1 in flight").arg(s.inFlight) : QString();
    return tr("[%1/%2] %3 requests, %4 req/s, %5 errors, p95 %6%7")
        .arg(formatDuration(s.elapsedS), formatDuration(s.durationS))
        .arg(s.overall.total)
        .arg(s.overall.throughputRps, 0, 'f', 1)
        .arg(s.overall.failure)
        .arg(ms(s.overall.latency.p95), state);
}

} // namespace Stressdeck
