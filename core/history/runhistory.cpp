// SPDX-License-Identifier: MIT

#include "runhistory.h"

#include "report.h"
#include "savefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace Stressdeck {

namespace {

const QString s_databaseName = QStringLiteral("history.sqlite");
const QString s_reportsFolder = QStringLiteral("reports");
const QString s_metaSuffix = QStringLiteral(".meta");

QString isoTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

double errorPct(const StatsFigures& figures)
{
    return figures.total > 0 ? 100.0 * double(figures.failure) / double(figures.total) : 0.0;
}

QString metricColumn(HistoryMetric metric)
{
    switch (metric) {
    case HistoryMetric::P50:
        return QStringLiteral("p50_ms");
    case HistoryMetric::P95:
        return QStringLiteral("p95_ms");
    case HistoryMetric::P99:
        return QStringLiteral("p99_ms");
    case HistoryMetric::Throughput:
        return QStringLiteral("throughput_rps");
    case HistoryMetric::ErrorRate:
        return QStringLiteral("error_pct");
    }
    return {};
}

//! The WHERE clause of a filter over the runs table (as `prefix`), its values in order.
QString whereClause(const HistoryFilter& filter, const QString& prefix, QVariantList* values)
{
    QStringList conditions;
    if (!filter.target.isEmpty()) {
        conditions.append(QStringLiteral("rtrim(%1target, '/') = rtrim(?, '/')").arg(prefix));
        values->append(filter.target);
    }
    if (!filter.scenario.isEmpty()) {
        conditions.append(QStringLiteral("%1scenario = ?").arg(prefix));
        values->append(filter.scenario);
    }
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString limitClause(const HistoryFilter& filter)
{
    return filter.last > 0 ? QStringLiteral(" LIMIT %1").arg(filter.last) : QString();
}

} // namespace

std::optional<HistoryMetric> historyMetricFromId(const QString& id)
{
    for (HistoryMetric m : { HistoryMetric::P50, HistoryMetric::P95, HistoryMetric::P99, HistoryMetric::Throughput,
             HistoryMetric::ErrorRate }) {
        if (historyMetricId(m) == id)
            return m;
    }
    return std::nullopt;
}

QString historyMetricId(HistoryMetric metric)
{
    switch (metric) {
    case HistoryMetric::P50:
        return QStringLiteral("p50");
    case HistoryMetric::P95:
        return QStringLiteral("p95");
    case HistoryMetric::P99:
        return QStringLiteral("p99");
    case HistoryMetric::Throughput:
        return QStringLiteral("throughput");
    case HistoryMetric::ErrorRate:
        return QStringLiteral("error_rate");
    }
    return {};
}

QList<RunHistory::Migration> RunHistory::migrations()
{
    // Append steps, never edit one that has shipped: a database of any earlier version is
    // brought forward by the steps after its own.
    return {
        { 1,
            {
                QStringLiteral("CREATE TABLE runs ("
                               " id INTEGER PRIMARY KEY,"
                               " started_at TEXT NOT NULL,"
                               " finished_at TEXT,"
                               " profile TEXT NOT NULL DEFAULT '',"
                               " scenario TEXT NOT NULL DEFAULT '',"
                               " target TEXT NOT NULL DEFAULT '',"
                               " duration_s REAL NOT NULL DEFAULT 0,"
                               " load_model TEXT NOT NULL DEFAULT 'closed',"
                               " concurrency INTEGER NOT NULL DEFAULT 0,"
                               " rate_rps REAL NOT NULL DEFAULT 0,"
                               " requests INTEGER NOT NULL DEFAULT 0,"
                               " throughput_rps REAL NOT NULL DEFAULT 0,"
                               " p50_ms REAL NOT NULL DEFAULT 0,"
                               " p95_ms REAL NOT NULL DEFAULT 0,"
                               " p99_ms REAL NOT NULL DEFAULT 0,"
                               " error_pct REAL NOT NULL DEFAULT 0,"
                               " passed INTEGER NOT NULL DEFAULT 0,"
                               " stop_reason TEXT NOT NULL DEFAULT '',"
                               " tags TEXT NOT NULL DEFAULT '[]',"
                               " note TEXT NOT NULL DEFAULT '',"
                               " report_file TEXT NOT NULL UNIQUE,"
                               " saved_as TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE INDEX runs_by_start ON runs (started_at)"),
                QStringLiteral("CREATE TABLE request_types ("
                               " run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
                               " name TEXT NOT NULL,"
                               " requests INTEGER NOT NULL DEFAULT 0,"
                               " throughput_rps REAL NOT NULL DEFAULT 0,"
                               " p50_ms REAL NOT NULL DEFAULT 0,"
                               " p95_ms REAL NOT NULL DEFAULT 0,"
                               " p99_ms REAL NOT NULL DEFAULT 0,"
                               " error_pct REAL NOT NULL DEFAULT 0,"
                               " PRIMARY KEY (run_id, name))"),
            } },
    };
}

RunHistory::RunHistory()
    : RunHistory(defaultFolder())
{
}

RunHistory::RunHistory(const QString& folder)
    : RunHistory(folder, migrations())
{
}

RunHistory::RunHistory(const QString& folder, const QList<Migration>& migrations)
    : m_folder(QDir::cleanPath(QDir(folder).absolutePath()))
    , m_connection(QStringLiteral("stressdeck-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (folder.isEmpty()) {
        fail(QCoreApplication::translate("RunHistory", "There is no data folder for the run history."));
        return;
    }
    m_open = open(migrations);
    if (!m_open)
        closeConnection();
}

RunHistory::~RunHistory()
{
    closeConnection();
}

QString RunHistory::databaseFile() const
{
    return m_folder + QLatin1Char('/') + s_databaseName;
}

QString RunHistory::reportsFolder() const
{
    return m_folder + QLatin1Char('/') + s_reportsFolder;
}

QString RunHistory::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool RunHistory::isRecordable(const Report& report)
{
    return report.stopReason != QLatin1String("unavailable");
}

int RunHistory::schemaVersion() const
{
    if (!m_open)
        return -1;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

bool RunHistory::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool RunHistory::openConnection()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!db.isValid())
        return fail(QCoreApplication::translate(
            "RunHistory", "Qt's SQLite driver is missing (on Debian: the package libqt6sql6-sqlite)."));
    db.setDatabaseName(databaseFile());
    // Another instance (a window and a command line, say) may be writing: wait for it.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return fail(QCoreApplication::translate("RunHistory", "Cannot open the run history %1: %2")
                        .arg(databaseFile(), db.lastError().text()));
    QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    return true;
}

