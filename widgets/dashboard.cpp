// SPDX-License-Identifier: MIT

#include "dashboard.h"

#include "chartgrid.h"
#include "comparepdf.h"
#include "comparetext.h"
#include "format.h"
#include "palette.h"
#include "requesttypemodel.h"
#include "spectrumchart.h"
#include "streamingmodel.h"
#include "tablecopy.h"
#include "timeserieschart.h"

#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Stressdeck {

namespace {

void setItemEnabled(QComboBox* box, int index, bool enabled)
{
    if (auto* model = qobject_cast<QStandardItemModel*>(box->model()))
        model->item(index)->setEnabled(enabled);
}

enum LatencySeries { P50, P95, P99 };
//! The latency chart's windows, in the order of its selector.
constexpr int WindowsS[] = { 1, 10, 60 };
constexpr int DefaultWindow = 1;
enum ThroughputSeries { Successes, Errors, BaselineSuccesses };
//! The second series of the one-line charts: the baseline's.
constexpr int BaselineSeries = 1;
} // namespace

Dashboard::Dashboard(QWidget* parent)
    : QWidget(parent)
{
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setVisible(false);
    m_verdict->setMargin(8);

    m_throughput = new TimeSeriesChart(tr("Throughput"), tr("requests/s"), this);
    m_throughput->addSeries(tr("successes/s"), Palette::colour(Palette::Pass));
    m_throughput->addSeries(tr("errors/s"), Palette::colour(Palette::Fail));
    m_latency = new TimeSeriesChart(tr("Latency"), tr("ms"), this);
    m_latency->setObjectName(QStringLiteral("latencyChart"));
    m_latency->setLegendToggles(true);
    m_latency->addSeries(tr("p50"), Palette::colour(Palette::Blue));
    m_latency->addSeries(tr("p95"), Palette::colour(Palette::Warn));
    m_latency->addSeries(tr("p99"), Palette::colour(Palette::ReddishPurple));
    m_memory = new TimeSeriesChart(tr("Monitored process: memory"), tr("MB"), this);
    m_memory->addSeries(tr("resident memory"), Palette::colour(Palette::Blue));
    m_cpu = new TimeSeriesChart(tr("Monitored process: CPU (% of one core)"), tr("%"), this);
    m_cpu->addSeries(tr("CPU"), Palette::colour(Palette::ReddishPurple));
    m_inFlight = new TimeSeriesChart(tr("Requests in flight"), tr("requests"), this);
    m_inFlight->addSeries(tr("in flight"), Palette::colour(Palette::SkyBlue));
    // Of the streams that ended in each second; hidden for a run without streams.
    m_ttft = new TimeSeriesChart(tr("Time to first token"), tr("ms"), this);
    m_ttft->setObjectName(QStringLiteral("ttftChart"));
    m_ttft->setDescription(StreamingModel::glossaryToolTip(StreamingModel::Ttft));
    for (int s = P50; s <= P99; ++s)
        m_ttft->addSeries(m_latency->seriesName(s), m_latency->seriesColor(s));
    m_tpot = new TimeSeriesChart(tr("Time per output token"), tr("ms"), this);
    m_tpot->setObjectName(QStringLiteral("tpotChart"));
    m_tpot->setDescription(StreamingModel::glossaryToolTip(StreamingModel::Tpot));
    for (int s = P50; s <= P95; ++s)
        m_tpot->addSeries(m_latency->seriesName(s), m_latency->seriesColor(s));
    m_outputTokens = new TimeSeriesChart(tr("Output tokens per second"), tr("tokens/s"), this);
    m_outputTokens->setObjectName(QStringLiteral("outputTokensChart"));
    m_outputTokens->setDescription(StreamingModel::glossaryToolTip(StreamingModel::OutputTokensTerm));
    m_outputTokens->addSeries(tr("output tokens/s"), Palette::colour(Palette::Blue));
    // The baseline's lines: dashed, in the colours of the lines they compare with.
    for (TimeSeriesChart* chart : { m_throughput, m_memory, m_cpu, m_inFlight }) {
        const int added
            = chart->addSeries(tr("%1 (baseline)").arg(chart->seriesName(0)), chart->seriesColor(0), Qt::DashLine);
        chart->setSeriesVisible(added, false);
    }
    m_latencyType = new QComboBox(this);
    m_latencyType->setObjectName(QStringLiteral("latencyType"));
    m_latencyType->setToolTip(tr("Latency over time of all requests, of one request type, or the p95 of every "
                                 "type together (click a name in the legend to hide or show its line)"));
    connect(m_latencyType, &QComboBox::currentIndexChanged, this, &Dashboard::showLatency);
    m_latencyWindow = new QComboBox(this);
    m_latencyWindow->setObjectName(QStringLiteral("latencyWindow"));
    for (int w : WindowsS)
        m_latencyWindow->addItem(tr("%1 s").arg(w), w);
    m_latencyWindow->setCurrentIndex(DefaultWindow);
    m_latencyWindow->setToolTip(tr("Each point is the percentile of the requests that ended in the window up to "
                                   "it: 1 s shows each second alone (noisy at low rates), 10 s and 60 s the trend"));
    connect(m_latencyWindow, &QComboBox::currentIndexChanged, this, [this](int index) {
        showLatency();
        Q_EMIT latencyWindowChanged(WindowsS[std::clamp(index, 0, 2)]);
    });
    auto* latencyOf = new QLabel(tr("&Latency of:"), this);
    latencyOf->setBuddy(m_latencyType);
    auto* window = new QLabel(tr("&Window:"), this);
    window->setBuddy(m_latencyWindow);
    auto* latencyBar = new QHBoxLayout;
    latencyBar->setContentsMargins(0, 0, 0, 0);
    latencyBar->addWidget(latencyOf);
    latencyBar->addWidget(m_latencyType, 1);
    latencyBar->addWidget(window);
    latencyBar->addWidget(m_latencyWindow);
    auto* latencyBox = new QWidget(this);
    auto* latencyLayout = new QVBoxLayout(latencyBox);
    latencyLayout->setContentsMargins(0, 0, 0, 0);
    latencyLayout->addLayout(latencyBar);
    latencyLayout->addWidget(m_latency, 1);
    m_spectrum = new SpectrumChart(this);
    m_spectrum->setObjectName(QStringLiteral("spectrumChart"));

    m_chartGrid = new ChartGrid(this);
    m_chartGrid->setObjectName(QStringLiteral("chartGrid"));
    m_chartGrid->addChart(m_throughput);
    m_chartGrid->addChart(latencyBox);
    m_chartGrid->addChart(m_spectrum);
    // What matters most in a streaming run comes right after the latency.
    for (TimeSeriesChart* chart : streamingCharts())
        m_chartGrid->addChart(chart);
    m_chartGrid->addChart(m_inFlight);
    m_chartGrid->addChart(m_memory, 2);
    m_chartGrid->addChart(m_cpu);

    m_typeModel = new RequestTypeModel(this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_typeModel);
    proxy->setSortRole(RequestTypeModel::SortRole);
    m_typeTable = new QTableView(this);
    m_typeTable->setModel(proxy);
    m_typeTable->setSortingEnabled(true);
    m_typeTable->sortByColumn(-1, Qt::AscendingOrder); // scenario order, "all" last, until the user sorts
    m_typeTable->verticalHeader()->hide();
    // Every column as wide as its content, the name no wider than the longest name; the space
    // left over goes after the numbers, not into the name column.
    m_typeTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_typeTable->horizontalHeader()->setStretchLastSection(true);
    m_typeTable->setObjectName(QStringLiteral("requestTypes"));
    enableTableCopy(m_typeTable);

    m_streamingModel = new StreamingModel(this);
    auto* streamingProxy = new QSortFilterProxyModel(this);
    streamingProxy->setSourceModel(m_streamingModel);
    streamingProxy->setSortRole(StreamingModel::SortRole);
    m_streamingTable = new QTableView(this);
    m_streamingTable->setObjectName(QStringLiteral("streamingTable"));
    m_streamingTable->setModel(streamingProxy);
    m_streamingTable->setSortingEnabled(true);
    m_streamingTable->sortByColumn(-1, Qt::AscendingOrder);
    m_streamingTable->verticalHeader()->hide();
    m_streamingTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_streamingTable->horizontalHeader()->setStretchLastSection(true);
    enableTableCopy(m_streamingTable);
    m_streamingWarnings = new QLabel(this);
    m_streamingWarnings->setObjectName(QStringLiteral("streamingWarnings"));
    m_streamingWarnings->setWordWrap(true);
    m_streamingWarnings->setMargin(4);
    m_streamingWarnings->setStyleSheet(QStringLiteral("color:%1").arg(Palette::colour(Palette::Fail).name()));
    m_streamingWarnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_streamingTab = new QWidget(this);
    auto* streamingLayout = new QVBoxLayout(m_streamingTab);
    streamingLayout->setContentsMargins(0, 0, 0, 0);
    streamingLayout->addWidget(m_streamingTable, 1);
    streamingLayout->addWidget(m_streamingWarnings);

    m_errors = new QTableWidget(this);
    m_errors->verticalHeader()->hide();
    m_errors->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_criteria = new QTableWidget(0, 3, this);
    m_criteria->setObjectName(QStringLiteral("criteria"));
    m_criteria->setHorizontalHeaderLabels({ tr("Criterion"), tr("Result"), tr("Detail") });
    m_criteria->verticalHeader()->hide();
    m_criteria->horizontalHeader()->setStretchLastSection(true);
    m_criteria->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_diagnosis = new QPlainTextEdit(this);
    m_diagnosis->setReadOnly(true);

    m_comparisonTable = new QTableWidget(0, 7, this);
    m_comparisonTable->setObjectName(QStringLiteral("comparison"));
    m_comparisonTable->setHorizontalHeaderLabels(
        { tr("Type"), tr("Metric"), tr("Baseline"), tr("Candidate"), tr("Change"), tr("Interval"), tr("Verdict") });
    m_comparisonTable->verticalHeader()->hide();
    m_comparisonTable->horizontalHeader()->setStretchLastSection(true);
    m_comparisonTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (QTableWidget* table : { m_errors, m_criteria, m_comparisonTable })
        enableTableCopy(table);
    m_comparisonVerdict = new QLabel(tr("No baseline: File › Compare with baseline… picks a saved report."), this);
    m_comparisonVerdict->setObjectName(QStringLiteral("comparisonVerdict"));
    m_comparisonVerdict->setWordWrap(true);
    m_comparisonVerdict->setMargin(4);
    auto* comparisonBox = new QWidget(this);
    auto* comparisonLayout = new QVBoxLayout(comparisonBox);
    comparisonLayout->setContentsMargins(0, 0, 0, 0);
    comparisonLayout->addWidget(m_comparisonVerdict);
    comparisonLayout->addWidget(m_comparisonTable, 1);

    auto* tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->addTab(m_typeTable, tr("Request types"));
    tabs->addTab(m_streamingTab, tr("Token streams"));
    tabs->addTab(m_errors, tr("Errors"));
    tabs->addTab(m_criteria, tr("Criteria"));
    tabs->addTab(m_diagnosis, tr("Bottlenecks && stuck requests"));
    tabs->addTab(comparisonBox, tr("Comparison"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("dashboardSplitter"));
    splitter->addWidget(m_chartGrid);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 600, 300 });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(splitter);
    reset({});
}

