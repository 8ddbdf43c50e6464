#include "engine.h"

#include "analysis.h"
#include "fastconnection.h"

#include <QCoreApplication>
#include <QCoro/QCoroNetworkReply>
#include <QCoro/QCoroTimer>
#include <QHostInfo>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

constexpr auto TickInterval = std::chrono::milliseconds(100);
constexpr auto MinBackoff = std::chrono::milliseconds(50);
constexpr auto MaxBackoff = std::chrono::milliseconds(2000);

std::int64_t nanos(Engine::Clock::duration d)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
}

double seconds(Engine::Clock::duration d)
{
    return double(nanos(d)) / 1e9;
}

IntervalFigures figuresWithPercentiles(IntervalFigures f, const Histogram& h)
{
    if (!h.isEmpty()) {
        const auto p = h.percentilesNs({ 50, 95, 99 });
        f.p50 = nsToMs(p[0]);
        f.p95 = nsToMs(p[1]);
        f.p99 = nsToMs(p[2]);
    }
    return f;
}

} // namespace

Engine::Engine(const RunConfig& config, const Scenario& scenario, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_templates(scenario)
{
    // LoadRunner::start has checked that every variable is set.
    QString unused;
    scenario.resolveEnvironment(&m_scenario, &unused);
    if (m_config.seed == 0)
        // At most 53 bits, so the seed survives the JSON report exactly.
        m_config.seed = ((quint64(std::random_device {}()) << 32 | std::random_device {}()) & ((1ULL << 53) - 1)) | 1;
    m_rng.seed(m_config.seed);
    double sum = 0;
    for (const RequestType& t : m_scenario.requestTypes) {
        sum += t.weight;
        m_cumulativeWeights.push_back(sum);
    }
    m_counters.resize(size_t(m_scenario.requestTypes.size()));
    for (const RequestType& t : m_scenario.requestTypes) {
        const QUrl url = urlFor(t.path);
        QByteArray head = t.method + ' ' + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) + " HTTP/1.1\r\n"
            + "Host: " + url.host().toUtf8() + (url.port() > 0 ? ':' + QByteArray::number(url.port()) : QByteArray())
            + "\r\n" + "User-Agent: stressdeck/" STRESSDECK_VERSION "\r\nAccept: */*\r\n";
        for (const auto& [name, value] : t.headers)
            head += name + ": " + value + "\r\n";
        m_requestHeads.push_back(head);
    }
    m_intervalFigures.resize(m_counters.size());
    m_intervalLatency.resize(m_counters.size());
    m_rate = m_config.rateRps;
}

Engine::~Engine() = default;

void Engine::start()
{
    if (m_state != RunState::Idle)
        return;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_state = RunState::Checking;
    run();
}

QCoro::Task<> Engine::run()
{
    if (m_config.healthCheck) {
        QString message;
        if (!co_await checkHealth(&message)) {
            m_stopReason = QStringLiteral("unavailable");
            Q_EMIT unavailable(message);
            m_state = RunState::Draining;
            m_loadStart = m_loadEnd = Clock::now();
            maybeFinish();
            co_return;
        }
    }
    if (m_state != RunState::Checking) { // stopped while checking
        m_loadStart = m_loadEnd = Clock::now();
        maybeFinish();
        co_return;
    }

    m_state = RunState::Running;
    m_loadStart = Clock::now();
    m_lastTick = m_loadStart;
    m_scheduleOrigin = m_loadStart;
    m_targetUsers = m_config.concurrency;
    m_loadChanges.append({ 0.0, m_targetUsers, m_config.loadModel == LoadModel::Open ? m_rate : 0.0 });

    m_sampler = std::make_unique<ProcessSampler>(m_config.monitorPid);
    takeSample();
    m_sampleTimer = new QTimer(this);
    m_sampleTimer->setInterval(int(m_config.sampleIntervalS * 1000));
    connect(m_sampleTimer, &QTimer::timeout, this, &Engine::takeSample);
    m_sampleTimer->start();

    m_checkpointTimer = new QTimer(this);
    m_checkpointTimer->setInterval(std::chrono::milliseconds(qint64(m_config.checkpointIntervalS * 1000)));
    connect(m_checkpointTimer, &QTimer::timeout, this,
        [this] { Q_EMIT checkpoint(buildReport(QStringLiteral("checkpoint"))); });
    m_checkpointTimer->start();

    m_tickTimer = new QTimer(this);
    m_tickTimer->setTimerType(Qt::PreciseTimer);
    m_tickTimer->setInterval(TickInterval);
    connect(m_tickTimer, &QTimer::timeout, this, &Engine::tick);
    m_tickTimer->start();

    m_durationTimer = new QTimer(this);
    m_durationTimer->setSingleShot(true);
    m_durationTimer->setTimerType(Qt::PreciseTimer);
    connect(m_durationTimer, &QTimer::timeout, this, &Engine::beginDrain);
    m_durationTimer->start(std::chrono::milliseconds(qint64(m_config.durationS * 1000)));

    spawnUsers();
}

