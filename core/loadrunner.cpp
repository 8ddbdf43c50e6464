#include "loadrunner.h"

#include "engine.h"

#include <QThread>

#include <sys/resource.h>

namespace Stressdeck {

LoadRunner::LoadRunner(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<Stressdeck::LiveSnapshot>();
    qRegisterMetaType<Stressdeck::Report>();
}

LoadRunner::~LoadRunner()
{
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
    raiseFileLimit();

    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("stressdeck-engine"));
    auto* engine = new Engine(config, scenario);
    engine->moveToThread(m_thread);
    m_engine = engine;
    connect(m_thread, &QThread::started, engine, &Engine::start);
    connect(m_thread, &QThread::finished, engine, &QObject::deleteLater);
    connect(engine, &Engine::snapshotReady, this, &LoadRunner::snapshotReady, Qt::QueuedConnection);
    connect(engine, &Engine::unavailable, this, &LoadRunner::unavailable, Qt::QueuedConnection);
    connect(engine, &Engine::finished, this, &LoadRunner::onFinished, Qt::QueuedConnection);
    m_thread->start();
    return true;
}

void LoadRunner::onFinished(const Report& report)
{
    m_engine = nullptr;
    m_thread->quit();
    Q_EMIT finished(report);
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
