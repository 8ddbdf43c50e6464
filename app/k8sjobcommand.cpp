// SPDX-License-Identifier: MIT

#include "k8sjobcommand.h"

#include "runcommand.h"
#include "runconfig.h"
#include "wallclock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

namespace Stressdeck::Cli {

namespace {

//! A YAML scalar as a JSON string: always valid YAML, whatever the text holds.
QString quoted(const QString& text)
{
    const QByteArray json = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString usage()
{
    return QCoreApplication::translate("Cli",
        "Usage: stressdeck k8s-job --shards N [run's options] [--image IMAGE] [--name NAME]\n"
        "                          [--lead 2m | --start-at TIME] [--cpu 2] [--memory 2Gi]\n"
        "Prints a headless Service and an Indexed Job running N shards of one run, started together\n"
        "(--shard auto, --start-at, --report-stdout); see docs/DISTRIBUTED.md.\n");
}

} // namespace

QString k8sJobManifest(const QString& name, const QString& image, int shards, const QString& startAt,
    const QString& cpu, const QString& memory, const QStringList& runArguments)
{
    QStringList args { QStringLiteral("run") };
    args += runArguments;
    args += { QStringLiteral("--shard"), QStringLiteral("auto"), QStringLiteral("--start-at"), startAt,
        QStringLiteral("--report-stdout"), QStringLiteral("--no-history") };
    QStringList quotedArgs;
    for (const QString& a : std::as_const(args))
        quotedArgs.append(quoted(a));
    const QString n = QString::number(shards);
    QString y;
    QTextStream out(&y);
    out << "# " << shards << " shards of one Stressdeck run, started together at " << startAt << ".\n"
        << "#   kubectl apply -f job.yaml\n"
        << "#   kubectl wait --for=condition=complete --timeout=1h job/" << name << "\n"
        << "#   kubectl logs -l job-name=" << name << " --tail=-1 > logs\n"
        << "#   stressdeck merge --from-logs logs --json run.json\n"
        << "apiVersion: v1\n"
        << "kind: Service\n"
        << "metadata:\n"
        << "  name: " << name << "\n"
        << "spec:\n"
        << "  clusterIP: None\n"
        << "  selector:\n"
        << "    job-name: " << name << "\n"
        << "---\n"
        << "apiVersion: batch/v1\n"
        << "kind: Job\n"
        << "metadata:\n"
        << "  name: " << name << "\n"
        << "spec:\n"
        << "  completionMode: Indexed\n"
        << "  completions: " << n << "\n"
        << "  parallelism: " << n << " # every shard at once\n"
        << "  # No second try of an index: a replacement would start late (GA in Kubernetes 1.33;\n"
        << "  # on older clusters use backoffLimit: 0 instead).\n"
        << "  backoffLimitPerIndex: 0\n"
        << "  podReplacementPolicy: Failed # never two pods for one index\n"
        << "  podFailurePolicy:\n"
        << "    rules:\n"
        << "      - action: FailJob # exit 75: a shard woke too late after --start-at\n"
        << "        onExitCodes:\n"
        << "          containerName: stressdeck\n"
        << "          operator: In\n"
        << "          values: [75]\n"
        << "  template:\n"
        << "    metadata:\n"
        << "      labels:\n"
        << "        app.kubernetes.io/name: stressdeck\n"
        << "    spec:\n"
        << "      subdomain: " << name << "\n"
        << "      restartPolicy: Never\n"
        << "      containers:\n"
        << "        - name: stressdeck\n"
        << "          image: " << quoted(image)
        << "\n"
        // Exit 1 is a criterion failed on this shard's share alone: the merge judges the run, so
        // the index completes and `kubectl wait --for=condition=complete` returns; 75, 2, 3 fail it.
        << "          command: [\"/bin/sh\", \"-c\", \"stressdeck \\\"$@\\\"; rc=$?; [ $rc -eq 1 ] && exit 0; exit "
           "$rc\", "
           "\"stressdeck\"]\n"
        << "          args: [" << quotedArgs.join(QStringLiteral(", ")) << "]\n"
        << "          env:\n"
        << "            - name: STRESSDECK_SHARD_COUNT # the index comes from JOB_COMPLETION_INDEX\n"
        << "              value: " << quoted(n) << "\n"
        << "          resources: # requests = limits: Guaranteed QoS, no CPU throttling artefacts\n"
        << "            requests:\n"
        << "              cpu: " << quoted(cpu) << "\n"
        << "              memory: " << quoted(memory) << "\n"
        << "            limits:\n"
        << "              cpu: " << quoted(cpu) << "\n"
        << "              memory: " << quoted(memory) << "\n"
        << "      topologySpreadConstraints:\n"
        << "        - maxSkew: 1\n"
        << "          topologyKey: kubernetes.io/hostname\n"
        << "          whenUnsatisfiable: ScheduleAnyway\n"
        << "          labelSelector:\n"
        << "            matchLabels:\n"
        << "              job-name: " << name << "\n";
    out.flush();
    return y;
}

int k8sJob(const QStringList& arguments)
{
    QTextStream err(stderr);
    auto fail = [&err](const QString& message) {
        err << "stressdeck k8s-job: " << message << "\n"
            << QCoreApplication::translate("Cli", "Try 'stressdeck k8s-job --help'.") << Qt::endl;
        return BadInput;
    };
    int shards = 0;
    QString name = QStringLiteral("stressdeck");
    QString image = QStringLiteral("stressdeck:" STRESSDECK_VERSION);
    QString cpu = QStringLiteral("2");
    QString memory = QStringLiteral("2Gi");
    QString startAt;
    double leadS = 120;
    QStringList pass;
    // Its own options are taken out; the rest are run's, passed through to every shard.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        QString value;
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const QString key = arg.startsWith(QLatin1String("--")) && eq > 0 ? arg.left(eq) : arg;
        static const QStringList own { QStringLiteral("--shards"), QStringLiteral("--image"), QStringLiteral("--name"),
            QStringLiteral("--lead"), QStringLiteral("--start-at"), QStringLiteral("--cpu"),
            QStringLiteral("--memory") };
        if (key == QLatin1String("--help") || key == QLatin1String("-h")) {
            QTextStream(stdout) << usage();
            return Passed;
        }
        if (key == QLatin1String("--shard") || key == QLatin1String("--report-stdout"))
            return fail(QCoreApplication::translate("Cli", "%1 is set by the Job itself").arg(key));
        if (!own.contains(key)) {
            pass.append(arg);
            continue;
        }
        if (eq > 0 && key != arg) {
            value = arg.mid(eq + 1);
        } else if (i + 1 < arguments.size()) {
            value = arguments[++i];
        } else {
            return fail(QCoreApplication::translate("Cli", "%1 needs a value").arg(key));
        }
        if (key == QLatin1String("--shards")) {
            bool ok = false;
            shards = value.toInt(&ok);
            if (!ok || shards < 1 || shards > 10000)
                return fail(
                    QCoreApplication::translate("Cli", "--shards: \"%1\" is not a number from 1 to 10000").arg(value));
        } else if (key == QLatin1String("--name")) {
            // A DNS-1123 label: the Job's, the Service's and the pods' host names are made from it.
            static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,50}[a-z0-9])?$"));
            if (!label.match(value).hasMatch())
                return fail(QCoreApplication::translate(
                    "Cli", "--name: \"%1\" is not a DNS label (lower-case letters, digits and '-', at most 52)")
                                .arg(value));
            name = value;
        } else if (key == QLatin1String("--image")) {
            image = value;
        } else if (key == QLatin1String("--lead")) {
            const std::optional<double> lead = parseDuration(value);
            if (!lead)
                return fail(
                    QCoreApplication::translate("Cli", "--lead: \"%1\" is not a duration (e.g. 2m)").arg(value));
            leadS = *lead;
        } else if (key == QLatin1String("--start-at")) {
            QString why;
            if (!WallClock::parseTime(value, &why))
                return fail(why);
            startAt = value;
        } else if (key == QLatin1String("--cpu")) {
            cpu = value;
        } else {
            memory = value;
        }
    }
    if (shards == 0)
        return fail(QCoreApplication::translate("Cli", "--shards N is required"));
    if (startAt.isEmpty())
        startAt = QDateTime::currentDateTimeUtc().addMSecs(qint64(leadS * 1000)).toString(Qt::ISODate);
    QTextStream(stdout) << k8sJobManifest(name, image, shards, startAt, cpu, memory, pass) << Qt::flush;
    return Passed;
}

} // namespace Stressdeck::Cli
