// SPDX-License-Identifier: MIT

#include "capacitycommand.h"
#include "comparecommand.h"
#include "historycommand.h"
#include "k8sjobcommand.h"
#include "mainwindow.h"
#include "mergecommand.h"
#include "reportcommand.h"
#include "runcommand.h"
#include "servedemocommand.h"
#include "translations.h"

#include <QApplication>
#include <QIcon>
#include <QTextStream>

#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Stressdeck"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("stressdeck.org"));
    QCoreApplication::setApplicationName(QStringLiteral("stressdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRESSDECK_VERSION));
}

void printUsage(QTextStream& out)
{
    out << QCoreApplication::translate("Cli",
        "Usage: stressdeck [COMMAND] [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  (none), gui   open the dashboard\n"
        "  run           run a stress test headless and print/save the report\n"
        "  report        print a saved report, or render it as a PDF (--pdf FILE)\n"
        "  compare       compare a run with a baseline: regression, improvement or no change\n"
        "  merge         merge the shard reports of a distributed run (--shard) into one\n"
        "  k8s-job       print a Kubernetes Indexed Job running N shards of a run together\n"
        "  capacity      find the highest request rate that meets an SLO (--slo \"p95<500ms\")\n"
        "  history       list the recorded runs, newest first (--target URL, --last N, --json)\n"
        "  serve-demo    serve the built-in Archive-AI demo service\n"
        "\n"
        "Exit codes of run: 0 passed, 1 a criterion failed, 2 bad usage or input,\n"
        "3 target unavailable, 75 a shard started too late, 130 interrupted.\n"
        "'stressdeck COMMAND --help' lists a command's options.\n");
}

//! The arguments without Qt's own window-system options (-platform X, -style X, -reverse, …),
//! which QApplication takes out later; the option table must not see them as unknown.
QStringList withoutQtGuiOptions(const QStringList& arguments)
{
    static const QStringList valued { QStringLiteral("platform"), QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"), QStringLiteral("plugin"), QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowtitle"), QStringLiteral("qwindowicon"), QStringLiteral("display"),
        QStringLiteral("geometry"), QStringLiteral("title"), QStringLiteral("name"), QStringLiteral("style"),
        QStringLiteral("stylesheet"), QStringLiteral("session"), QStringLiteral("dialogs") };
    static const QStringList flags { QStringLiteral("reverse"), QStringLiteral("widgetcount"), QStringLiteral("nograb"),
        QStringLiteral("dograb"), QStringLiteral("sync") };
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString name = arguments[i];
        if (i == 0 || !name.startsWith(QLatin1Char('-'))) {
            kept.append(name);
            continue;
        }
        name.remove(0, name.startsWith(QLatin1String("--")) ? 2 : 1);
        if (valued.contains(name))
            ++i; // and its value
        else if (!flags.contains(name))
            kept.append(arguments[i]);
    }
    return kept;
}

int gui(int argc, char* argv[], bool explicitCommand, const QString& language)
{
    Stressdeck::GuiOptions options;
    QTextStream err(stderr);
    {
        // The options are read before there is a display: --help and bad input need none.
        QCoreApplication parsing(argc, argv);
        Stressdeck::installTranslations(language);
        QStringList arguments = withoutQtGuiOptions(parsing.arguments());
        if (explicitCommand)
            arguments.removeAt(1);
        arguments[0] = QStringLiteral("stressdeck gui");
        QString message;
        bool help = false;
        const int code = Stressdeck::parseGuiOptions(arguments, &options, &message, &help);
        if (help) {
            QTextStream(stdout) << message;
            return code;
        }
        if (code != Stressdeck::Cli::Passed) {
            err << "stressdeck gui: " << message << "\n"
                << QCoreApplication::translate("Cli", "Try 'stressdeck gui --help'.") << Qt::endl;
            return code;
        }
    }
    QApplication app(argc, argv);
    Stressdeck::installTranslations(language);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/stressdeck/icon.png")));
    QApplication::setDesktopFileName(QStringLiteral("org.stressdeck.Stressdeck"));
    Stressdeck::MainWindow window(options);
    if (options.autostart && !window.validationMessage().isEmpty()) {
        err << "stressdeck gui: " << window.validationMessage() << Qt::endl;
        return Stressdeck::Cli::BadInput;
    }
    window.show();
    return app.exec();
}

} // namespace

