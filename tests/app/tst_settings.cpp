// SPDX-License-Identifier: MIT

#include "settings.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Stressdeck;

class TestSettings : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    //! An existing file for the recent-reports list (which drops files that are gone).
    QString touch(const QString& name)
    {
        const QString path = m_home.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
        QCoreApplication::setOrganizationName(QStringLiteral("StressdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
    }

    void init() { QSettings().clear(); }

    void nothingSavedGivesTheFallbacks()
    {
        const Settings s;
        QVERIFY(!s.hasWindowLayout());
        QVERIFY(s.windowGeometry().isEmpty());
        QCOMPARE(s.profile(), QStringLiteral("quick"));
        QCOMPARE(s.target(), QString());
        QCOMPARE(s.scenario(QStringLiteral("Archive-AI")), QStringLiteral("Archive-AI"));
        QCOMPARE(s.scenarioFile(), QString());
        QCOMPARE(s.loadModel(), LoadModel::Closed);
        QCOMPARE(s.rate(20), 20.0);
        QCOMPARE(s.transport(), Transport::Qnam);
        QCOMPARE(s.threads(), 0);
        QCOMPARE(s.concurrency(5), 5);
        QCOMPARE(s.duration(QStringLiteral("30s")), QStringLiteral("30s"));
        QCOMPARE(s.timeout(QStringLiteral("31s")), QStringLiteral("31s"));
        QCOMPARE(s.thinkTime(QStringLiteral("0")), QStringLiteral("0"));
        QCOMPARE(s.monitor(), QString());
        QVERIFY(s.recentReports().isEmpty());
        QCOMPARE(s.language(), QString());
        QVERIFY(s.profilesJson().isEmpty());
        QVERIFY(!s.transportCostUs(Transport::Qnam));
        QVERIFY(!s.transportCostUs(Transport::Fast));
    }

    void everyValueRoundTrips()
    {
        {
            Settings s;
            s.setWindowLayout("geometry", "state", "splitter");
            s.setProfile(QStringLiteral("soak"));
            s.setTarget(QStringLiteral("http://example.test:8080"));
            s.setScenario(QStringLiteral("Checkout"));
            s.setScenarioFile(QStringLiteral("/tmp/checkout.json"));
            s.setLoadModel(LoadModel::Open);
            s.setRate(55.5);
            s.setTransport(Transport::Fast);
            s.setThreads(3);
            s.setConcurrency(17);
            s.setDuration(QStringLiteral("7m"));
            s.setTimeout(QStringLiteral("12s"));
            s.setThinkTime(QStringLiteral("10ms-20ms"));
            s.setMonitor(QStringLiteral("nginx"));
            s.setLanguage(QStringLiteral("de"));
            s.setProfilesJson(R"({"soak":{"concurrency":3}})");
            s.setTransportCostUs(Transport::Fast, 9.5);
        }
        const Settings s; // a fresh object reads what the first one wrote
        QVERIFY(s.hasWindowLayout());
        QCOMPARE(s.windowGeometry(), QByteArray("geometry"));
        QCOMPARE(s.windowState(), QByteArray("state"));
        QCOMPARE(s.splitterState(), QByteArray("splitter"));
        QCOMPARE(s.profile(), QStringLiteral("soak"));
        QCOMPARE(s.target(), QStringLiteral("http://example.test:8080"));
        QCOMPARE(s.scenario(QStringLiteral("Archive-AI")), QStringLiteral("Checkout"));
        QCOMPARE(s.scenarioFile(), QStringLiteral("/tmp/checkout.json"));
        QCOMPARE(s.loadModel(), LoadModel::Open);
        QCOMPARE(s.rate(20), 55.5);
        QCOMPARE(s.transport(), Transport::Fast);
        QCOMPARE(s.threads(), 3);
        QCOMPARE(s.concurrency(5), 17);
        QCOMPARE(s.duration(QStringLiteral("30s")), QStringLiteral("7m"));
        QCOMPARE(s.timeout(QStringLiteral("30s")), QStringLiteral("12s"));
        QCOMPARE(s.thinkTime(QStringLiteral("100ms-500ms")), QStringLiteral("10ms-20ms"));
        QCOMPARE(s.monitor(), QStringLiteral("nginx"));
        QCOMPARE(s.language(), QStringLiteral("de"));
        QCOMPARE(s.profilesJson(), QByteArray(R"({"soak":{"concurrency":3}})"));
        QCOMPARE(s.transportCostUs(Transport::Fast), std::optional<double>(9.5));
        QVERIFY(!s.transportCostUs(Transport::Qnam)); // one transport's figure is not the other's

        Settings back;
        back.setLoadModel(LoadModel::Closed);
        back.setTransport(Transport::Qnam);
        QCOMPARE(Settings().loadModel(), LoadModel::Closed);
        QCOMPARE(Settings().transport(), Transport::Qnam);
    }

    // Settings written by earlier versions (and by `stressdeck gui --lang`) keep working.
    void keysAreThoseOfEarlierVersions()
    {
        {
            Settings s;
            s.setWindowLayout("g", "s", "p");
            s.setTarget(QStringLiteral("http://t.test"));
            s.setLoadModel(LoadModel::Open);
            s.setTransport(Transport::Fast);
            s.setConcurrency(9);
            s.setLanguage(QStringLiteral("de"));
            s.addRecentReport(touch(QStringLiteral("a.json")));
        }
        const QSettings raw;
        QCOMPARE(raw.value(QStringLiteral("window/version")).toInt(), Settings::WindowStateVersion);
        QCOMPARE(raw.value(QStringLiteral("window/geometry")).toByteArray(), QByteArray("g"));
        QCOMPARE(raw.value(QStringLiteral("window/state")).toByteArray(), QByteArray("s"));
        QCOMPARE(raw.value(QStringLiteral("window/splitter")).toByteArray(), QByteArray("p"));
        QCOMPARE(raw.value(QStringLiteral("run/target")).toString(), QStringLiteral("http://t.test"));
        QCOMPARE(raw.value(QStringLiteral("run/loadModel")).toString(), QStringLiteral("open"));
        QCOMPARE(raw.value(QStringLiteral("run/transport")).toString(), QStringLiteral("fast"));
        QCOMPARE(raw.value(QStringLiteral("run/concurrency")).toInt(), 9);
        QCOMPARE(raw.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        QCOMPARE(raw.value(QStringLiteral("reports/recent")).toStringList().size(), 1);
    }

    void aLayoutOfAnotherVersionIsIgnored()
    {
        Settings().setWindowLayout("g", "s", "p");
        QVERIFY(Settings().hasWindowLayout());
        QSettings().setValue(QStringLiteral("window/version"), Settings::WindowStateVersion + 1);
        QVERIFY(!Settings().hasWindowLayout());
    }

    void recentReportsAreNewestFirstWithoutDuplicatesOrMissingFiles()
    {
        const QString a = touch(QStringLiteral("a.json"));
        const QString b = touch(QStringLiteral("b.json"));
        const QString gone = touch(QStringLiteral("gone.json"));
        Settings s;
        s.addRecentReport(a);
        s.addRecentReport(gone);
        s.addRecentReport(b);
        QCOMPARE(s.recentReports(), (QStringList { b, gone, a }));
        s.addRecentReport(a);
        QCOMPARE(s.recentReports(), (QStringList { a, b, gone }));
        QVERIFY(QFile::remove(gone));
        s.addRecentReport(b);
        QCOMPARE(Settings().recentReports(), (QStringList { b, a }));
    }

    void recentReportsKeepTheNewestTen()
    {
        Settings s;
        QStringList added;
        for (int i = 0; i < Settings::MaxRecentReports + 3; ++i) {
            added.prepend(touch(QStringLiteral("r%1.json").arg(i)));
            s.addRecentReport(added.first());
        }
        QCOMPARE(Settings::MaxRecentReports, 10);
        QCOMPARE(Settings().recentReports(), added.mid(0, 10));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
