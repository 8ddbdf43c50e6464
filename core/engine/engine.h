// SPDX-License-Identifier: MIT

#pragma once

#include "histogram.h"
#include "outcome.h"
#include "processsampler.h"
#include "report.h"
#include "runcomparison.h"
#include "runconfig.h"
#include "scenario.h"
#include "shardplan.h"
#include "shardreport.h"
#include "snapshot.h"
#include "threadcpu.h"

#include <QCoro/QCoroTask>
#include <QDateTime>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QThread;
class QTimer;

namespace Stressdeck {

class EngineWorker;
class IntervalAggregator;
class LagProbe;
struct EngineShared;
struct RequestRecord;

//! The load generator's coordinator. It lives on a thread of its own and runs the virtual
//! users on `threads` EngineWorkers: worker 0 shares this thread, every further one has its
//! own. Workers hand finished requests over through lock-protected queues; the engine merges
//! them into the run's counters and per-second intervals (by completion time, so the figures
//! are the same whatever the number of threads), watches the load, samples the monitored
//! process and builds the report. Results leave only as LiveSnapshot and Report values.
class Engine : public QObject {
    Q_OBJECT
public:
    using Clock = std::chrono::steady_clock;

    Engine(const RunConfig& config, const Scenario& scenario, QObject* parent = nullptr);
    ~Engine() override;

    //! Before start(): the run to compare with as it goes on; every new latency window brings a
    //! new comparison in the snapshot.
    void setBaseline(const ComparedRun& baseline) { m_baseline = baseline; }
    //! Before start(): run only `shard`'s stripe of the global plan, starting at the barrier's time
    //! (issue #17); the report then has its `shard` block and per-second histograms.
    void setShard(const ShardSpec& shard, const StartBarrier& barrier);

    // Called on the engine thread (queued from the outside).
    void start();
    void stop();
    void stopNow();
    void setConcurrency(int users);
    void setRate(double rps);

Q_SIGNALS:
    void snapshotReady(const Stressdeck::LiveSnapshot& snapshot);
    void unavailable(const QString& message);
    //! Woke more than the tolerance after --start-at (and did not join); the run ends at once.
    void lateStart(double lateMs);
    void finished(const Stressdeck::Report& report);
    //! A complete report of the run so far, every checkpoint interval, for crash recovery.
    void checkpoint(const Stressdeck::Report& report);

private:
    QCoro::Task<> run();
    CompareReport compareWithBaseline() const;
    QCoro::Task<bool> checkHealth(QString* message);
    //! Ends a run that never started its load (target unavailable, a shard woke too late).
    void endWithoutLoad(const QString& stopReason);
    //! Sleeps until the barrier's time (coarsely, then an absolute sleep); false when stopped meanwhile.
    QCoro::Task<bool> waitForStart();
    //! This shard's share of `users` (all of them when not sharded).
    int localUsers(int users) const { return m_shard.localCount(users); }
    void startWorkers();
    void forEachWorker(const std::function<void(EngineWorker*)>& call);
    qint64 inFlightCount() const;
    //! Takes every worker's finished requests; returns the time up to which all are in.
    double collect();
    void tick();
    void takeSample();
    void beginDrain();
    void maybeFinish();
    //! A staged run: follows the stages' target at `elapsedS` and marks the boundaries passed.
    void followStages(double elapsedS);
    void finish();
    double loadElapsedS() const;
    Report buildReport(const QString& stopReason) const;

    RunConfig m_config;
    Scenario m_templates; //!< as written, for what reports show
    std::unique_ptr<EngineShared> m_shared;
    RunState m_state = RunState::Idle;
    bool m_finishQueued = false;
    QString m_stopReason = QStringLiteral("completed");

    QNetworkAccessManager* m_healthManager = nullptr;
    std::vector<EngineWorker*> m_workers;
    std::vector<QThread*> m_workerThreads; //!< for workers 1…n-1
    std::vector<RequestRecord> m_batch;
    int m_targetUsers = 0;
    double m_rate = 0;
    qsizetype m_nextBoundary = 1; //!< the first stage whose start has not been marked yet

    QDateTime m_startedAt;
    std::optional<ComparedRun> m_baseline;
    qsizetype m_windowsCompared = 0;
    Clock::time_point m_loadStart;
    Clock::time_point m_loadEnd;
    QTimer* m_tickTimer = nullptr;
    LagProbe* m_lagProbe = nullptr;
    QTimer* m_durationTimer = nullptr;
    QTimer* m_sampleTimer = nullptr;
    QTimer* m_drainTimer = nullptr;
    QTimer* m_checkpointTimer = nullptr;

    std::unique_ptr<IntervalAggregator> m_aggregator;
    ShardSpec m_shard;
    StartBarrier m_barrier;
    std::optional<ShardInfo> m_shardInfo; //!< set when started as a shard
    ShardHistograms m_seconds; //!< per second and type, only for a shard
    double m_joinOffsetS = 0; //!< how far into the schedule a late shard joined
    qsizetype m_rowsSent = 0;
    qsizetype m_windowsSent = 0;
    std::unique_ptr<ProcessSampler> m_sampler;
    std::unique_ptr<ThreadCpu> m_threadCpu;
    QList<double> m_generatorCpu; //!< per sample while running: the busiest engine thread's CPU %
    //! (engine threads' CPU seconds, requests completed) at the first sample while running
    std::optional<std::pair<double, qint64>> m_cpuFirst;
    QList<SystemSample> m_samples;
    qsizetype m_samplesSent = 0;
    QList<LoadChange> m_loadChanges;
    qsizetype m_changesSent = 0;
};

} // namespace Stressdeck
