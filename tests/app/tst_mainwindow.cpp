// SPDX-License-Identifier: MIT

#include "capacityview.h"
#include "chartgrid.h"
#include "dashboard.h"
#include "historymodel.h"
#include "historypanel.h"
#include "loadrunner.h"
#include "mainwindow.h"
#include "requesttypemodel.h"
#include "settings.h"
#include "shardstatusmodel.h"
#include "shardstatusview.h"
#include "stageeditor.h"
#include "testhelpers.h"
#include "testserver.h"
#include "timeserieschart.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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

    //! The setup panel is as wide as its widest row: nothing is cut off at the right.
    static void verifySetupPanelFits(MainWindow& w)
    {
        auto* panel = w.findChild<QScrollArea*>(QStringLiteral("setupPanel"));
        QVERIFY(panel);
        QVERIFY2(panel->widget()->width() <= panel->viewport()->width()
                && panel->viewport()->width() >= panel->widget()->minimumSizeHint().width(),
            qPrintable(QStringLiteral("panel %1 (at least %2) in a view of %3")
                           .arg(panel->widget()->width())
                           .arg(panel->widget()->minimumSizeHint().width())
                           .arg(panel->viewport()->width())));
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

    //! Beside the transport: what each costs per request, measured here once a run has, and a
    //! suggestion of the fast transport when qnam would limit an open-model run.
    void transportHintShowsTheCostAndSuggestsFast()
    {
        Settings().setTransportCostUs(Transport::Qnam, 250);
        MainWindow w;
        auto* hint = w.findChild<QLabel*>(QStringLiteral("transportHint"));
        QVERIFY(hint);
        QVERIFY2(hint->text().contains(QStringLiteral("≈ 250 µs")), qPrintable(hint->text()));
        QVERIFY2(hint->text().contains(QLatin1String("partly measured")), qPrintable(hint->text()));
        auto* transport = w.findChild<QComboBox*>(QStringLiteral("transport"));
        transport->setCurrentIndex(transport->findData(QStringLiteral("qnam")));
        w.findChild<QComboBox*>(QStringLiteral("loadModel"))->setCurrentIndex(1); // open
        auto* threads = w.findChild<QSpinBox*>(QStringLiteral("threads"));
        threads->setValue(1);
        auto* rate = w.findChild<QDoubleSpinBox*>(QStringLiteral("rate"));
        rate->setValue(20); // 0.005 cores
        QVERIFY2(!hint->text().contains(QLatin1String("choose the fast transport")), qPrintable(hint->text()));
        rate->setValue(8000); // 2 cores at 250 µs
        QVERIFY2(hint->text().contains(QStringLiteral("At 8000 req/s Qt network needs ≈ 2.0 cores")),
            qPrintable(hint->text()));
        transport->setCurrentIndex(transport->findData(QStringLiteral("fast")));
        QVERIFY2(!hint->text().contains(QLatin1String("choose the fast transport")), qPrintable(hint->text()));
        rate->setValue(20);
        QSettings().remove(QStringLiteral("machine"));
    }

    void invalidInputBlocksStart()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w)); // or the shortcut below never arrives
        auto* duration = w.findChild<QLineEdit*>(QStringLiteral("duration"));
        QVERIFY(duration);
        duration->setText(QStringLiteral("soon"));
        QTRY_VERIFY(!action(w, QStringLiteral("Start"))->isEnabled());
        QVERIFY(w.validationMessage().contains(QLatin1String("Duration")));
        QVERIFY(w.findChild<QLabel*>(QStringLiteral("validation"))->text().contains(QLatin1String("soon")));
        QVERIFY(duration->property("invalid").toBool());
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(!w.isRunning());
        duration->setText(QStringLiteral("10s"));
        QTRY_VERIFY(action(w, QStringLiteral("Start"))->isEnabled());
        QVERIFY(!duration->property("invalid").toBool());
        auto* target = w.findChild<QLineEdit*>(QStringLiteral("target"));
        target->setText(QStringLiteral("ftp://nowhere"));
        QTRY_VERIFY(!action(w, QStringLiteral("Start"))->isEnabled());
        QVERIFY(w.validationMessage().contains(QLatin1String("target")));
        QVERIFY(target->property("invalid").toBool()); // from the error's field code, not its wording
        target->clear();
        QTRY_VERIFY(action(w, QStringLiteral("Start"))->isEnabled());
    }

    void typingIsCheckedOnceItPauses()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.validationMessage().isEmpty());
        auto* monitor = w.findChild<QLineEdit*>(QStringLiteral("monitor"));
        QVERIFY(monitor);
        QTest::keyClicks(monitor, QStringLiteral("no-such-process-here"));
        // Not after every keystroke (each check scans /proc): nothing is flagged while typing...
        QVERIFY(w.validationMessage().isEmpty());
        // ...and once typing pauses, the whole name is checked.
        QTRY_VERIFY_WITH_TIMEOUT(w.validationMessage().contains(QLatin1String("no-such-process-here")), 5000);
        QVERIFY(monitor->property("invalid").toBool());
        monitor->clear();
        QTRY_VERIFY(w.validationMessage().isEmpty());
    }

    void firstStartIsReadable()
    {
        QSettings().clear(); // no saved window state: the first start
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QRect available = w.screen()->availableGeometry();
        QVERIFY2(w.width() >= available.width() * 0.85 && w.height() >= available.height() * 0.85,
            qPrintable(QStringLiteral("%1x%2 on %3x%4")
                           .arg(w.width())
                           .arg(w.height())
                           .arg(available.width())
                           .arg(available.height())));
        QVERIFY(w.width() <= available.width() && w.height() <= available.height());
        verifySetupPanelFits(w);
        if (QTest::currentTestFailed())
            return;

        // Charts keep a readable size and scroll instead (this screen is small: 800x600).
        for (TimeSeriesChart* chart : w.dashboard()->charts()) {
            QVERIFY2(chart->width() >= ChartGrid::ReadableWidth * 3 / 4, qPrintable(QString::number(chart->width())));
            QVERIFY2(chart->height() >= ChartGrid::ReadableHeight - 40, qPrintable(QString::number(chart->height())));
        }
        auto* grid = w.findChild<ChartGrid*>(QStringLiteral("chartGrid"));
        QVERIFY(grid);
        QVERIFY(grid->widget()->height() > grid->viewport()->height()); // it scrolls
    }

    void aLongScenarioNameDoesNotCutThePanelOff()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("long.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"name": "A scenario whose name goes on and on and on, far wider than the panel ever is",
                        "request_types": [{"name": "health", "path": "/health"}]})");
        }
        GuiOptions options;
        QString message;
        bool help = false;
        QCOMPARE(parseGuiOptions({ QStringLiteral("stressdeck gui"), QStringLiteral("--scenario"), file }, &options,
                     &message, &help),
            0);
        MainWindow w(options); // the long name is in the box before the window is first shown
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        verifySetupPanelFits(w);
        if (QTest::currentTestFailed())
            return;
        w.findChild<QComboBox*>(QStringLiteral("scenario"))->setCurrentIndex(0); // the next tests' default
    }

    void aScriptedRunLeavesTheSetupAlone()
    {
        const int before = MainWindow().findChild<QSpinBox*>(QStringLiteral("concurrency"))->value();
        QVERIFY(before != 77);
        {
            GuiOptions options;
            QString message;
            bool help = false;
            QCOMPARE(parseGuiOptions({ QStringLiteral("stressdeck gui"), QStringLiteral("-c"), QStringLiteral("77"),
                                         QStringLiteral("--quit-when-done") },
                         &options, &message, &help),
                0);
            MainWindow w(options);
            QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("concurrency"))->value(), 77);
        }
        MainWindow w;
        QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("concurrency"))->value(), before);
    }

    void commandLineFillsTheForm()
    {
        GuiOptions options;
        QString message;
        bool help = false;
        QCOMPARE(parseGuiOptions(
                     { QStringLiteral("stressdeck gui"), QStringLiteral("--rate"), QStringLiteral("33"),
                         QStringLiteral("--transport"), QStringLiteral("fast"), QStringLiteral("--threads"),
                         QStringLiteral("2"), QStringLiteral("--timeout"), QStringLiteral("7s"), QStringLiteral("-c"),
                         QStringLiteral("9"), QStringLiteral("--demo-error-rate"), QStringLiteral("agent=0.25:500"),
                         QStringLiteral("--request"), QStringLiteral("GET /health") },
                     &options, &message, &help),
            0);
        QVERIFY2(message.isEmpty(), qPrintable(message));
        MainWindow w(options);
        QCOMPARE(w.findChild<QComboBox*>(QStringLiteral("loadModel"))->currentIndex(), 1);
        QCOMPARE(w.findChild<QDoubleSpinBox*>(QStringLiteral("rate"))->value(), 33.0);
        QCOMPARE(
            w.findChild<QComboBox*>(QStringLiteral("transport"))->currentData().toString(), QStringLiteral("fast"));
        QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("threads"))->value(), 2);
        QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("concurrency"))->value(), 9);
        QCOMPARE(w.findChild<QLineEdit*>(QStringLiteral("timeout"))->text(), QStringLiteral("7s"));
        QCOMPARE(w.findChild<QComboBox*>(QStringLiteral("scenario"))->currentText(), QStringLiteral("ad hoc"));
        auto* knobs = w.findChild<QGroupBox*>(QStringLiteral("demoKnobs"));
        QVERIFY(knobs && knobs->isChecked());
        QCOMPARE(w.findChild<QComboBox*>(QStringLiteral("faultEndpoint"))->currentText(), QStringLiteral("agent"));
        QCOMPARE(w.findChild<QDoubleSpinBox*>(QStringLiteral("errorRate"))->value(), 25.0);
        QVERIFY2(w.validationMessage().isEmpty(), qPrintable(w.validationMessage()));
        // The tests after this one start from the defaults again.
        w.findChild<QComboBox*>(QStringLiteral("loadModel"))->setCurrentIndex(0);
        w.findChild<QComboBox*>(QStringLiteral("transport"))->setCurrentIndex(0);
        w.findChild<QSpinBox*>(QStringLiteral("threads"))->setValue(0);
        w.findChild<QLineEdit*>(QStringLiteral("timeout"))->setText(QStringLiteral("30s"));
        w.findChild<QComboBox*>(QStringLiteral("scenario"))->setCurrentIndex(0);
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
        QString message;
        bool help = false;
        QCOMPARE(
            parseGuiOptions({ QStringLiteral("stressdeck gui"), QStringLiteral("--profile"), QStringLiteral("normal") },
                &options, &message, &help),
            0);
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

    // File › Follow shards…: the band with a row per shard, the merged figures while they come
    // in, the end by itself once all finished, and a merged report opened later says so.
    void followsShardsAndOpensTheirMerge()
    {
        Testing::TestServerThread server;
        const Report shard = Testing::shardReport(server.url(), 0, 2);
        QVERIFY(shard.overall.total > 0);
        QTemporaryDir dir;
        const auto write = [&](int index, const QString& stopReason) {
            Report r = shard;
            r.shard->index = index;
            r.stopReason = stopReason;
            QString saveError;
            QVERIFY2(r.save(dir.filePath(ShardFollower::fileName(index, 2)), &saveError), qPrintable(saveError));
        };
        write(0, QStringLiteral("checkpoint"));

        MainWindow w;
        QVERIFY(!w.followShards(dir.filePath(QStringLiteral("missing"))));
        QVERIFY(!w.isFollowing());
        QVERIFY(w.followShards(dir.path()));
        QVERIFY(w.isFollowing());
        QTRY_COMPARE(w.shardStatusView()->model()->rowCount(), 2);
        QVERIFY2(w.shardStatusView()->heading().contains(QLatin1String("1 running")),
            qPrintable(w.shardStatusView()->heading()));
        QCOMPARE(w.lastReport().overall.total, shard.overall.total);
        write(0, QStringLiteral("completed"));
        write(1, QStringLiteral("completed"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isFollowing(), 10000);
        QCOMPARE(w.lastReport().overall.total, 2 * shard.overall.total);
        QVERIFY2(w.shardStatusView()->heading().contains(QLatin1String("all 2 shard(s) finished")),
            qPrintable(w.shardStatusView()->heading()));

        const QString merged = dir.filePath(QStringLiteral("merged.json"));
        QVERIFY(w.saveReport(merged));
        MainWindow other;
        QVERIFY(other.openReport(merged));
        QVERIFY(other.shardStatusView()->isVisibleTo(&other));
        QVERIFY2(other.shardStatusView()->heading().startsWith(QLatin1String("Merged from 2 of 2 shards")),
            qPrintable(other.shardStatusView()->heading()));
        QVERIFY(other.shardStatusView()->warning().isEmpty());
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

        QTRY_VERIFY2(action(w, QStringLiteral("Start"))->isEnabled(), qPrintable(w.validationMessage()));
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        QVERIFY2(w.isRunning(), qPrintable(w.validationMessage()));
        QVERIFY(!action(w, QStringLiteral("Start"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(w.dashboard()->requestTypeModel()->rowCount() == 6, 10000);
        QTest::qWait(1200);
        w.findChild<QSpinBox*>(QStringLiteral("liveSpin"))->setValue(6);
        QTest::qWait(1500);
        // The summary strip follows the run: its time tile counts down.
        QTRY_VERIFY(w.findChild<QLabel*>(QStringLiteral("stripTime"))
                        ->property("plain")
                        .toString()
                        .contains(QLatin1String("left")));
        // The strip's p95 is over the window the latency chart shows.
        auto* p95 = w.findChild<QLabel*>(QStringLiteral("stripP95"));
        QTRY_VERIFY2(p95->text().contains(QLatin1String("10 s")), qPrintable(p95->text()));
        w.findChild<QComboBox*>(QStringLiteral("latencyWindow"))->setCurrentIndex(2);
        QVERIFY2(p95->text().contains(QLatin1String("60 s")), qPrintable(p95->text()));
        if (const QString dir = qEnvironmentVariable("STRESSDECK_SCREENSHOT_DIR"); !dir.isEmpty())
            w.grab().save(dir + QStringLiteral("/mainwindow-live.png"));
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(finished.wait(40000));
        if (const QString dir = qEnvironmentVariable("STRESSDECK_SCREENSHOT_DIR"); !dir.isEmpty())
            w.grab().save(dir + QStringLiteral("/mainwindow-done.png"));
        QVERIFY(!w.isRunning());
        QVERIFY(w.findChild<QLabel*>(QStringLiteral("stripTime"))
                    ->property("plain")
                    .toString()
                    .contains(QLatin1String("finished")));

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

    void aBaselineIsComparedLive()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QLineEdit*>(QStringLiteral("target"))->clear();
        w.findChild<QLineEdit*>(QStringLiteral("duration"))->setText(QStringLiteral("11s"));
        w.findChild<QLineEdit*>(QStringLiteral("thinkTime"))->setText(QStringLiteral("10ms-50ms"));
        w.findChild<QSpinBox*>(QStringLiteral("concurrency"))->setValue(3);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QTemporaryDir dir;
        const QString baseline = dir.filePath(QStringLiteral("baseline.json"));

        QTRY_VERIFY2(action(w, QStringLiteral("Start"))->isEnabled(), qPrintable(w.validationMessage()));
        w.startRun();
        QVERIFY(finished.wait(40000));
        QVERIFY(w.saveReport(baseline));
        // A file that is not there is refused with a message (closed here once it shows).
        bool warned = false;
        QTimer::singleShot(300, &w, [&warned] {
            if (QWidget* box = QApplication::activeModalWidget()) {
                warned = box->inherits("QMessageBox");
                box->close();
            }
        });
        QVERIFY(!w.setBaseline(dir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(warned);
        QVERIFY(w.baselineFile().isEmpty());
        QVERIFY(w.setBaseline(baseline));
        QCOMPARE(w.findChild<QLabel*>(QStringLiteral("baselineName"))->text(), QStringLiteral("baseline.json"));
        // The report shown is compared at once: a run with itself is no regression.
        QVERIFY(w.dashboard()->comparison().has_value());
        QCOMPARE(w.dashboard()->comparison()->regressions, 0);

        w.startRun();
        QVERIFY(w.isRunning());
        auto* table = w.findChild<QTableWidget*>(QStringLiteral("comparison"));
        // The engine's first comparison comes with the run's second latency window.
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() > 0, 15000);
        TimeSeriesChart* latency = w.dashboard()->charts().value(1);
        const int firstBaseline = 3 * (w.dashboard()->requestTypeModel()->rowCount());
        QVERIFY(latency->isSeriesVisible(firstBaseline + 1));
        QVERIFY(!latency->visiblePoints(firstBaseline + 1).isEmpty());
        if (const QString shots = qEnvironmentVariable("STRESSDECK_SCREENSHOT_DIR"); !shots.isEmpty()) {
            w.findChild<QTabWidget*>()->setCurrentIndex(4);
            QTest::qWait(300);
            w.grab().save(shots + QStringLiteral("/mainwindow-baseline.png"));
        }
        QVERIFY(finished.wait(40000));
        QCOMPARE(table->rowCount(), 6 * w.dashboard()->requestTypeModel()->rowCount());
        const QString pdf = dir.filePath(QStringLiteral("compare.pdf"));
        QVERIFY(w.exportComparisonPdf(pdf));
        QVERIFY(QFileInfo(pdf).size() > 5000);
        QVERIFY(w.setBaseline({}));
        QVERIFY(!latency->isSeriesVisible(firstBaseline + 1));

        // Both runs went into the run history; Ctrl+Shift+H shows it, newest first.
        QVERIFY(!w.historyPanel()->isVisible());
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(w.historyPanel()->isVisible());
        QVERIFY(w.historyPanel()->model()->rowCount() >= 2);
        QCOMPARE(w.historyPanel()->model()->runs().first().startedAt, w.lastReport().startedAt.toUTC());
        QVERIFY(w.historyPanel()->plotted().size() >= 2);
        if (const QString shots = qEnvironmentVariable("STRESSDECK_SCREENSHOT_DIR"); !shots.isEmpty()) {
            w.resize(1600, 1000);
            QTest::qWait(300);
            w.grab().save(shots + QStringLiteral("/mainwindow-history.png"));
        }
    }

    //! The stage editor's shape is saved with a profile, comes back with it, and is remembered.
    void stagesAreSavedWithProfiles()
    {
        const QString shape = QStringLiteral("5s:2,10s:2,5s:0");
        {
            MainWindow w;
            auto* stages = w.findChild<StageEditor*>(QStringLiteral("stages"));
            QVERIFY(stages);
            stages->setText(shape, true);
            stages->setChecked(true);
            QVERIFY(!w.findChild<QLineEdit*>(QStringLiteral("duration"))->isEnabled());
            QVERIFY(!w.findChild<QSpinBox*>(QStringLiteral("concurrency"))->isEnabled());
            QTRY_VERIFY2(w.validationMessage().isEmpty(), qPrintable(w.validationMessage()));
            QVERIFY(w.saveProfileAs(QStringLiteral("staged")));
            auto* profile = w.findChild<QComboBox*>(QStringLiteral("profile"));
            profile->setCurrentText(QStringLiteral("quick"));
            Q_EMIT profile->textActivated(QStringLiteral("quick"));
            QVERIFY(!stages->isOn()); // quick is a constant load
            QVERIFY(w.findChild<QLineEdit*>(QStringLiteral("duration"))->isEnabled());
            profile->setCurrentText(QStringLiteral("staged"));
            Q_EMIT profile->textActivated(QStringLiteral("staged"));
            QVERIFY(stages->isOn());
            QCOMPARE(stages->text(), shape);
        }
        MainWindow again; // the window left with "staged" and its stages on
        auto* stages = again.findChild<StageEditor*>(QStringLiteral("stages"));
        QVERIFY(stages->isOn());
        QCOMPARE(stages->text(), shape);
        stages->setChecked(false);
        again.findChild<QComboBox*>(QStringLiteral("profile"))->setCurrentText(QStringLiteral("quick"));
    }

    //! The capacity profile runs a search in the window: the view tells the step in progress while
    //! it runs, then the answer, the steps and the export.
    void capacitySearchShowsItsProgress()
    {
        Testing::TestServerThread server;
        GuiOptions options;
        QString message;
        bool help = false;
        QCOMPARE(parseGuiOptions(
                     { QStringLiteral("stressdeck gui"), QStringLiteral("--profile"), QStringLiteral("capacity"),
                         QStringLiteral("--request"), QStringLiteral("GET /slots/4/50"), QStringLiteral("--target"),
                         server.url(), QStringLiteral("--transport"), QStringLiteral("fast") },
                     &options, &message, &help),
            0);
        MainWindow w(options);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.findChild<QComboBox*>(QStringLiteral("loadModel"))->currentIndex(), 2);
        QVERIFY(w.findChild<QWidget*>(QStringLiteral("capacity"))->isVisible());
        QVERIFY(!w.findChild<QWidget*>(QStringLiteral("stages"))->isVisible());
        // 4 slots of 5 ms serve 800 req/s: both steps pass by a wide margin.
        w.findChild<QLineEdit*>(QStringLiteral("capacitySlo"))->setText(QStringLiteral("p95<1s"));
        w.findChild<QDoubleSpinBox*>(QStringLiteral("capacityStart"))->setValue(20);
        w.findChild<QDoubleSpinBox*>(QStringLiteral("capacityMax"))->setValue(40);
        w.findChild<QDoubleSpinBox*>(QStringLiteral("capacityGrowth"))->setValue(2);
        w.findChild<QLineEdit*>(QStringLiteral("capacityStep"))->setText(QStringLiteral("3s"));
        QTRY_VERIFY2(action(w, QStringLiteral("Start"))->isEnabled(), qPrintable(w.validationMessage()));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.startRun();
        QVERIFY(w.isRunning());
        CapacityView* view = w.capacityView();
        QVERIFY(view->isVisible()); // the search's tab is shown
        QTRY_VERIFY2(view->headline().startsWith(QLatin1String("Step 1 of about "))
                && view->headline().contains(QLatin1String(": 20.0 req/s with p95 < 1 s")),
            qPrintable(view->headline()));
        QTRY_VERIFY_WITH_TIMEOUT(view->headline().contains(QLatin1String("step 1 passed")), 15000);
        QTRY_VERIFY(view->data().runningLoad && *view->data().runningLoad == 40.0);
        QTest::qWait(1500); // the live view of step 2 half way
        if (const QString dir = qEnvironmentVariable("STRESSDECK_SCREENSHOT_DIR"); !dir.isEmpty())
            w.grab().save(dir + QStringLiteral("/mainwindow-capacity-live.png"));
        QVERIFY(finished.wait(30000));
        QVERIFY(!w.isRunning());
        QVERIFY2(
            view->headline().startsWith(QLatin1String("Sustains at least 40.0 req/s")), qPrintable(view->headline()));
        QCOMPARE(view->stepTable()->rowCount(), 2);
        QVERIFY(!view->data().runningLoad);
        QCOMPARE(w.exitCode(), 0);

        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("capacity.json"));
        QVERIFY(w.saveCapacityJson(json));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("schema")).toString(), QStringLiteral("stressdeck-capacity/1"));
        const QJsonObject capacity = root.value(QStringLiteral("capacity")).toObject();
        QCOMPARE(capacity.value(QStringLiteral("outcome")).toString(), QStringLiteral("above_max"));
        QCOMPARE(capacity.value(QStringLiteral("steps")).toArray().size(), 2);
        const QString pdf = dir.filePath(QStringLiteral("capacity.pdf"));
        QVERIFY(w.exportCapacityPdf(pdf));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        w.findChild<QComboBox*>(QStringLiteral("loadModel"))->setCurrentIndex(0);
        w.findChild<QComboBox*>(QStringLiteral("profile"))->setCurrentText(QStringLiteral("quick"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
