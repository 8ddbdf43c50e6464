// SPDX-License-Identifier: MIT

#include "historymodel.h"
#include "historypanel.h"
#include "report.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Stressdeck;

namespace {

//! A finished run `minutes` into the day whose chat requests all take `chatMs`.
Report makeReport(int minutes, double chatMs, const QString& target)
{
    Report r;
    r.toolVersion = QStringLiteral("0.1.0");
    r.startedAt = QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC).addSecs(60 * minutes);
    r.finishedAt = r.startedAt.addSecs(20);
    r.elapsedS = 20;
    r.config.target = QUrl(target);
    r.config.profile = QStringLiteral("quick");
    r.scenarioName = QStringLiteral("Archive-AI");
    r.stopReason = QStringLiteral("completed");
    RequestCounters c;
    for (int i = 0; i < 100; ++i) {
        ++c.total;
        ++c.success;
        c.successLatency.record(qint64(chatMs * 1e6));
    }
    r.overall = StatsSummary::of({}, c, r.elapsedS);
    r.requestTypes = { StatsSummary::of(QStringLiteral("chat"), c, r.elapsedS) };
    r.passed = true;
    return r;
}

} // namespace

class TestHistoryPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsFiltersPlotsAndOffersTheSelectedRun()
    {
        QTemporaryDir dir;
        {
            RunHistory history(dir.path());
            QVERIFY2(history.isOpen(), qPrintable(history.errorString()));
            QVERIFY(history.record(makeReport(1, 100, QStringLiteral("http://127.0.0.1:8080"))));
            QVERIFY(history.record(makeReport(2, 130, QStringLiteral("http://127.0.0.1:8080"))));
            QVERIFY(history.record(makeReport(3, 500, QStringLiteral("http://127.0.0.1:9090"))));
        }
        HistoryPanel panel(dir.path());
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(panel.model()->rowCount(), 3);
        // p95 of all requests across the runs, oldest first: a regression shows as a step.
        const QList<double> p95 = panel.plotted();
        QCOMPARE(p95.size(), 3);
        QVERIFY(std::abs(p95[0] - 100) < 1 && std::abs(p95[1] - 130) < 1 && std::abs(p95[2] - 500) < 2);

        // The newest run is selected first; Open and Use as baseline hand over its report copy.
        QSignalSpy open(&panel, &HistoryPanel::openRequested);
        QSignalSpy baseline(&panel, &HistoryPanel::baselineRequested);
        const QString newest = panel.selectedReport();
        QVERIFY(newest.endsWith(QLatin1String(".json")));
        QVERIFY(QFile::exists(newest));
        const auto buttons = panel.findChildren<QPushButton*>();
        for (QPushButton* b : buttons)
            b->click();
        QCOMPARE(open.size(), 1);
        QCOMPARE(baseline.size(), 1);
        QCOMPARE(open.first().first().toString(), newest);
        Report r;
        QString error;
        QVERIFY2(Report::load(newest, &r, &error), qPrintable(error));
        QCOMPARE(r.config.target.port(), 9090);

        // One target only: two runs, and the plot follows.
        auto* target = panel.findChild<QComboBox*>(QStringLiteral("historyTarget"));
        QVERIFY(target);
        const int index = target->findData(QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(index > 0);
        target->setCurrentIndex(index);
        Q_EMIT target->activated(index);
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.plotted().size(), 2);

        // Another metric of one type.
        auto* metric = panel.findChild<QComboBox*>(QStringLiteral("historyMetric"));
        const int throughput = metric->findText(QStringLiteral("throughput"));
        metric->setCurrentIndex(throughput);
        Q_EMIT metric->activated(throughput);
        QVERIFY(std::abs(panel.plotted().value(0) - 5) < 0.01); // 100 requests in 20 s
    }

    void anEmptyHistoryShowsNothing()
    {
        QTemporaryDir dir;
        HistoryPanel panel(dir.path());
        QCOMPARE(panel.model()->rowCount(), 0);
        QVERIFY(panel.plotted().isEmpty());
        QVERIFY(panel.selectedReport().isEmpty());
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
