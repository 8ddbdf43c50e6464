// SPDX-License-Identifier: MIT

#include "engineworker.h"

#include "fastconnection.h"
#include "redirectpolicy.h"

#include <QCoreApplication>
#include <QCoro/QCoroNetworkReply>
#include <QCoro/QCoroTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

constexpr auto MinBackoff = std::chrono::milliseconds(50);
constexpr auto MaxBackoff = std::chrono::milliseconds(2000);

} // namespace

QNetworkAccessManager* newEngineManager(QObject* parent)
{
    auto* nam = new QNetworkAccessManager(parent);
    // Never route a stress test through a proxy from the environment by accident.
    nam->setProxy(QNetworkProxy::NoProxy);
    nam->setCookieJar(nullptr);
    return nam;
}

QNetworkRequest engineRequest(const QUrl& url, bool insecure)
{
    QNetworkRequest request(url);
    if (insecure && url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(tls);
    }
    return request;
}

// --- EngineWorker ---

EngineWorker::EngineWorker(int index, int threads, EngineShared* shared, quint64 seed, QObject* parent)
    : QObject(parent)
    , m_index(index)
    , m_threads(threads)
    , m_shared(shared)
    , m_config(shared->config)
    , m_scenario(shared->scenario)
    // Worker 0 draws what a one-thread run has always drawn from the run's seed.
    , m_rng(seed + quint64(index) * 0x9E3779B97F4A7C15ULL)
    , m_lagProbe(new LagProbe(std::chrono::milliseconds(100), this))
{
}

EngineWorker::~EngineWorker() = default;

QNetworkAccessManager* EngineWorker::managerFor(int userIndex)
{
    const size_t slot = slotOf(userIndex);
    const size_t index = slot < SoloManagers ? slot : SoloManagers + (slot - SoloManagers) / UsersPerManager;
    while (m_managers.size() <= index)
        m_managers.push_back(newEngineManager(this));
    return m_managers[index];
}

int EngineWorker::pickType()
{
    const auto& weights = m_shared->cumulativeWeights;
    if (weights.size() == 1)
        return 0;
    std::uniform_real_distribution<double> dist(0.0, weights.back());
    const auto it = std::upper_bound(weights.begin(), weights.end(), dist(m_rng));
    return int(std::min<std::ptrdiff_t>(it - weights.begin(), std::ptrdiff_t(weights.size() - 1)));
}

void EngineWorker::spawnUsers()
{
    if (!m_shared->running.load())
        return;
    const int target = m_shared->targetUsers.load();
    for (int user = m_index; user < target; user += m_threads) {
        const size_t slot = slotOf(user);
        if (m_userRunning.size() <= slot) {
            m_userRunning.resize(slot + 1, false);
            m_backoff.resize(slot + 1, EngineClock::duration::zero());
        }
        if (!m_userRunning[slot])
            userLoop(user);
    }
}

void EngineWorker::wakeSleepers()
{
    for (QTimer* sleeper : std::as_const(m_sleepers))
        sleeper->start(0);
}

void EngineWorker::drain()
{
    wakeSleepers();
    const QList<FastConnection*> connections = m_fastInFlight.keys(true);
    for (FastConnection* connection : connections) {
        if (connection->isConnecting()) {
            // Before abort(): the user resumes inside it.
            m_abandoned.insert(connection);
            connection->abort();
        }
    }
}

void EngineWorker::abortInFlightAsStuck()
{
    const QList<QNetworkReply*> replies = m_inFlight.values();
    for (QNetworkReply* reply : replies)
        m_stuck.insert(reply);
    for (QNetworkReply* reply : replies)
        reply->abort();
    const QList<FastConnection*> connections = m_fastInFlight.keys();
    for (FastConnection* connection : connections)
        connection->abort();
}

