// SPDX-License-Identifier: MIT

#include "reportcommand.h"

#include "pdfreport.h"
#include "report.h"
#include "runcommand.h"
#include "textsummary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace Stressdeck::Cli {

int report(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cli", "Print the summary of a saved JSON report, or render it as a PDF (no display needed)."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("report"), QCoreApplication::translate("Cli", "A stressdeck-report/1 JSON file."));
    const QCommandLineOption pdfOpt(QStringLiteral("pdf"),
        QCoreApplication::translate("Cli", "Write a PDF report to this file."), QStringLiteral("file"));
    parser.addOption(pdfOpt);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "stressdeck report: " << parser.errorText() << Qt::endl;
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("report"));
        return Passed;
    }
    if (parser.positionalArguments().size() != 1) {
        err << "stressdeck report: " << QCoreApplication::translate("Cli", "expected exactly one report file")
            << Qt::endl;
        return BadInput;
    }
    Report r;
    QString error;
    if (!Report::load(parser.positionalArguments().constFirst(), &r, &error)) {
        err << "stressdeck report: " << error << Qt::endl;
        return BadInput;
    }
    if (!parser.isSet(pdfOpt)) {
        QTextStream(stdout) << textSummary(r) << Qt::flush;
        return Passed;
    }
    if (!PdfReport(r).write(parser.value(pdfOpt), &error)) {
        err << "stressdeck report: " << error << Qt::endl;
        return BadInput;
    }
    err << QCoreApplication::translate("Cli", "PDF written to %1").arg(parser.value(pdfOpt)) << Qt::endl;
    return Passed;
}

} // namespace Stressdeck::Cli
