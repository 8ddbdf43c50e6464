// SPDX-License-Identifier: MIT

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stressdeck {

struct Report;

//! Which runs a history query returns; empty fields match every run.
struct HistoryFilter {
    QString target; //!< the run's target URL (a trailing slash does not matter)
    QString scenario; //!< the scenario's name as the report gives it
    int last = 0; //!< only the newest `last` runs; 0: all of them
};

//! The key figures of one request type (or of all of them) in one recorded run.
struct HistoryFigures {
    QString name; //!< the request type; empty for the whole run
    qint64 requests = 0;
    double throughputRps = 0;
    double p50Ms = 0, p95Ms = 0, p99Ms = 0; //!< of the successful requests
    double errorPct = 0; //!< failed requests in percent of all

    friend bool operator==(const HistoryFigures&, const HistoryFigures&) = default;
};

//! One run of the history: what a list of runs shows and where its full report lies.
struct HistoryRun {
    qint64 id = 0;
    QDateTime startedAt; //!< UTC
    QString profile;
    QString scenario;
    QString target;
    double durationS = 0; //!< how long the load ran
    QString loadModel; //!< "closed" or "open"
    int concurrency = 0; //!< users (closed model) or in-flight cap (open model)
    double rateRps = 0; //!< the open model's schedule; 0 in the closed model
    HistoryFigures overall;
    QList<HistoryFigures> requestTypes; //!< sorted by name
    bool passed = false;
    QString stopReason; //!< "completed", "stopped", "interrupted"
    QStringList tags;
    QString note;
    QString reportFile; //!< absolute path of the report's copy beside the database
    QString savedAs; //!< where the run itself saved its report (--json), if anywhere
};

//! One point of a metric across runs.
struct HistoryPoint {
    qint64 runId = 0;
    QDateTime startedAt;
    double value = 0;
};

//! The figures a series across runs can follow; ids as in `stressdeck compare --metrics`.
enum class HistoryMetric { P50, P95, P99, Throughput, ErrorRate };
std::optional<HistoryMetric> historyMetricFromId(const QString& id);
QString historyMetricId(HistoryMetric metric);

//! The run history, the memory of a tuning session (issue #14): an SQLite database through
//! Qt SQL in one folder (by default the user's data folder), one row of key figures per
//! finished run and one per request type, and beside it, in `reports/`, a copy of every run's
//! full JSON report. The reports are the truth and the database an index of them: a missing or
//! corrupt database is moved aside and rebuilt from the reports, so no run is lost. The schema's
//! version is SQLite's `user_version`, brought up to date by an ordered list of migrations.
//! Every instance has its own connection, so instances on several threads (or in several
//! processes) share a folder safely; an instance is used from the thread that made it.
class RunHistory {
public:
    //! One schema step: the statements that take the database from `version - 1` to `version`.
    struct Migration {
        int version;
        QStringList statements;
    };
    //! The schema of this build of Stressdeck, oldest step first.
    static QList<Migration> migrations();

    //! The history in the user's data folder.
    RunHistory();
    //! The history in `folder` (created if missing): tests and tools.
    explicit RunHistory(const QString& folder);
    //! As above, with another schema: tests of a migration.
    RunHistory(const QString& folder, const QList<Migration>& migrations);
    ~RunHistory();
    RunHistory(const RunHistory&) = delete;
    RunHistory& operator=(const RunHistory&) = delete;

    //! False when the database could not be opened or brought up to date; see errorString().
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString folder() const { return m_folder; }
    QString databaseFile() const;
    QString reportsFolder() const;
    int schemaVersion() const;
    //! Where an unreadable database was moved before it was rebuilt; empty when it was not.
    QString movedAside() const { return m_movedAside; }
    //! Runs read back from the reports when the database was (re)created.
    int restoredRuns() const { return m_restored; }

    //! `<AppDataLocation>`: where the history of the user lives.
    static QString defaultFolder();
    //! False for runs the history leaves out: those that never reached their target.
    static bool isRecordable(const Report& report);

    //! Records a finished run: copies its report into reportsFolder() and adds its figures.
    //! `reportPath` is where the run saved its own report, if it did. Recording the same report
    //! again changes nothing. False with errorString() on failure.
    bool record(
        const Report& report, const QString& reportPath = {}, const QStringList& tags = {}, const QString& note = {});
    //! The runs that match, newest first.
    QList<HistoryRun> runs(const HistoryFilter& filter = {}) const;
    //! One metric of one request type (empty or "all": the whole run) across the runs that
    //! match, oldest first (the newest `filter.last` of them), for plotting.
    QList<HistoryPoint> metricSeries(
        HistoryMetric metric, const QString& requestType, const HistoryFilter& filter = {}) const;

    //! What the window and the command line call when a run ends: records it in the default
    //! history unless it is not recordable. False with a translated message on failure.
    static bool recordFinished(const Report& report, const QString& reportPath = {}, QString* error = nullptr);

private:
    bool open(const QList<Migration>& migrations);
    bool openConnection();
    void closeConnection();
    bool isHealthy();
    bool migrate(const QList<Migration>& migrations, int* fromVersion);
    void restoreFromReports();
    bool insert(const Report& report, const QString& reportFile, const QString& savedAs, const QStringList& tags,
        const QString& note);
    bool fail(const QString& message);

    QString m_folder;
    QString m_connection;
    QString m_error;
    QString m_movedAside;
    int m_restored = 0;
    bool m_open = false;
};

} // namespace Stressdeck