void RunHistory::closeConnection()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool RunHistory::isHealthy()
{
    // A file that is not SQLite fails on its first statement; a damaged one fails the check.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next() && q.value(0).toString() == QLatin1String("ok");
}

bool RunHistory::open(const QList<Migration>& migrations)
{
    if (!QDir().mkpath(reportsFolder()))
        return fail(QCoreApplication::translate("RunHistory", "Cannot create the folder %1").arg(reportsFolder()));
    const bool existed = QFileInfo::exists(databaseFile());
    if (!openConnection())
        return false;
    if (existed && !isHealthy()) {
        closeConnection();
        const QString aside = databaseFile() + QStringLiteral(".corrupt-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
        if (!QFile::rename(databaseFile(), aside))
            return fail(
                QCoreApplication::translate("RunHistory", "The run history %1 is damaged and cannot be moved aside")
                    .arg(databaseFile()));
        for (const QString& suffix : { QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::rename(databaseFile() + suffix, aside + suffix);
        m_movedAside = aside;
        if (!openConnection())
            return false;
    }
    int fromVersion = 0;
    if (!migrate(migrations, &fromVersion))
        return false;
    if (fromVersion == 0)
        restoreFromReports();
    return true;
}

bool RunHistory::migrate(const QList<Migration>& migrations, int* fromVersion)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    auto sqlFailure = [&](const QSqlQuery& failed) {
        const QString message = QCoreApplication::translate("RunHistory", "Cannot update the run history %1: %2")
                                    .arg(databaseFile(), failed.lastError().text());
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return fail(message);
    };
    // IMMEDIATE: two instances opening a new folder at once must not both create the schema.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlFailure(q);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlFailure(q);
    const int current = q.value(0).toInt();
    *fromVersion = current;
    const int latest = migrations.isEmpty() ? 0 : migrations.constLast().version;
    if (current > latest) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return fail(QCoreApplication::translate(
            "RunHistory", "The run history %1 was written by a newer Stressdeck (schema %2; this one knows %3).")
                        .arg(databaseFile())
                        .arg(current)
                        .arg(latest));
    }
    for (const Migration& step : migrations) {
        if (step.version <= current)
            continue;
        for (const QString& statement : step.statements) {
            if (!q.exec(statement))
                return sqlFailure(q);
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)))
            return sqlFailure(q);
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return sqlFailure(q);
    return true;
}

