// SPDX-License-Identifier: MIT

#include "capacityrun.h"

#include "capacitystep.h"
#include "format.h"
#include "loadrunner.h"
#include "report.h"
#include "shardfollower.h"
#include "shardmerge.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

constexpr int s_maxInFlightCap = 100000;

//! The open model's in-flight cap for a step: enough for every request of `timeoutS` at the
//! step's rate, so the cap never limits a step; a step whose requests would need more fails on
//! its latency or achieved rate anyway.
int inFlightCapFor(double rps, double timeoutS)
{
    return int(std::clamp(std::ceil(rps * timeoutS), 10.0, double(s_maxInFlightCap)));
}

} // namespace

CapacityRun::CapacityRun(QObject* parent)
    : QObject(parent)
    , m_runner(new LoadRunner(this))
{
    connect(m_runner, &LoadRunner::snapshotReady, this, &CapacityRun::snapshotReady);
    connect(m_runner, &LoadRunner::unavailable, this, [this](const QString& message) {
        m_unavailable = true;
        Q_EMIT unavailable(message);
    });
    connect(m_runner, &LoadRunner::finished, this, &CapacityRun::onStepFinished);
    connect(m_runner, &LoadRunner::lateStart, this, [this](double lateMs) {
        m_lateStart = true;
        Q_EMIT lateStart(lateMs);
    });
    m_poll = new QTimer(this);
    m_poll->setInterval(200);
    connect(m_poll, &QTimer::timeout, this, &CapacityRun::pollShards);
}

bool CapacityRun::setSharding(const Sharding& sharding, QString* error)
{
    if (!QDir().mkpath(sharding.exchangeDir) || !QFileInfo(sharding.exchangeDir).isWritable()) {
        *error = QCoreApplication::translate("Capacity", "--exchange-dir: cannot write to \"%1\"")
                     .arg(sharding.exchangeDir);
        return false;
    }
    const QString mine
        = QDir(sharding.exchangeDir)
              .filePath(QStringLiteral("step-1/") + ShardFollower::fileName(sharding.spec.index, sharding.spec.count));
    if (QFileInfo::exists(mine)) {
        *error = QCoreApplication::translate(
            "Capacity", "--exchange-dir: \"%1\" holds an earlier search (%2): give each search an empty directory")
                     .arg(sharding.exchangeDir, mine);
        return false;
    }
    m_sharding = sharding;
    m_nextStartUnixNs = sharding.firstStart.atUnixNs;
    return true;
}

QString CapacityRun::stepDirectory(int step) const
{
    return QDir(m_sharding->exchangeDir).filePath(QStringLiteral("step-%1").arg(step));
}

CapacityRun::~CapacityRun() = default;

bool CapacityRun::validate(const Options& options, QString* error)
{
    if (!(options.stepS >= 2) || options.stepS > 3540) {
        *error = QCoreApplication::translate("Capacity", "A step lasts from 2 s to 59 min");
        return false;
    }
    if (options.mode == Mode::Rate) {
        if (options.slo.isEmpty()) {
            *error = QCoreApplication::translate("Capacity", "The rate search needs an SLO, e.g. p95<500ms");
            return false;
        }
        return CapacitySearch::validate(options.rate, error);
    }
    if (options.users.startUsers < 1 || options.users.maxUsers < options.users.startUsers
        || options.users.maxUsers > 100000) {
        *error = QCoreApplication::translate(
            "Capacity", "Users: from at least 1 up to a maximum at or above the start, at most 100000");
        return false;
    }
    if (!(options.users.growth > 1) || options.users.growth > 100) {
        *error = QCoreApplication::translate("Capacity", "Growth: a factor above 1 and at most 100");
        return false;
    }
    return true;
}

bool CapacityRun::start(const RunConfig& base, const Scenario& scenario, const Options& options, QString* error)
{
    if (m_running || !validate(options, error))
        return false;
    m_options = options;
    m_scenario = scenario;
    m_base = base;
    m_base.durationS = options.stepS;
    m_base.stages = {};
    m_base.checkpointIntervalS = std::min(3600.0, std::max(m_base.checkpointIntervalS, options.stepS + 60));
    if (options.mode == Mode::Rate) {
        m_base.loadModel = LoadModel::Open;
        m_base.rateRps = options.rate.startRps;
        m_base.thinkMinMs = m_base.thinkMaxMs = 0;
        m_base.concurrency = options.inFlightCap.value_or(inFlightCapFor(options.rate.startRps, m_base.timeoutS));
    } else {
        m_base.loadModel = LoadModel::Closed;
        m_base.concurrency = options.users.startUsers;
    }
    if (!m_base.validate(error))
        return false;
    m_rate = CapacitySearch(options.rate);
    m_users = ConcurrencySearch(options.users);
    m_interrupted = m_unavailable = m_lateStart = false;
    if (m_sharding)
        m_nextStartUnixNs = m_sharding->firstStart.atUnixNs;
    m_firstStep = true;
    m_running = true;
    m_startedAt = QDateTime::currentDateTimeUtc();
    // The first step's refusal (a scenario the runner will not take) is the caller's error, not a
    // search that ran: nothing is emitted.
    if (!launchStep(error)) {
        m_running = false;
        return false;
    }
    return true;
}

