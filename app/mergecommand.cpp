// SPDX-License-Identifier: MIT

#include "mergecommand.h"

#include "pdfreport.h"
#include "reportframe.h"
#include "runcommand.h"
#include "shardmerge.h"
#include "textsummary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

namespace Stressdeck::Cli {

int merge(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cli", "Merge the shard reports of one distributed run into one report, judged on the merged data."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("shards"),
        QCoreApplication::translate("Cli", "The shards' JSON reports (stressdeck run --shard … --json FILE)."),
        QStringLiteral("SHARD.json..."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
        QCoreApplication::translate("Cli", "Write the merged JSON report to this file."), QStringLiteral("file"));
    const QCommandLineOption pdfOpt(QStringLiteral("pdf"),
        QCoreApplication::translate("Cli", "Write the merged PDF report to this file."), QStringLiteral("file"));
    const QCommandLineOption partialOpt(QStringLiteral("allow-partial"),
        QCoreApplication::translate("Cli", "Merge what is there when shards are missing (the report says so)."));
    const QCommandLineOption logsOpt(QStringLiteral("from-logs"),
        QCoreApplication::translate(
            "Cli", "Also read the shards' reports framed in this log (stressdeck run --report-stdout; repeatable)."),
        QStringLiteral("file"));
    parser.addOptions({ jsonOpt, pdfOpt, partialOpt, logsOpt });
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "stressdeck merge: " << parser.errorText() << Qt::endl;
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("merge"));
        return Passed;
    }
    if (parser.positionalArguments().isEmpty() && !parser.isSet(logsOpt)) {
        err << "stressdeck merge: " << QCoreApplication::translate("Cli", "expected one or more shard reports")
            << Qt::endl;
        return BadInput;
    }
    QList<ShardReportFile> shards;
    QString error;
    for (const QString& file : parser.positionalArguments()) {
        ShardReportFile shard { file, {} };
        if (!Report::load(file, &shard.report, &error)) {
            err << "stressdeck merge: " << error << Qt::endl;
            return BadInput;
        }
        shards.append(shard);
    }
    for (const QString& log : parser.values(logsOpt)) {
        QFile file(log);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "stressdeck merge: " << log << ": " << file.errorString() << Qt::endl;
            return BadInput;
        }
        QList<ReportFrame::Framed> framed;
        if (!ReportFrame::fromLog(file.readAll(), &framed, &error)) {
            err << "stressdeck merge: " << log << ": " << error << Qt::endl;
            return BadInput;
        }
        if (framed.isEmpty()) {
            err << "stressdeck merge: " << log << ": "
                << QCoreApplication::translate("Cli", "no STRESSDECK-REPORT line (run the shards with --report-stdout)")
                << Qt::endl;
            return BadInput;
        }
        for (const ReportFrame::Framed& f : std::as_const(framed)) {
            ShardReportFile shard { QStringLiteral("%1:%2").arg(log).arg(f.line), {} };
            if (!Report::fromJson(f.json, shard.file, &shard.report, &error)) {
                err << "stressdeck merge: " << error << Qt::endl;
                return BadInput;
            }
            shards.append(shard);
        }
    }
    Report merged;
    if (!ShardMerge::merge(shards, parser.isSet(partialOpt), &merged, &error)) {
        err << "stressdeck merge: " << error << Qt::endl;
        return BadInput;
    }
    QTextStream(stdout) << textSummary(merged) << Qt::flush;
    for (const QString& warning : std::as_const(merged.shards->clockWarnings))
        err << "stressdeck merge: " << QCoreApplication::translate("Cli", "warning: %1").arg(warning) << Qt::endl;
    if (parser.isSet(jsonOpt)) {
        if (!merged.save(parser.value(jsonOpt), &error)) {
            err << "stressdeck merge: " << error << Qt::endl;
            return BadInput;
        }
        err << QCoreApplication::translate("Cli", "Report written to %1").arg(parser.value(jsonOpt)) << Qt::endl;
    }
    if (parser.isSet(pdfOpt)) {
        if (!PdfReport(merged).write(parser.value(pdfOpt), &error)) {
            err << "stressdeck merge: " << error << Qt::endl;
            return BadInput;
        }
        err << QCoreApplication::translate("Cli", "PDF written to %1").arg(parser.value(pdfOpt)) << Qt::endl;
    }
    return merged.passed ? Passed : CriterionFailed;
}

} // namespace Stressdeck::Cli
