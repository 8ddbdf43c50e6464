// SPDX-License-Identifier: MIT

#pragma once

#include "capacitysearch.h"
#include "concurrencysearch.h"
#include "runconfig.h"
#include "scenario.h"
#include "shardplan.h"
#include "slo.h"
#include "snapshot.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QObject>

#include <optional>

class QTimer;

namespace Stressdeck {

class LoadRunner;
struct Report;

//! A capacity search carried out: one run per step (a LoadRunner each time), judged as it ends,
//! until the search is done. Two searches: the open model's rate search (CapacitySearch: the
//! highest rate within the SLO) and the closed model's user search (ConcurrencySearch: where
//! throughput stops growing, or the SLO breaks). The command line and the window drive it the
//! same way and show its signals; the live snapshots of the step in progress are relayed.
class CapacityRun : public QObject {
    Q_OBJECT
public:
    enum class Mode { Rate, Users };
    struct Options {
        Mode mode = Mode::Rate;
        CapacitySearch::Options rate;
        ConcurrencySearch::Options users;
        double stepS = 30;
        double warmupFraction = 0.2;
        //! The open model's in-flight cap of every step; unset: the step's rate × the timeout.
        std::optional<int> inFlightCap;
        //! Required for the rate search; the user search also stops where a step breaks it.
        Slo slo;
    };

    //! A search carried out by N shards together (issue #17): every step is a distributed run of
    //! the step's whole load, each shard its stripe. After a step each shard saves its step report
    //! in `exchangeDir`/step-K/shard-I-of-N.json, waits for all N, merges them (ShardMerge) and
    //! judges the merged step — never its own share — so every shard takes the same next load and
    //! the same answer. The next step starts at the merged step's end plus `leadS`, whole seconds.
    struct Sharding {
        ShardSpec spec;
        StartBarrier firstStart; //!< --start-at of the first step, the late policy of every step
        QString exchangeDir;
        double leadS = 3;
        double waitS = 60; //!< beyond a step's own end: how long the other shards' reports may take
    };

    explicit CapacityRun(QObject* parent = nullptr);
    ~CapacityRun() override;

    //! False with a translated message when the options make no search. A step of at least 2 s.
    static bool validate(const Options& options, QString* error);
    //! Starts the first step of a search of `base` (its target, scenario, transport, timeout; the
    //! search sets the load model, the load and the duration); false with a message, and nothing
    //! emitted, when `options`, the step's configuration or the scenario is refused.
    bool start(const RunConfig& base, const Scenario& scenario, const Options& options, QString* error);
    //! Makes the next search a shard's; call before start(). False with a message when the
    //! exchange directory cannot be written or holds this shard's files of an earlier search.
    bool setSharding(const Sharding& sharding, QString* error);
    //! Ends the search: the step in progress stops sending and is not judged.
    void stop();
    //! As stop(), and the requests in flight are given up.
    void stopNow();

    bool isRunning() const { return m_running; }
    bool wasInterrupted() const { return m_interrupted; }
    bool startedLate() const { return m_lateStart; }
    const Options& options() const { return m_options; }
    //! The configuration every step starts from (the load model and duration set).
    const RunConfig& baseConfig() const { return m_base; }
    const Scenario& scenario() const { return m_scenario; }
    QDateTime startedAt() const { return m_startedAt; }

    int stepsDone() const;
    //! For "step k of about n"; exact once done.
    int estimatedTotalSteps() const;
    //! The load of the step in progress: requests per second, or users.
    double currentLoad() const { return m_currentLoad; }
    const CapacityResult& rateResult() const { return m_rate.result(); }
    const ConcurrencyResult& usersResult() const { return m_users.result(); }
    //! Whether the search found an answer (the exit code 0, else 1 when it ran to its end).
    bool found() const;

    //! The one-line answer.
    QString summary() const;
    //! What was searched: "\"Archive-AI\" against http://…, fast transport, steps of 30s".
    QString subject() const;
    //! The `capacity` object of stressdeck-capacity/1: the search's result plus its mode, SLO,
    //! interruption and summary.
    QJsonObject toJson() const;
    //! The search's settings for the report's `config`.
    QJsonObject configJson() const;
    //! The whole stressdeck-capacity/1 document: schema, tool, config and capacity.
    QJsonObject document() const;

Q_SIGNALS:
    void stepStarted(int number, int estimatedTotal, double load);
    void stepFinished(int number);
    void snapshotReady(const Stressdeck::LiveSnapshot& snapshot);
    //! The target could not be reached; the search ends (finished follows).
    void unavailable(const QString& message);
    //! A later step could not start (its configuration was refused); the search ends (finished follows).
    void failed(const QString& message);
    //! Sharded: this shard woke too late for a step's start and the late policy is fail; the search ends.
    void lateStart(double lateMs);
    void finished();

private:
    void startStep();
    //! Starts the step the search asks for; false with the runner's message when it is refused.
    bool launchStep(QString* error);
    void onStepFinished(const Report& report);
    //! Judges a step: this process's report, or the merge of every shard's.
    void judgeStep(const Report& report);
    //! Sharded: whether every shard's report of the step is there yet; merges and judges them once they are.
    void pollShards();
    QString stepDirectory(int step) const;
    void end();

    Options m_options;
    RunConfig m_base;
    Scenario m_scenario;
    CapacitySearch m_rate { {} };
    ConcurrencySearch m_users { {} };
    LoadRunner* m_runner = nullptr;
    QDateTime m_startedAt;
    double m_currentLoad = 0;
    bool m_running = false;
    bool m_interrupted = false;
    bool m_unavailable = false;
    bool m_firstStep = true;
    bool m_lateStart = false;
    std::optional<Sharding> m_sharding;
    std::optional<qint64> m_nextStartUnixNs; //!< sharded: the agreed start of the next step
    QTimer* m_poll = nullptr;
    QDeadlineTimer m_pollDeadline;
};

//! "Throughput stops growing at 8 users: 160 req/s at 4 users, 170 req/s at 8 users" and the like.
QString concurrencySummaryLine(const ConcurrencyResult& result, const Slo& slo, bool interrupted);

} // namespace Stressdeck