void RunHistory::restoreFromReports()
{
    const QDir dir(reportsFolder());
    const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    for (const QString& name : files) {
        Report report;
        QString error;
        if (!Report::load(dir.filePath(name), &report, &error))
            continue; // not a report: it stays where it is, unlisted
        QJsonObject meta;
        QFile metaFile(dir.filePath(name) + s_metaSuffix);
        if (metaFile.open(QIODevice::ReadOnly))
            meta = QJsonDocument::fromJson(metaFile.readAll()).object();
        QStringList tags;
        const QJsonArray savedTags = meta.value(QLatin1String("tags")).toArray();
        for (const QJsonValue& tag : savedTags)
            tags.append(tag.toString());
        if (insert(report, name, meta.value(QLatin1String("saved_as")).toString(), tags,
                meta.value(QLatin1String("note")).toString()))
            ++m_restored;
    }
    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
}

bool RunHistory::insert(const Report& report, const QString& reportFile, const QString& savedAs,
    const QStringList& tags, const QString& note)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    auto sqlFailure = [&](const QSqlQuery& failed) {
        return fail(QCoreApplication::translate("RunHistory", "Cannot record the run in %1: %2")
                        .arg(databaseFile(), failed.lastError().text()));
    };
    q.prepare(QStringLiteral("SELECT 1 FROM runs WHERE report_file = ?"));
    q.addBindValue(reportFile);
    if (!q.exec())
        return sqlFailure(q);
    if (q.next())
        return true; // recorded before
    const RunConfig& c = report.config;
    const StatsSummary& all = report.overall;
    q.prepare(QStringLiteral(
        "INSERT INTO runs (started_at, finished_at, profile, scenario, target, duration_s,"
        " load_model, concurrency, rate_rps, requests, throughput_rps, p50_ms, p95_ms, p99_ms,"
        " error_pct, passed, stop_reason, tags, note, report_file, saved_as)"
        " VALUES (?, ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " COALESCE(?, ''), ?, COALESCE(?, ''), ?, COALESCE(?, ''))"));
    const QVariantList values { isoTime(report.startedAt), isoTime(report.finishedAt), c.profile, report.scenarioName,
        c.target.toString(), report.elapsedS, loadModelId(c.loadModel), c.concurrency,
        c.loadModel == LoadModel::Open ? c.rateRps : 0.0, all.total, all.throughputRps, all.latency.p50,
        all.latency.p95, all.latency.p99, errorPct(all), report.passed ? 1 : 0, report.stopReason,
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact)), note,
        reportFile, savedAs };
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return sqlFailure(q);
    const qint64 runId = q.lastInsertId().toLongLong();
    for (const StatsSummary& t : report.requestTypes) {
        q.prepare(QStringLiteral("INSERT INTO request_types (run_id, name, requests, throughput_rps, p50_ms, p95_ms,"
                                 " p99_ms, error_pct) VALUES (?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v : QVariantList {
                 runId, t.name, t.total, t.throughputRps, t.latency.p50, t.latency.p95, t.latency.p99, errorPct(t) })
            q.addBindValue(v);
        if (!q.exec())
            return sqlFailure(q);
    }
    return true;
}

bool RunHistory::record(const Report& report, const QString& reportPath, const QStringList& tags, const QString& note)
{
    if (!m_open)
        return false;
    const QByteArray bytes = report.toJsonBytes();
    // Named by its start and its content: the same report recorded twice is one file, one row.
    const QString name = report.startedAt.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'")) + QLatin1Char('-')
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex().left(8))
        + QStringLiteral(".json");
    const QString file = reportsFolder() + QLatin1Char('/') + name;
    QString reason;
    if (!QFileInfo::exists(file) && !saveWholeFile(file, bytes, &reason))
        return fail(
            QCoreApplication::translate("RunHistory", "Cannot keep a copy of the report in %1: %2").arg(file, reason));
    const QString savedAs = reportPath.isEmpty() ? QString() : QFileInfo(reportPath).absoluteFilePath();
    // What the report itself does not hold, beside it, so a rebuilt database has it too.
    if (!tags.isEmpty() || !note.isEmpty() || !savedAs.isEmpty()) {
        const QJsonObject meta { { QStringLiteral("tags"), QJsonArray::fromStringList(tags) },
            { QStringLiteral("note"), note }, { QStringLiteral("saved_as"), savedAs } };
        if (!saveWholeFile(file + s_metaSuffix, QJsonDocument(meta).toJson(), &reason))
            return fail(QCoreApplication::translate("RunHistory", "Cannot keep a copy of the report in %1: %2")
                            .arg(file + s_metaSuffix, reason));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(QCoreApplication::translate("RunHistory", "Cannot record the run in %1: %2")
                        .arg(databaseFile(), begin.lastError().text()));
    if (!insert(report, name, savedAs, tags, note)) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    QSqlQuery commit(db);
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return fail(QCoreApplication::translate("RunHistory", "Cannot record the run in %1: %2")
                        .arg(databaseFile(), commit.lastError().text()));
    }
    return true;
}