void CapacityRun::stop()
{
    const bool done = m_options.mode == Mode::Rate ? m_rate.isDone() : m_users.isDone();
    if (!m_running || m_interrupted || done)
        return;
    m_interrupted = true;
    if (m_runner->isRunning())
        m_runner->stop();
    if (m_poll->isActive())
        pollShards();
}

void CapacityRun::stopNow()
{
    if (!m_running)
        return;
    m_interrupted = true;
    if (m_poll->isActive())
        pollShards();
    if (m_runner->isRunning())
        m_runner->stopNow();
}

int CapacityRun::stepsDone() const
{
    return m_options.mode == Mode::Rate ? m_rate.stepsDone() : int(m_users.result().steps.size());
}

int CapacityRun::estimatedTotalSteps() const
{
    return m_options.mode == Mode::Rate ? m_rate.estimatedTotalSteps() : m_users.estimatedTotalSteps();
}

bool CapacityRun::found() const
{
    if (m_options.mode == Mode::Rate) {
        const auto outcome = m_rate.result().outcome;
        return outcome == CapacityResult::Outcome::Found || outcome == CapacityResult::Outcome::AboveMax;
    }
    const auto outcome = m_users.result().outcome;
    return outcome == ConcurrencyResult::Outcome::Found || outcome == ConcurrencyResult::Outcome::AboveMax;
}

void CapacityRun::startStep()
{
    const bool done = m_options.mode == Mode::Rate ? m_rate.isDone() : m_users.isDone();
    if (m_interrupted || done) {
        end();
        return;
    }
    if (QString error; !launchStep(&error)) {
        Q_EMIT failed(error);
        end();
    }
}

bool CapacityRun::launchStep(QString* error)
{
    RunConfig step = m_base;
    if (m_options.mode == Mode::Rate) {
        m_currentLoad = *m_rate.nextRate();
        step.rateRps = m_currentLoad;
        if (!m_options.inFlightCap)
            step.concurrency = inFlightCapFor(m_currentLoad, m_base.timeoutS);
    } else {
        m_currentLoad = *m_users.nextUsers();
        step.concurrency = int(m_currentLoad);
    }
    step.healthCheck = m_firstStep && m_base.healthCheck;
    if (m_sharding) {
        StartBarrier barrier = m_sharding->firstStart;
        barrier.atUnixNs = m_nextStartUnixNs;
        m_runner->setShard(m_sharding->spec, barrier);
    }
    if (!m_runner->start(step, m_scenario, error))
        return false;
    m_firstStep = false;
    Q_EMIT stepStarted(stepsDone() + 1, estimatedTotalSteps(), m_currentLoad);
    return true;
}

void CapacityRun::onStepFinished(const Report& report)
{
    if (m_unavailable || m_interrupted || m_lateStart) { // a cut-short step is not judged
        QTimer::singleShot(0, this, &CapacityRun::end);
        return;
    }
    if (!m_sharding) {
        judgeStep(report);
        return;
    }
    const int step = stepsDone() + 1;
    QString error;
    if (!QDir().mkpath(stepDirectory(step))
        || !report.save(
            QDir(stepDirectory(step)).filePath(ShardFollower::fileName(m_sharding->spec.index, m_sharding->spec.count)),
            &error)) {
        Q_EMIT failed(error.isEmpty()
                ? QCoreApplication::translate("Capacity", "cannot write to \"%1\"").arg(stepDirectory(step))
                : error);
        QTimer::singleShot(0, this, &CapacityRun::end);
        return;
    }
    m_pollDeadline = QDeadlineTimer(qint64(m_sharding->waitS * 1000));
    m_poll->start();
    pollShards();
}