QCoro::Task<bool> Engine::checkHealth(QString* message)
{
    QNetworkAccessManager* nam = managerFor(0);
    QNetworkRequest request = makeRequest(m_config.healthPath);
    QNetworkReply* reply = nam->get(request);
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

QNetworkAccessManager* Engine::managerFor(int userIndex)
{
    const auto index = size_t(userIndex / UsersPerManager);
    while (m_managers.size() <= index) {
        auto* nam = new QNetworkAccessManager(this);
        // Never route a stress test through a proxy from the environment by accident.
        nam->setProxy(QNetworkProxy::NoProxy);
        nam->setCookieJar(nullptr);
        m_managers.push_back(nam);
    }
    return m_managers[index];
}

QNetworkRequest Engine::makeRequest(const QString& path) const
{
    QNetworkRequest request(urlFor(path));
    if (m_config.insecure && request.url().scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(tls);
    }
    return request;
}

QUrl Engine::urlFor(const QString& path) const
{
    QUrl url = m_config.target;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(base + (query < 0 ? path : path.left(query)));
    url.setQuery(query < 0 ? QString() : path.mid(query + 1));
    return url;
}

int Engine::pickType()
{
    if (m_cumulativeWeights.size() == 1)
        return 0;
    std::uniform_real_distribution<double> dist(0.0, m_cumulativeWeights.back());
    const double x = dist(m_rng);
    const auto it = std::upper_bound(m_cumulativeWeights.begin(), m_cumulativeWeights.end(), x);
    return int(
        std::min<std::ptrdiff_t>(it - m_cumulativeWeights.begin(), std::ptrdiff_t(m_cumulativeWeights.size() - 1)));
}

std::optional<qint64> Engine::claimSlot()
{
    if (!m_returnedSlots.empty()) {
        std::pop_heap(m_returnedSlots.begin(), m_returnedSlots.end(), std::greater<>());
        const qint64 slot = m_returnedSlots.back();
        m_returnedSlots.pop_back();
        return slot;
    }
    return m_nextSlot++;
}

Engine::Clock::time_point Engine::slotTime(qint64 slot) const
{
    const double offsetS = double(slot - m_scheduleBase) / m_rate;
    return m_scheduleOrigin + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(offsetS));
}

void Engine::spawnUsers()
{
    if (m_userRunning.size() < size_t(m_targetUsers)) {
        m_userRunning.resize(size_t(m_targetUsers), false);
        m_backoff.resize(size_t(m_targetUsers), Clock::duration::zero());
    }
    for (int i = 0; i < m_targetUsers; ++i) {
        if (!m_userRunning[size_t(i)])
            userLoop(i);
    }
}

QCoro::Task<> Engine::pause(Clock::duration duration, bool precise)
{
    if (duration <= Clock::duration::zero())
        co_return;
    QTimer timer;
    timer.setSingleShot(true);
    timer.setTimerType(precise ? Qt::PreciseTimer : Qt::CoarseTimer);
    // A stop wakes every sleeper at once, so no user outlives the run by a think time.
    timer.start(m_state == RunState::Running
            ? std::chrono::milliseconds(std::max<std::int64_t>(0, (nanos(duration) + 999999) / 1000000))
            : std::chrono::milliseconds(0));
    m_sleepers.insert(&timer);
    co_await timer;
    m_sleepers.remove(&timer);
}

