// SPDX-License-Identifier: MIT

#pragma once

#include "report.h"
#include "snapshot.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTableWidget;
class QPlainTextEdit;

namespace Stressdeck {

class ChartGrid;
class RequestTypeModel;
class TimeSeriesChart;

//! Charts and tables of one run: fed live from snapshots, or at once from a saved report,
//! so a reopened report looks exactly like the run did.
class Dashboard : public QWidget {
    Q_OBJECT
public:
    explicit Dashboard(QWidget* parent = nullptr);

    //! Clears everything for a new run; `config` supplies the thresholds of the live criteria.
    void reset(const QStringList& requestTypes, const RunConfig& config = {});
    void applySnapshot(const LiveSnapshot& snapshot);
    void showReport(const Report& report);
    void setChartsPaused(bool paused);
    void resetZoom();

    RequestTypeModel* requestTypeModel() const { return m_typeModel; }
    QString verdictText() const;
    QList<TimeSeriesChart*> charts() const;

private:
    void addRows(const QList<TimelineRow>& rows);
    void addSamples(const QList<SystemSample>& samples);
    void addChanges(const QList<LoadChange>& changes);
    void rebuildLatencyChart();
    void showErrors(const QList<LiveStats>& types);
    void showDiagnosis(const Report& report, bool final);
    void showLiveCriteria(const LiveSnapshot& snapshot);
    void refreshCharts();

    TimeSeriesChart* m_throughput = nullptr;
    TimeSeriesChart* m_latency = nullptr;
    TimeSeriesChart* m_memory = nullptr;
    TimeSeriesChart* m_cpu = nullptr;
    TimeSeriesChart* m_inFlight = nullptr;
    QComboBox* m_latencyType = nullptr;
    ChartGrid* m_chartGrid = nullptr;
    RequestTypeModel* m_typeModel = nullptr;
    QTableView* m_typeTable = nullptr;
    QTableWidget* m_errors = nullptr;
    QTableWidget* m_criteria = nullptr;
    QPlainTextEdit* m_diagnosis = nullptr;
    QLabel* m_verdict = nullptr;
    QList<TimelineRow> m_rows;
    QList<SystemSample> m_samples;
    RunConfig m_config;
};

} // namespace Stressdeck