QList<TimeSeriesChart*> Dashboard::charts() const
{
    return { m_throughput, m_latency, m_memory, m_cpu, m_inFlight };
}

QList<TimeSeriesChart*> Dashboard::streamingCharts() const
{
    return { m_ttft, m_tpot, m_outputTokens };
}

QList<TimeSeriesChart*> Dashboard::allCharts() const
{
    return charts() + streamingCharts();
}

void Dashboard::setStreaming(bool streaming)
{
    const bool appears = streaming && !m_streaming;
    m_streaming = streaming;
    for (TimeSeriesChart* chart : streamingCharts())
        m_chartGrid->setChartVisible(chart, streaming);
    const int tab = m_tabs->indexOf(m_streamingTab);
    m_tabs->setTabVisible(tab, streaming);
    // A streaming run's own table comes forward once, unless another tab was chosen.
    if (appears && m_tabs->currentIndex() == 0)
        m_tabs->setCurrentIndex(tab);
}

void Dashboard::setStats(const QList<StatsFigures>& types, const StatsFigures& overall)
{
    QList<StatsFigures> rows = types;
    StatsFigures all = overall;
    all.name = tr("all");
    rows.append(all);
    m_typeModel->setStats(rows);
    m_streamingModel->setStats(types, all);
    if (all.streaming)
        setStreaming(true);
    const QStringList warnings = m_streamingModel->warnings();
    m_streamingWarnings->setText(warnings.isEmpty() ? QString() : QStringLiteral("⚠ ") + warnings.join(u"\n⚠ "));
    m_streamingWarnings->setVisible(!warnings.isEmpty());
}

