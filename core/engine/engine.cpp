// SPDX-License-Identifier: MIT

#include "engine.h"

#include "intervalaggregator.h"

#include "analysis.h"
#include "engineworker.h"
#include "qnamtransport.h"
#include "wallclock.h"

#include <QCoreApplication>
#include <QCoro/QCoroNetworkReply>
#include <QCoro/QCoroTimer>
#include <QHostInfo>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <random>

namespace Stressdeck {

namespace {

constexpr auto TickInterval = std::chrono::milliseconds(100);

QUrl urlFor(const QUrl& target, const QString& path)
{
    QUrl url = target;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(base + (query < 0 ? path : path.left(query)));
    url.setQuery(query < 0 ? QString() : path.mid(query + 1));
    return url;
}

} // namespace

Engine::Engine(const RunConfig& config, const Scenario& scenario, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_templates(scenario)
    , m_shared(std::make_unique<EngineShared>())
{
    if (m_config.seed == 0)
        // At most 53 bits, so the seed survives the JSON report exactly.
        m_config.seed = ((quint64(std::random_device {}()) << 32 | std::random_device {}()) & ((1ULL << 53) - 1)) | 1;
    if (m_config.threads <= 0)
        m_config.threads = defaultEngineThreads();
    m_shared->config = m_config;
    // LoadRunner::start has checked that every variable is set.
    QString unused;
    scenario.resolveEnvironment(&m_shared->scenario, &unused);
    for (RequestType& t : m_shared->scenario.requestTypes) {
        t.bodies = t.bodiesToSend({ m_config.model, m_config.streamUsage });
        t.headers = t.headersToSend();
        t.multipart.clear(); // sent as the body above
    }
    double sum = 0;
    for (const RequestType& t : m_shared->scenario.requestTypes) {
        sum += t.weight;
        m_shared->cumulativeWeights.push_back(sum);
        m_shared->requests.push_back(PreparedRequest::of(t, urlFor(m_config.target, t.path)));
    }
    QStringList names;
    for (const RequestType& t : m_shared->scenario.requestTypes)
        names.append(t.name);
    m_aggregator = std::make_unique<IntervalAggregator>(
        names, int(m_config.stages.stages().size()), TimelineRow::rowSecondsFor(m_config.durationS));
    m_aggregator->setStreams(std::any_of(m_shared->scenario.requestTypes.begin(), m_shared->scenario.requestTypes.end(),
        [](const RequestType& t) { return t.isStreaming(); }));
    m_aggregator->setGoodput(Goodput(m_config.slo, m_shared->scenario));
    m_rate = m_config.rateRps;
}

Engine::~Engine()
{
    // Each worker goes on its own thread, before the state it shares; a run torn down midway
    // (the window closed) first lets its users end. Nothing may reach this half-destroyed
    // engine meanwhile: no timer, no queued call, no signal from a worker.
    m_shared->running = false;
    for (QTimer* timer : findChildren<QTimer*>())
        timer->stop();
    for (EngineWorker* worker : m_workers)
        disconnect(worker, nullptr, this, nullptr);
    QCoreApplication::removePostedEvents(this);
    for (size_t i = 1; i < m_workers.size(); ++i) {
        EngineWorker* worker = m_workers[i];
        QMetaObject::invokeMethod(
            worker,
            [worker] {
                worker->windDown();
                delete worker;
            },
            Qt::BlockingQueuedConnection);
        m_workerThreads[i - 1]->quit();
        m_workerThreads[i - 1]->wait();
        delete m_workerThreads[i - 1];
    }
    if (!m_workers.empty()) {
        m_workers.front()->windDown();
        delete m_workers.front();
    }
}

void Engine::setShard(const ShardSpec& shard, const StartBarrier& barrier)
{
    m_shard = shard;
    m_barrier = barrier;
    m_shardInfo.emplace();
    m_shared->shard = shard;
}

QCoro::Task<bool> Engine::waitForStart()
{
    // Coarse waits keep this thread's event loop going; only the last 50 ms are one absolute
    // sleep on the wall clock, which honours a clock step.
    constexpr qint64 FinalNs = 50'000'000;
    const qint64 at = *m_barrier.atUnixNs;
    for (;;) {
        const qint64 left = at - WallClock::realtimeNs();
        if (left <= FinalNs || m_state != RunState::Checking)
            break;
        QTimer timer;
        timer.setSingleShot(true);
        timer.start(std::chrono::milliseconds(std::min<qint64>(200, (left - FinalNs) / 1'000'000 + 1)));
        co_await timer;
    }
    if (m_state != RunState::Checking)
        co_return false;
    WallClock::sleepUntil(at);
    co_return true;
}

void Engine::start()
{
    if (m_state != RunState::Idle)
        return;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_state = RunState::Checking;
    run();
}

void Engine::endWithoutLoad(const QString& stopReason)
{
    m_stopReason = stopReason;
    m_state = RunState::Draining;
    m_loadStart = m_loadEnd = Clock::now();
    maybeFinish();
}

QCoro::Task<> Engine::run()
{
    if (m_config.healthCheck) {
        QString message;
        if (!co_await checkHealth(&message)) {
            Q_EMIT unavailable(message);
            endWithoutLoad(QStringLiteral("unavailable"));
            co_return;
        }
    }
    // The barrier comes after the health check, so a shard is ready when it wakes.
    if (m_barrier.atUnixNs && m_state == RunState::Checking && !co_await waitForStart())
        m_state = RunState::Draining;
    if (m_state != RunState::Checking) { // stopped while checking
        m_loadStart = m_loadEnd = Clock::now();
        maybeFinish();
        co_return;
    }

    // The plan's origin: --start-at's instant on this process's monotonic clock, or now.
    const Clock::time_point wokeMono = Clock::now();
    const qint64 wokeWall = WallClock::realtimeNs();
    const qint64 originWall = m_barrier.atUnixNs.value_or(wokeWall);
    const double lateMs = double(wokeWall - originWall) / 1e6;
    if (m_shardInfo) {
        ShardInfo& info = *m_shardInfo;
        info.index = m_shard.index;
        info.count = m_shard.count;
        info.source = m_shard.source;
        info.planHash = ShardPlan::planHash(m_config, m_templates);
        info.seed = m_config.seed;
        info.planConcurrency = m_config.concurrency;
        info.planRateRps = m_config.rateRps;
        if (m_barrier.atUnixNs)
            info.startAtUnixS = double(*m_barrier.atUnixNs) / 1e9;
        info.actualStartUnixS = double(wokeWall) / 1e9;
        info.originUnixS = double(originWall) / 1e9;
        info.startLagMs = lateMs;
        const ClockQuality clock = WallClock::quality();
        info.clockSynchronised = clock.synchronised;
        info.clockMaxErrorUs = clock.maxErrorUs;
        info.host = QHostInfo::localHostName();
        info.pid = QCoreApplication::applicationPid();
    }
    if (m_barrier.atUnixNs && lateMs > m_barrier.toleranceS * 1000) {
        if (!m_barrier.join) {
            Q_EMIT lateStart(lateMs);
            endWithoutLoad(QStringLiteral("late_start"));
            co_return;
        }
        m_joinOffsetS = lateMs / 1000;
        if (m_shardInfo)
            m_shardInfo->joinedLateByMs = lateMs;
        m_shared->schedule.skipBefore(m_joinOffsetS);
    }

    m_state = RunState::Running;
    m_loadStart = wokeMono - std::chrono::nanoseconds(wokeWall - originWall);
    m_targetUsers = m_config.concurrency;
    if (m_config.isStaged()) {
        // Closed: the users follow the stages; open: the rate does, `concurrency` stays the cap.
        const double target = m_config.stages.targetAt(m_joinOffsetS);
        if (m_config.loadModel == LoadModel::Open)
            m_rate = target;
        else
            m_targetUsers = int(std::floor(target + 1e-9));
    }
    m_loadChanges.append({ m_joinOffsetS, m_targetUsers, m_config.loadModel == LoadModel::Open ? m_rate : 0.0 });

    m_sampler = std::make_unique<ProcessSampler>(m_config.monitorPid);
    // The engine threads (a QThread's name, cut to 15 bytes) and QNAM's HTTP threads, which do
    // the qnam transport's work.
    m_threadCpu
        = std::make_unique<ThreadCpu>(QStringList { QStringLiteral("stressdeck-engi"), QStringLiteral("Qt HTTP") });
    takeSample();
    m_sampleTimer = new QTimer(this);
    m_sampleTimer->setInterval(int(m_config.sampleIntervalS * 1000));
    connect(m_sampleTimer, &QTimer::timeout, this, &Engine::takeSample);
    m_sampleTimer->start();

    m_checkpointTimer = new QTimer(this);
    m_checkpointTimer->setInterval(std::chrono::milliseconds(qint64(m_config.checkpointIntervalS * 1000)));
    connect(m_checkpointTimer, &QTimer::timeout, this, [this] {
        collect();
        Q_EMIT checkpoint(buildReport(QStringLiteral("checkpoint")));
    });
    m_checkpointTimer->start();

    m_tickTimer = new QTimer(this);
    m_tickTimer->setTimerType(Qt::PreciseTimer);
    m_tickTimer->setInterval(TickInterval);
    connect(m_tickTimer, &QTimer::timeout, this, &Engine::tick);
    m_tickTimer->start();
    m_lagProbe = new LagProbe(TickInterval, this);
    m_lagProbe->start();

    m_durationTimer = new QTimer(this);
    m_durationTimer->setSingleShot(true);
    m_durationTimer->setTimerType(Qt::PreciseTimer);
    connect(m_durationTimer, &QTimer::timeout, this, &Engine::beginDrain);
    m_durationTimer->start(std::chrono::milliseconds(qint64(std::max(0.0, m_config.durationS - m_joinOffsetS) * 1000)));

    startWorkers();
}

void Engine::startWorkers()
{
    m_shared->loadStart = m_loadStart;
    m_shared->targetUsers = localUsers(m_targetUsers);
    m_shared->schedule.setStripe(m_shard.index, m_shard.count);
    if (m_config.isStaged() && m_config.loadModel == LoadModel::Open)
        m_shared->schedule.start(m_loadStart, m_config.stages);
    else
        m_shared->schedule.start(m_loadStart, m_rate);
    m_shared->running = true;
    for (int i = 0; i < m_config.threads; ++i) {
        auto* worker = new EngineWorker(i, m_config.threads, m_shared.get(), m_config.seed);
        if (i > 0) {
            auto* thread = new QThread;
            thread->setObjectName(QStringLiteral("stressdeck-engine-%1").arg(i));
            worker->moveToThread(thread);
            thread->start();
            m_workerThreads.push_back(thread);
        }
        connect(worker, &EngineWorker::idle, this, &Engine::maybeFinish, Qt::QueuedConnection);
        m_workers.push_back(worker);
    }
    forEachWorker([](EngineWorker* w) { w->spawnUsers(); });
    for (size_t i = 1; i < m_workers.size(); ++i)
        QMetaObject::invokeMethod(m_workers[i]->lagProbe(), &LagProbe::start);
}

void Engine::forEachWorker(const std::function<void(EngineWorker*)>& call)
{
    // Worker 0 is called at once, the others on their threads.
    for (EngineWorker* worker : m_workers)
        QMetaObject::invokeMethod(worker, [worker, call] { call(worker); });
}

qint64 Engine::inFlightCount() const
{
    return m_shared->inFlight.load();
}

QCoro::Task<bool> Engine::checkHealth(QString* message)
{
    if (!m_healthManager)
        m_healthManager = QnamTransport::newManager(this);
    const QNetworkRequest request
        = QnamTransport::request(urlFor(m_config.target, m_config.healthPath), m_config.insecure);
    QNetworkReply* reply = m_healthManager->get(request);
    const bool done = co_await qCoro(reply).waitForFinished(std::chrono::milliseconds(5000));
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply*)> guard(reply, [](QNetworkReply* r) { r->deleteLater(); });
    const QString url = request.url().toString();
    if (!done) {
        reply->abort();
        *message = tr("Target unavailable: %1 did not answer within 5 s").arg(url);
        co_return false;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        *message = tr("Target unavailable: cannot reach %1: %2").arg(url, reply->errorString());
        co_return false;
    }
    if (status < 200 || status >= 300) {
        *message = tr("Target unavailable: %1 answered HTTP %2 (use --health-path or --no-health-check if that "
                      "is expected)")
                       .arg(url)
                       .arg(status);
        co_return false;
    }
    co_return true;
}

double Engine::collect()
{
    auto watermark = Clock::time_point::max();
    for (EngineWorker* worker : m_workers) {
        watermark = std::min(watermark, worker->records().takeAll(&m_batch));
        for (const RequestRecord& r : m_batch) {
            m_aggregator->record(r);
            if (m_shardInfo) {
                SecondFigures& f
                    = m_seconds.seconds[r.doneNs / 1000000000][m_shared->scenario.requestTypes[r.typeIndex].name];
                ++f.requests;
                if (r.outcome.isSuccess()) {
                    ++f.successes;
                    f.latency.record(r.latencyNs);
                    if (r.stream) {
                        ++f.streams;
                        if (r.stream->ttftNs)
                            f.ttft.record(std::max<std::int64_t>(0, *r.stream->ttftNs));
                        if (r.stream->tpotNs)
                            f.tpot.record(std::max<std::int64_t>(0, std::llround(*r.stream->tpotNs)));
                        f.outputTokens += r.stream->outputTokens.value_or(0);
                    }
                } else {
                    ++f.errors;
                    if (r.outcome.kind == Outcome::Timeout)
                        ++f.timeouts;
                }
            }
        }
    }
    return m_workers.empty() ? loadElapsedS() : seconds(watermark - m_loadStart);
}

double Engine::loadElapsedS() const
{
    if (m_state == RunState::Idle || m_state == RunState::Checking)
        return 0;
    return seconds(Clock::now() - m_loadStart);
}

void Engine::takeSample()
{
    if (m_threadCpu) {
        // The first look, at the start, only primes the counters.
        const std::optional<double> busiest = m_threadCpu->busiestPercent();
        if (busiest && m_state == RunState::Running)
            m_generatorCpu.append(*busiest);
        if (m_state == RunState::Running && !m_cpuFirst)
            m_cpuFirst = std::pair { m_threadCpu->totalCpuS(), m_aggregator->overall().total };
    }
    if (!m_sampler)
        return;
    if (const auto sample = m_sampler->sample(loadElapsedS()))
        m_samples.append(*sample);
}

void Engine::followStages(double elapsedS)
{
    if (!m_config.isStaged() || m_state != RunState::Running)
        return;
    const Stages& stages = m_config.stages;
    const bool open = m_config.loadModel == LoadModel::Open;
    auto usersAt = [&stages](double t) { return int(std::floor(stages.targetAt(t) + 1e-9)); };
    // One marker per stage boundary (steps at the same time make one), not one per user added.
    const QList<StageSpan> spans = stages.spans();
    while (m_nextBoundary < spans.size() && spans[m_nextBoundary].startS <= elapsedS) {
        const double at = spans[m_nextBoundary].startS;
        const LoadChange change { at, open ? m_targetUsers : usersAt(at), open ? stages.targetAt(at) : 0.0 };
        if (!m_loadChanges.isEmpty() && m_loadChanges.last().tS == at)
            m_loadChanges.last() = change;
        else
            m_loadChanges.append(change);
        ++m_nextBoundary;
    }
    if (open) {
        m_rate = stages.targetAt(elapsedS); // what the window shows; the schedule has its own copy
        return;
    }
    const int users = usersAt(elapsedS);
    if (users == m_targetUsers)
        return;
    m_targetUsers = users;
    m_shared->targetUsers = localUsers(users);
    if (localUsers(users) > 0)
        forEachWorker([](EngineWorker* w) { w->spawnUsers(); });
}

void Engine::tick()
{
    const auto now = Clock::now();
    followStages(seconds(now - m_loadStart));
    const double watermark = collect();
    if (m_state == RunState::Running || m_state == RunState::Draining)
        m_aggregator->closeBefore(watermark, inFlightCount());

    const double elapsed = seconds(now - m_loadStart);
    LiveSnapshot snap;
    snap.state = m_state;
    snap.elapsedS = elapsed;
    snap.durationS = m_config.durationS;
    snap.inFlight = inFlightCount();
    snap.concurrency = m_targetUsers;
    snap.rateRps = m_config.loadModel == LoadModel::Open ? m_rate : 0;
    const std::vector<RequestCounters>& byType = m_aggregator->byType();
    snap.overall = StatsFigures::of(QStringLiteral("all"), m_aggregator->overall(), elapsed);
    for (size_t i = 0; i < byType.size(); ++i)
        snap.types.append(StatsFigures::of(m_shared->scenario.requestTypes[qsizetype(i)].name, byType[i], elapsed));
    snap.spectra.append(LatencySpectrum::of(snap.overall.name, m_aggregator->overall().successLatency));
    for (size_t i = 0; i < byType.size(); ++i)
        snap.spectra.append(LatencySpectrum::of(snap.types[qsizetype(i)].name, byType[i].successLatency));
    snap.newRows = m_aggregator->timeline().mid(m_rowsSent);
    m_rowsSent = m_aggregator->timeline().size();
    snap.newWindows = m_aggregator->windows().mid(m_windowsSent);
    m_windowsSent = m_aggregator->windows().size();
    snap.newSamples = m_samples.mid(m_samplesSent);
    m_samplesSent = m_samples.size();
    snap.newLoadChanges = m_loadChanges.mid(m_changesSent);
    m_changesSent = m_loadChanges.size();
    snap.loopLagMs = m_lagProbe->takePeriodMaxMs();
    for (size_t i = 1; i < m_workers.size(); ++i)
        snap.loopLagMs = std::max(snap.loopLagMs, m_workers[i]->lagProbe()->takePeriodMaxMs());
    snap.schedule = m_shared->schedule.info();
    snap.generatorCpuPct = m_generatorCpu.isEmpty() ? -1 : m_generatorCpu.constLast();
    snap.generatorBound
        = GeneratorLimits::judge(m_generatorCpu, m_config.sampleIntervalS, snap.schedule, elapsed).isBound();
    snap.stuck = m_aggregator->stuckCount();
    // The same analysis as at the end, on the figures so far, so the criteria move while the run
    // goes on; here and not in the window, which only draws.
    snap.diagnosis = Analysis::diagnose(
        m_config.thresholds, snap.overall, snap.types, m_aggregator->timeline(), m_samples, snap.stuck);
    if (m_baseline && m_aggregator->windows().size() != m_windowsCompared) {
        m_windowsCompared = m_aggregator->windows().size();
        snap.comparison = compareWithBaseline();
    }
    Q_EMIT snapshotReady(snap);
}

CompareReport Engine::compareWithBaseline() const
{
    Report shape; // only for the configuration's JSON form
    shape.config = m_config;
    shape.scenarioName = m_shared->scenario.name;
    ComparedRun now { {}, m_startedAt, shape.toJson().value(QStringLiteral("config")).toObject(), {},
        m_aggregator->windows(), m_aggregator->windowS() };
    for (const RequestType& t : m_shared->scenario.requestTypes)
        now.types.append(t.name);
    CompareReport result;
    QString error;
    // Until the run has a window of its own (or when nothing is in common) there is nothing to show.
    if (!RunComparison::compare({ { *m_baseline } }, { { now } }, {}, &result, &error))
        result.warnings = { error };
    return result;
}

void Engine::stop()
{
    if (m_state == RunState::Checking) {
        m_stopReason = QStringLiteral("stopped");
        m_state = RunState::Draining;
        return;
    }
    if (m_state == RunState::Running) {
        m_stopReason = QStringLiteral("stopped");
        beginDrain();
    }
}

void Engine::stopNow()
{
    stop();
    if (m_state == RunState::Draining)
        forEachWorker([](EngineWorker* w) { w->abortInFlightAsStuck(); });
}

void Engine::beginDrain()
{
    if (m_state != RunState::Running)
        return;
    m_state = RunState::Draining;
    m_loadEnd = Clock::now();
    m_shared->running = false;
    if (m_durationTimer)
        m_durationTimer->stop();
    forEachWorker([](EngineWorker* w) { w->drain(); });
    // Requests still in flight get their full timeout; whatever is left after that is stuck.
    m_drainTimer = new QTimer(this);
    m_drainTimer->setSingleShot(true);
    connect(m_drainTimer, &QTimer::timeout, this,
        [this] { forEachWorker([](EngineWorker* w) { w->abortInFlightAsStuck(); }); });
    m_drainTimer->start(std::chrono::milliseconds(qint64(m_config.timeoutS * 1000) + 1000));
    maybeFinish();
}

void Engine::setConcurrency(int users)
{
    if (m_config.isStaged()) {
        qWarning("Stressdeck: a staged run follows its stages; the live concurrency change is ignored");
        return;
    }
    if (m_shard.isSharded()) {
        qWarning("Stressdeck: a shard follows the global plan; the live concurrency change is ignored");
        return;
    }
    if (users < 1 || users == m_targetUsers || m_state != RunState::Running)
        return;
    m_targetUsers = users;
    m_shared->targetUsers = users;
    m_loadChanges.append({ loadElapsedS(), users, m_config.loadModel == LoadModel::Open ? m_rate : 0.0 });
    forEachWorker([](EngineWorker* w) { w->spawnUsers(); });
}

void Engine::setRate(double rps)
{
    if (m_config.isStaged()) {
        qWarning("Stressdeck: a staged run follows its stages; the live rate change is ignored");
        return;
    }
    if (m_shard.isSharded()) {
        qWarning("Stressdeck: a shard follows the global plan; the live rate change is ignored");
        return;
    }
    if (!(rps > 0) || m_config.loadModel != LoadModel::Open || m_state != RunState::Running)
        return;
    m_shared->schedule.setRate(rps);
    m_rate = rps;
    m_loadChanges.append({ loadElapsedS(), m_targetUsers, rps });
}

void Engine::maybeFinish()
{
    if (m_state != RunState::Draining || inFlightCount() > 0 || m_finishQueued)
        return;
    for (const EngineWorker* worker : m_workers) {
        if (!worker->isIdle())
            return;
    }
    m_finishQueued = true;
    // Finish on a clean stack: this may be called from inside a user coroutine.
    QMetaObject::invokeMethod(this, &Engine::finish, Qt::QueuedConnection);
}

void Engine::finish()
{
    if (m_tickTimer) {
        tick();
        m_tickTimer->stop();
        m_lagProbe->stop();
    }
    if (m_drainTimer)
        m_drainTimer->stop();
    if (m_sampleTimer) {
        m_sampleTimer->stop();
        takeSample();
    }
    collect();
    const double elapsed = loadElapsedS();
    if (m_stopReason != QLatin1String("unavailable") && m_stopReason != QLatin1String("late_start")) {
        m_aggregator->closeLast(elapsed, inFlightCount());
    }
    m_state = RunState::Finished;
    if (m_checkpointTimer)
        m_checkpointTimer->stop();
    Report report = buildReport(m_stopReason);
    Q_EMIT finished(report);
}

Report Engine::buildReport(const QString& stopReason) const
{
    Report r;
    r.toolVersion = QStringLiteral(STRESSDECK_VERSION);
    r.startedAt = m_startedAt;
    r.finishedAt = QDateTime::currentDateTimeUtc();
    r.elapsedS = stopReason == QLatin1String("unavailable") || stopReason == QLatin1String("late_start")
        ? 0
        : seconds(Clock::now() - m_loadStart);
    r.config = m_config;
    r.scenarioName = m_shared->scenario.name;
    r.stopReason = stopReason;
    r.overall = StatsSummary::of({}, m_aggregator->overall(), r.elapsedS);
    for (size_t i = 0; i < m_aggregator->byType().size(); ++i) {
        const RequestType& t = m_shared->scenario.requestTypes[qsizetype(i)];
        StatsSummary s = StatsSummary::of(t.name, m_aggregator->byType()[i], r.elapsedS);
        s.method = QString::fromLatin1(t.method);
        s.path = t.path;
        s.headers = Scenario::redactedHeaders(m_templates.requestTypes[qsizetype(i)]);
        // A streaming type has its block even when no stream of it succeeded.
        if (t.isStreaming() && !s.streaming)
            s.streaming = StreamingSummary::of({}, r.elapsedS);
        if (m_shared->requests[i].streamOptionsDropped())
            s.streaming->noteStreamOptionsDropped();
        r.requestTypes.append(s);
    }
    if (m_aggregator->streams() && !r.overall.streaming)
        r.overall.streaming = StreamingSummary::of({}, r.elapsedS);
    for (const StatsSummary& s : std::as_const(r.requestTypes)) {
        if (s.streaming && s.streaming->streamOptionsDropped)
            r.overall.streaming->noteStreamOptionsDropped();
    }
    r.timeline = m_aggregator->timeline();
    r.latencyWindows = m_aggregator->windows();
    r.windowS = m_aggregator->windowS();
    r.system.source = m_config.monitorPid > 0 ? QStringLiteral("pid") : QStringLiteral("system");
    r.system.pid = m_config.monitorPid;
    r.system.processName = m_config.monitorPid > 0 ? ProcessSampler::processName(m_config.monitorPid) : QString();
    r.system.intervalS = m_config.sampleIntervalS;
    r.system.samples = m_samples;
    r.stuckRequests = m_aggregator->stuckCount();
    r.schedule = m_shared->schedule.info();
    r.loadChanges = m_loadChanges;
    const QList<StageSpan> spans = m_config.stages.spans();
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const StageSpan& span = spans[i];
        // A stage still under way (a checkpoint, a stopped run) counts the time it has run.
        const double ranS = std::clamp(std::min(span.endS, r.elapsedS) - span.startS, 0.0, span.endS - span.startS);
        r.stages.append({ span.startS, span.endS, span.fromTarget, span.target,
            StatsSummary::of({}, m_aggregator->byStage()[size_t(i)], ranS) });
    }
    // The generator's health is that of its worst thread: all engine threads' lags together.
    Histogram lag = m_lagProbe ? m_lagProbe->histogram() : Histogram();
    for (size_t i = 1; i < m_workers.size(); ++i)
        lag.merge(m_workers[i]->lagProbe()->histogram());
    r.loopLagP99Ms = nsToMs(lag.percentileNs(99));
    r.loopLagMaxMs = nsToMs(lag.maxNs());
    r.generatorLimits = GeneratorLimits::judge(m_generatorCpu, m_config.sampleIntervalS, r.schedule, r.elapsedS);
    // The CPU since the first look while running, over the requests since then; the threads are
    // read once more (ThreadCpu's totals only grow, so the next look loses nothing).
    if (m_threadCpu && m_cpuFirst) {
        // At a checkpoint the next sample's interval is left alone; its figure is near enough.
        if (stopReason != QLatin1String("checkpoint"))
            m_threadCpu->busiestPercent();
        const std::pair last { m_threadCpu->totalCpuS(), m_aggregator->overall().total };
        if (last.second > m_cpuFirst->second)
            r.generatorLimits.cpuUsPerRequest
                = (last.first - m_cpuFirst->first) * 1e6 / double(last.second - m_cpuFirst->second);
    }
    r.environment = QJsonObject { { QStringLiteral("stressdeck_version"), QStringLiteral(STRESSDECK_VERSION) },
        { QStringLiteral("qt_version"), QString::fromLatin1(qVersion()) },
        { QStringLiteral("host_name"), QHostInfo::localHostName() },
        { QStringLiteral("cpu_count"), double(QThread::idealThreadCount()) },
        { QStringLiteral("os"), QSysInfo::prettyProductName() },
        { QStringLiteral("kernel"), QString(QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()) },
        { QStringLiteral("cpu_architecture"), QSysInfo::currentCpuArchitecture() } };
    if (m_shardInfo) {
        r.shard = *m_shardInfo;
        r.histograms = m_seconds;
        r.histograms->statsSubBucketBits = Histogram::SubBucketBits;
        for (size_t i = 0; i < m_aggregator->byType().size(); ++i) {
            const RequestType& t = m_shared->scenario.requestTypes[qsizetype(i)];
            const RequestCounters& c = m_aggregator->byType()[i];
            if (!t.isStreaming())
                continue;
            ShardStreams& s = r.histograms->streams[t.name];
            s.counters = c.stream.value_or(StreamCounters {});
            s.judged = c.judged;
            s.good = c.good;
            s.streamOptionsDropped = m_shared->requests[i].streamOptionsDropped();
        }
        r.config.concurrency = localUsers(m_config.concurrency);
        r.config.rateRps = m_config.rateRps / m_shard.count;
    }
    Analysis::analyse(&r);
    return r;
}

} // namespace Stressdeck
