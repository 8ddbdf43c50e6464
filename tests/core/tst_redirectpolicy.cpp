// SPDX-License-Identifier: MIT

#include "redirectpolicy.h"

#include <QTest>

using namespace Stressdeck;

class TestRedirectPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hops_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("location");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("hopsSoFar");
        QTest::addColumn<QString>("to"); // empty: not followed
        QTest::addColumn<QByteArray>("nextMethod");
        QTest::addColumn<bool>("dropBody");
        const QString base = QStringLiteral("http://127.0.0.1:8080/a/b");
        QTest::addRow("relative 307 keeps POST")
            << base << 307 << QByteArray("c") << QByteArray("POST") << 0 << QStringLiteral("http://127.0.0.1:8080/a/c")
            << QByteArray("POST") << false;
        QTest::addRow("308 keeps PUT") << base << 308 << QByteArray("/x") << QByteArray("PUT") << 3
                                       << QStringLiteral("http://127.0.0.1:8080/x") << QByteArray("PUT") << false;
        QTest::addRow("303 becomes GET") << base << 303 << QByteArray("/done") << QByteArray("POST") << 0
                                         << QStringLiteral("http://127.0.0.1:8080/done") << QByteArray("GET") << true;
        QTest::addRow("302 after POST becomes GET")
            << base << 302 << QByteArray("/y") << QByteArray("POST") << 0 << QStringLiteral("http://127.0.0.1:8080/y")
            << QByteArray("GET") << true;
        QTest::addRow("301 after GET stays GET")
            << base << 301 << QByteArray("/y") << QByteArray("GET") << 0 << QStringLiteral("http://127.0.0.1:8080/y")
            << QByteArray("GET") << false;
        QTest::addRow("another host") << base << 307 << QByteArray("https://127.0.0.2/z") << QByteArray("GET") << 0
                                      << QStringLiteral("https://127.0.0.2/z") << QByteArray("GET") << false;
        QTest::addRow("tenth hop is followed")
            << base << 307 << QByteArray("/n") << QByteArray("GET") << 9 << QStringLiteral("http://127.0.0.1:8080/n")
            << QByteArray("GET") << false;
        QTest::addRow("eleventh is not") << base << 307 << QByteArray("/n") << QByteArray("GET") << 10 << QString()
                                         << QByteArray() << false;
        QTest::addRow("never https to http")
            << QStringLiteral("https://127.0.0.1/a") << 302 << QByteArray("http://127.0.0.1/b") << QByteArray("GET")
            << 0 << QString() << QByteArray() << false;
        QTest::addRow("only http(s)") << base << 302 << QByteArray("ftp://127.0.0.1/f") << QByteArray("GET") << 0
                                      << QString() << QByteArray() << false;
    }

    void hops()
    {
        QFETCH(QString, from);
        QFETCH(int, status);
        QFETCH(QByteArray, location);
        QFETCH(QByteArray, method);
        QFETCH(int, hopsSoFar);
        QFETCH(QString, to);
        QFETCH(QByteArray, nextMethod);
        QFETCH(bool, dropBody);
        QVERIFY(RedirectPolicy::isRedirect(status));
        const auto hop = RedirectPolicy::next(QUrl(from), status, location, method, hopsSoFar);
        QCOMPARE(hop.has_value(), !to.isEmpty());
        if (!hop)
            return;
        QCOMPARE(hop->url, QUrl(to));
        QCOMPARE(hop->method, nextMethod);
        QCOMPARE(hop->dropBody, dropBody);
    }

    void redirectStatuses()
    {
        for (int status : { 301, 302, 303, 307, 308 })
            QVERIFY(RedirectPolicy::isRedirect(status));
        for (int status : { 200, 204, 300, 304, 305, 400, 503 })
            QVERIFY2(!RedirectPolicy::isRedirect(status), qPrintable(QString::number(status)));
    }

    void origins()
    {
        const QUrl a(QStringLiteral("http://127.0.0.1:8080/x?q=1"));
        QVERIFY(RedirectPolicy::sameOrigin(a, QUrl(QStringLiteral("http://127.0.0.1:8080/other#f"))));
        QVERIFY(!RedirectPolicy::sameOrigin(a, QUrl(QStringLiteral("http://127.0.0.1:8081/x"))));
        QVERIFY(!RedirectPolicy::sameOrigin(a, QUrl(QStringLiteral("https://127.0.0.1:8080/x"))));
        QVERIFY(!RedirectPolicy::sameOrigin(a, QUrl(QStringLiteral("http://localhost:8080/x"))));
    }
};

QTEST_GUILESS_MAIN(TestRedirectPolicy)
#include "tst_redirectpolicy.moc"