void Dashboard::reset(const QStringList& requestTypes, const RunConfig& config)
{
    m_config = config;
    m_typeNames = requestTypes;
    m_lastRowS = 0;
    for (TimeSeriesChart* chart : allCharts())
        chart->clear();
    setStreaming(false);
    // Every line of every choice is there from the start, hidden until chosen: switching the type
    // or the window shows lines that already have their points.
    m_latency->removeSeriesFrom(P99 + 1);
    for (int i = P99 + 1; i < 12 * groups(); ++i) {
        const bool baseline = i >= baselineSeries(0, P50) && i < liveSeries(1, 0, P50);
        const int added = baseline ? m_latency->addSeries(tr("%1 (baseline, 1 s)").arg(m_latency->seriesName(i % 3)),
                              m_latency->seriesColor(i % 3), Qt::DashLine)
                                   : m_latency->addSeries(m_latency->seriesName(i % 3), m_latency->seriesColor(i % 3));
        m_latency->setSeriesVisible(added, false);
    }
    for (int w = 0; w < 3; ++w) {
        for (qsizetype t = 0; t < requestTypes.size(); ++t) {
            const int added = m_latency->addSeries(requestTypes[t], Palette::seriesColour(int(t)));
            m_latency->setSeriesVisible(added, false);
        }
    }
    m_spectrum->reset(requestTypes);
    setStartSkew(0);
    m_comparison.reset();
    m_comparisonTable->setRowCount(0);
    m_verdict->setVisible(false);
    setStats({}, {});
    m_errors->clear();
    m_errors->setRowCount(0);
    m_errors->setColumnCount(0);
    m_criteria->setRowCount(0);
    m_diagnosis->clear();
    const QSignalBlocker blocker(m_latencyType);
    m_latencyType->clear();
    m_latencyType->addItem(tr("All requests"));
    m_latencyType->addItems(requestTypes);
    if (requestTypes.size() > 1)
        m_latencyType->addItem(tr("Each type together (p95)"));
    // A live run has the windows; an opened report only its seconds (see showReport).
    for (int w = 0; w < 3; ++w)
        setItemEnabled(m_latencyWindow, w, true);
    drawBaseline();
    showLatency();
}

