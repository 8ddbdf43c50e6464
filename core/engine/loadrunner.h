// SPDX-License-Identifier: MIT

#pragma once

#include "checkpointfile.h"
#include "report.h"
#include "runcomparison.h"
#include "runconfig.h"
#include "scenario.h"
#include "shardplan.h"
#include "snapshot.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <optional>

class QThread;

namespace Stressdeck {

class Engine;

//! The owner of a run, used from the GUI or command-line thread. It starts an Engine on a
//! thread of its own and relays its snapshots and final report; every call into the engine
//! is queued, so nothing on the caller's side ever blocks on the load.
class LoadRunner : public QObject {
    Q_OBJECT
public:
    explicit LoadRunner(QObject* parent = nullptr);
    ~LoadRunner() override;

    bool isRunning() const { return m_engine != nullptr; }
    //! Starts a run; returns false (with a message) when the configuration is invalid.
    bool start(const RunConfig& config, const Scenario& scenario, QString* error);
    //! Stops sending; requests in flight get up to their timeout, then count as stuck. A request
    //! still waiting for its connection (fast transport) is given up and not counted.
    void stop();
    //! Stops at once; requests in flight count as stuck.
    void stopNow();
    void setConcurrency(int users);
    void setRate(double rps);
    //! The run the next runs are compared with live (none: no comparison).
    void setBaseline(const std::optional<ComparedRun>& baseline) { m_baseline = baseline; }
    //! The next run is one shard of a distributed run (issue #17): see Engine::setShard.
    void setShard(const ShardSpec& shard, const StartBarrier& barrier) { m_shard = { shard, barrier }; }

    //! Raises the soft open-files limit to the hard limit, so 1000+ users can connect.
    static void raiseFileLimit();
    //! False with a message naming the limit when the run's connections cannot get a descriptor or
    //! a local port each (RLIMIT_NOFILE after raiseFileLimit, net.ipv4.ip_local_port_range).
    static bool checkSystemLimits(const RunConfig& config, int shardCount, QString* error);
    static constexpr qint64 ReservedFiles = 64; //!< for everything but the connections

    //! Where recovery copies go: every checkpoint of a run is written there (a CheckpointFile:
    //! `run-….json` and its `run-….journal`) and both are removed when the run ends normally, so
    //! one left behind means a crash or kill -9.
    static QString recoveryDirectory();
    //! Recovery files of runs whose process is gone.
    static QStringList orphanedRecoveryFiles();
    //! The recovery file of the current run (empty when idle).
    QString recoveryFile() const { return m_recoveryFile; }
    //! Every checkpoint of the next runs is also written to this file (a CheckpointFile), which
    //! stays: `--checkpoint-dir` for following shards live (ShardFollower). Its journal is removed
    //! once a whole report has replaced it when the run finished. Empty: none.
    void setCheckpointCopy(const QString& fileName) { m_checkpointCopy = fileName; }

Q_SIGNALS:
    void snapshotReady(const Stressdeck::LiveSnapshot& snapshot);
    void unavailable(const QString& message);
    void lateStart(double lateMs);
    void finished(const Stressdeck::Report& report);

private:
    void onFinished(const Stressdeck::Report& report);

    void onCheckpoint(const Stressdeck::Report& report);
    //! Waits for a recovery copy being written and drops one still waiting.
    void finishCheckpoints();

    QThread* m_thread = nullptr;
    QString m_recoveryFile;
    QString m_checkpointCopy;
    // Recovery copies are serialised and written on a thread of their own: the caller's thread
    // never waits for them. Only the newest waiting copy is written, and each write appends only
    // what is new to the file's journal (CheckpointFile), so its cost stays flat as the run grows.
    // The writers are used on that thread alone, and made or dropped only while it is idle.
    QThreadPool m_writer;
    std::optional<CheckpointFile> m_recoveryWriter;
    std::optional<CheckpointFile> m_copyWriter;
    QMutex m_checkpointMutex;
    std::optional<Report> m_pendingCheckpoint;
    bool m_writing = false;
    Engine* m_engine = nullptr; // deleted on its own thread once the run has finished
    std::optional<ComparedRun> m_baseline;
    std::optional<std::pair<ShardSpec, StartBarrier>> m_shard;
};

} // namespace Stressdeck
