#include "dashboard.h"
#include "loadrunner.h"
#include "mainwindow.h"
#include "requesttypemodel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Stressdeck;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    static QAction* action(MainWindow& w, const QString& text)
    {
        for (QAction* a : w.findChildren<QAction*>()) {
            if (a->text().remove(QLatin1Char('&')) == text)
                return a;
        }
        qFatal("no action %s", qPrintable(text));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recovery files go to a throwaway place
        // Settings of this run alone: those an earlier run left behind (from this checkout or
        // another one) would decide whether Start is enabled.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
        QCoreApplication::setOrganizationName(QStringLiteral("StressdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void invalidInputBlocksStart()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w)); // or the shortcut below never arrives
        auto* duration = w.findChild<QLineEdit*>(QStringLiteral("duration"));
        QVERIFY(duration);
        duration->setText(QStringLiteral("soon"));
        QVERIFY(!action(w, QStringLiteral("Start"))->isEnabled());
        QVERIFY(w.validationMessage().contains(QLatin1String("Duration")));
        QVERIFY(w.findChild<QLabel*>(QStringLiteral("validation"))->text().contains(QLatin1String("soon")));
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(!w.isRunning());
        duration->setText(QStringLiteral("10s"));
        QVERIFY(action(w, QStringLiteral("Start"))->isEnabled());
        w.findChild<QLineEdit*>(QStringLiteral("target"))->setText(QStringLiteral("ftp://nowhere"));
        QVERIFY(!action(w, QStringLiteral("Start"))->isEnabled());
        QVERIFY(w.validationMessage().contains(QLatin1String("target")));
    }

    void setupIsRemembered()
    {
        {
            MainWindow w;
            w.findChild<QComboBox*>(QStringLiteral("loadModel"))->setCurrentIndex(1);
            w.findChild<QDoubleSpinBox*>(QStringLiteral("rate"))->setValue(55);
            auto* transport = w.findChild<QComboBox*>(QStringLiteral("transport"));
            transport->setCurrentIndex(transport->findData(QStringLiteral("fast")));
            w.findChild<QSpinBox*>(QStringLiteral("threads"))->setValue(3);
            w.findChild<QSpinBox*>(QStringLiteral("concurrency"))->setValue(17);
            w.findChild<QLineEdit*>(QStringLiteral("duration"))->setText(QStringLiteral("7m"));
            w.findChild<QLineEdit*>(QStringLiteral("thinkTime"))->setText(QStringLiteral("0"));
        } // closing the window saves its settings
        MainWindow w;
        QCOMPARE(w.findChild<QComboBox*>(QStringLiteral("loadModel"))->currentIndex(), 1);
        QCOMPARE(w.findChild<QDoubleSpinBox*>(QStringLiteral("rate"))->value(), 55.0);
        QCOMPARE(
            w.findChild<QComboBox*>(QStringLiteral("transport"))->currentData().toString(), QStringLiteral("fast"));
        auto* threads = w.findChild<QSpinBox*>(QStringLiteral("threads"));
        QCOMPARE(threads->value(), 3);
        QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("concurrency"))->value(), 17);
        QCOMPARE(w.findChild<QLineEdit*>(QStringLiteral("duration"))->text(), QStringLiteral("7m"));
        QCOMPARE(w.findChild<QLineEdit*>(QStringLiteral("thinkTime"))->text(), QStringLiteral("0"));
        threads->setValue(0); // automatic, shown with the number it stands for
        QCOMPARE(threads->text(), tr("Automatic (%n)", nullptr, defaultEngineThreads()));
        // The tests after this one start from the defaults again.
        w.findChild<QComboBox*>(QStringLiteral("loadModel"))->setCurrentIndex(0);
        w.findChild<QComboBox*>(QStringLiteral("transport"))->setCurrentIndex(0);
    }

    void profileOptionAppliesTheProfile()
    {
        GuiOptions options;
        options.profile = QStringLiteral("normal");
        MainWindow w(options);
        const auto normal = Profile::builtIn(QStringLiteral("normal"));
        QVERIFY(normal);
        QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("concurrency"))->value(), normal->concurrency);
        QCOMPARE(w.findChild<QLineEdit*>(QStringLiteral("duration"))->text(), formatDuration(normal->durationS));
    }

    void offersTheReportOfACrashedRun()
    {
        QFile known(QStringLiteral(STRESSDECK_TEST_DATA_DIR "/known-report.json"));
        QVERIFY(known.open(QIODevice::ReadOnly));
        QDir().mkpath(LoadRunner::recoveryDirectory());
        // The name carries the PID of the run's process; this one is long gone.
        const QString orphan = LoadRunner::recoveryDirectory() + QStringLiteral("/run-20260101-000000-999999999.json");
        QFile out(orphan);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(known.readAll());
        out.close();
        QVERIFY(LoadRunner::orphanedRecoveryFiles().contains(orphan));

        MainWindow w;
        QVERIFY(w.recoverReport(orphan));
        QCOMPARE(w.lastReport().scenarioName, QStringLiteral("Archive-AI"));
        QVERIFY(!QFile::exists(orphan));
        QVERIFY(!LoadRunner::orphanedRecoveryFiles().contains(orphan));
        QVERIFY(QFile::exists(
            LoadRunner::recoveryDirectory() + QStringLiteral("/recovered-run-20260101-000000-999999999.json")));
    }

    void runChangeLoadStopSaveReopen()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QLineEdit*>(QStringLiteral("target"))->clear();
        w.findChild<QLineEdit*>(QStringLiteral("duration"))->setText(QStringLiteral("30s"));
        w.findChild<QLineEdit*>(QStringLiteral("thinkTime"))->setText(QStringLiteral("10ms-50ms"));
        w.findChild<QSpinBox*>(QStringLiteral("concurrency"))->setValue(3);
        QSignalSpy finished(&w, &MainWindow::runFinished);

        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(w.isRunning());
        QVERIFY(!action(w, QStringLiteral("Start"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(w.dashboard()->requestTypeModel()->rowCount() == 6, 10000);
        QTest::qWait(1200);
        w.findChild<QSpinBox*>(QStringLiteral("liveSpin"))->setValue(6);
        QTest::qWait(1500);
        if (const QString dir = qEnvironmentVariable("STRESSDECK_SCREENSHOT_DIR"); !dir.isEmpty())
            w.grab().save(dir + QStringLiteral("/mainwindow-live.png"));
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(finished.wait(40000));
        if (const QString dir = qEnvironmentVariable("STRESSDECK_SCREENSHOT_DIR"); !dir.isEmpty())
            w.grab().save(dir + QStringLiteral("/mainwindow-done.png"));
        QVERIFY(!w.isRunning());

        const Report& report = w.lastReport();
        QCOMPARE(report.stopReason, QStringLiteral("stopped"));
        QVERIFY(report.overall.total > 0);
        QCOMPARE(report.loadChanges.size(), 2);
        QCOMPARE(report.loadChanges[1].concurrency, 6);
        QVERIFY(!w.dashboard()->verdictText().isEmpty());

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run.json"));
        QVERIFY(w.saveReport(file));
        const QString pdf = dir.filePath(QStringLiteral("run.pdf"));
        QVERIFY(w.exportPdf(pdf));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        const auto rowsBefore = w.dashboard()->requestTypeModel()->stats();
        const QString verdict = w.dashboard()->verdictText();

        MainWindow other;
        QVERIFY(other.openReport(file));
        QVERIFY(other.lastReport() == report);
        QCOMPARE(other.dashboard()->verdictText(), verdict);
        const auto rowsAfter = other.dashboard()->requestTypeModel()->stats();
        QCOMPARE(rowsAfter.size(), rowsBefore.size());
        for (qsizetype i = 0; i < rowsAfter.size(); ++i) {
            QCOMPARE(rowsAfter[i].name, rowsBefore[i].name);
            QCOMPARE(rowsAfter[i].total, rowsBefore[i].total);
            QCOMPARE(rowsAfter[i].latency, rowsBefore[i].latency);
        }
        QTemporaryDir again;
        QVERIFY(other.saveReport(again.filePath(QStringLiteral("again.json"))));
        QFile a(file), b(again.filePath(QStringLiteral("again.json")));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