//! Takes "--lang X" / "--lang=X" out of the arguments (every command accepts it).
QString takeLanguage(int& argc, char* argv[], bool* bad)
{
    QString language;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        int consumed = 0;
        if (arg == "--lang" && i + 1 < argc) {
            language = QString::fromLocal8Bit(argv[i + 1]);
            consumed = 2;
        } else if (arg.startsWith("--lang=")) {
            language = QString::fromLocal8Bit(arg.mid(7));
            consumed = 1;
        } else if (arg == "--lang") {
            *bad = true;
            consumed = 1;
        }
        if (consumed) {
            for (int j = i; j + consumed <= argc; ++j)
                argv[j] = argv[j + consumed];
            argc -= consumed;
            --i;
        }
    }
    if (!language.isEmpty() && !Stressdeck::availableLanguages().contains(language))
        *bad = true;
    return language;
}

int main(int argc, char* argv[])
{
    setIdentity();
    bool badLanguage = false;
    const QString language = takeLanguage(argc, argv, &badLanguage);
    if (badLanguage) {
        QTextStream(stderr) << "stressdeck: --lang takes one of: " << Stressdeck::availableLanguages().join(u", ")
                            << Qt::endl;
        return Stressdeck::Cli::BadInput;
    }
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == QLatin1String("run") || command == QLatin1String("serve-demo") || command == QLatin1String("report")
        || command == QLatin1String("compare") || command == QLatin1String("history")
        || command == QLatin1String("capacity") || command == QLatin1String("merge")) {
        // Headless: the PDF renderer draws the dashboard's chart widgets, which need a
        // QApplication, but never a display.
        const bool needsWidgets = command == QLatin1String("run") || command == QLatin1String("report")
            || command == QLatin1String("compare") || command == QLatin1String("capacity")
            || command == QLatin1String("merge");
        if (needsWidgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        std::unique_ptr<QCoreApplication> app;
        if (!needsWidgets)
            app = std::make_unique<QCoreApplication>(argc, argv);
        else
            app = std::make_unique<QApplication>(argc, argv);
        Stressdeck::installTranslations(language);
        QStringList arguments = app->arguments();
        arguments.removeAt(1);
        arguments[0] = QStringLiteral("stressdeck ") + command;
        if (command == QLatin1String("run"))
            return Stressdeck::Cli::run(arguments);
        if (command == QLatin1String("report"))
            return Stressdeck::Cli::report(arguments);
        if (command == QLatin1String("compare"))
            return Stressdeck::Cli::compare(arguments);
        if (command == QLatin1String("capacity"))
            return Stressdeck::Cli::capacity(arguments);
        if (command == QLatin1String("merge"))
            return Stressdeck::Cli::merge(arguments);
        if (command == QLatin1String("history"))
            return Stressdeck::Cli::history(arguments);
        return Stressdeck::Cli::serveDemo(arguments);
    }
    if (command == QLatin1String("k8s-job")) {
        QCoreApplication app(argc, argv);
        Stressdeck::installTranslations(language);
        QStringList arguments = app.arguments();
        arguments.removeAt(1);
        return Stressdeck::Cli::k8sJob(arguments);
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        QTextStream(stdout) << "stressdeck " << STRESSDECK_VERSION << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        Stressdeck::installTranslations(language);
        QTextStream out(stdout);
        printUsage(out);
        return 0;
    }
    if (command.isEmpty() || command.startsWith(QLatin1Char('-')) || command == QLatin1String("gui"))
        return gui(argc, argv, command == QLatin1String("gui"), language);
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    err << "stressdeck: unknown command \"" << command << "\"\n";
    printUsage(err);
    return Stressdeck::Cli::BadInput;
}
