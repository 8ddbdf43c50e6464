// SPDX-License-Identifier: MIT

#include "loadrunner.h"

#include "engine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <cmath>

#include <sys/resource.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Stressdeck {

namespace {

//! Gives the pages that free() kept back to the system. A checkpoint's report and JSON are
//! megabytes of temporaries allocated among the run's long-lived growth (timeline rows, latency
//! windows); glibc kept what they freed, so RSS crept minute by minute at full rate while the heap
//! in use stayed near 15 MB (issue #19, measured with heaptrack).
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace

LoadRunner::LoadRunner(QObject* parent)
    : QObject(parent)
{
    m_writer.setMaxThreadCount(1);
    qRegisterMetaType<Stressdeck::LiveSnapshot>();
    qRegisterMetaType<Stressdeck::Report>();
}

LoadRunner::~LoadRunner()
{
    // A run abandoned on purpose (the window closed after a warning) leaves nothing to recover.
    finishCheckpoints();
    if (!m_recoveryFile.isEmpty())
        CheckpointFile::remove(m_recoveryFile);
    if (m_thread) {
        stopNow();
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
    }
}

void LoadRunner::raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

bool LoadRunner::checkSystemLimits(const RunConfig& config, int shardCount, QString* error)
{
    // Every user of the closed model holds a connection: a descriptor and, to one target, a local
    // port. The open model's concurrency is only a cap on requests in flight (a capacity search
    // sets it to the rate × the timeout): what it needs depends on the service, so it is not refused.
    if (config.loadModel != LoadModel::Closed)
        return true;
    qint64 connections = config.concurrency;
    if (config.isStaged()) {
        const QList<StageSpan> spans = config.stages.spans();
        for (const StageSpan& span : spans)
            connections = std::max(connections, qint64(std::ceil(span.target)));
    }
    connections = (connections + shardCount - 1) / shardCount; // a shard runs its stripe
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
        && qint64(limit.rlim_cur) < connections + ReservedFiles) {
        *error = tr("%1 connections need about %2 open files, but this process may open only %3 (the hard limit, "
                    "ulimit -Hn; raise it with ulimit -n, LimitNOFILE= of a systemd unit or /etc/security/limits.conf)")
                     .arg(connections)
                     .arg(connections + ReservedFiles)
                     .arg(qint64(limit.rlim_cur));
        return false;
    }
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (range.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> bounds = range.readAll().simplified().split(' ');
        const qint64 ports = bounds.size() == 2 ? bounds[1].toLongLong() - bounds[0].toLongLong() + 1 : 0;
        if (ports > 0 && connections > ports) {
            *error = tr("%1 connections to one target need as many local ports, but net.ipv4.ip_local_port_range "
                        "gives %2 (%3–%4)")
                         .arg(connections)
                         .arg(ports)
                         .arg(QString::fromLatin1(bounds[0]), QString::fromLatin1(bounds[1]));
            return false;
        }
    }
    return true;
}

