// SPDX-License-Identifier: MIT

#include "testhelpers.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>

namespace Stressdeck::Testing {

Run runToEnd(const RunConfig& config, const Scenario& scenario, const std::function<void(LoadRunner&)>& during,
    int duringAfterMs)
{
    LoadRunner runner;
    QSignalSpy finished(&runner, &LoadRunner::finished);
    QSignalSpy unavailable(&runner, &LoadRunner::unavailable);
    QString error;
    QElapsedTimer wall;
    wall.start();
    if (!runner.start(config, scenario, &error))
        qFatal("cannot start: %s", qPrintable(error));
    if (during)
        QTimer::singleShot(duringAfterMs, &runner, [&] { during(runner); });
    const int watchdogMs = int((config.durationS + config.timeoutS) * 1000) + 20000;
    if (!finished.wait(watchdogMs))
        qFatal("run did not finish within %d ms", watchdogMs);
    return { finished.first().first().value<Report>(), wall.elapsed(), !unavailable.isEmpty() };
}

} // namespace Stressdeck::Testing