QCoro::Task<> Engine::userLoop(int index)
{
    m_userRunning[size_t(index)] = true;
    ++m_activeUsers;
    const bool open = m_config.loadModel == LoadModel::Open;
    std::uniform_real_distribution<double> think(m_config.thinkMinMs, m_config.thinkMaxMs);

    while (m_state == RunState::Running && index < m_targetUsers) {
        Clock::time_point intended = Clock::now();
        if (open) {
            const auto slot = claimSlot();
            intended = slotTime(*slot);
            co_await pause(intended - Clock::now(), true);
            if (m_state != RunState::Running || index >= m_targetUsers) {
                m_returnedSlots.push_back(*slot);
                std::push_heap(m_returnedSlots.begin(), m_returnedSlots.end(), std::greater<>());
                break;
            }
            ++m_schedule.scheduled;
            const double lagMs = double(nanos(Clock::now() - intended)) / 1e6;
            m_schedule.maxLagMs = std::max(m_schedule.maxLagMs, lagMs);
            if (lagMs >= ScheduleInfo::LateThresholdMs)
                ++m_schedule.late;
        }

        const Outcome outcome = co_await execute(index, pickType(), intended);

        auto& backoff = m_backoff[size_t(index)];
        if (outcome.isConnectionFailure())
            backoff = std::clamp<Clock::duration>(backoff * 2, MinBackoff, MaxBackoff);
        else
            backoff = Clock::duration::zero();

        if (m_state != RunState::Running)
            break;
        Clock::duration wait = backoff;
        if (!open) {
            const auto thinkTime = std::chrono::duration<double, std::milli>(think(m_rng));
            wait = std::max(wait, std::chrono::duration_cast<Clock::duration>(thinkTime));
        }
        co_await pause(wait, false);
    }

    --m_activeUsers;
    m_userRunning[size_t(index)] = false;
    maybeFinish();
}

QCoro::Task<Outcome> Engine::executeFast(int userIndex, int typeIndex, Clock::time_point intended)
{
    const RequestType& type = m_scenario.requestTypes[typeIndex];
    if (m_fastConnections.size() <= size_t(userIndex))
        m_fastConnections.resize(size_t(userIndex) + 1, nullptr);
    FastConnection*& connection = m_fastConnections[size_t(userIndex)];
    if (!connection) {
        const QUrl base = m_config.target;
        const bool tls = base.scheme() == QLatin1String("https");
        connection = new FastConnection(base.host(), quint16(base.port(tls ? 443 : 80)), tls, m_config.insecure, this);
    }
    QByteArray request = m_requestHeads[size_t(typeIndex)];
    if (!type.bodies.isEmpty()) {
        std::uniform_int_distribution<qsizetype> pick(0, type.bodies.size() - 1);
        const QByteArray& body = type.bodies[pick(m_rng)];
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    } else {
        request += type.method == "GET" || type.method == "HEAD" ? QByteArrayLiteral("\r\n")
                                                                 : QByteArrayLiteral("Content-Length: 0\r\n\r\n");
    }
    FastConnection* const used = connection;
    m_fastInFlight.insert(used);
    const auto deadline = Clock::now() + std::chrono::milliseconds(qint64(std::ceil(m_config.timeoutS * 1000)));
    const Outcome outcome
        = co_await used->send(request, type.method == "HEAD", deadline, m_config.maxBodyBytes, type.acceptedStatus);
    const auto latency = nanos(Clock::now() - intended);
    m_fastInFlight.remove(used);
    record(typeIndex, outcome, latency);
    co_return outcome;
}

