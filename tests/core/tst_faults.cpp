// SPDX-License-Identifier: MIT

#include "loadrunner.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

Q_DECLARE_METATYPE(Stressdeck::Transport)

namespace {

RunConfig faultConfig(const QString& target, double seconds, double timeoutS)
{
    QFETCH_GLOBAL(Transport, transport);
    RunConfig c;
    c.transport = transport;
    c.target = QUrl(target);
    c.concurrency = 3;
    c.durationS = seconds;
    c.timeoutS = timeoutS;
    c.thinkMinMs = c.thinkMaxMs = 0;
    c.healthCheck = false;
    c.sampleIntervalS = 1;
    c.monitorPid = ::getpid();
    return c;
}

Scenario probe(const QString& path, bool follow = false)
{
    Scenario s;
    s.name = QStringLiteral("fault");
    RequestType t;
    t.name = QStringLiteral("probe");
    t.path = path;
    t.followRedirects = follow;
    s.requestTypes = { t };
    return s;
}

Run run(const QString& target, const QString& path, double seconds, double timeoutS, bool follow = false,
    const std::function<void()>& midway = {})
{
    return runToEnd(
        faultConfig(target, seconds, timeoutS), probe(path, follow),
        [&](LoadRunner&) {
            if (midway)
                midway();
        },
        int(seconds * 400));
}

//! A loopback port where a connect hangs: its listener never accepts, and one connection fills
//! its backlog of 0, so the kernel drops every further SYN.
class FullBacklog {
public:
    FullBacklog()
    {
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), length) != 0 || ::listen(m_listener, 0) != 0
            || ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            qFatal("cannot listen on 127.0.0.1");
        m_filler = ::socket(AF_INET, SOCK_STREAM, 0);
        if (::connect(m_filler, reinterpret_cast<sockaddr*>(&address), length) != 0)
            qFatal("cannot fill the backlog");
        m_port = ntohs(address.sin_port);
    }
    ~FullBacklog()
    {
        ::close(m_filler);
        ::close(m_listener);
    }
    Q_DISABLE_COPY_MOVE(FullBacklog)
    quint16 port() const { return m_port; }

private:
    int m_listener = -1;
    int m_filler = -1;
    quint16 m_port = 0;
};

} // namespace

