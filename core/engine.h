#pragma once

#include "histogram.h"
#include "outcome.h"
#include "processsampler.h"
#include "report.h"
#include "runconfig.h"
#include "scenario.h"
#include "snapshot.h"

#include <QCoro/QCoroTask>
#include <QDateTime>
#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <chrono>
#include <memory>
#include <random>
#include <vector>

class QNetworkAccessManager;
namespace Stressdeck {
class FastConnection;
}
class QNetworkReply;
class QTimer;

namespace Stressdeck {

//! The load generator. It lives on its own thread: every virtual user is a QCoro coroutine
//! on that thread, awaiting QNetworkAccessManager replies. At most six users share one
//! QNetworkAccessManager (its per-host connection limit), so N users really mean N requests
//! in flight. Results leave the thread only as LiveSnapshot and Report values.
class Engine : public QObject {
    Q_OBJECT
public:
    using Clock = std::chrono::steady_clock;
    static constexpr int UsersPerManager = 6;

    Engine(const RunConfig& config, const Scenario& scenario, QObject* parent = nullptr);
    ~Engine() override;

    // Called on the engine thread (queued from the outside).
    void start();
    void stop();
    void stopNow();
    void setConcurrency(int users);
    void setRate(double rps);

Q_SIGNALS:
    void snapshotReady(const Stressdeck::LiveSnapshot& snapshot);
    void unavailable(const QString& message);
    void finished(const Stressdeck::Report& report);
    //! A complete report of the run so far, every checkpoint interval, for crash recovery.
    void checkpoint(const Stressdeck::Report& report);

private:
    struct InFlight {
        int typeIndex = 0;
    };

    QCoro::Task<> run();
    QCoro::Task<bool> checkHealth(QString* message);
    QCoro::Task<> userLoop(int index);
    QCoro::Task<Outcome> execute(int userIndex, int typeIndex, Clock::time_point intended);
    QCoro::Task<Outcome> executeFast(int userIndex, int typeIndex, Clock::time_point intended);
    qint64 inFlightCount() const { return m_inFlight.size() + m_fastInFlight.size(); }
    QCoro::Task<> pause(Clock::duration duration, bool precise);

    QNetworkAccessManager* managerFor(int userIndex);
    QUrl urlFor(const QString& path) const;
    QNetworkRequest makeRequest(const QString& path) const;
    int pickType();
    std::optional<qint64> claimSlot();
    Clock::time_point slotTime(qint64 slot) const;
    void spawnUsers();
    void record(int typeIndex, const Outcome& outcome, std::int64_t latencyNs);
    void tick();
    void closeInterval(double endS);
    void takeSample();
    void beginDrain();
    void abortInFlightAsStuck();
    void maybeFinish();
    void finish();
    double loadElapsedS() const;
    LiveStats liveStats(const QString& name, const RequestCounters& counters, double elapsedS) const;
    Report buildReport(const QString& stopReason) const;

    RunConfig m_config;
    Scenario m_scenario; //!< with ${NAME} resolved: what is sent
    Scenario m_templates; //!< as written, for what reports show
    RunState m_state = RunState::Idle;
    bool m_finishQueued = false;
    QString m_stopReason = QStringLiteral("completed");
    std::mt19937_64 m_rng;
    std::vector<double> m_cumulativeWeights;

    std::vector<QNetworkAccessManager*> m_managers;
    std::vector<bool> m_userRunning;
    std::vector<Clock::duration> m_backoff;
    int m_targetUsers = 0;
    int m_activeUsers = 0;
    QHash<QNetworkReply*, InFlight> m_inFlight;
    std::vector<FastConnection*> m_fastConnections; //!< one per user, owned by the engine
    QSet<FastConnection*> m_fastInFlight;
    std::vector<QByteArray> m_requestHeads; //!< fast transport: request line and headers per type
    QSet<QNetworkReply*> m_stuck;
    QSet<QTimer*> m_sleepers;

    // Open model: slot k is due at m_scheduleOrigin + (k - m_scheduleBase) / rate.
    double m_rate = 0;
    qint64 m_nextSlot = 0;
    qint64 m_scheduleBase = 0;
    Clock::time_point m_scheduleOrigin;
    std::vector<qint64> m_returnedSlots;
    ScheduleInfo m_schedule;

    QDateTime m_startedAt;
    Clock::time_point m_loadStart;
    Clock::time_point m_loadEnd;
    Clock::time_point m_lastTick;
    QTimer* m_tickTimer = nullptr;
    QTimer* m_durationTimer = nullptr;
    QTimer* m_sampleTimer = nullptr;
    QTimer* m_drainTimer = nullptr;
    QTimer* m_checkpointTimer = nullptr;

    std::vector<RequestCounters> m_counters;
    RequestCounters m_overall;
    std::vector<IntervalFigures> m_intervalFigures;
    std::vector<Histogram> m_intervalLatency;
    IntervalFigures m_intervalAll;
    Histogram m_intervalAllLatency;
    double m_intervalEndS = 1.0;
    qint64 m_stuckCount = 0;

    QList<TimelineRow> m_timeline;
    qsizetype m_rowsSent = 0;
    std::unique_ptr<ProcessSampler> m_sampler;
    QList<SystemSample> m_samples;
    qsizetype m_samplesSent = 0;
    QList<LoadChange> m_loadChanges;
    qsizetype m_changesSent = 0;
    Histogram m_loopLag;
    double m_periodMaxLagMs = 0;
};

} // namespace Stressdeck
