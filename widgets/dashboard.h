// SPDX-License-Identifier: MIT

#pragma once

#include "analysis.h"
#include "report.h"
#include "snapshot.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTableView;
class QTableWidget;
class QTabWidget;
class QPlainTextEdit;

namespace Stressdeck {

class ChartGrid;
class RequestTypeModel;
class SpectrumChart;
class StreamingModel;
class TimeSeriesChart;

//! Charts and tables of one run: fed live from snapshots, or at once from a saved report,
//! so a reopened report looks exactly like the run did.
class Dashboard : public QWidget {
    Q_OBJECT
public:
    explicit Dashboard(QWidget* parent = nullptr);

    //! Clears everything for a new run (`config`: its load model, for the diagnosis text).
    void reset(const QStringList& requestTypes, const RunConfig& config = {});
    void applySnapshot(const LiveSnapshot& snapshot);
    void showReport(const Report& report);
    //! Draws a baseline run on every time chart as dashed lines of the same colours (kept across
    //! reset(); an empty timeline clears it).
    void setBaseline(const QList<TimelineRow>& timeline, const QList<SystemSample>& samples);
    //! The same from a saved report, with its latency distributions on the distribution chart.
    void setBaseline(const Report& baseline);
    bool hasBaseline() const { return !m_baselineRows.isEmpty(); }
    //! The comparison with the baseline: the Comparison tab.
    void showComparison(const CompareReport& comparison);
    const std::optional<CompareReport>& comparison() const { return m_comparison; }
    void setChartsPaused(bool paused);
    void resetZoom();

    RequestTypeModel* requestTypeModel() const { return m_typeModel; }
    StreamingModel* streamingModel() const { return m_streamingModel; }
    QString verdictText() const;
    //! The charts of every run (throughput, latency, memory, CPU, in flight).
    QList<TimeSeriesChart*> charts() const;
    //! TTFT, TPOT and output tokens per second: shown only while the run streams.
    QList<TimeSeriesChart*> streamingCharts() const;
    bool showsStreaming() const { return m_streaming; }
    SpectrumChart* spectrumChart() const { return m_spectrum; }
    TimeSeriesChart* latencyChart() const { return m_latency; }
    //! The latency chart's window: 1, 10 (the default) or 60 seconds.
    void setLatencyWindow(int seconds);
    int latencyWindow() const;
    //! Latency of all requests (0), of request type `index - 1`, or of every type together (types + 1).
    void setLatencyOf(int index);
    //! Shades the first `skewMs` of every time chart: the shards of a merged run started that far apart.
    void setStartSkew(double skewMs);
    //! A report's latency distributions: all requests first, then each type.
    static QList<LatencySpectrum> spectraOf(const Report& report);

Q_SIGNALS:
    //! The user picked another window on the latency chart.
    void latencyWindowChanged(int seconds);

private:
    void addRows(const QList<TimelineRow>& rows);
    //! An opened report's 10 and 60 s latency lines, from its latency windows.
    void addReportWindows(const QList<LatencyWindow>& windows);
    void addSamples(const QList<SystemSample>& samples);
    void addChanges(const QList<LoadChange>& changes);
    //! Shows the latency lines the two selectors ask for.
    void showLatency();
    void showErrors(const QList<StatsFigures>& types);
    void showDiagnosis(const Analysis::Diagnosis& diagnosis, qint64 stuck, const ScheduleInfo& schedule);
    void refreshCharts();
    void drawBaseline();
    QList<TimeSeriesChart*> allCharts() const;
    void setStats(const QList<StatsFigures>& types, const StatsFigures& overall);
    //! Shows or hides the streaming charts and the "Token streams" tab.
    void setStreaming(bool streaming);
    //! The latency chart's series: p50, p95 and p99 of all requests and of each type per second,
    //! as many dashed for the baseline, the same again for the 10 s and the 60 s window, then each
    //! type's p95 per window in its own colour (shown together). The per-second and baseline ones
    //! come first, where they were before the windows (issue #18).
    int groups() const { return int(m_typeNames.size() + 1); }
    int liveSeries(int window, int group, int percentile) const
    {
        return window == 0 ? group * 3 + percentile : 3 * groups() + (window * groups() + group) * 3 + percentile;
    }
    int baselineSeries(int group, int percentile) const { return 3 * groups() + group * 3 + percentile; }
    int togetherSeries(int window, int type) const { return 12 * groups() + window * int(m_typeNames.size()) + type; }

    TimeSeriesChart* m_throughput = nullptr;
    TimeSeriesChart* m_latency = nullptr;
    TimeSeriesChart* m_memory = nullptr;
    TimeSeriesChart* m_cpu = nullptr;
    TimeSeriesChart* m_inFlight = nullptr;
    TimeSeriesChart* m_ttft = nullptr;
    TimeSeriesChart* m_tpot = nullptr;
    TimeSeriesChart* m_outputTokens = nullptr;
    QComboBox* m_latencyType = nullptr;
    QComboBox* m_latencyWindow = nullptr;
    SpectrumChart* m_spectrum = nullptr;
    ChartGrid* m_chartGrid = nullptr;
    RequestTypeModel* m_typeModel = nullptr;
    QTableView* m_typeTable = nullptr;
    StreamingModel* m_streamingModel = nullptr;
    QTableView* m_streamingTable = nullptr;
    QLabel* m_streamingWarnings = nullptr;
    QWidget* m_streamingTab = nullptr;
    bool m_streaming = false;
    QTableWidget* m_errors = nullptr;
    QTableWidget* m_criteria = nullptr;
    QPlainTextEdit* m_diagnosis = nullptr;
    QLabel* m_verdict = nullptr;
    QStringList m_typeNames;
    QList<TimelineRow> m_baselineRows;
    QList<SystemSample> m_baselineSamples;
    std::optional<CompareReport> m_comparison;
    QTableWidget* m_comparisonTable = nullptr;
    QLabel* m_comparisonVerdict = nullptr;
    QTabWidget* m_tabs = nullptr;
    double m_lastRowS = 0; //!< end of the newest second drawn
    RunConfig m_config;
};

} // namespace Stressdeck