void EngineWorker::windDown()
{
    const auto deadline = EngineClock::now() + std::chrono::seconds(5);
    while (!isIdle() && EngineClock::now() < deadline) {
        wakeSleepers();
        abortInFlightAsStuck();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
}

QCoro::Task<> EngineWorker::pause(EngineClock::duration duration, bool precise)
{
    if (duration <= EngineClock::duration::zero())
        co_return;
    QTimer timer;
    timer.setSingleShot(true);
    timer.setTimerType(precise ? Qt::PreciseTimer : Qt::CoarseTimer);
    // A stop wakes every sleeper at once, so no user outlives the run by a think time.
    timer.start(m_shared->running.load()
            ? std::chrono::milliseconds(std::max<std::int64_t>(0, (nanos(duration) + 999999) / 1000000))
            : std::chrono::milliseconds(0));
    m_sleepers.insert(&timer);
    co_await timer;
    m_sleepers.remove(&timer);
}

QCoro::Task<> EngineWorker::userLoop(int index)
{
    const size_t slot = slotOf(index);
    m_userRunning[slot] = true;
    ++m_activeUsers;
    const bool open = m_config.loadModel == LoadModel::Open;
    std::uniform_real_distribution<double> think(m_config.thinkMinMs, m_config.thinkMaxMs);
    auto keepGoing = [this, index] { return m_shared->running.load() && index < m_shared->targetUsers.load(); };

    double lagMs = 0;
    while (keepGoing()) {
        EngineClock::time_point intended = EngineClock::now();
        if (open) {
            const auto [scheduleSlot, due] = m_shared->schedule.claim();
            intended = due;
            co_await pause(intended - EngineClock::now(), true);
            if (!keepGoing()) {
                m_shared->schedule.giveBack(scheduleSlot);
                break;
            }
            lagMs = double(nanos(EngineClock::now() - intended)) / 1e6;
            m_shared->schedule.sent(lagMs);
        }

        const Outcome outcome = co_await execute(index, pickType(), intended);
        if (m_neverSent.remove(index) && open)
            m_shared->schedule.unsend(lagMs);

        auto& backoff = m_backoff[slot];
        if (outcome.isConnectionFailure())
            backoff = std::clamp<EngineClock::duration>(backoff * 2, MinBackoff, MaxBackoff);
        else
            backoff = EngineClock::duration::zero();

        if (!m_shared->running.load())
            break;
        EngineClock::duration wait = backoff;
        if (!open) {
            const auto thinkTime = std::chrono::duration<double, std::milli>(think(m_rng));
            wait = std::max(wait, std::chrono::duration_cast<EngineClock::duration>(thinkTime));
        }
        co_await pause(wait, false);
    }

    m_userRunning[slot] = false;
    if (--m_activeUsers == 0 && !m_shared->running.load())
        Q_EMIT idle();
}

void EngineWorker::finishRequest(
    int typeIndex, const Outcome& outcome, EngineClock::time_point intended, EngineClock::time_point done)
{
    m_records.push(typeIndex, outcome, done, nanos(done - intended), m_shared->loadStart);
    forgetRequest();
}

void EngineWorker::forgetRequest()
{
    --m_inFlightHere;
    --m_shared->inFlight;
}

QCoro::Task<Outcome> EngineWorker::execute(int userIndex, int typeIndex, EngineClock::time_point intended)
{
    ++m_inFlightHere;
    ++m_shared->inFlight;
    if (m_config.transport == Transport::Fast)
        co_return co_await executeFast(userIndex, typeIndex, intended);
    co_return co_await executeQnam(userIndex, typeIndex, intended);
}

QCoro::Task<Outcome> EngineWorker::executeFast(int userIndex, int typeIndex, EngineClock::time_point intended)
{
    const RequestType& type = m_scenario.requestTypes[typeIndex];
    const size_t slot = slotOf(userIndex);
    if (m_fastConnections.size() <= slot)
        m_fastConnections.resize(slot + 1, nullptr);
    const QUrl base = m_config.target;
    auto connectionTo = [this](const QUrl& url, QObject* parent) {
        const bool tls = url.scheme() == QLatin1String("https");
        return new FastConnection(url.host(), quint16(url.port(tls ? 443 : 80)), tls, m_config.insecure, parent);
    };
    // By index, never by reference: other users may grow the vector while this one waits.
    if (!m_fastConnections[slot])
        m_fastConnections[slot] = connectionTo(base, this);
    QByteArray method = type.method;
    QByteArray body;
    if (!type.bodies.isEmpty()) {
        std::uniform_int_distribution<qsizetype> pick(0, type.bodies.size() - 1);
        body = type.bodies[pick(m_rng)];
    }
    const auto deadline = EngineClock::now() + std::chrono::milliseconds(qint64(std::ceil(m_config.timeoutS * 1000)));

    FastConnection* used = m_fastConnections[slot];
    m_fastInFlight.insert(used, true);
    Outcome outcome
        = co_await used->send(FastConnection::request(m_shared->requestHeads[size_t(typeIndex)], method, body),
            method == "HEAD", deadline, m_config.maxBodyBytes, type.acceptedStatus);
    if (m_abandoned.remove(used)) {
        // The run stopped before the request had a connection: it was never sent.
        m_fastInFlight.remove(used);
        forgetRequest();
        m_neverSent.insert(userIndex);
        co_return outcome;
    }

    // Redirects end as with QNAM's policy; another host gets a connection of its own.
    std::unique_ptr<FastConnection> elsewhere;
    QUrl url = m_shared->requestUrls[size_t(typeIndex)];
    int redirects = 0;
    while (type.followRedirects && (outcome.kind == Outcome::HttpStatus || outcome.kind == Outcome::Success)
        && RedirectPolicy::isRedirect(outcome.httpStatus) && !used->location().isEmpty()) {
        const auto hop = RedirectPolicy::next(url, outcome.httpStatus, used->location(), method, redirects++);
        if (!hop) {
            outcome = { Outcome::TooManyRedirects, 0, {} };
            break;
        }
        url = hop->url;
        method = hop->method;
        if (hop->dropBody)
            body.clear();
        m_fastInFlight.remove(used);
        if (RedirectPolicy::sameOrigin(url, base)) {
            used = m_fastConnections[slot];
        } else {
            elsewhere.reset(connectionTo(url, nullptr));
            used = elsewhere.get();
        }
        m_fastInFlight.insert(used, false);
        outcome = co_await used->send(
            FastConnection::request(FastConnection::requestHead(method, url, type.headers), method, body),
            method == "HEAD", deadline, m_config.maxBodyBytes, type.acceptedStatus);
    }
    m_fastInFlight.remove(used);
    finishRequest(typeIndex, outcome, intended, EngineClock::now());
    co_return outcome;
}

QCoro::Task<Outcome> EngineWorker::executeQnam(int userIndex, int typeIndex, EngineClock::time_point intended)
{
    const RequestType& type = m_scenario.requestTypes[typeIndex];
    QNetworkRequest request = engineRequest(m_shared->requestUrls[size_t(typeIndex)], m_config.insecure);
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
    m_inFlight.insert(reply);

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
    const auto done = EngineClock::now();
    m_inFlight.remove(reply);

    Outcome outcome;
    if (m_stuck.remove(reply))
        outcome = { Outcome::Stuck, 0, {} };
    else if (timedOut)
        outcome = { Outcome::Timeout, 0, {} };
    else if (tooLarge)
        outcome = { Outcome::BodyTooLarge, 0, {} };
    else
        outcome = Outcome::fromReply(reply, type.acceptedStatus);
    disconnect(reply, &QIODevice::readyRead, reply, nullptr);
    reply->deleteLater();
    finishRequest(typeIndex, outcome, intended, done);
    co_return outcome;
}

} // namespace Stressdeck