void Dashboard::setLatencyWindow(int seconds)
{
    for (int w = 0; w < 3; ++w) {
        if (WindowsS[w] == seconds)
            m_latencyWindow->setCurrentIndex(w);
    }
}

int Dashboard::latencyWindow() const
{
    return WindowsS[std::clamp(m_latencyWindow->currentIndex(), 0, 2)];
}

void Dashboard::setLatencyOf(int index)
{
    m_latencyType->setCurrentIndex(index);
}

void Dashboard::setStartSkew(double skewMs)
{
    const QString label = skewMs > 0 ? tr("start skew %1 ms").arg(skewMs, 0, 'f', 0) : QString();
    for (TimeSeriesChart* chart : allCharts())
        chart->setBand(0, skewMs / 1000.0, label);
}

QList<LatencySpectrum> Dashboard::spectraOf(const Report& report)
{
    QList<LatencySpectrum> spectra { LatencySpectrum::of(QStringLiteral("all"), report.overall.histogram) };
    for (const StatsSummary& s : report.requestTypes)
        spectra.append(LatencySpectrum::of(s.name, s.histogram));
    return spectra;
}

void Dashboard::setBaseline(const Report& baseline)
{
    m_spectrum->setBaseline(baseline.timeline.isEmpty() ? QList<LatencySpectrum>() : spectraOf(baseline));
    setBaseline(baseline.timeline, baseline.system.samples);
}

