// SPDX-License-Identifier: MIT

#include "historycommand.h"

#include "format.h"
#include "runcommand.h"
#include "runconfig.h"
#include "runhistory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

namespace Stressdeck::Cli {

namespace {

int usageError(const QString& message)
{
    QTextStream(stderr) << "stressdeck history: " << message << "\n"
                        << QCoreApplication::translate("Cli", "Try 'stressdeck history --help'.") << Qt::endl;
    return BadInput;
}

QString loadText(const HistoryRun& run)
{
    return run.loadModel == QLatin1String("open") ? QCoreApplication::translate("Cli", "%1 req/s").arg(run.rateRps)
                                                  : QCoreApplication::translate("Cli", "%1 users").arg(run.concurrency);
}

QByteArray runsJson(const QList<HistoryRun>& runs)
{
    QJsonArray list;
    for (const HistoryRun& r : runs) {
        list.append(QJsonObject { { QStringLiteral("started_at"), r.startedAt.toString(Qt::ISODateWithMs) },
            { QStringLiteral("target"), r.target }, { QStringLiteral("scenario"), r.scenario },
            { QStringLiteral("profile"), r.profile }, { QStringLiteral("throughput_rps"), r.overall.throughputRps },
            { QStringLiteral("p95_ms"), r.overall.p95Ms }, { QStringLiteral("error_pct"), r.overall.errorPct },
            { QStringLiteral("passed"), r.passed }, { QStringLiteral("report"), r.reportFile } });
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("runs"), list } }).toJson(QJsonDocument::Indented);
}

QString runsTable(const QList<HistoryRun>& runs)
{
    QList<QStringList> rows { {
        QCoreApplication::translate("Cli", "Started (UTC)"),
        QCoreApplication::translate("Cli", "Profile"),
        QCoreApplication::translate("Cli", "Scenario"),
        QCoreApplication::translate("Cli", "Target"),
        QCoreApplication::translate("Cli", "Load"),
        QCoreApplication::translate("Cli", "Req/s"),
        QCoreApplication::translate("Cli", "p95"),
        QCoreApplication::translate("Cli", "Errors"),
        QCoreApplication::translate("Cli", "Result"),
        QCoreApplication::translate("Cli", "Report"),
    } };
    for (const HistoryRun& r : runs) {
        rows.append({ r.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), r.profile, r.scenario, r.target,
            loadText(r), QString::number(r.overall.throughputRps, 'f', 1), formatLatency(r.overall.p95Ms),
            QString::number(r.overall.errorPct, 'f', 2) + QLatin1Char('%'), criterionResult(r.passed), r.reportFile });
    }
    QList<qsizetype> widths(rows.constFirst().size(), 0);
    for (const QStringList& row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    QString text;
    for (const QStringList& row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < row.size(); ++i)
            cells.append(i + 1 < row.size() ? row[i].leftJustified(widths[i]) : row[i]);
        text += cells.join(QStringLiteral("  ")) + QLatin1Char('\n');
    }
    return text;
}

} // namespace

int history(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "List the recorded runs of the run history, newest first."));
    parser.addHelpOption();
    const QCommandLineOption targetOpt(QStringLiteral("target"),
        QCoreApplication::translate("Cli", "Only the runs against this base URL."), QStringLiteral("url"));
    const QCommandLineOption scenarioOpt(QStringLiteral("scenario"),
        QCoreApplication::translate("Cli", "Only the runs of this scenario (its name)."), QStringLiteral("name"));
    const QCommandLineOption lastOpt(
        QStringLiteral("last"), QCoreApplication::translate("Cli", "Only the newest N runs."), QStringLiteral("n"));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"), QCoreApplication::translate("Cli", "Print the list as JSON: {\"runs\": [...]}."));
    parser.addOptions({ targetOpt, scenarioOpt, lastOpt, jsonOpt });
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("history"));
        return Passed;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QCoreApplication::translate("Cli", "unexpected argument \"%1\"")
                              .arg(parser.positionalArguments().constFirst()));

    HistoryFilter filter;
    if (parser.isSet(targetOpt)) {
        filter.target = parser.value(targetOpt);
        if (!RunConfig::isValidTarget(QUrl(filter.target, QUrl::StrictMode)))
            return usageError(QCoreApplication::translate("Cli", "--target: \"%1\" is not an http:// or https:// URL")
                                  .arg(filter.target));
    }
    filter.scenario = parser.value(scenarioOpt);
    if (parser.isSet(lastOpt)) {
        bool ok = false;
        filter.last = parser.value(lastOpt).toInt(&ok);
        if (!ok || filter.last < 1)
            return usageError(QCoreApplication::translate("Cli", "--last: \"%1\" is not a whole number of at least 1")
                                  .arg(parser.value(lastOpt)));
    }

    RunHistory history;
    if (!history.isOpen()) {
        QTextStream(stderr) << "stressdeck history: " << history.errorString() << Qt::endl;
        return BadInput;
    }
    if (!history.movedAside().isEmpty())
        QTextStream(stderr) << QCoreApplication::translate("Cli",
            "stressdeck history: the database was unreadable and was rebuilt from %1 reports (the old one is %2)")
                                   .arg(history.restoredRuns())
                                   .arg(history.movedAside())
                            << Qt::endl;
    const QList<HistoryRun> runs = history.runs(filter);
    QTextStream out(stdout);
    if (parser.isSet(jsonOpt))
        out << QString::fromUtf8(runsJson(runs));
    else if (runs.isEmpty())
        out << QCoreApplication::translate("Cli", "No runs recorded in %1").arg(history.databaseFile()) << Qt::endl;
    else
        out << runsTable(runs);
    out.flush();
    return Passed;
}

} // namespace Stressdeck::Cli
