// SPDX-License-Identifier: MIT

#include "capacitysearch.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <functional>
#include <memory>
#include <vector>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

namespace {

//! One HTTP/1.1 keep-alive connection with one request at a time: plain QTcpSocket, since
//! QNetworkAccessManager would hold a host to six connections and cap the load it can offer.
class Connection : public QObject {
public:
    Connection(quint16 port, const QByteArray& path, std::function<void()> answered)
        : m_request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        , m_answered(std::move(answered))
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, &Connection::read);
        connect(&m_socket, &QTcpSocket::connected, this, [this] {
            for (; m_queued > 0; --m_queued)
                m_socket.write(m_request);
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    void send()
    {
        if (m_socket.state() == QAbstractSocket::ConnectedState)
            m_socket.write(m_request);
        else
            ++m_queued;
    }

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QByteArray header = m_buffer.left(headerEnd).toLower();
            const qsizetype at = header.indexOf("content-length:");
            const qsizetype lineEnd = header.indexOf("\r\n", at);
            const qsizetype length = at < 0
                ? 0
                : header.mid(at + 15, (lineEnd < 0 ? header.size() : lineEnd) - at - 15).trimmed().toLongLong();
            if (m_buffer.size() < headerEnd + 4 + length)
                return;
            m_buffer.remove(0, headerEnd + 4 + length);
            m_answered();
        }
    }

    QTcpSocket m_socket;
    QByteArray m_request;
    QByteArray m_buffer;
    int m_queued = 0;
    std::function<void()> m_answered;
};

//! Runs the event loop for `ms`, calling `tick` every `tickMs` with the time elapsed.
void runFor(int ms, int tickMs, const std::function<void(qint64)>& tick)
{
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        tick(clock.elapsed());
        if (clock.elapsed() >= ms)
            loop.quit();
    });
    timer.start(tickMs);
    QTimer::singleShot(ms + 30000, &loop, [&] { loop.quit(); }); // a watchdog, should the ticks stop
    loop.exec();
}

} // namespace

class TestSlotServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    //! Closed loop with more connections than slots: the throughput is the capacity n ÷ service time.
    void capacityIsSlotsOverServiceTime_data()
    {
        QTest::addColumn<int>("slots");
        QTest::addColumn<int>("serviceMs");
        QTest::addRow("4 slots of 50 ms") << 4 << 50;
        QTest::addRow("10 slots of 40 ms") << 10 << 40;
    }
    void capacityIsSlotsOverServiceTime()
    {
        QFETCH(int, slots);
        QFETCH(int, serviceMs);
        TestServerThread server;
        const QByteArray path = "/slots/" + QByteArray::number(slots) + '/' + QByteArray::number(serviceMs);
        const int clients = slots * 4;
        qint64 answered = 0;
        qint64 answeredAtWarmUp = -1;
        bool running = true;
        int maxWaiting = 0;
        std::vector<std::unique_ptr<Connection>> connections;
        for (int i = 0; i < clients; ++i) {
            connections.push_back(nullptr);
            const size_t index = connections.size() - 1;
            connections[index] = std::make_unique<Connection>(server.port(), path, [&, index] {
                ++answered;
                if (running)
                    connections[index]->send();
            });
            connections[index]->send();
        }
        const int warmUpMs = 500;
        const int totalMs = 3000;
        QElapsedTimer measured;
        runFor(totalMs, 20, [&](qint64 elapsed) {
            maxWaiting = std::max(maxWaiting, server.server()->slotsWaiting.load());
            if (answeredAtWarmUp < 0 && elapsed >= warmUpMs) {
                answeredAtWarmUp = answered;
                measured.start();
            }
        });
        running = false;
        const double rate = double(answered - answeredAtWarmUp) / (double(measured.elapsed()) / 1000.0);
        const double capacity = slots / (serviceMs / 1000.0);
        qInfo("%d slots of %d ms: %.1f req/s (capacity %.1f), up to %d waiting", slots, serviceMs, rate, capacity,
            maxWaiting);
        // Generous: timers on a busy machine only ever make the service slower, never faster.
        QVERIFY2(rate <= capacity * 1.1, qPrintable(QString::number(rate)));
        QVERIFY2(rate >= capacity * 0.6, qPrintable(QString::number(rate)));
        // The clients beyond the slots wait in the queue.
        QVERIFY2(maxWaiting >= clients - slots - 2, qPrintable(QString::number(maxWaiting)));
        QVERIFY(maxWaiting <= clients - slots);
    }

    //! Open loop: above the capacity the queue grows without bound, below it stays empty.
    void queueGrowsOnlyWhenOverloaded_data()
    {
        QTest::addColumn<double>("load"); // of the capacity
        QTest::addColumn<bool>("grows");
        QTest::addRow("twice the capacity") << 2.0 << true;
        QTest::addRow("half the capacity") << 0.5 << false;
    }
    void queueGrowsOnlyWhenOverloaded()
    {
        QFETCH(double, load);
        QFETCH(bool, grows);
        TestServerThread server;
        const double capacity = 4 / 0.05;
        const double rate = capacity * load;
        std::vector<std::unique_ptr<Connection>> connections;
        qint64 sent = 0;
        QList<double> waiting;
        qint64 nextSample = 250;
        runFor(2500, 5, [&](qint64 elapsed) {
            for (; sent < qint64(std::floor(rate * double(elapsed) / 1000.0)); ++sent) {
                // A new connection per request, as arrivals of an open model that never wait for
                // each other.
                connections.push_back(std::make_unique<Connection>(server.port(), "/slots/4/50", [] {}));
                connections.back()->send();
            }
            if (elapsed >= nextSample) {
                waiting.append(server.server()->slotsWaiting.load());
                nextSample += 250;
            }
        });
        const InFlightTrend trend = CapacitySearch::inFlightTrend(waiting);
        QStringList figures;
        for (double w : std::as_const(waiting))
            figures.append(QString::number(w));
        qInfo("load %.1f: waiting %s", load, qPrintable(figures.join(QLatin1Char(' '))));
        QCOMPARE(trend.growing, grows);
        if (grows) {
            // (λ − μ)·t = 80 req/s × 2.5 s = 200 would wait by the end; allow for a slow machine.
            QVERIFY2(waiting.last() >= 80, qPrintable(figures.join(QLatin1Char(' '))));
            QVERIFY(waiting.last() > waiting.first());
        } else {
            QVERIFY2(
                *std::max_element(waiting.begin(), waiting.end()) <= 4, qPrintable(figures.join(QLatin1Char(' '))));
            QVERIFY(server.server()->slotsServed.load() >= sent / 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestSlotServer)
#include "tst_slotserver.moc"