void Dashboard::setBaseline(const QList<TimelineRow>& timeline, const QList<SystemSample>& samples)
{
    m_baselineRows = timeline;
    m_baselineSamples = samples;
    if (!hasBaseline()) {
        m_comparison.reset();
        m_comparisonTable->setRowCount(0);
        m_comparisonVerdict->setStyleSheet(QString());
    }
    if (!hasBaseline())
        m_spectrum->setBaseline({});
    drawBaseline();
    showLatency();
    m_comparisonVerdict->setText(hasBaseline()
            ? tr("Baseline set: the comparison appears once the run has its first latency windows.")
            : tr("No baseline: File › Compare with baseline… picks a saved report."));
    refreshCharts();
}

void Dashboard::drawBaseline()
{
    QList<QPointF> successes, inFlight, memory, cpu;
    QList<QList<QPointF>> latency(3 * groups());
    double previous = 0;
    for (const TimelineRow& row : std::as_const(m_baselineRows)) {
        const double length = std::max(1e-3, row.tS - previous);
        previous = row.tS;
        successes.append({ row.tS, double(row.all.successes) / length });
        inFlight.append({ row.tS, double(row.inFlight) });
        for (qsizetype group = 0; group <= m_typeNames.size(); ++group) {
            const IntervalFigures f = group == 0 ? row.all : row.byType.value(m_typeNames[group - 1]);
            if (f.successes == 0)
                continue;
            latency[group * 3 + P50].append({ row.tS, f.p50 });
            latency[group * 3 + P95].append({ row.tS, f.p95 });
            latency[group * 3 + P99].append({ row.tS, f.p99 });
        }
    }
    for (const SystemSample& s : std::as_const(m_baselineSamples)) {
        memory.append({ s.tS, s.memoryMb });
        cpu.append({ s.tS, s.cpuPercent });
    }
    m_throughput->setData(BaselineSuccesses, successes);
    m_inFlight->setData(BaselineSeries, inFlight);
    m_memory->setData(BaselineSeries, memory);
    m_cpu->setData(BaselineSeries, cpu);
    for (TimeSeriesChart* chart : { m_throughput, m_memory, m_cpu, m_inFlight })
        chart->setSeriesVisible(chart->seriesCount() - 1, hasBaseline());
    for (int i = 0; i < 3 * groups(); ++i)
        m_latency->setData(baselineSeries(i / 3, i % 3), latency[i]);
}

void Dashboard::showComparison(const CompareReport& c)
{
    m_comparison = c;
    m_comparisonVerdict->setText(
        c.comparisons.isEmpty() ? c.warnings.join(QLatin1Char('\n')) : CompareText::verdictLine(c));
    m_comparisonVerdict->setStyleSheet(c.comparisons.isEmpty()
            ? QString()
            : QStringLiteral("background:%1;color:white;font-weight:bold")
                  .arg(ComparePdf::verdictColor(c.verdict).name()));
    m_comparisonTable->setRowCount(int(c.comparisons.size()));
    for (int i = 0; i < c.comparisons.size(); ++i) {
        const MetricComparison& m = c.comparisons[i];
        const QStringList cells { m.requestType, Comparison::metricName(m.metric), CompareText::value(m, m.baseline),
            CompareText::value(m, m.candidate), CompareText::change(m, m.changePct), CompareText::interval(m),
            CompareText::verdict(m) };
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (col >= 2 && col <= 5)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (col == 6)
                item->setForeground(ComparePdf::verdictColor(m.verdict));
            m_comparisonTable->setItem(i, col, item);
        }
    }
    m_comparisonTable->resizeColumnsToContents();
}

