// SPDX-License-Identifier: MIT

#pragma once

#include "engineshared.h"
#include "histogram.h"
#include "lagprobe.h"
#include "outcome.h"
#include "recordqueue.h"
#include "requesttransport.h"
#include "runconfig.h"
#include "scenario.h"

#include <QCoro/QCoroTask>
#include <QObject>
#include <QSet>

#include <atomic>
#include <vector>

class QTimer;

namespace Stressdeck {

class RequestTransport;

//! Runs the virtual users of one engine thread. User i belongs to worker i % threads; each user
//! is a QCoro coroutine that sends its requests through the worker's RequestTransport (`qnam` or
//! `fast`). Finished requests go to the engine through the worker's RecordQueue. What a request is
//! (type, body, the think time after it) is drawn from the run's seed and its place in the global
//! plan (ShardPlan): the global user and its iteration, or the arrival's slot in the open model.
class EngineWorker : public QObject {
    Q_OBJECT
public:
    EngineWorker(int index, int threads, EngineShared* shared, quint64 seed, QObject* parent = nullptr);
    ~EngineWorker() override;

    // Called on the worker's thread.
    //! Starts this worker's users below the shared target that are not running.
    void spawnUsers();
    //! Wakes sleeping users, so a stop ends every think time at once.
    void wakeSleepers();
    //! At a stop: wakes sleeping users and gives up every connect in progress for a request not
    //! sent yet (such a request is not counted); requests already sent keep their timeout.
    void drain();
    //! Cuts off every request in flight; they end as `Stuck`.
    void abortInFlightAsStuck();
    //! For a run torn down midway (the running flag already cleared): cuts everything off and
    //! lets the users end, so nothing is left suspended when the worker goes.
    void windDown();

    // Safe from any thread.
    RecordQueue& records() { return m_records; }
    //! Watches this thread's event loop every 100 ms once started (for workers on threads of their
    //! own; the engine watches the thread it shares with worker 0).
    LagProbe* lagProbe() const { return m_lagProbe; }
    //! True when no user of this worker runs and nothing is in flight.
    bool isIdle() const { return m_activeUsers.load() == 0 && m_inFlightHere.load() == 0; }

Q_SIGNALS:
    //! The last user of this worker has ended (queued to the engine).
    void idle();

private:
    QCoro::Task<> userLoop(int index);
    //! Sends one request; the exchange says whether it was sent (and so counted) at all.
    QCoro::Task<Exchange> execute(int userIndex, int typeIndex, qsizetype body, EngineClock::time_point intended);
    QCoro::Task<> pause(EngineClock::duration duration, bool precise);
    size_t slotOf(int userIndex) const { return size_t(userIndex / m_threads); }

    const int m_index;
    const int m_threads;
    EngineShared* const m_shared;
    const RunConfig& m_config;
    const Scenario& m_scenario;
    const quint64 m_seed;
    RecordQueue m_records;

    RequestTransport* const m_transport;
    std::vector<bool> m_userRunning; //!< by slotOf(user)
    std::vector<EngineClock::duration> m_backoff;
    std::vector<qint64> m_iterations; //!< by slotOf(user): requests the user has made, across restarts
    std::atomic<int> m_activeUsers { 0 };
    std::atomic<int> m_inFlightHere { 0 };
    QSet<QTimer*> m_sleepers;
    LagProbe* const m_lagProbe;
};

} // namespace Stressdeck
