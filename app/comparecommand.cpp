// SPDX-License-Identifier: MIT

#include "comparecommand.h"

#include "comparepdf.h"
#include "comparetext.h"
#include "runcommand.h"
#include "runcomparison.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace Stressdeck::Cli {

namespace {

int failWith(const QString& message)
{
    QTextStream(stderr) << "stressdeck compare: " << message << "\n"
                        << QCoreApplication::translate("Cli", "Try 'stressdeck compare --help'.") << Qt::endl;
    return BadInput;
}

bool loadSide(const QStringList& files, CompareSide* side, QString* error)
{
    for (const QString& file : files) {
        Report r;
        if (!Report::load(file, &r, error))
            return false;
        side->runs.append(ComparedRun::of(r, file));
    }
    return true;
}

//! "5%", "5" or "0.5 %" as a fraction.
std::optional<double> percent(QString text)
{
    text = text.trimmed();
    if (text.endsWith(QLatin1Char('%')))
        text.chop(1);
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return v / 100.0;
}

} // namespace

int compare(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli",
        "Compare a candidate run with a baseline: per request type and metric the change, its confidence "
        "interval and a verdict (regression, improvement, no change or inconclusive). Exit codes: 0 no "
        "regression, 1 at least one regression, 2 bad input."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("baseline"),
        QCoreApplication::translate("Cli", "The baseline report (stressdeck-report/1 JSON)."),
        QStringLiteral("BASELINE.json"));
    parser.addPositionalArgument(QStringLiteral("candidate"),
        QCoreApplication::translate("Cli", "The candidate report."), QStringLiteral("CANDIDATE.json"));
    const QCommandLineOption marginOpt(QStringLiteral("margin"),
        QCoreApplication::translate("Cli", "Smallest change that matters, in percent (default 5%)."),
        QStringLiteral("pct"), QStringLiteral("5%"));
    const QCommandLineOption confidenceOpt(QStringLiteral("confidence"),
        QCoreApplication::translate("Cli", "Confidence of the intervals in percent, 50 to 99.9 (default 90)."),
        QStringLiteral("pct"), QStringLiteral("90"));
    const QCommandLineOption metricsOpt(QStringLiteral("metrics"),
        QCoreApplication::translate(
            "Cli", "Metrics to compare, comma-separated: p50,p90,p95,p99,error_rate,throughput (default all)."),
        QStringLiteral("list"));
    const QCommandLineOption baselineOpt(QStringLiteral("baseline"),
        QCoreApplication::translate("Cli", "A further baseline report (repeatable): the runs become the units."),
        QStringLiteral("file"));
    const QCommandLineOption candidateOpt(QStringLiteral("candidate"),
        QCoreApplication::translate("Cli", "A further candidate report (repeatable)."), QStringLiteral("file"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
        QCoreApplication::translate("Cli", "Write the comparison as JSON (stressdeck-compare/1) to this file."),
        QStringLiteral("file"));
    const QCommandLineOption pdfOpt(QStringLiteral("pdf"),
        QCoreApplication::translate("Cli", "Write the comparison as a PDF to this file."), QStringLiteral("file"));
    parser.addOptions({ marginOpt, confidenceOpt, metricsOpt, baselineOpt, candidateOpt, jsonOpt, pdfOpt });
    if (!parser.parse(arguments))
        return failWith(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("compare"));
        return Passed;
    }

    QStringList baselineFiles;
    QStringList candidateFiles;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 2)
        return failWith(QCoreApplication::translate("Cli", "unexpected argument \"%1\"").arg(positional[2]));
    if (!positional.isEmpty())
        baselineFiles.append(positional[0]);
    if (positional.size() > 1)
        candidateFiles.append(positional[1]);
    baselineFiles += parser.values(baselineOpt);
    candidateFiles += parser.values(candidateOpt);
    if (baselineFiles.isEmpty() || candidateFiles.isEmpty())
        return failWith(QCoreApplication::translate("Cli", "expected a baseline and a candidate report"));

    ComparisonOptions options;
    const auto margin = percent(parser.value(marginOpt));
    if (!margin || *margin < 0 || *margin >= 1)
        return failWith(QCoreApplication::translate("Cli", "--margin: \"%1\" is not a percentage from 0 to 99")
                            .arg(parser.value(marginOpt)));
    options.margin = *margin;
    const auto confidence = percent(parser.value(confidenceOpt));
    if (!confidence || *confidence < 0.5 || *confidence > 0.999)
        return failWith(QCoreApplication::translate("Cli", "--confidence: \"%1\" is not a percentage from 50 to 99.9")
                            .arg(parser.value(confidenceOpt)));
    options.confidence = *confidence;
    if (parser.isSet(metricsOpt)) {
        options.metrics.clear();
        for (const QString& name : parser.value(metricsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool known = false;
            for (auto m : ComparisonOptions::allMetrics()) {
                if (Comparison::metricName(m) == name.trimmed()) {
                    if (!options.metrics.contains(m))
                        options.metrics.append(m);
                    known = true;
                }
            }
            if (!known)
                return failWith(QCoreApplication::translate(
                    "Cli", "--metrics: \"%1\" is not one of p50, p90, p95, p99, error_rate, throughput")
                                    .arg(name));
        }
        if (options.metrics.isEmpty())
            return failWith(QCoreApplication::translate("Cli", "--metrics: no metric given"));
    }

    CompareSide baseline;
    CompareSide candidate;
    QString error;
    if (!loadSide(baselineFiles, &baseline, &error) || !loadSide(candidateFiles, &candidate, &error))
        return failWith(error);
    CompareReport result;
    if (!RunComparison::compare(baseline, candidate, options, &result, &error))
        return failWith(error);

    QTextStream(stdout) << CompareText::text(result) << Qt::flush;
    QTextStream err(stderr);
    if (parser.isSet(jsonOpt)) {
        if (!result.save(parser.value(jsonOpt), &error))
            return failWith(error);
        err << QCoreApplication::translate("Cli", "Comparison written to %1").arg(parser.value(jsonOpt)) << Qt::endl;
    }
    if (parser.isSet(pdfOpt)) {
        if (!ComparePdf(result).write(parser.value(pdfOpt), &error))
            return failWith(error);
        err << QCoreApplication::translate("Cli", "PDF written to %1").arg(parser.value(pdfOpt)) << Qt::endl;
    }
    return result.regressions > 0 ? CriterionFailed : Passed;
}

} // namespace Stressdeck::Cli
