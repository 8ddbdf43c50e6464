// SPDX-License-Identifier: MIT

#include "engineworker.h"

#include "requesttransport.h"

#include <QCoreApplication>
#include <QCoro/QCoroTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

constexpr auto MinBackoff = std::chrono::milliseconds(50);
constexpr auto MaxBackoff = std::chrono::milliseconds(2000);

StreamSample sampleOf(const StreamSummary& s, EngineClock::time_point sent, EngineClock::time_point intended)
{
    const std::int64_t sentNs = nanos(sent.time_since_epoch());
    StreamSample sample;
    sample.ttftNs = s.ttftNs(sentNs);
    sample.ttftSchedNs = s.ttftSchedNs(nanos(intended.time_since_epoch()));
    sample.e2eNs = s.e2eNs(sentNs);
    sample.tpotNs = s.tpotNs();
    sample.gapsNs = s.gapsNs;
    if (s.tokenSource == StreamSummary::TokenSource::Usage)
        sample.outputTokens = s.outputTokens;
    sample.contentEvents = s.contentEvents;
    sample.coalescedEvents = s.coalescedEvents;
    // A "fake" stream (next-wave A.4): the content came in one read, or the decode took next to
    // none of the request's time.
    const auto decode = s.decodeNs();
    sample.buffered = (s.contentEvents >= 2 && s.coalescedEvents == s.contentEvents - 1)
        || (s.contentEvents >= 5 && decode && double(*decode) < 0.05 * double(sample.e2eNs));
    const auto lead = s.leadBeforeContentNs();
    sample.roleLead = s.roleNs && lead && *lead >= StreamCounters::RoleLeadNs;
    return sample;
}

} // namespace

// --- EngineWorker ---

EngineWorker::EngineWorker(int index, int threads, EngineShared* shared, quint64 seed, QObject* parent)
    : QObject(parent)
    , m_index(index)
    , m_threads(threads)
    , m_shared(shared)
    , m_config(shared->config)
    , m_scenario(shared->scenario)
    , m_seed(seed)
    , m_transport(RequestTransport::create(m_config.transport,
          { std::chrono::milliseconds(qint64(std::ceil(m_config.timeoutS * 1000))), m_config.insecure,
              m_config.maxBodyBytes },
          this))
    , m_lagProbe(new LagProbe(std::chrono::milliseconds(100), this))
{
}

EngineWorker::~EngineWorker() = default;

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
            m_iterations.resize(slot + 1, 0);
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
    m_transport->drain();
}

void EngineWorker::abortInFlightAsStuck()
{
    m_transport->abortAll();
}

void EngineWorker::windDown()
{
    // This runs inside a queued call, so under the GLib event dispatcher (Debian's default) the
    // nested processEvents() does not dispatch posted events again: QCoro resumes an aborted
    // reply's coroutine by a queued call, which would then wait for ever (about one wind-down in
    // twenty, found under ASan). sendPostedEvents() delivers them; processEvents() keeps the
    // sockets and timers going.
    const auto deadline = EngineClock::now() + std::chrono::seconds(15);
    while (!isIdle() && EngineClock::now() < deadline) {
        wakeSleepers();
        abortInFlightAsStuck();
        QCoreApplication::sendPostedEvents();
        if (!isIdle())
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
    const qint64 globalUser = m_shared->shard.globalUser(index);
    auto keepGoing = [this, index] { return m_shared->running.load() && index < m_shared->targetUsers.load(); };

    double lagMs = 0;
    while (keepGoing()) {
        EngineClock::time_point intended = EngineClock::now();
        // The draws' key: the arrival in the open model, the user's iteration in the closed one.
        qint64 keyA = globalUser;
        qint64 keyB = m_iterations[slot];
        if (open) {
            const auto [scheduleSlot, due] = m_shared->schedule.claim();
            if (scheduleSlot == OpenSchedule::NoSlot)
                break; // the stages have no arrivals left
            intended = due;
            keyA = scheduleSlot;
            keyB = 0;
            co_await pause(intended - EngineClock::now(), true);
            if (!keepGoing()) {
                m_shared->schedule.giveBack(scheduleSlot);
                break;
            }
            lagMs = double(nanos(EngineClock::now() - intended)) / 1e6;
            m_shared->schedule.sent(lagMs);
        }

        ++m_iterations[slot];
        const int type = ShardPlan::pickType(m_shared->cumulativeWeights, m_seed, keyA, keyB);
        const qsizetype body = ShardPlan::pickBody(m_scenario.requestTypes[type].bodies.size(), m_seed, keyA, keyB);
        const Exchange exchange = co_await execute(index, type, body, intended);
        if (!exchange.sent && open)
            m_shared->schedule.unsend(lagMs);
        const Outcome& outcome = exchange.outcome;

        auto& backoff = m_backoff[slot];
        if (outcome.isConnectionFailure())
            backoff = std::clamp<EngineClock::duration>(backoff * 2, MinBackoff, MaxBackoff);
        else
            backoff = EngineClock::duration::zero();

        if (!m_shared->running.load())
            break;
        EngineClock::duration wait = backoff;
        if (!open) {
            const double u = ShardPlan::uniform(m_seed, ShardPlan::Draw::Think, keyA, keyB);
            const auto thinkTime = std::chrono::duration<double, std::milli>(
                m_config.thinkMinMs + u * (m_config.thinkMaxMs - m_config.thinkMinMs));
            wait = std::max(wait, std::chrono::duration_cast<EngineClock::duration>(thinkTime));
        }
        co_await pause(wait, false);
    }

    m_userRunning[slot] = false;
    if (--m_activeUsers == 0 && !m_shared->running.load())
        Q_EMIT idle();
}

QCoro::Task<Exchange> EngineWorker::execute(
    int userIndex, int typeIndex, qsizetype body, EngineClock::time_point intended)
{
    ++m_inFlightHere;
    ++m_shared->inFlight;
    const RequestType& type = m_scenario.requestTypes[typeIndex];
    QByteArray bytes = type.bodies.isEmpty() ? QByteArray() : type.bodies[body];
    const Exchange exchange
        = co_await m_transport->send(slotOf(userIndex), m_shared->requests[size_t(typeIndex)], std::move(bytes));
    // A request belongs to the stage it started in: its scheduled time in the open model.
    const int stage = m_config.isStaged() ? m_config.stages.stageAt(seconds(intended - m_shared->loadStart)) : -1;
    if (exchange.sent) {
        std::shared_ptr<const StreamSample> stream;
        if (exchange.stream && exchange.outcome.isSuccess())
            stream = std::make_shared<const StreamSample>(sampleOf(*exchange.stream, exchange.sentAt, intended));
        m_records.push(typeIndex, exchange.outcome, exchange.done, nanos(exchange.done - intended), m_shared->loadStart,
            stage, std::move(stream));
    }
    --m_inFlightHere;
    --m_shared->inFlight;
    co_return exchange;
}

} // namespace Stressdeck