//! The fault matrix: whatever the target does, the run ends on time, in the right outcome
//! class, with memory flat.
class TestFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<Transport>("transport");
        QTest::addRow("qnam") << Transport::Qnam;
        QTest::addRow("fast") << Transport::Fast;
    }

    void eachFaultEndsInItsClass_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("follow");
        QTest::addColumn<double>("timeout");
        QTest::addColumn<QString>("outcome");
        QTest::addRow("headers never sent") << QStringLiteral("/hang") << false << 0.5 << QStringLiteral("Timeout");
        QTest::addRow("reset before the answer")
            << QStringLiteral("/reset") << false << 2.0 << QStringLiteral("Connection reset");
        QTest::addRow("reset mid-response")
            << QStringLiteral("/resetmid") << false << 2.0 << QStringLiteral("Connection reset");
        QTest::addRow("premature close") << QStringLiteral("/premature") << false << 2.0
                                         << QStringLiteral("Connection reset");
        QTest::addRow("body trickled") << QStringLiteral("/trickle/100") << false << 1.5 << QStringLiteral("Timeout");
        QTest::addRow("huge body") << QStringLiteral("/huge/40") << false << 10.0 << QStringLiteral("Body too large");
        // QNetworkAccessManager drops the connection on a status line it cannot parse and reports
        // it exactly like a reset ("Connection closed", RemoteHostClosedError).
        QTest::addRow("malformed status line")
            << QStringLiteral("/malformed") << false << 2.0 << QStringLiteral("Protocol error");
        QTest::addRow("redirect loop") << QStringLiteral("/loop") << true << 2.0
                                       << QStringLiteral("Too many redirects");
        QTest::addRow("redirect not followed") << QStringLiteral("/loop") << false << 2.0 << QStringLiteral("HTTP 307");
    }

    void redirectsAreFollowed()
    {
        // /redirect answers 307 with Location /delay/0: both transports end at the 200.
        TestServerThread server;
        const Run r = run(server.url(), QStringLiteral("/redirect"), 1, 2.0, true);
        QVERIFY(r.report.overall.total > 0);
        QCOMPARE(r.report.overall.success, r.report.overall.total);
        // Each request is two on the wire: the redirect and its target.
        QVERIFY2(server.server()->received.load() >= 2 * r.report.overall.total,
            qPrintable(QStringLiteral("%1 received for %2")
                           .arg(server.server()->received.load())
                           .arg(r.report.overall.total)));
    }

    void eachFaultEndsInItsClass()
    {
        QFETCH(QString, path);
        QFETCH(bool, follow);
        QFETCH(double, timeout);
        QFETCH(QString, outcome);
        QFETCH_GLOBAL(Transport, transport);
        if (transport == Transport::Qnam && path == QLatin1String("/malformed"))
            outcome = QStringLiteral(
                "Connection reset"); // QNAM reports a status line it cannot parse as a dropped connection
        TestServerThread server;
        const Run r = run(server.url(), path, 2, timeout, follow);
        const Report& report = r.report;
        QVERIFY(report.overall.total > 0);
        QVERIFY2(report.overall.errors.value(outcome) == report.overall.total,
            qPrintable(QStringLiteral("%1 of %2; errors: %3")
                           .arg(report.overall.errors.value(outcome))
                           .arg(report.overall.total)
                           .arg(errorNames(report.overall.errors))));
        QCOMPARE(report.overall.success, 0);
        QCOMPARE(report.stuckRequests, 0);
        QVERIFY2(r.wallMs < qint64((2 + timeout) * 1000) + 4000, qPrintable(QString::number(r.wallMs)));
#if !defined(STRESSDECK_ASAN) // ASan's quarantine holds freed memory on purpose
        QVERIFY2(report.system.memoryGrowthMb < 40, qPrintable(QString::number(report.system.memoryGrowthMb)));
#endif
    }

    void bodiesUnderTheCapAreRead()
    {
        TestServerThread server;
        const Run r = run(server.url(), QStringLiteral("/huge/2"), 1.5, 10);
        QVERIFY(r.report.overall.success > 0);
        QCOMPARE(r.report.overall.failure, 0);
    }

    void serverRestartedMidRun()
    {
        TestServerThread server;
        const Run r = run(server.url(), QStringLiteral("/delay/5"), 4, 2, false, [this, &server] {
            server.stop();
            QTimer::singleShot(800, this, [&server] { server.restart(); });
        });
        const Report& report = r.report;
        QVERIFY(report.overall.errors.value(QStringLiteral("Connection refused")) > 0);
        // Service came back: the last seconds succeed again.
        QVERIFY(report.timeline.last().all.successes > 0);
        QVERIFY(r.wallMs < 4000 + 2000 + 4000);
    }

    void refusedConnectionsEndAtOnce()
    {
        // Bound but not listening: every connect to the port is refused, and nobody else gets it.
        QTcpSocket closed;
        QVERIFY(closed.bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress));
        RunConfig c = faultConfig(QStringLiteral("http://127.0.0.1:%1").arg(closed.localPort()), 3, 60);
        c.concurrency = 2;
        const Run r = runToEnd(c, probe(QStringLiteral("/")));
        const Report& report = r.report;
        // A refused connect that waited for its timeout would end the run after 60 s, two
        // requests in; the bound leaves a busy machine plenty of room.
        QVERIFY2(r.wallMs < 20000, qPrintable(QString::number(r.wallMs)));
        QVERIFY2(report.overall.total >= 6, qPrintable(QString::number(report.overall.total)));
        QVERIFY2(report.overall.errors.value(QStringLiteral("Connection refused")) == report.overall.total,
            qPrintable(errorNames(report.overall.errors)));
        // The back-off holds: without it two users fail thousands of times a second.
        QVERIFY2(report.overall.total <= 40, qPrintable(QString::number(report.overall.total)));
        QCOMPARE(report.stuckRequests, 0);
    }

    void stopEndsAHangingConnect_data()
    {
        QTest::addColumn<bool>("now");
        QTest::addColumn<bool>("open");
        QTest::addRow("stop") << false << false;
        QTest::addRow("stop now") << true << false;
        QTest::addRow("stop, open model") << false << true;
    }

    void stopEndsAHangingConnect()
    {
        QFETCH(bool, now);
        QFETCH(bool, open);
        QFETCH_GLOBAL(Transport, transport);
        if (!now && transport == Transport::Qnam)
            QSKIP("QNAM gives a request still connecting its full timeout at a stop");
        FullBacklog backlog;
        {
            QTcpSocket hangs;
            hangs.connectToHost(QHostAddress::LocalHost, backlog.port());
            QVERIFY2(!hangs.waitForConnected(300), "a connect to a full backlog did not hang");
        }
        RunConfig c = faultConfig(QStringLiteral("http://127.0.0.1:%1").arg(backlog.port()), 30, 60);
        c.concurrency = 2;
        if (open) {
            c.loadModel = LoadModel::Open;
            c.rateRps = 20;
        }
        constexpr int stopAtMs = 1000;
        const Run r = runToEnd(
            c, probe(QStringLiteral("/")),
            [now](LoadRunner& runner) {
                if (now)
                    runner.stopNow();
                else
                    runner.stop();
            },
            stopAtMs);
        const Report& report = r.report;
        QCOMPARE(report.stopReason, QStringLiteral("stopped"));
        // Waiting out the 60 s timeout would fail this by far.
        QVERIFY2(r.wallMs < stopAtMs + 15000, qPrintable(QString::number(r.wallMs)));
        QCOMPARE(report.overall.timeouts, 0);
        if (!now) {
            // Nothing was sent: a connect given up at a stop is not a request, nor a sent slot.
            QCOMPARE(report.overall.total, 0);
            QCOMPARE(report.stuckRequests, 0);
            QCOMPARE(report.schedule.scheduled, report.overall.total);
        }
    }

    void ipv6Loopback()
    {
        TestServerThread server(TestServerThread::Options { TestServerThread::Tls::Off, true, 0 });
        QVERIFY(server.url().contains(QLatin1String("[::1]")));
        const Run r = run(server.url(), QStringLiteral("/delay/2"), 1, 2);
        QVERIFY(r.report.overall.success > 0);
        QCOMPARE(r.report.overall.failure, 0);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
