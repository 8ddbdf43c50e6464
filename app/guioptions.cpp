// SPDX-License-Identifier: MIT

#include "guioptions.h"

#include "runcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Stressdeck {

int parseGuiOptions(const QStringList& arguments, GuiOptions* options, QString* message, bool* help)
{
    *help = false;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli", "Open the Stressdeck dashboard."));
    parser.addHelpOption();
    parser.addVersionOption();
    Cli::RunOptionTable table;
    table.acceptCapacityProfile();
    table.addTo(&parser);
    const QCommandLineOption autostart(
        QStringLiteral("autostart"), QCoreApplication::translate("Cli", "Start the run at once."));
    const QCommandLineOption saveJson(QStringLiteral("save-json"),
        QCoreApplication::translate("Cli", "Save the report to this file when done."), QStringLiteral("file"));
    const QCommandLineOption quit(QStringLiteral("quit-when-done"),
        QCoreApplication::translate("Cli", "Quit after the run with the exit code of 'stressdeck run'."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate("Cli", "Save a PNG of the window shortly before the run ends."),
        QStringLiteral("file"));
    const QCommandLineOption baseline(QStringLiteral("baseline"),
        QCoreApplication::translate(
            "Cli", "Compare the run with this saved report, live (File › Compare with baseline…)."),
        QStringLiteral("file"));
    const QCommandLineOption follow(QStringLiteral("follow"),
        QCoreApplication::translate("Cli",
            "Follow a distributed run live: the shards' checkpoints in this folder (run --checkpoint-dir), merged "
            "(File › Follow shards…)."),
        QStringLiteral("dir"));
    for (const auto& o : { autostart, saveJson, quit, screenshot, baseline, follow })
        parser.addOption(o);
    if (!parser.parse(arguments)) {
        *message = parser.errorText();
        return Cli::BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *help = true;
        *message = Cli::helpText(parser, QStringLiteral("gui"));
        return Cli::Passed;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        *help = true;
        *message = QStringLiteral("stressdeck " STRESSDECK_VERSION "\n");
        return Cli::Passed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *message = QCoreApplication::translate("Cli", "unexpected argument \"%1\"")
                       .arg(parser.positionalArguments().constFirst());
        return Cli::BadInput;
    }
    if (!table.read(parser, &options->run, message))
        return Cli::BadInput;
    if (parser.isSet(saveJson) && options->run.isGiven("json")) {
        *message = QCoreApplication::translate("Cli", "--save-json and --json cannot be combined");
        return Cli::BadInput;
    }
    options->autostart = parser.isSet(autostart);
    options->saveJson = parser.isSet(saveJson) ? parser.value(saveJson) : options->run.jsonFile;
    options->quitWhenDone = parser.isSet(quit);
    options->screenshot = parser.value(screenshot);
    options->baseline = parser.value(baseline);
    options->follow = parser.value(follow);
    if (!options->follow.isEmpty() && options->autostart) {
        *message = QCoreApplication::translate("Cli", "--follow and --autostart cannot be combined");
        return Cli::BadInput;
    }
    return Cli::Passed;
}

} // namespace Stressdeck
