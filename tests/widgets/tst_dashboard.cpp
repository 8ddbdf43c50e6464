// SPDX-License-Identifier: MIT

#include "chartgrid.h"
#include "dashboard.h"
#include "demoservice.h"
#include "format.h"
#include "intervalaggregator.h"
#include "loadrunner.h"
#include "streamingmodel.h"
#include "timelinecolumns.h"
#include "timeserieschart.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <random>

using namespace Stressdeck;

namespace {

TimelineRow row(double tS, double allP95, double chatP95, double agentP95)
{
    TimelineRow r;
    r.tS = tS;
    r.all = { 10, 10, 0, 0, 1, allP95, allP95 + 1 };
    r.byType.insert(QStringLiteral("chat"), { 5, 5, 0, 0, 1, chatP95, chatP95 + 1 });
    r.byType.insert(QStringLiteral("agent"), { 5, 5, 0, 0, 1, agentP95, agentP95 + 1 });
    return r;
}

QList<double> ys(const QList<QPointF>& points)
{
    QList<double> out;
    for (const QPointF& p : points)
        out.append(p.y());
    return out;
}

} // namespace

class TestDashboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheDiagnosisTheEngineSent()
    {
        // The window only draws: the criteria are the snapshot's, whatever the figures say.
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat") });
        LiveSnapshot s;
        s.state = RunState::Running;
        s.overall.name = QStringLiteral("all");
        s.overall.total = 0; // an analysis of these figures would fail no_deadlocks
        s.diagnosis.criteria = { { QStringLiteral("made_up"), true, QStringLiteral("sent by the engine") } };
        dashboard.applySnapshot(s);
        auto* criteria = dashboard.findChild<QTableWidget*>(QStringLiteral("criteria"));
        QVERIFY(criteria);
        QCOMPARE(criteria->rowCount(), 1);
        QCOMPARE(criteria->item(0, 0)->text(), QStringLiteral("made_up"));
        QCOMPARE(criteria->item(0, 2)->text(), QStringLiteral("sent by the engine"));
    }

    void switchingTheLatencyTypeShowsItsOwnLines()
    {
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat"), QStringLiteral("agent") });
        dashboard.setLatencyWindow(1); // each second's own figures
        LiveSnapshot s;
        s.newRows = { row(1, 100, 150, 50), row(2, 110, 170, 40) };
        dashboard.applySnapshot(s);
        s.newRows = { row(3, 120, 190, 30) };
        dashboard.applySnapshot(s);

        TimeSeriesChart* latency = dashboard.latencyChart();
        // p50/p95/p99 of all, chat and agent in three windows, as many (1 s) for a baseline, and
        // each type's p95 in each window for "together".
        QCOMPARE(latency->seriesCount(), 27 + 9 + 6);
        QCOMPARE(latency->seriesStyle(9 + 1), Qt::DashLine); // the baseline's right after the seconds'
        QCOMPARE(ys(latency->visiblePoints(1)), QList<double>({ 100, 110, 120 }));
        QVERIFY(!latency->isSeriesVisible(4));

        auto* type = dashboard.findChild<QComboBox*>(QStringLiteral("latencyType"));
        QVERIFY(type);
        QCOMPARE(type->count(), 4); // all, chat, agent, each type together
        type->setCurrentIndex(2); // agent
        for (int series = 0; series < latency->seriesCount(); ++series)
            QCOMPARE(latency->isSeriesVisible(series), series / 3 == 2);
        QCOMPARE(ys(latency->visiblePoints(7)), QList<double>({ 50, 40, 30 }));

        type->setCurrentIndex(1); // chat
        QCOMPARE(ys(latency->visiblePoints(4)), QList<double>({ 150, 170, 190 }));

        // Together: each type's p95 in its own colour, named by its type; the legend toggles them.
        type->setCurrentIndex(3);
        const int chatTogether = 36 + 0, agentTogether = 36 + 1;
        QVERIFY(latency->isSeriesVisible(chatTogether));
        QVERIFY(latency->isSeriesVisible(agentTogether));
        QCOMPARE(latency->seriesName(agentTogether), QStringLiteral("agent"));
        QVERIFY(latency->seriesColor(chatTogether) != latency->seriesColor(agentTogether));
        QCOMPARE(ys(latency->visiblePoints(agentTogether)), QList<double>({ 50, 40, 30 }));
        latency->setSeriesMuted(agentTogether, true);
        QVERIFY(!latency->isSeriesVisible(agentTogether));
        QVERIFY(latency->isSeriesVisible(chatTogether));

        // A new run with other types starts with their lines only.
        dashboard.reset({ QStringLiteral("search") });
        QCOMPARE(latency->seriesCount(), 18 + 6 + 3);
        QCOMPARE(type->count(), 2); // one type: nothing to put together
        QVERIFY(latency->isSeriesVisible(1));
        QVERIFY(latency->visiblePoints(1).isEmpty());
    }

    void theWindowedLinesArePercentilesOfTheMergedSeconds_data()
    {
        QTest::addColumn<int>("windowS");
        QTest::addColumn<int>("typeCount");
        QTest::addRow("1 s") << 1 << 2;
        QTest::addRow("10 s") << 10 << 2;
        QTest::addRow("60 s") << 60 << 2;
        // One type: its rows carry only all's windows (issue #19), which are the type's.
        QTest::addRow("10 s, one type") << 10 << 1;
        QTest::addRow("60 s, one type") << 60 << 1;
    }
    void theWindowedLinesArePercentilesOfTheMergedSeconds()
    {
        QFETCH(int, windowS);
        QFETCH(int, typeCount);
        // 70 seconds of a latency that climbs, through the engine's own aggregator.
        const QStringList types = QStringList { QStringLiteral("chat"), QStringLiteral("agent") }.mid(0, typeCount);
        IntervalAggregator aggregator(types);
        std::mt19937_64 rng(5);
        std::vector<std::vector<std::pair<int, std::int64_t>>> bySecond(70); // (type, latency ns) of successes
        for (int second = 0; second < 70; ++second) {
            std::uniform_real_distribution<double> ms(5 + second * 3, 30 + second * 5);
            for (int i = 0; i < 20; ++i) {
                RequestRecord r;
                r.typeIndex = i % typeCount;
                r.outcome.kind = Outcome::Success;
                r.doneNs = std::int64_t((second + (i + 0.5) / 20.0) * 1e9);
                r.latencyNs = std::int64_t(ms(rng) * 1e6);
                bySecond[std::size_t(second)].push_back({ r.typeIndex, r.latencyNs });
                aggregator.record(r);
            }
        }
        aggregator.closeBefore(70, 0);
        Dashboard dashboard;
        dashboard.reset(types);
        QCOMPARE(dashboard.latencyWindow(), 10); // the default
        dashboard.setLatencyWindow(windowS);
        LiveSnapshot s;
        s.newRows = aggregator.timeline();
        dashboard.applySnapshot(s);
        TimeSeriesChart* latency = dashboard.latencyChart();
        const int w = windowS == 1 ? 0 : windowS == 10 ? 1 : 2;
        // The 1 s lines first, then the baseline's, then the 10 and 60 s ones, each 3 per group.
        const int groups = typeCount + 1;
        const auto series = [w, groups](int group, int p) {
            return w == 0 ? group * 3 + p : 6 * groups + ((w - 1) * groups + group) * 3 + p;
        };
        const auto points = [&](int group, int p) { return latency->visiblePoints(series(group, p)); };
        QCOMPARE(points(0, 1).size(), 70);
        QVERIFY(latency->isSeriesVisible(series(0, 1)));
        QVERIFY(latency->title().contains(QString::number(windowS)));
        if (typeCount == 1)
            QVERIFY(s.newRows.last().slidingByType.isEmpty());
        for (int group : { 0, typeCount }) { // all requests, and the last type
            dashboard.setLatencyOf(group);
            for (int end : { 1, 9, 10, 30, 60, 70 }) {
                Histogram merged;
                for (int sec = std::max(0, end - windowS); sec < end; ++sec) {
                    for (const auto& [type, ns] : bySecond[std::size_t(sec)]) {
                        if (group == 0 || type == group - 1)
                            merged.record(ns);
                    }
                }
                const QList<std::int64_t> expected = merged.percentilesNs({ 50, 95, 99 });
                for (int p = 0; p < 3; ++p) {
                    const QPointF point = points(group, p).value(end - 1);
                    QCOMPARE(point.x(), double(end));
                    // A second's own figure is kept as the report keeps it; the windows are exact.
                    const double ms = nsToMs(expected[p]);
                    QCOMPARE(point.y(), windowS == 1 ? TimelineColumns::roundPercentile(ms) : ms);
                }
            }
        }
    }

    void aBaselineIsDrawnDashedBesideTheRun()
    {
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat"), QStringLiteral("agent") });
        dashboard.setLatencyWindow(1);
        dashboard.setBaseline({ row(1, 80, 90, 70), row(2, 85, 95, 75) }, { { 1, 10, 200, 1 }, { 2, 12, 210, 1 } });
        QVERIFY(dashboard.hasBaseline());
        LiveSnapshot s;
        s.newRows = { row(1, 100, 150, 50) };
        dashboard.applySnapshot(s);
        TimeSeriesChart* latency = dashboard.latencyChart();
        // All requests: the run's p95 solid, the baseline's dashed in the same colour.
        const int baseline = 9;
        QVERIFY(latency->isSeriesVisible(baseline + 1));
        QCOMPARE(ys(latency->visiblePoints(baseline + 1)), QList<double>({ 80, 85 }));
        QCOMPARE(latency->seriesStyle(baseline + 1), Qt::DashLine);
        QCOMPARE(latency->seriesColor(baseline + 1), latency->seriesColor(1));
        auto* type = dashboard.findChild<QComboBox*>(QStringLiteral("latencyType"));
        type->setCurrentIndex(1); // chat: its own baseline lines
        QVERIFY(latency->isSeriesVisible(baseline + 3 + 1));
        QVERIFY(!latency->isSeriesVisible(baseline + 1));
        QCOMPARE(ys(latency->visiblePoints(baseline + 3 + 1)), QList<double>({ 90, 95 }));
        TimeSeriesChart* memory = dashboard.charts().value(2);
        QCOMPARE(ys(memory->visiblePoints(1)), QList<double>({ 200, 210 }));
        // Kept for the next run, cleared by an empty one.
        dashboard.reset({ QStringLiteral("chat") });
        QCOMPARE(ys(latency->visiblePoints(6 + 1)), QList<double>({ 80, 85 }));
        dashboard.setBaseline({}, {});
        QVERIFY(!latency->isSeriesVisible(6 + 1));
        QVERIFY(!memory->isSeriesVisible(1));
    }

    void anOpenedReportsWindowsAreItsLatencyWindowsMerged()
    {
        // Four 5-second windows of known latencies: the 10 s line at 20 s is the last two merged.
        Report r;
        r.requestTypes.append(StatsSummary {});
        r.requestTypes[0].name = QStringLiteral("chat");
        r.timeline = { row(1, 100, 150, 50) };
        QList<std::vector<std::int64_t>> values;
        for (int k = 0; k < 4; ++k) {
            LatencyWindow w;
            w.tS = 5.0 * (k + 1);
            w.lengthS = 5;
            std::vector<std::int64_t> v;
            for (int i = 0; i < 50; ++i) {
                v.push_back(std::int64_t((10 + k * 100 + i) * 1e6));
                w.all.latency.record(v.back());
                w.byType[QStringLiteral("chat")].latency.record(v.back());
            }
            values.append(v);
            r.latencyWindows.append(w);
        }
        Dashboard dashboard;
        dashboard.showReport(r);
        QCOMPARE(dashboard.latencyWindow(), 10);
        TimeSeriesChart* latency = dashboard.latencyChart();
        const QList<QPointF> p95 = latency->visiblePoints(6 + (1 * 2 + 0) * 3 + 1);
        QCOMPARE(p95.size(), 4);
        SparseHistogram lastTwo;
        for (int k : { 2, 3 }) {
            for (std::int64_t v : values[k])
                lastTwo.record(v);
        }
        QCOMPARE(p95.last().x(), 20.0);
        QCOMPARE(p95.last().y(), nsToMs(lastTwo.percentilesNs({ 95 }).value(0)));
        // The p50 of the two merged (about 259 ms) is not the newest window's own (about 334 ms).
        const QList<QPointF> p50 = latency->visiblePoints(6 + (1 * 2 + 0) * 3 + 0);
        QCOMPARE(p50.last().y(), nsToMs(lastTwo.percentilesNs({ 50 }).value(0)));
        QVERIFY(p50.last().y() < 300);
        QVERIFY(latency->title().contains(QLatin1String("10 s")));
    }

    void aMergedReportShadesItsStartSkewAndACheckpointSaysSoFar()
    {
        Report r;
        r.requestTypes.append(StatsSummary {});
        r.requestTypes[0].name = QStringLiteral("chat");
        r.timeline = { row(1, 100, 150, 50), row(2, 110, 170, 40) };
        r.stopReason = QStringLiteral("checkpoint");
        r.shards = MergeInfo {};
        r.shards->count = 2;
        r.shards->startSkewMs = 350;
        Dashboard dashboard;
        dashboard.showReport(r);
        for (TimeSeriesChart* chart : dashboard.charts())
            QVERIFY2(chart->hasBand(), qPrintable(chart->title()));
        QVERIFY2(dashboard.verdictText().contains(QStringLiteral("so far")), qPrintable(dashboard.verdictText()));
        // A report without latency windows has only its seconds.
        QCOMPARE(dashboard.latencyWindow(), 1);
        r.shards.reset();
        r.stopReason = QStringLiteral("completed");
        dashboard.showReport(r);
        QVERIFY(!dashboard.charts().value(0)->hasBand());
        QVERIFY(!dashboard.verdictText().contains(QStringLiteral("so far")));
    }

    void aStreamingRunShowsItsChartsAndTable()
    {
        ServiceThread thread;
        DemoOptions options;
        options.speed = 1; // it divides the LLM's times too
        options.llmDecodeMs = 20;
        QString error;
        const quint16 port = startDemoService(&thread, options, 0, &error);
        QVERIFY2(port != 0, qPrintable(error));

        RequestType chat;
        chat.name = QStringLiteral("chat");
        chat.method = QByteArrayLiteral("POST");
        chat.path = QStringLiteral("/v1/chat/completions");
        chat.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } };
        chat.bodies = { QByteArrayLiteral(R"({"model":"Llama-3.2-3B-Instruct","messages":[{"role":"user",)"
                                          R"("content":"Tell me about the archive"}],"max_tokens":12})") };
        chat.stream = RequestType::Stream::OpenAi;
        RequestType health;
        health.name = QStringLiteral("health");
        health.method = QByteArrayLiteral("GET");
        health.path = QStringLiteral("/health");
        Scenario scenario;
        scenario.name = QStringLiteral("streams");
        scenario.requestTypes = { chat, health };
        RunConfig c;
        c.target = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        c.concurrency = 3;
        c.durationS = 3;
        c.timeoutS = 5;
        c.thinkMinMs = c.thinkMaxMs = 0;
        c.healthCheck = false;

        Dashboard dashboard;
        dashboard.resize(1400, 900);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        dashboard.reset({ chat.name, health.name }, c);
        auto* grid = dashboard.findChild<ChartGrid*>(QStringLiteral("chartGrid"));
        auto* tabs = dashboard.findChild<QTabWidget*>();
        auto* streamsTab = dashboard.findChild<QTableView*>(QStringLiteral("streamingTable"))->parentWidget();
        QVERIFY(grid && tabs && streamsTab);
        // Nothing streamed yet: no streaming charts, no tab.
        for (TimeSeriesChart* chart : dashboard.streamingCharts()) {
            QVERIFY(!grid->isChartVisible(chart));
            QVERIFY(!chart->isVisible());
        }
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(streamsTab)));

        LoadRunner runner;
        connect(&runner, &LoadRunner::snapshotReady, &dashboard, &Dashboard::applySnapshot);
        QSignalSpy finished(&runner, &LoadRunner::finished);
        QVERIFY2(runner.start(c, scenario, &error), qPrintable(error));
        QVERIFY(finished.wait(30000));
        const Report report = finished.first().first().value<Report>();
        QVERIFY2(report.requestTypes[0].success >= 3, qPrintable(QString::number(report.requestTypes[0].success)));
        QVERIFY(report.requestTypes[0].streaming.has_value());

        // Live: the charts appeared and hold the engine's per-second figures.
        QVERIFY(dashboard.showsStreaming());
        QVERIFY(tabs->isTabVisible(tabs->indexOf(streamsTab)));
        const QList<TimeSeriesChart*> streaming = dashboard.streamingCharts();
        QCOMPARE(streaming.size(), 3);
        QCOMPARE(streaming[0]->title(), QStringLiteral("Time to first token"));
        QCOMPARE(streaming[1]->title(), QStringLiteral("Time per output token"));
        QCOMPARE(streaming[2]->title(), QStringLiteral("Output tokens per second"));
        for (TimeSeriesChart* chart : streaming) {
            QVERIFY2(grid->isChartVisible(chart) && chart->isVisible(), qPrintable(chart->title()));
            QVERIFY2(!chart->visiblePoints(0).isEmpty(), qPrintable(chart->title()));
        }
        QVERIFY(streaming[0]->chartToolTip().contains(QLatin1String("time_to_first_token")));
        QVERIFY(streaming[1]->chartToolTip().contains(QLatin1String("ITL (GuideLLM)")));
        // 12 tokens at about 20 ms each: TTFT well under a second, TPOT near 20 ms.
        for (const QPointF& p : streaming[0]->visiblePoints(0))
            QVERIFY2(p.y() > 0 && p.y() < 1000, qPrintable(QString::number(p.y())));
        for (const QPointF& p : streaming[1]->visiblePoints(0))
            QVERIFY2(p.y() > 10 && p.y() < 200, qPrintable(QString::number(p.y())));
        double tokens = 0, lastS = 0;
        for (const QPointF& p : streaming[2]->visiblePoints(0)) {
            tokens += p.y() * (p.x() - lastS);
            lastS = p.x();
        }
        QVERIFY2(tokens > 0 && qRound64(tokens) <= report.requestTypes[0].streaming->outputTokens,
            qPrintable(QString::number(tokens)));

        // The table: the type that streamed and all, not the plain one.
        StreamingModel* model = dashboard.streamingModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, StreamingModel::Name).data().toString(), QStringLiteral("chat"));
        QCOMPARE(model->index(0, StreamingModel::TokenSource).data().toString(), QStringLiteral("usage"));
        QVERIFY(model->index(0, StreamingModel::OutputTokens).data(StreamingModel::SortRole).toLongLong() > 0);

        // A saved report shows the same figures as the run's end.
        dashboard.showReport(report);
        QVERIFY(dashboard.showsStreaming());
        const StreamingSummary& st = *report.requestTypes[0].streaming;
        QCOMPARE(model->index(0, StreamingModel::TtftP95).data().toString(), formatLatency(st.ttft.p95));
        QCOMPARE(model->index(0, StreamingModel::TpotP50).data().toString(), formatLatency(st.tpot.p50));
        QCOMPARE(model->index(0, StreamingModel::OutputTokens).data().toString(), QString::number(st.outputTokens));
        QCOMPARE(streaming[2]->visiblePoints(0).size(), report.timeline.size());

        // A run without streams hides them again.
        dashboard.reset({ health.name }, c);
        QVERIFY(!dashboard.showsStreaming());
        QVERIFY(!grid->isChartVisible(streaming[0]));
        QCOMPARE(model->rowCount(), 0);
    }

    void streamWarningsStandBesideTheBottlenecks()
    {
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat") });
        LiveSnapshot s;
        StatsFigures chat;
        chat.name = QStringLiteral("chat");
        chat.streaming = StreamingSummary {};
        chat.streaming->warnings = { QStringLiteral("usage missing: 3 of 3 streams reported no token count") };
        s.types = { chat };
        s.overall.streaming = chat.streaming;
        Bottleneck slow;
        slow.requestType = QStringLiteral("chat");
        slow.kind = QStringLiteral("p95_latency");
        slow.message = QStringLiteral("p95 doubled");
        s.diagnosis.bottlenecks = { slow };
        dashboard.applySnapshot(s);
        auto* diagnosis = dashboard.findChild<QPlainTextEdit*>();
        QVERIFY(diagnosis);
        const QString text = diagnosis->toPlainText();
        QVERIFY2(text.contains(QLatin1String("p95 doubled")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("• chat: usage missing: 3 of 3 streams")), qPrintable(text));
        auto* label = dashboard.findChild<QLabel*>(QStringLiteral("streamingWarnings"));
        QVERIFY(label->text().contains(QLatin1String("chat: usage missing")));
        QVERIFY(dashboard.showsStreaming());
    }

    void theComparisonTabShowsTheEnginesComparison()
    {
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat") });
        CompareReport c;
        MetricComparison m;
        m.requestType = QStringLiteral("chat");
        m.metric = ComparisonOptions::P95;
        m.baseline = 100;
        m.candidate = 131;
        m.changePct = 31;
        m.ciLowPct = 20;
        m.ciHighPct = 42;
        m.baselineUnits = m.candidateUnits = 6;
        m.verdict = MetricComparison::Regression;
        c.comparisons = { m };
        c.regressions = 1;
        c.verdict = MetricComparison::Regression;
        LiveSnapshot s;
        s.comparison = c;
        dashboard.applySnapshot(s);
        auto* table = dashboard.findChild<QTableWidget*>(QStringLiteral("comparison"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("p95"));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("+31.0 %"));
        QCOMPARE(table->item(0, 6)->text(), QStringLiteral("regression"));
        QVERIFY(dashboard.comparison().has_value());
        // Clearing the baseline clears its comparison too.
        dashboard.setBaseline({ row(1, 80, 90, 70) }, {});
        QCOMPARE(table->rowCount(), 1);
        dashboard.setBaseline({}, {});
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(!dashboard.comparison().has_value());
        dashboard.applySnapshot(s);
        auto* verdict = dashboard.findChild<QLabel*>(QStringLiteral("comparisonVerdict"));
        QVERIFY(verdict->text().contains(QStringLiteral("chat p95 +31.0 %")));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