void CapacityRun::pollShards()
{
    const int step = stepsDone() + 1;
    const QDir dir(stepDirectory(step));
    QList<int> missing;
    for (int i = 0; i < m_sharding->spec.count; ++i) {
        if (!dir.exists(ShardFollower::fileName(i, m_sharding->spec.count)))
            missing.append(i);
    }
    if (!missing.isEmpty() && !m_pollDeadline.hasExpired() && !m_interrupted)
        return;
    m_poll->stop();
    if (m_interrupted) {
        QTimer::singleShot(0, this, &CapacityRun::end);
        return;
    }
    if (!missing.isEmpty()) {
        QStringList names;
        for (int i : std::as_const(missing))
            names.append(QString::number(i));
        Q_EMIT failed(
            QCoreApplication::translate("Capacity", "shard(s) %1 of %2 did not report step %3 within %4 s (in %5)")
                .arg(names.join(QStringLiteral(", ")))
                .arg(m_sharding->spec.count)
                .arg(step)
                .arg(m_sharding->waitS)
                .arg(dir.path()));
        QTimer::singleShot(0, this, &CapacityRun::end);
        return;
    }
    QList<ShardReportFile> files;
    QString error;
    for (int i = 0; i < m_sharding->spec.count; ++i) {
        ShardReportFile f { dir.filePath(ShardFollower::fileName(i, m_sharding->spec.count)), {} };
        if (!Report::load(f.file, &f.report, &error))
            break;
        files.append(f);
    }
    Report merged;
    if (files.size() < m_sharding->spec.count || !ShardMerge::merge(files, false, &merged, &error)) {
        Q_EMIT failed(QCoreApplication::translate("Capacity", "step %1: %2").arg(step).arg(error));
        QTimer::singleShot(0, this, &CapacityRun::end);
        return;
    }
    // Every shard reads the same files, so every shard agrees on this instant.
    const qint64 endMs = merged.finishedAt.toMSecsSinceEpoch() + qint64(m_sharding->leadS * 1000);
    m_nextStartUnixNs = (endMs + 999) / 1000 * 1'000'000'000;
    judgeStep(merged);
}

void CapacityRun::judgeStep(const Report& report)
{
    const CapacityStepResult measured = measureCapacityStep(report, m_options.slo, m_options.warmupFraction);
    if (m_options.mode == Mode::Rate) {
        m_rate.report(measured);
    } else {
        ConcurrencyStep step;
        // Throughput of successful requests: failing fast is no capacity.
        step.throughputRps = measured.achievedRps * std::max(0.0, 1 - measured.errorPct / 100);
        step.p50Ms = measured.p50Ms;
        step.p95Ms = measured.p95Ms;
        step.p99Ms = measured.p99Ms;
        step.errorPct = measured.errorPct;
        step.sloPassed = measured.sloPassed;
        step.sloDetail = measured.sloDetail;
        m_users.report(step);
    }
    Q_EMIT stepFinished(stepsDone());
    QTimer::singleShot(0, this, &CapacityRun::startStep);
}

void CapacityRun::end()
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished();
}

QString CapacityRun::summary() const
{
    if (m_options.mode == Mode::Rate)
        return capacitySummaryLine(m_rate.result(), m_options.slo, m_options.rate.startRps, m_interrupted);
    return concurrencySummaryLine(m_users.result(), m_options.slo, m_interrupted);
}

QString CapacityRun::subject() const
{
    return QCoreApplication::translate("Capacity", "\"%1\" against %2, %3 transport, steps of %4")
        .arg(m_scenario.name, m_base.target.toString(), transportId(m_base.transport),
            formatDurationExact(m_options.stepS));
}

QJsonObject CapacityRun::toJson() const
{
    QJsonObject json = m_options.mode == Mode::Rate ? m_rate.result().toJson() : m_users.result().toJson();
    json.insert(
        QStringLiteral("mode"), m_options.mode == Mode::Rate ? QStringLiteral("rate") : QStringLiteral("users"));
    json.insert(QStringLiteral("slo"), m_options.slo.toJson());
    json.insert(QStringLiteral("slo_text"), m_options.slo.toString());
    json.insert(QStringLiteral("interrupted"), m_interrupted);
    json.insert(QStringLiteral("summary"), summary());
    return json;
}