bool LoadRunner::start(const RunConfig& config, const Scenario& scenario, QString* error)
{
    if (isRunning()) {
        *error = tr("A run is already in progress.");
        return false;
    }
    if (!config.validate(error))
        return false;
    QString scenarioError;
    if (!scenario.validate(&scenarioError)) {
        *error = tr("Scenario \"%1\": %2").arg(scenario.name, scenarioError);
        return false;
    }
    Scenario resolved;
    if (!scenario.resolveEnvironment(&resolved, &scenarioError)) {
        *error = tr("Scenario \"%1\": %2").arg(scenario.name, scenarioError);
        return false;
    }
    raiseFileLimit();
    if (!checkSystemLimits(config, m_shard ? std::max(1, m_shard->first.count) : 1, error))
        return false;

    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("stressdeck-engine"));
    auto* engine = new Engine(config, scenario);
    if (m_baseline)
        engine->setBaseline(*m_baseline);
    if (m_shard)
        engine->setShard(m_shard->first, m_shard->second);
    engine->moveToThread(m_thread);
    m_engine = engine;
    connect(m_thread, &QThread::started, engine, &Engine::start);
    connect(m_thread, &QThread::finished, engine, &QObject::deleteLater);
    connect(engine, &Engine::snapshotReady, this, &LoadRunner::snapshotReady, Qt::QueuedConnection);
    connect(engine, &Engine::unavailable, this, &LoadRunner::unavailable, Qt::QueuedConnection);
    connect(engine, &Engine::lateStart, this, &LoadRunner::lateStart, Qt::QueuedConnection);
    connect(engine, &Engine::finished, this, &LoadRunner::onFinished, Qt::QueuedConnection);
    connect(engine, &Engine::checkpoint, this, &LoadRunner::onCheckpoint, Qt::QueuedConnection);
    QDir().mkpath(recoveryDirectory());
    m_recoveryFile = recoveryDirectory()
        + QStringLiteral("/run-%1-%2.json")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
              .arg(QCoreApplication::applicationPid());
    // The writer thread is idle: the last run's onFinished waited for it.
    m_recoveryWriter.emplace(m_recoveryFile);
    m_copyWriter.reset();
    if (!m_checkpointCopy.isEmpty())
        m_copyWriter.emplace(m_checkpointCopy);
    m_thread->start();
    return true;
}

void LoadRunner::onCheckpoint(const Report& report)
{
    if (m_recoveryFile.isEmpty())
        return;
    {
        const QMutexLocker lock(&m_checkpointMutex);
        m_pendingCheckpoint = report;
        if (m_writing)
            return; // the writer takes it when it is done with the one before
        m_writing = true;
    }
    m_writer.start([this] {
        for (;;) {
            Report next;
            {
                const QMutexLocker lock(&m_checkpointMutex);
                if (!m_pendingCheckpoint) {
                    m_writing = false;
                    return;
                }
                next = std::move(*m_pendingCheckpoint);
                m_pendingCheckpoint.reset();
            }
            for (std::optional<CheckpointFile>* writer : { &m_recoveryWriter, &m_copyWriter }) {
                QString error;
                if (*writer && !(*writer)->write(next, &error))
                    qWarning("stressdeck: cannot write the checkpoint: %s", qPrintable(error));
            }
            next = Report();
            releaseFreedMemory();
        }
    });
}

void LoadRunner::finishCheckpoints()
{
    {
        const QMutexLocker lock(&m_checkpointMutex);
        m_pendingCheckpoint.reset();
    }
    m_writer.waitForDone();
}

QString LoadRunner::recoveryDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QStringList LoadRunner::orphanedRecoveryFiles()
{
    QStringList result;
    const QDir dir(recoveryDirectory());
    for (const QFileInfo& file : dir.entryInfoList({ QStringLiteral("run-*.json") }, QDir::Files, QDir::Time)) {
        const qint64 pid = file.completeBaseName().section(QLatin1Char('-'), -1).toLongLong();
        const bool alive = pid > 0 && pid != QCoreApplication::applicationPid()
            && QFile::exists(QStringLiteral("/proc/%1").arg(pid));
        if (!alive && pid != QCoreApplication::applicationPid())
            result.append(file.absoluteFilePath());
    }
    return result;
}

void LoadRunner::onFinished(const Report& report)
{
    finishCheckpoints();
    if (!m_recoveryFile.isEmpty())
        CheckpointFile::remove(m_recoveryFile);
    m_recoveryFile.clear();
    m_engine = nullptr;
    m_thread->quit();
    const QString copy = m_checkpointCopy;
    Q_EMIT finished(report);
    // Whoever keeps the copy has replaced it with the whole report by now (run --checkpoint-dir).
    if (!copy.isEmpty())
        CheckpointFile::removeStaleJournal(copy);
}

void LoadRunner::stop()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &Engine::stop, Qt::QueuedConnection);
}

void LoadRunner::stopNow()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &Engine::stopNow, Qt::QueuedConnection);
}

void LoadRunner::setConcurrency(int users)
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, users] { engine->setConcurrency(users); }, Qt::QueuedConnection);
}

void LoadRunner::setRate(double rps)
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, rps] { engine->setRate(rps); }, Qt::QueuedConnection);
}

} // namespace Stressdeck
