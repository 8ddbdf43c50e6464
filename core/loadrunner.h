#pragma once

#include "report.h"
#include "runconfig.h"
#include "scenario.h"
#include "snapshot.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace Stressdeck {

class Engine;

//! The owner of a run, used from the GUI or command-line thread. It starts an Engine on a
//! thread of its own and relays its snapshots and final report; every call into the engine
//! is queued, so nothing on the caller's side ever blocks on the load.
class LoadRunner : public QObject {
    Q_OBJECT
public:
    explicit LoadRunner(QObject* parent = nullptr);
    ~LoadRunner() override;

    bool isRunning() const { return m_engine != nullptr; }
    //! Starts a run; returns false (with a message) when the configuration is invalid.
    bool start(const RunConfig& config, const Scenario& scenario, QString* error);
    //! Stops sending; requests in flight get up to their timeout, then count as stuck.
    void stop();
    //! Stops at once; requests in flight count as stuck.
    void stopNow();
    void setConcurrency(int users);
    void setRate(double rps);

    //! Raises the soft open-files limit to the hard limit, so 1000+ users can connect.
    static void raiseFileLimit();

Q_SIGNALS:
    void snapshotReady(const Stressdeck::LiveSnapshot& snapshot);
    void unavailable(const QString& message);
    void finished(const Stressdeck::Report& report);

private:
    void onFinished(const Stressdeck::Report& report);

    QThread* m_thread = nullptr;
    Engine* m_engine = nullptr; // deleted on its own thread once the run has finished
};

} // namespace Stressdeck