QCoro::Task<Outcome> Engine::execute(int userIndex, int typeIndex, Clock::time_point intended)
{
    if (m_config.transport == Transport::Fast)
        co_return co_await executeFast(userIndex, typeIndex, intended);
    const RequestType& type = m_scenario.requestTypes[typeIndex];
    QNetworkRequest request = makeRequest(type.path);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
        type.followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy : QNetworkRequest::ManualRedirectPolicy);
    request.setMaximumRedirectsAllowed(10);
    for (const auto& [name, value] : type.headers)
        request.setRawHeader(name, value);

    QByteArray body;
    if (!type.bodies.isEmpty()) {
        std::uniform_int_distribution<qsizetype> pick(0, type.bodies.size() - 1);
        body = type.bodies[pick(m_rng)];
    }

    QNetworkAccessManager* nam = managerFor(userIndex);
    QNetworkReply* reply = nullptr;
    if (type.method == "GET" && body.isEmpty())
        reply = nam->get(request);
    else if (type.method == "HEAD")
        reply = nam->head(request);
    else
        reply = nam->sendCustomRequest(request, type.method, body);
    m_inFlight.insert(reply, { typeIndex });

    // Bodies are read as they arrive and thrown away, so memory stays flat whatever the
    // server sends; past the cap the request is cut off.
    bool tooLarge = false;
    qint64 bodyBytes = 0;
    reply->setReadBufferSize(256 * 1024);
    const qint64 cap = m_config.maxBodyBytes;
    connect(reply, &QIODevice::readyRead, reply, [reply, &bodyBytes, &tooLarge, cap] {
        char sink[16384];
        qint64 n = 0;
        while ((n = reply->read(sink, sizeof sink)) > 0)
            bodyBytes += n;
        if (bodyBytes > cap && !tooLarge) {
            tooLarge = true;
            reply->abort();
        }
    });

    // A precise timer of our own: QCoro's coarse one may fire up to 5 % early.
    bool timedOut = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    timeout.setTimerType(Qt::PreciseTimer);
    connect(&timeout, &QTimer::timeout, reply, [&timedOut, reply] {
        timedOut = true;
        reply->abort();
    });
    timeout.start(std::chrono::milliseconds(qint64(std::ceil(m_config.timeoutS * 1000))));
    co_await qCoro(reply).waitForFinished();
    timeout.stop();
    const auto latency = nanos(Clock::now() - intended);
    m_inFlight.remove(reply);

    Outcome outcome;
    if (m_stuck.remove(reply)) {
        outcome = { Outcome::Stuck, 0, {} };
    } else if (timedOut) {
        outcome = { Outcome::Timeout, 0, {} };
    } else if (tooLarge) {
        outcome = { Outcome::BodyTooLarge, 0, {} };
    } else {
        outcome = Outcome::fromReply(reply, type.acceptedStatus);
    }
    disconnect(reply, &QIODevice::readyRead, reply, nullptr);
    reply->deleteLater();
    record(typeIndex, outcome, latency);
    co_return outcome;
}

void Engine::record(int typeIndex, const Outcome& outcome, std::int64_t latencyNs)
{
    auto apply = [&](RequestCounters& c) {
        ++c.total;
        if (outcome.isSuccess()) {
            ++c.success;
            c.successLatency.record(latencyNs);
        } else {
            ++c.failure;
            c.failureLatency.record(latencyNs);
            ++c.errors[outcome.label()];
            if (outcome.kind == Outcome::Timeout)
                ++c.timeouts;
        }
    };
    apply(m_counters[size_t(typeIndex)]);
    apply(m_overall);

    auto applyInterval = [&](IntervalFigures& f, Histogram& h) {
        ++f.requests;
        if (outcome.isSuccess()) {
            ++f.successes;
            h.record(latencyNs);
        } else {
            ++f.errors;
            if (outcome.kind == Outcome::Timeout)
                ++f.timeouts;
        }
    };
    applyInterval(m_intervalFigures[size_t(typeIndex)], m_intervalLatency[size_t(typeIndex)]);
    applyInterval(m_intervalAll, m_intervalAllLatency);
    if (outcome.kind == Outcome::Stuck)
        ++m_stuckCount;
}

double Engine::loadElapsedS() const
{
    if (m_state == RunState::Idle || m_state == RunState::Checking)
        return 0;
    return seconds(Clock::now() - m_loadStart);
}