QJsonObject CapacityRun::configJson() const
{
    QJsonArray types;
    for (const RequestType& t : m_scenario.requestTypes)
        types.append(t.name);
    QJsonObject config {
        { QStringLiteral("target"), m_base.target.toString() },
        { QStringLiteral("scenario"), m_scenario.name },
        { QStringLiteral("request_types"), types },
        { QStringLiteral("transport"), transportId(m_base.transport) },
        { QStringLiteral("timeout_s"), m_base.timeoutS },
        { QStringLiteral("threads"), m_base.threads },
        { QStringLiteral("insecure"), m_base.insecure },
        { QStringLiteral("load_model"), loadModelId(m_base.loadModel) },
        { QStringLiteral("growth"), m_options.mode == Mode::Rate ? m_options.rate.growth : m_options.users.growth },
        { QStringLiteral("step_duration_s"), m_options.stepS },
        { QStringLiteral("warmup_fraction"), m_options.warmupFraction },
        { QStringLiteral("started_at"), m_startedAt.toString(Qt::ISODate) },
    };
    if (m_options.mode == Mode::Rate) {
        config.insert(QStringLiteral("in_flight_cap"),
            m_options.inFlightCap ? QJsonValue(*m_options.inFlightCap) : QJsonValue(QStringLiteral("rate_x_timeout")));
        config.insert(QStringLiteral("start_rps"), m_options.rate.startRps);
        config.insert(QStringLiteral("max_rps"), m_options.rate.maxRps);
        config.insert(QStringLiteral("tolerance"), m_options.rate.tolerance);
    } else {
        config.insert(QStringLiteral("start_users"), m_options.users.startUsers);
        config.insert(QStringLiteral("max_users"), m_options.users.maxUsers);
        config.insert(QStringLiteral("min_efficiency"), m_options.users.minEfficiency);
        config.insert(QStringLiteral("think_min_ms"), m_base.thinkMinMs);
        config.insert(QStringLiteral("think_max_ms"), m_base.thinkMaxMs);
    }
    return config;
}

QJsonObject CapacityRun::document() const
{
    return QJsonObject {
        { QStringLiteral("schema"), QStringLiteral("stressdeck-capacity/1") },
        { QStringLiteral("tool"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("stressdeck") },
                { QStringLiteral("version"), QStringLiteral(STRESSDECK_VERSION) } } },
        { QStringLiteral("config"), configJson() },
        { QStringLiteral("capacity"), toJson() },
    };
}

QString concurrencySummaryLine(const ConcurrencyResult& result, const Slo& slo, bool interrupted)
{
    const auto stepAt = [&](int users) -> const ConcurrencyStep* {
        for (const ConcurrencyStep& s : result.steps) {
            if (s.users == users)
                return &s;
        }
        return nullptr;
    };
    const ConcurrencyStep* knee = result.kneeUsers ? stepAt(*result.kneeUsers) : nullptr;
    const ConcurrencyStep* flat = result.flatUsers ? stepAt(*result.flatUsers) : nullptr;
    const ConcurrencyStep* first = result.steps.isEmpty() ? nullptr : &result.steps.constFirst();
    const QString objective
        = slo.isEmpty() ? QString() : QCoreApplication::translate("Capacity", " with %1").arg(sloInWords(slo));
    if (interrupted) {
        if (!knee)
            return QCoreApplication::translate("Capacity", "Interrupted before any step finished");
        return QCoreApplication::translate(
            "Capacity", "Interrupted: throughput still grew at %n user(s) (%1 req/s)", nullptr, knee->users)
            .arg(formatRate(knee->throughputRps));
    }
    switch (result.outcome) {
    case ConcurrencyResult::Outcome::Found:
        if (!flat->sloPassed)
            return QCoreApplication::translate("Capacity", "Scales to %n user(s) (%1 req/s)%2", nullptr, knee->users)
                       .arg(formatRate(knee->throughputRps), objective)
                + QCoreApplication::translate("Capacity", "; at %n user(s): %1", nullptr, flat->users)
                      .arg(flat->sloDetail);
        return QCoreApplication::translate(
                   "Capacity", "Throughput stops growing at %n user(s) (%1 req/s)", nullptr, knee->users)
                   .arg(formatRate(knee->throughputRps))
            + QCoreApplication::translate("Capacity", "; %n user(s): %1 req/s, p95 %2 → %3", nullptr, flat->users)
                  .arg(formatRate(flat->throughputRps), formatLatency(knee->p95Ms), formatLatency(flat->p95Ms))
            + objective;
    case ConcurrencyResult::Outcome::AboveMax:
        return QCoreApplication::translate(
            "Capacity", "Throughput still grows at %n user(s) (the max): %1 req/s%2", nullptr, knee->users)
            .arg(formatRate(knee->throughputRps), objective);
    case ConcurrencyResult::Outcome::NotFound:
        if (first && !first->sloPassed)
            return QCoreApplication::translate("Capacity", "Even %n user(s) break the SLO: %1", nullptr, first->users)
                .arg(first->sloDetail);
        return QCoreApplication::translate(
            "Capacity", "No request succeeded with %n user(s)", nullptr, first ? first->users : 0);
    case ConcurrencyResult::Outcome::Running:
        break;
    }
    return QCoreApplication::translate("Capacity", "No knee found");
}

} // namespace Stressdeck
