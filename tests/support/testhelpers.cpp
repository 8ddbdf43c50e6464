// SPDX-License-Identifier: MIT

#include "testhelpers.h"

#include "scenario.h"

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

RunConfig shortRunConfig(const QString& url)
{
    RunConfig c;
    c.target = QUrl(url);
    c.concurrency = 2;
    c.durationS = 1;
    c.timeoutS = 5;
    c.thinkMinMs = c.thinkMaxMs = 0;
    c.sampleIntervalS = 1;
    c.healthCheck = false;
    c.seed = 5;
    c.checkpointIntervalS = 1;
    return c;
}

Scenario fastScenario()
{
    Scenario s;
    s.name = QStringLiteral("one");
    RequestType t;
    t.name = QStringLiteral("fast");
    t.path = QStringLiteral("/delay/5");
    s.requestTypes = { t };
    return s;
}

Report shardReport(const QString& url, int index, int count)
{
    const RunConfig c = shortRunConfig(url);
    const Scenario s = fastScenario();
    LoadRunner runner;
    runner.setShard({ index, count, QStringLiteral("explicit") }, {});
    QSignalSpy finished(&runner, &LoadRunner::finished);
    QString error;
    if (!runner.start(c, s, &error))
        qFatal("cannot start the shard: %s", qPrintable(error));
    if (!finished.wait(20000))
        qFatal("the shard run did not finish");
    return finished.first().first().value<Report>();
}

} // namespace Stressdeck::Testing