void Engine::closeInterval(double endS)
{
    const double lengthS = endS - (m_timeline.isEmpty() ? 0.0 : m_timeline.last().tS);
    if (lengthS <= 1e-6)
        return;
    TimelineRow row;
    row.tS = endS;
    row.all = figuresWithPercentiles(m_intervalAll, m_intervalAllLatency);
    row.rps = double(m_intervalAll.requests) / lengthS;
    row.inFlight = inFlightCount();
    for (size_t i = 0; i < m_counters.size(); ++i) {
        row.byType.insert(m_scenario.requestTypes[qsizetype(i)].name,
            figuresWithPercentiles(m_intervalFigures[i], m_intervalLatency[i]));
        m_intervalFigures[i] = {};
        m_intervalLatency[i].reset();
    }
    m_intervalAll = {};
    m_intervalAllLatency.reset();
    m_timeline.append(row);
}

void Engine::takeSample()
{
    if (!m_sampler)
        return;
    if (const auto sample = m_sampler->sample(loadElapsedS()))
        m_samples.append(*sample);
}

LiveStats Engine::liveStats(const QString& name, const RequestCounters& c, double elapsedS) const
{
    LiveStats s;
    s.name = name;
    s.total = c.total;
    s.success = c.success;
    s.failure = c.failure;
    s.timeouts = c.timeouts;
    s.throughputRps = elapsedS > 0 ? double(c.total) / elapsedS : 0;
    s.latency = LatencySummary::of(c.successLatency);
    s.errors = c.errors;
    return s;
}

void Engine::tick()
{
    const auto now = Clock::now();
    const double lagMs = std::max(0.0, double(nanos(now - m_lastTick - TickInterval)) / 1e6);
    m_lastTick = now;
    m_loopLag.record(std::int64_t(lagMs * 1e6));
    m_periodMaxLagMs = std::max(m_periodMaxLagMs, lagMs);

    const double elapsed = seconds(now - m_loadStart);
    while (elapsed >= m_intervalEndS && (m_state == RunState::Running || m_state == RunState::Draining)) {
        closeInterval(m_intervalEndS);
        m_intervalEndS += 1.0;
    }

    LiveSnapshot snap;
    snap.state = m_state;
    snap.elapsedS = elapsed;
    snap.durationS = m_config.durationS;
    snap.inFlight = inFlightCount();
    snap.concurrency = m_targetUsers;
    snap.rateRps = m_config.loadModel == LoadModel::Open ? m_rate : 0;
    snap.overall = liveStats(QStringLiteral("all"), m_overall, elapsed);
    for (size_t i = 0; i < m_counters.size(); ++i)
        snap.types.append(liveStats(m_scenario.requestTypes[qsizetype(i)].name, m_counters[i], elapsed));
    snap.newRows = m_timeline.mid(m_rowsSent);
    m_rowsSent = m_timeline.size();
    snap.newSamples = m_samples.mid(m_samplesSent);
    m_samplesSent = m_samples.size();
    snap.newLoadChanges = m_loadChanges.mid(m_changesSent);
    m_changesSent = m_loadChanges.size();
    snap.loopLagMs = m_periodMaxLagMs;
    m_periodMaxLagMs = 0;
    snap.late = m_schedule.late;
    snap.stuck = m_stuckCount;
    Q_EMIT snapshotReady(snap);
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
        abortInFlightAsStuck();
}

void Engine::beginDrain()
{
    if (m_state != RunState::Running)
        return;
    m_state = RunState::Draining;
    m_loadEnd = Clock::now();
    if (m_durationTimer)
        m_durationTimer->stop();
    for (QTimer* sleeper : std::as_const(m_sleepers))
        sleeper->start(0);
    // Requests still in flight get their full timeout; whatever is left after that is stuck.
    m_drainTimer = new QTimer(this);
    m_drainTimer->setSingleShot(true);
    connect(m_drainTimer, &QTimer::timeout, this, &Engine::abortInFlightAsStuck);
    m_drainTimer->start(std::chrono::milliseconds(qint64(m_config.timeoutS * 1000) + 1000));
    maybeFinish();
}

