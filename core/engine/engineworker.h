// SPDX-License-Identifier: MIT

#pragma once

#include "histogram.h"
#include "outcome.h"
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
using EngineClock = std::chrono::steady_clock;

//! A QNetworkAccessManager as the engine uses it: no proxy from the environment, no cookies.
QNetworkAccessManager* newEngineManager(QObject* parent);
//! A request for `url`; with `insecure`, an https certificate is not verified.
QNetworkRequest engineRequest(const QUrl& url, bool insecure);

//! One finished request as a worker hands it to the engine's aggregator.
struct RequestRecord {
    int typeIndex = 0;
    Outcome outcome;
    std::int64_t latencyNs = 0;
    std::int64_t doneNs = 0; //!< when it ended, since the start of the load
};

//! Finished requests of one worker on their way to the aggregator. A worker appends under a
//! lock and takes the completion time inside it, so when the aggregator takes the queue at
//! time T it holds every request of that worker that ended before T: per-second intervals
//! close exactly, whatever the number of threads.
class RecordQueue {
public:
    void push(int typeIndex, const Outcome& outcome, EngineClock::time_point done, std::int64_t latencyNs,
        EngineClock::time_point loadStart);
    //! Moves the queued records into *out (emptied first); returns the time of the hand-over.
    EngineClock::time_point takeAll(std::vector<RequestRecord>* out);

private:
    std::mutex m_mutex;
    std::vector<RequestRecord> m_records;
};

//! The open model's schedule, shared by every worker: slot k is due at
//! origin + (k - base) / rate. Slots a stopped user claimed but never used go back.
class OpenSchedule {
public:
    void start(EngineClock::time_point origin, double rate);
    std::pair<qint64, EngineClock::time_point> claim();
    void giveBack(qint64 slot);
    //! Records that a claimed slot was sent `lagMs` after its time.
    void sent(double lagMs);
    void setRate(double rps);
    ScheduleInfo info() const;

private:
    EngineClock::time_point timeOf(qint64 slot) const;

    mutable std::mutex m_mutex;
    double m_rate = 0;
    qint64 m_nextSlot = 0;
    qint64 m_base = 0;
    EngineClock::time_point m_origin;
    std::vector<qint64> m_returned; // a min-heap
    ScheduleInfo m_info;
};

//! What every worker of a run reads; written by the engine before the workers start, except
//! for the atomics and the schedule.
struct EngineShared {
    RunConfig config;
    Scenario scenario; //!< with ${NAME} resolved
    std::vector<double> cumulativeWeights;
    std::vector<QUrl> requestUrls; //!< per type
    std::vector<QByteArray> requestHeads; //!< fast transport: request line and headers per type
    EngineClock::time_point loadStart;
    std::atomic<bool> running { false };
    std::atomic<int> targetUsers { 0 };
    std::atomic<qint64> inFlight { 0 };
    OpenSchedule schedule;
};

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

    //! Watches this thread's event loop every 100 ms (for workers on threads of their own; the
    //! engine watches the thread it shares with worker 0).
    void watchLag();

    // Safe from any thread.
    RecordQueue& records() { return m_records; }
    //! The worst event-loop lag since the last call, in ms.
    double takePeriodMaxLagMs();
    //! Every lag measured so far.
    Histogram lagHistogram() const;
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
    QSet<QTimer*> m_sleepers;

    EngineClock::time_point m_lastLagTick;
    mutable std::mutex m_lagMutex;
    Histogram m_lag;
    double m_periodMaxLagMs = 0;
};

} // namespace Stressdeck
