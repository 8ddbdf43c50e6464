// SPDX-License-Identifier: MIT

#pragma once

#include "engineshared.h"
#include "histogram.h"
#include "lagprobe.h"
#include "outcome.h"
#include "recordqueue.h"
#include "report.h"
#include "runconfig.h"
#include "scenario.h"

#include <QCoro/QCoroTask>
#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QSet>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <random>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Stressdeck {

class FastConnection;

//! A QNetworkAccessManager as the engine uses it: no proxy from the environment, no cookies.
QNetworkAccessManager* newEngineManager(QObject* parent);
//! A request for `url`; with `insecure`, an https certificate is not verified.
QNetworkRequest engineRequest(const QUrl& url, bool insecure);

//! Runs the virtual users of one engine thread. User i belongs to worker i % threads; each user
//! is a QCoro coroutine awaiting QNetworkAccessManager replies (at most six users share one
//! manager, so N users mean N requests in flight) or a FastConnection of its own. Finished
//! requests go to the engine through the worker's RecordQueue.
class EngineWorker : public QObject {
    Q_OBJECT
public:
    //! Users sharing one QNetworkAccessManager (its per-host connection limit in Qt 6.4)…
    static constexpr int UsersPerManager = 6;
    //! …except for a worker's first users, who get one each: a manager handles its replies one at
    //! a time on its own thread, and small runs are where single-request latency is looked at.
    static constexpr int SoloManagers = 12;

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
    QCoro::Task<Outcome> execute(int userIndex, int typeIndex, EngineClock::time_point intended);
    QCoro::Task<Outcome> executeQnam(int userIndex, int typeIndex, EngineClock::time_point intended);
    QCoro::Task<Outcome> executeFast(int userIndex, int typeIndex, EngineClock::time_point intended);
    QCoro::Task<> pause(EngineClock::duration duration, bool precise);
    QNetworkAccessManager* managerFor(int userIndex);
    int pickType();
    void finishRequest(
        int typeIndex, const Outcome& outcome, EngineClock::time_point intended, EngineClock::time_point done);
    //! Ends a request that is not counted.
    void forgetRequest();
    size_t slotOf(int userIndex) const { return size_t(userIndex / m_threads); }

    const int m_index;
    const int m_threads;
    EngineShared* const m_shared;
    const RunConfig& m_config;
    const Scenario& m_scenario;
    std::mt19937_64 m_rng;
    RecordQueue m_records;

    std::vector<QNetworkAccessManager*> m_managers;
    std::vector<FastConnection*> m_fastConnections; //!< one per user, owned by the worker
    std::vector<bool> m_userRunning; //!< by slotOf(user)
    std::vector<EngineClock::duration> m_backoff;
    std::atomic<int> m_activeUsers { 0 };
    std::atomic<int> m_inFlightHere { 0 };
    QSet<QNetworkReply*> m_inFlight;
    QSet<QNetworkReply*> m_stuck;
    QHash<FastConnection*, bool> m_fastInFlight; //!< true on a request's first hop
    QSet<FastConnection*> m_abandoned; //!< connects given up by drain()
    QSet<int> m_neverSent; //!< users whose last request was given up before it was sent
    QSet<QTimer*> m_sleepers;
    LagProbe* const m_lagProbe;
};

} // namespace Stressdeck
