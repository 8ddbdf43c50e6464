// SPDX-License-Identifier: MIT

// The generator watching itself (issue #19): ThreadCpu on real threads of this process, the
// verdict of GeneratorLimits, and the engine's report of a run limited by its own schedule.
#include "generatorlimits.h"
#include "testhelpers.h"
#include "testserver.h"
#include "threadcpu.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

namespace {

//! A thread with a name that spins, or sleeps, until told to stop.
class Worker : public QThread {
public:
    Worker(const QString& name, bool busy)
        : m_busy(busy)
    {
        setObjectName(name);
    }
    std::atomic<bool> stop { false };

protected:
    void run() override
    {
        volatile quint64 sink = 0;
        while (!stop) {
            if (m_busy)
                sink = sink + 1;
            else
                msleep(20);
        }
    }

private:
    bool m_busy;
};

ScheduleInfo schedule(qint64 scheduled, qint64 late)
{
    ScheduleInfo s;
    s.scheduled = scheduled;
    s.late = late;
    return s;
}

} // namespace

class TestGeneratorLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threadCpuSeesItsBusyThread()
    {
        Worker busy(QStringLiteral("sdtest-busy"), true);
        Worker idle(QStringLiteral("sdtest-idle"), false);
        busy.start();
        idle.start();
        ThreadCpu busyCpu({ QStringLiteral("sdtest-busy") });
        ThreadCpu idleCpu({ QStringLiteral("sdtest-idle") });
        ThreadCpu nobody({ QStringLiteral("no-such-thread") });
        QTest::qWait(100); // each thread takes its name as it starts
        QVERIFY(!busyCpu.busiestPercent()); // the first call has nothing to compare with
        QCOMPARE(busyCpu.threadCount(), 1);
        QVERIFY(!idleCpu.busiestPercent());
        QVERIFY(!nobody.busiestPercent());
        QTest::qWait(1500);
        const std::optional<double> hot = busyCpu.busiestPercent();
        const std::optional<double> cold = idleCpu.busiestPercent();
        busy.stop = idle.stop = true;
        busy.wait();
        idle.wait();
        QVERIFY(hot && cold);
        // Generous bounds: a spinning thread gets a good share of a core even on a machine busy
        // with other tests (a fifth of two cores with ten runnable processes).
        QVERIFY2(*hot > 15, qPrintable(QString::number(*hot)));
        QVERIFY2(*cold < 10, qPrintable(QString::number(*cold)));
        // The CPU time between the two looks adds up: a share of 1.5 s for the spinning thread.
        QVERIFY2(
            busyCpu.totalCpuS() > 0.2 && busyCpu.totalCpuS() < 2, qPrintable(QString::number(busyCpu.totalCpuS())));
        QVERIFY2(idleCpu.totalCpuS() < 0.15, qPrintable(QString::number(idleCpu.totalCpuS())));
        QVERIFY(!nobody.busiestPercent());
        QCOMPARE(nobody.threadCount(), 0);
    }

    void judge_data()
    {
        QTest::addColumn<QList<double>>("cpu");
        QTest::addColumn<qint64>("scheduled");
        QTest::addColumn<qint64>("late");
        QTest::addColumn<double>("elapsedS");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<double>("saturatedS");
        const QList<double> calm { 20, 35, 40, 30 };
        QTest::addRow("calm") << calm << qint64(0) << qint64(0) << 4.0 << QStringLiteral("ok") << 0.0;
        QTest::addRow("three saturated of ten") << QList<double> { 95, 97, 99, 50, 50, 50, 50, 50, 50, 50 } << qint64(0)
                                                << qint64(0) << 10.0 << QStringLiteral("generator-bound") << 3.0;
        QTest::addRow("two saturated: a blip")
            << QList<double> { 95, 97, 50, 50 } << qint64(0) << qint64(0) << 4.0 << QStringLiteral("ok") << 2.0;
        QTest::addRow("three saturated in a long run")
            << QList<double> { 95, 97, 99 } << qint64(0) << qint64(0) << 600.0 << QStringLiteral("ok") << 3.0;
        QTest::addRow("schedule late") << calm << qint64(1000) << qint64(80) << 4.0 << QStringLiteral("generator-bound")
                                       << 0.0;
        QTest::addRow("schedule barely late")
            << calm << qint64(1000) << qint64(40) << 4.0 << QStringLiteral("ok") << 0.0;
        QTest::addRow("too few arrivals to say")
            << QList<double> {} << qint64(10) << qint64(10) << 4.0 << QStringLiteral("inconclusive") << 0.0;
        QTest::addRow("nothing measured")
            << QList<double> {} << qint64(0) << qint64(0) << 4.0 << QStringLiteral("inconclusive") << 0.0;
    }

    void judge()
    {
        QFETCH(QList<double>, cpu);
        QFETCH(qint64, scheduled);
        QFETCH(qint64, late);
        QFETCH(double, elapsedS);
        QFETCH(QString, verdict);
        QFETCH(double, saturatedS);
        const GeneratorLimits g = GeneratorLimits::judge(cpu, 1.0, schedule(scheduled, late), elapsedS);
        QCOMPARE(g.verdict, verdict);
        QCOMPARE(g.saturatedS, saturatedS);
        QCOMPARE(g.isBound(), verdict == QLatin1String("generator-bound"));
        QCOMPARE(g.reason().isEmpty(), !g.isBound());
        QJsonObject json;
        g.writeTo(&json);
        QCOMPARE(GeneratorLimits::readFrom(json), g);
    }

    // An open-model run that asks for more than its two users can send: the schedule falls
    // behind and the report says the generator, not the service, set the pace.
    void aRunBehindItsScheduleIsGeneratorBound()
    {
        TestServerThread server;
        RunConfig c;
        c.target = QUrl(server.url());
        c.loadModel = LoadModel::Open;
        c.rateRps = 400;
        c.concurrency = 2;
        c.durationS = 2;
        c.timeoutS = 5;
        c.sampleIntervalS = 1;
        c.healthCheck = false;
        c.transport = Transport::Fast;
        Scenario s;
        s.name = QStringLiteral("slow");
        RequestType t;
        t.name = QStringLiteral("slow");
        t.path = QStringLiteral("/delay/50");
        s.requestTypes = { t };
        const Run run = runToEnd(c, s);
        const GeneratorLimits& g = run.report.generatorLimits;
        QVERIFY2(g.isBound(), qPrintable(g.verdict));
        QVERIFY(g.scheduleLatePct > 50);
        const QJsonObject generator = run.report.toJson().value(QStringLiteral("generator")).toObject();
        QCOMPARE(generator.value(QStringLiteral("verdict")).toString(), QStringLiteral("generator-bound"));
        for (const char* key : { "cpu_percent_max", "saturated_s", "schedule_late_pct" })
            QVERIFY2(generator.contains(QLatin1String(key)), key);

        // The same users without a schedule to keep, waiting on the same slow answers: not bound.
        c.loadModel = LoadModel::Closed;
        c.thinkMinMs = c.thinkMaxMs = 0;
        const Run closed = runToEnd(c, s);
        QCOMPARE(closed.report.generatorLimits.verdict, QStringLiteral("ok"));
        // Its CPU per request was measured: some, and less than the 2 s of the run spread over its requests.
        const double us = closed.report.generatorLimits.cpuUsPerRequest;
        QVERIFY2(closed.report.overall.total > 20, qPrintable(QString::number(closed.report.overall.total)));
        QVERIFY2(us > 0 && us < 2e6 / double(closed.report.overall.total) * 2, qPrintable(QString::number(us)));
        QVERIFY(closed.report.generatorLimits.cpuPercentMax < GeneratorLimits::SaturatedPercent);
    }
};

QTEST_GUILESS_MAIN(TestGeneratorLimits)
#include "tst_generatorlimits.moc"