void Dashboard::addRows(const QList<TimelineRow>& rows)
{
    for (const TimelineRow& row : rows) {
        const double length = std::max(1e-3, row.tS - m_lastRowS);
        m_lastRowS = row.tS;
        m_throughput->append(Successes, row.tS, double(row.all.successes) / length);
        m_throughput->append(Errors, row.tS, double(row.all.errors) / length);
        for (int group = 0; group < groups(); ++group) {
            const IntervalFigures f = group == 0 ? row.all : row.byType.value(m_typeNames[group - 1]);
            const std::array<TimelineRow::Sliding, 2> sliding
                = group == 0 ? row.slidingAll : row.slidingOf(m_typeNames[group - 1]);
            for (int w = 0; w < 3; ++w) {
                // 0: no success in the window, which is no point rather than a fast one.
                const double p50 = w == 0 ? f.p50 : sliding[w - 1].p50;
                if (w == 0 ? f.successes == 0 : p50 <= 0)
                    continue;
                const double p95 = w == 0 ? f.p95 : sliding[w - 1].p95;
                m_latency->append(liveSeries(w, group, P50), row.tS, p50);
                m_latency->append(liveSeries(w, group, P95), row.tS, p95);
                m_latency->append(liveSeries(w, group, P99), row.tS, w == 0 ? f.p99 : sliding[w - 1].p99);
                if (group > 0)
                    m_latency->append(togetherSeries(w, group - 1), row.tS, p95);
            }
        }
        m_inFlight->append(0, row.tS, double(row.inFlight));
        if (row.streaming) {
            setStreaming(true);
            const TimelineRow::Streaming& st = *row.streaming;
            // 0: no stream ended in this second (or none had a TPOT), which is no point, not a fast one.
            if (st.ttftP50 > 0) {
                m_ttft->append(P50, row.tS, st.ttftP50);
                m_ttft->append(P95, row.tS, st.ttftP95);
                m_ttft->append(P99, row.tS, st.ttftP99);
            }
            if (st.tpotP50 > 0) {
                m_tpot->append(P50, row.tS, st.tpotP50);
                m_tpot->append(P95, row.tS, st.tpotP95);
            }
            m_outputTokens->append(0, row.tS, st.outputTokensPerS);
        }
    }
}

void Dashboard::addReportWindows(const QList<LatencyWindow>& latencyWindows)
{
    // A report keeps its latency in windows of 5 s (longer in a run of more than ten minutes, see
    // LatencyWindow), what a comparison batches: the 10 and 60 s lines are those windows merged, a
    // point at the end of each; a window longer than the line's span is a point of its own.
    for (qsizetype i = 0; i < latencyWindows.size(); ++i) {
        const double end = latencyWindows[i].tS;
        for (int w = 1; w < 3; ++w) {
            for (int group = 0; group < groups(); ++group) {
                SparseHistogram merged;
                for (qsizetype j = i; j >= 0; --j) {
                    const LatencyWindow& lw = latencyWindows[j];
                    if (j < i && lw.tS - lw.lengthS < end - WindowsS[w] - 1e-6)
                        break;
                    merged.merge(group == 0 ? lw.all.latency : lw.byType.value(m_typeNames[group - 1]).latency);
                }
                if (merged.isEmpty())
                    continue;
                const QList<std::int64_t> p = merged.percentilesNs({ 50, 95, 99 });
                m_latency->append(liveSeries(w, group, P50), end, nsToMs(p[0]));
                m_latency->append(liveSeries(w, group, P95), end, nsToMs(p[1]));
                m_latency->append(liveSeries(w, group, P99), end, nsToMs(p[2]));
                if (group > 0)
                    m_latency->append(togetherSeries(w, group - 1), end, nsToMs(p[1]));
            }
        }
    }
}

