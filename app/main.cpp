#include "runcommand.h"
#include "servedemocommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Stressdeck"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("stressdeck.example.org"));
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
        "  serve-demo    serve the built-in Archive-AI demo service\n"
        "\n"
        "Exit codes of run: 0 passed, 1 a criterion failed, 2 bad usage or input,\n"
        "3 target unavailable, 130 interrupted.\n"
        "'stressdeck COMMAND --help' lists a command's options.\n");
}

} // namespace

int main(int argc, char* argv[])
{
    setIdentity();
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == QLatin1String("run") || command == QLatin1String("serve-demo")) {
        QCoreApplication app(argc, argv);
        QStringList arguments = app.arguments();
        arguments.removeAt(1);
        arguments[0] = QStringLiteral("stressdeck ") + command;
        return command == QLatin1String("run") ? Stressdeck::Cli::run(arguments) : Stressdeck::Cli::serveDemo(arguments);
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        QTextStream(stdout) << "stressdeck " << STRESSDECK_VERSION << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        QTextStream out(stdout);
        printUsage(out);
        return 0;
    }
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    err << "stressdeck: unknown command \"" << command << "\"\n";
    printUsage(err);
    return Stressdeck::Cli::BadInput;
}
