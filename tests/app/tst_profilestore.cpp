// SPDX-License-Identifier: MIT

#include "profilestore.h"
#include "settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Stressdeck;

class TestProfileStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    static QJsonObject savedJson() { return QJsonDocument::fromJson(Settings().profilesJson()).object(); }

    static Profile soak() { return Profile { QStringLiteral("soak"), 40, 3600, 20, 50, 250 }; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
        QCoreApplication::setOrganizationName(QStringLiteral("StressdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_profilestore"));
    }

    void init() { QSettings().clear(); }

    void anEmptyStoreHasOnlyTheBuiltIns()
    {
        const ProfileStore store;
        QVERIFY(store.names().isEmpty());
        QVERIFY(!store.find(QStringLiteral("soak")));
        const auto normal = store.find(QStringLiteral("normal"));
        QVERIFY(normal);
        QCOMPARE(normal->concurrency, Profile::builtIn(QStringLiteral("normal"))->concurrency);
        QCOMPARE(normal->durationS, Profile::builtIn(QStringLiteral("normal"))->durationS);
    }

    void saveAndFind()
    {
        ProfileStore store;
        QVERIFY(store.save(soak()));
        QCOMPARE(store.names(), QStringList { QStringLiteral("soak") });
        const auto found = ProfileStore().find(QStringLiteral("soak"));
        QVERIFY(found);
        QCOMPARE(found->name, QStringLiteral("soak"));
        QCOMPARE(found->concurrency, 40);
        QCOMPARE(found->durationS, 3600.0);
        QCOMPARE(found->timeoutS, 20.0);
        QCOMPARE(found->thinkMinMs, 50.0);
        QCOMPARE(found->thinkMaxMs, 250.0);
        // The format earlier versions wrote and read.
        const QJsonObject json = savedJson().value(QStringLiteral("soak")).toObject();
        QCOMPARE(json.value(QStringLiteral("concurrency")).toInt(), 40);
        QCOMPARE(json.value(QStringLiteral("duration_s")).toDouble(), 3600.0);
        QCOMPARE(json.value(QStringLiteral("timeout_s")).toDouble(), 20.0);
        QCOMPARE(json.value(QStringLiteral("think_min_ms")).toDouble(), 50.0);
        QCOMPARE(json.value(QStringLiteral("think_max_ms")).toDouble(), 250.0);

        Profile changed = soak();
        changed.concurrency = 41;
        QVERIFY(store.save(changed));
        QCOMPARE(store.names().size(), 1);
        QCOMPARE(store.find(QStringLiteral("soak"))->concurrency, 41);
    }

    void stagesAreSavedWithTheProfile()
    {
        ProfileStore store;
        QString error;
        Profile ramp = soak();
        ramp.name = QStringLiteral("ramp");
        ramp.stages = *Stages::parse(QStringLiteral("30s:10,2m:10,30s:0"), Stages::Unit::Users, &error);
        Profile rates = soak();
        rates.name = QStringLiteral("rates");
        rates.stages = *Stages::parse(QStringLiteral("1m:100,1m:400"), Stages::Unit::Rate, &error);
        QVERIFY(store.save(ramp));
        QVERIFY(store.save(rates));
        QCOMPARE(store.find(QStringLiteral("ramp"))->stages, ramp.stages);
        QCOMPARE(store.find(QStringLiteral("rates"))->stages, rates.stages);
        QVERIFY(store.find(QStringLiteral("soak")) == std::nullopt);
        const QJsonObject json = savedJson();
        QCOMPARE(json.value(QStringLiteral("ramp")).toObject().value(QStringLiteral("stages")).toArray(),
            ramp.stages.toJson());
        QCOMPARE(json.value(QStringLiteral("rates")).toObject().value(QStringLiteral("rate_stages")).toArray(),
            rates.stages.toJson());
        QVERIFY(!json.value(QStringLiteral("rates")).toObject().contains(QStringLiteral("stages")));
        QVERIFY(store.save(soak()));
        QVERIFY(store.find(QStringLiteral("soak"))->stages.isEmpty());
    }

    void missingFieldsTakeTheDefaults()
    {
        Settings().setProfilesJson(R"({"tiny":{"concurrency":2}})");
        const auto tiny = ProfileStore().find(QStringLiteral("tiny"));
        QVERIFY(tiny);
        QCOMPARE(tiny->concurrency, 2);
        QCOMPARE(tiny->durationS, 30.0);
        QCOMPARE(tiny->timeoutS, 30.0);
        QCOMPARE(tiny->thinkMinMs, 100.0);
        QCOMPARE(tiny->thinkMaxMs, 500.0);
    }

    void builtInNamesAreRefused()
    {
        ProfileStore store;
        Profile quick = soak();
        quick.name = QStringLiteral("quick");
        QVERIFY(!store.save(quick));
        QVERIFY(store.names().isEmpty());
        QCOMPARE(
            store.find(QStringLiteral("quick"))->concurrency, Profile::builtIn(QStringLiteral("quick"))->concurrency);
        QVERIFY(store.save(soak()));
        QVERIFY(!store.rename(QStringLiteral("soak"), QStringLiteral("normal")));
        QVERIFY(!store.rename(QStringLiteral("normal"), QStringLiteral("other")));
        QVERIFY(!store.remove(QStringLiteral("extended")));
        QCOMPARE(store.names(), QStringList { QStringLiteral("soak") });
        QVERIFY(store.find(QStringLiteral("extended")));
    }

    void renameMovesTheProfile()
    {
        ProfileStore store;
        QVERIFY(store.save(soak()));
        Profile other = soak();
        other.name = QStringLiteral("other");
        QVERIFY(store.save(other));
        QVERIFY(!store.rename(QStringLiteral("soak"), QStringLiteral("other"))); // taken
        QVERIFY(!store.rename(QStringLiteral("nope"), QStringLiteral("fresh"))); // not saved
        QVERIFY(store.rename(QStringLiteral("soak"), QStringLiteral("long soak")));
        QCOMPARE(store.names(), (QStringList { QStringLiteral("long soak"), QStringLiteral("other") }));
        QVERIFY(!store.find(QStringLiteral("soak")));
        const auto renamed = store.find(QStringLiteral("long soak"));
        QVERIFY(renamed);
        QCOMPARE(renamed->name, QStringLiteral("long soak"));
        QCOMPARE(renamed->durationS, 3600.0);
    }

    // Later versions add fields (load stages); renaming here must not lose them.
    void unknownKeysSurviveARename()
    {
        Settings().setProfilesJson(
            R"({"staged":{"concurrency":3,"duration_s":60,"stages":[{"users":1,"duration_s":10}],"future":true}})");
        ProfileStore store;
        QVERIFY(store.rename(QStringLiteral("staged"), QStringLiteral("ramp")));
        const QJsonObject ramp = savedJson().value(QStringLiteral("ramp")).toObject();
        QCOMPARE(ramp.value(QStringLiteral("concurrency")).toInt(), 3);
        QVERIFY(ramp.value(QStringLiteral("future")).toBool());
        QCOMPARE(ramp.value(QStringLiteral("stages")).toArray().size(), 1);
        QCOMPARE(
            ramp.value(QStringLiteral("stages")).toArray().first().toObject().value(QStringLiteral("users")).toInt(),
            1);
        QVERIFY(!savedJson().contains(QStringLiteral("staged")));
    }

    void removeDropsOnlyThatProfile()
    {
        ProfileStore store;
        QVERIFY(store.save(soak()));
        Profile other = soak();
        other.name = QStringLiteral("other");
        QVERIFY(store.save(other));
        QVERIFY(store.remove(QStringLiteral("soak")));
        QVERIFY(!store.remove(QStringLiteral("soak")));
        QCOMPARE(store.names(), QStringList { QStringLiteral("other") });
        QVERIFY(!store.find(QStringLiteral("soak")));
        QVERIFY(store.find(QStringLiteral("other")));
    }

    void corruptJsonGivesAnEmptyStore_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("garbage") << QByteArray("{not json");
        QTest::addRow("array") << QByteArray(R"([{"concurrency":3}])");
        QTest::addRow("string") << QByteArray(R"("soak")");
        QTest::addRow("empty") << QByteArray();
    }

    void corruptJsonGivesAnEmptyStore()
    {
        QFETCH(QByteArray, json);
        Settings().setProfilesJson(json);
        ProfileStore store;
        QVERIFY(store.names().isEmpty());
        QVERIFY(!store.find(QStringLiteral("soak")));
        QVERIFY(store.find(QStringLiteral("quick")));
        QVERIFY(!store.rename(QStringLiteral("soak"), QStringLiteral("x")));
        QVERIFY(!store.remove(QStringLiteral("soak")));
        // and it can be written to again
        QVERIFY(store.save(soak()));
        QVERIFY(store.find(QStringLiteral("soak")));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