void Dashboard::showLatency()
{
    const int index = std::max(0, m_latencyType->currentIndex());
    const int window = std::clamp(m_latencyWindow->currentIndex(), 0, 2);
    const bool together = m_typeNames.size() > 1 && index == groups();
    QList<bool> visible(m_latency->seriesCount(), false);
    for (int t = 0; together && t < m_typeNames.size(); ++t)
        visible[togetherSeries(window, t)] = true;
    for (int p = P50; !together && p <= P99; ++p) {
        visible[liveSeries(window, index, p)] = true;
        visible[baselineSeries(index, p)] = hasBaseline();
    }
    for (int series = 0; series < m_latency->seriesCount(); ++series)
        m_latency->setSeriesVisible(series, visible[series]);
    // Many names side by side would be cut short: beside the plot each has a line of its own.
    m_latency->chart()->legend()->setAlignment(together && m_typeNames.size() > 3 ? Qt::AlignRight : Qt::AlignBottom);
    m_latency->setTitle(together ? tr("Latency p95 of each type, %1 s window").arg(WindowsS[window])
                                 : tr("Latency, %1 s window").arg(WindowsS[window]));
}

void Dashboard::addSamples(const QList<SystemSample>& samples)
{
    for (const SystemSample& s : samples) {
        m_memory->append(0, s.tS, s.memoryMb);
        // Reports before issue #18 open with a sample that measured no CPU interval: not a 0 %.
        const bool unmeasured = m_cpu->seriesPoints(0).isEmpty() && s.tS < 0.5 && s.cpuPercent == 0;
        if (!unmeasured)
            m_cpu->append(0, s.tS, s.cpuPercent);
    }
}

void Dashboard::addChanges(const QList<LoadChange>& changes)
{
    for (const LoadChange& c : changes) {
        if (c.tS <= 0)
            continue; // the starting load is not a change
        const QString label = c.rateRps > 0 ? tr("%1 req/s").arg(c.rateRps) : tr("%n user(s)", nullptr, c.concurrency);
        for (TimeSeriesChart* chart : allCharts())
            chart->addMarker(c.tS, label);
    }
}

void Dashboard::refreshCharts()
{
    for (TimeSeriesChart* chart : allCharts())
        chart->refresh();
}

void Dashboard::showErrors(const QList<StatsFigures>& types)
{
    const QStringList classes = errorClasses(types);
    m_errors->setColumnCount(int(types.size()) + 1);
    QStringList headers { tr("Error") };
    for (const StatsFigures& t : types)
        headers.append(t.name);
    m_errors->setHorizontalHeaderLabels(headers);
    m_errors->setRowCount(int(classes.size()));
    for (int r = 0; r < classes.size(); ++r) {
        m_errors->setItem(r, 0, new QTableWidgetItem(classes[r]));
        for (int c = 0; c < types.size(); ++c) {
            auto* item = new QTableWidgetItem(QString::number(types[c].errors.value(classes[r])));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_errors->setItem(r, c + 1, item);
        }
    }
}

void Dashboard::applySnapshot(const LiveSnapshot& s)
{
    addRows(s.newRows);
    addSamples(s.newSamples);
    addChanges(s.newLoadChanges);
    setStats(s.types, s.overall);
    showErrors(s.types);
    showDiagnosis(s.diagnosis, s.stuck, s.schedule);
    m_spectrum->setSpectra(s.spectra);
    if (s.comparison)
        showComparison(*s.comparison);
    refreshCharts();
}