void Engine::abortInFlightAsStuck()
{
    const QList<QNetworkReply*> replies = m_inFlight.keys();
    for (QNetworkReply* reply : replies)
        m_stuck.insert(reply);
    for (QNetworkReply* reply : replies)
        reply->abort();
    const QList<FastConnection*> connections = m_fastInFlight.values();
    for (FastConnection* connection : connections)
        connection->abort();
}

void Engine::setConcurrency(int users)
{
    if (users < 1 || users == m_targetUsers || m_state != RunState::Running)
        return;
    m_targetUsers = users;
    m_loadChanges.append({ loadElapsedS(), users, m_config.loadModel == LoadModel::Open ? m_rate : 0.0 });
    spawnUsers();
}

void Engine::setRate(double rps)
{
    if (!(rps > 0) || m_config.loadModel != LoadModel::Open || m_state != RunState::Running)
        return;
    // Slots already claimed keep their times; new ones follow the new rate from now on.
    m_scheduleBase = m_nextSlot;
    m_scheduleOrigin = std::max(Clock::now(), slotTime(m_nextSlot));
    m_rate = rps;
    m_loadChanges.append({ loadElapsedS(), m_targetUsers, rps });
}

void Engine::maybeFinish()
{
    if (m_state != RunState::Draining || m_activeUsers > 0 || inFlightCount() > 0 || m_finishQueued)
        return;
    m_finishQueued = true;
    // Finish on a clean stack: this may be called from inside a user coroutine.
    QMetaObject::invokeMethod(this, &Engine::finish, Qt::QueuedConnection);
}

void Engine::finish()
{
    if (m_tickTimer) {
        tick();
        m_tickTimer->stop();
    }
    if (m_drainTimer)
        m_drainTimer->stop();
    if (m_sampleTimer) {
        m_sampleTimer->stop();
        takeSample();
    }
    const double elapsed = loadElapsedS();
    if (m_timeline.isEmpty() || elapsed > m_timeline.last().tS + 1e-3) {
        if (m_stopReason != QLatin1String("unavailable"))
            closeInterval(elapsed);
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
    r.elapsedS = stopReason == QLatin1String("unavailable") ? 0 : seconds(Clock::now() - m_loadStart);
    r.config = m_config;
    r.scenarioName = m_scenario.name;
    r.stopReason = stopReason;
    r.overall = StatsSummary::of(m_overall, r.elapsedS);
    for (size_t i = 0; i < m_counters.size(); ++i) {
        const RequestType& t = m_scenario.requestTypes[qsizetype(i)];
        StatsSummary s = StatsSummary::of(m_counters[i], r.elapsedS);
        s.name = t.name;
        s.method = QString::fromLatin1(t.method);
        s.path = t.path;
        s.headers = Scenario::redactedHeaders(m_templates.requestTypes[qsizetype(i)]);
        r.requestTypes.append(s);
    }
    r.timeline = m_timeline;
    r.system.source = m_config.monitorPid > 0 ? QStringLiteral("pid") : QStringLiteral("system");
    r.system.pid = m_config.monitorPid;
    r.system.processName = m_config.monitorPid > 0 ? ProcessSampler::processName(m_config.monitorPid) : QString();
    r.system.intervalS = m_config.sampleIntervalS;
    r.system.samples = m_samples;
    r.stuckRequests = m_stuckCount;
    r.schedule = m_schedule;
    r.loadChanges = m_loadChanges;
    r.loopLagP99Ms = nsToMs(m_loopLag.percentileNs(99));
    r.loopLagMaxMs = nsToMs(m_loopLag.maxNs());
    r.environment = QJsonObject { { QStringLiteral("stressdeck_version"), QStringLiteral(STRESSDECK_VERSION) },
        { QStringLiteral("qt_version"), QString::fromLatin1(qVersion()) },
        { QStringLiteral("host_name"), QHostInfo::localHostName() },
        { QStringLiteral("cpu_count"), double(QThread::idealThreadCount()) },
        { QStringLiteral("os"), QSysInfo::prettyProductName() },
        { QStringLiteral("kernel"), QString(QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()) },
        { QStringLiteral("cpu_architecture"), QSysInfo::currentCpuArchitecture() } };
    Analysis::analyse(&r);
    return r;
}

} // namespace Stressdeck