QList<HistoryRun> RunHistory::runs(const HistoryFilter& filter) const
{
    QList<HistoryRun> result;
    if (!m_open)
        return result;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QVariantList values;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, started_at, profile, scenario, target, duration_s, load_model, concurrency,"
                             " rate_rps, requests, throughput_rps, p50_ms, p95_ms, p99_ms, error_pct, passed,"
                             " stop_reason, tags, note, report_file, saved_as FROM runs")
        + whereClause(filter, QString(), &values) + QStringLiteral(" ORDER BY started_at DESC, id DESC")
        + limitClause(filter));
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return result;
    const QDir reports(reportsFolder());
    while (q.next()) {
        HistoryRun r;
        int i = 0;
        r.id = q.value(i++).toLongLong();
        r.startedAt = QDateTime::fromString(q.value(i++).toString(), Qt::ISODateWithMs).toUTC();
        r.profile = q.value(i++).toString();
        r.scenario = q.value(i++).toString();
        r.target = q.value(i++).toString();
        r.durationS = q.value(i++).toDouble();
        r.loadModel = q.value(i++).toString();
        r.concurrency = q.value(i++).toInt();
        r.rateRps = q.value(i++).toDouble();
        r.overall.requests = q.value(i++).toLongLong();
        r.overall.throughputRps = q.value(i++).toDouble();
        r.overall.p50Ms = q.value(i++).toDouble();
        r.overall.p95Ms = q.value(i++).toDouble();
        r.overall.p99Ms = q.value(i++).toDouble();
        r.overall.errorPct = q.value(i++).toDouble();
        r.passed = q.value(i++).toInt() != 0;
        r.stopReason = q.value(i++).toString();
        const QJsonArray tags = QJsonDocument::fromJson(q.value(i++).toString().toUtf8()).array();
        for (const QJsonValue& tag : tags)
            r.tags.append(tag.toString());
        r.note = q.value(i++).toString();
        r.reportFile = reports.filePath(q.value(i++).toString());
        r.savedAs = q.value(i++).toString();
        result.append(r);
    }
    QSqlQuery types(db);
    types.prepare(QStringLiteral("SELECT name, requests, throughput_rps, p50_ms, p95_ms, p99_ms, error_pct"
                                 " FROM request_types WHERE run_id = ? ORDER BY name"));
    for (HistoryRun& r : result) {
        types.bindValue(0, r.id);
        if (!types.exec())
            continue;
        while (types.next()) {
            HistoryFigures f;
            f.name = types.value(0).toString();
            f.requests = types.value(1).toLongLong();
            f.throughputRps = types.value(2).toDouble();
            f.p50Ms = types.value(3).toDouble();
            f.p95Ms = types.value(4).toDouble();
            f.p99Ms = types.value(5).toDouble();
            f.errorPct = types.value(6).toDouble();
            r.requestTypes.append(f);
        }
    }
    return result;
}

QList<HistoryPoint> RunHistory::metricSeries(
    HistoryMetric metric, const QString& requestType, const HistoryFilter& filter) const
{
    QList<HistoryPoint> points;
    if (!m_open)
        return points;
    const bool overall = requestType.isEmpty() || requestType == QLatin1String("all");
    QVariantList values;
    if (!overall)
        values.append(requestType);
    const QString sql = QStringLiteral("SELECT r.id, r.started_at, %1.%2 FROM runs r")
                            .arg(overall ? QStringLiteral("r") : QStringLiteral("t"), metricColumn(metric))
        + (overall ? QString() : QStringLiteral(" JOIN request_types t ON t.run_id = r.id AND t.name = ?"))
        + whereClause(filter, QStringLiteral("r."), &values) + QStringLiteral(" ORDER BY r.started_at DESC, r.id DESC")
        + limitClause(filter);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(sql);
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return points;
    while (q.next())
        points.append({ q.value(0).toLongLong(),
            QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs).toUTC(), q.value(2).toDouble() });
    std::reverse(points.begin(), points.end());
    return points;
}

bool RunHistory::recordFinished(const Report& report, const QString& reportPath, QString* error)
{
    if (!isRecordable(report))
        return true;
    RunHistory history;
    if (history.isOpen() && history.record(report, reportPath))
        return true;
    if (error)
        *error = history.errorString();
    return false;
}

} // namespace Stressdeck