void Dashboard::showDiagnosis(const Analysis::Diagnosis& d, qint64 stuck, const ScheduleInfo& schedule)
{
    m_criteria->setRowCount(int(d.criteria.size()));
    for (int i = 0; i < d.criteria.size(); ++i) {
        const Criterion& c = d.criteria[i];
        m_criteria->setItem(i, 0, new QTableWidgetItem(c.id));
        auto* badge = new QTableWidgetItem(criterionResult(c.passed));
        badge->setForeground(Palette::colour(c.passed ? Palette::Pass : Palette::Fail));
        m_criteria->setItem(i, 1, badge);
        m_criteria->setItem(i, 2, new QTableWidgetItem(c.detail));
    }
    m_criteria->resizeColumnsToContents();
    QStringList lines;
    for (const Bottleneck& b : d.bottlenecks)
        lines.append(QStringLiteral("• ") + b.message);
    if (lines.isEmpty())
        lines.append(tr("No significant bottlenecks detected."));
    // The streams' own warnings: figures that mislead (per event, not per token; buffered; no usage).
    const QStringList streamWarnings = m_streamingModel->warnings();
    if (!streamWarnings.isEmpty()) {
        lines.append(QString());
        lines.append(tr("Token streams:"));
        for (const QString& w : streamWarnings)
            lines.append(QStringLiteral("• ") + w);
    }
    lines.append(QString());
    lines.append(tr("Stuck requests (still in flight after the timeout at the end): %1").arg(stuck));
    for (const Stall& st : d.stalls)
        lines.append(tr("Stall: no request completed from %1 s to %2 s with %3 in flight")
                         .arg(st.fromS, 0, 'f', 0)
                         .arg(st.toS, 0, 'f', 0)
                         .arg(st.inFlight));
    if (m_config.loadModel == LoadModel::Open)
        lines.append(tr("Schedule: %1 sent, %2 late").arg(schedule.scheduled).arg(schedule.late));
    m_diagnosis->setPlainText(lines.join(QLatin1Char('\n')));
}

void Dashboard::showReport(const Report& r)
{
    QStringList names;
    for (const StatsSummary& s : r.requestTypes)
        names.append(s.name);
    reset(names, r.config);
    // A report keeps each second's figures, not the windows: its latency chart shows the seconds.
    bool windows = std::any_of(
        r.timeline.begin(), r.timeline.end(), [](const TimelineRow& row) { return row.slidingAll[0].p50 > 0; });
    if (!windows && !r.latencyWindows.isEmpty()) {
        addReportWindows(r.latencyWindows);
        windows = true;
    }
    if (!windows) {
        m_latencyWindow->setCurrentIndex(0);
        for (int w = 1; w < 3; ++w)
            setItemEnabled(m_latencyWindow, w, false);
    }
    addRows(r.timeline);
    m_spectrum->setSpectra(spectraOf(r));
    if (r.shards)
        setStartSkew(r.shards->startSkewMs);
    addSamples(r.system.samples);
    addChanges(r.loadChanges);
    const QList<StatsFigures> rows(r.requestTypes.begin(), r.requestTypes.end());
    showErrors(rows);
    setStats(rows, r.overall);
    const Analysis::Diagnosis d { { r.system.memoryGrowthMb, r.system.memorySlopeMbPerMin }, r.stalls, r.bottlenecks,
        r.criteria, r.passed };
    showDiagnosis(d, r.stuckRequests, r.schedule);
    m_diagnosis->appendPlainText(tr("Generator event-loop lag: p99 %1 ms, max %2 ms")
                                     .arg(r.loopLagP99Ms, 0, 'f', 1)
                                     .arg(r.loopLagMaxMs, 0, 'f', 1));
    // A checkpoint is a run that was still going: its verdict is no more than the state so far.
    m_verdict->setText(
        r.stopReason == QLatin1String("checkpoint") ? tr("%1 (so far)").arg(verdictLine(r)) : verdictLine(r));
    m_verdict->setStyleSheet(QStringLiteral("background:%1;color:white;font-weight:bold;font-size:14pt")
                                 .arg(Palette::colour(r.passed ? Palette::Pass : Palette::Fail).name()));
    m_verdict->setVisible(true);
    refreshCharts();
}

QString Dashboard::verdictText() const
{
    return m_verdict->isHidden() ? QString() : m_verdict->text();
}

void Dashboard::setChartsPaused(bool paused)
{
    for (TimeSeriesChart* chart : allCharts())
        chart->setPaused(paused);
}

void Dashboard::resetZoom()
{
    for (TimeSeriesChart* chart : allCharts())
        chart->resetZoom();
}

} // namespace Stressdeck
