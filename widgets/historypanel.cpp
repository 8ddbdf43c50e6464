// SPDX-License-Identifier: MIT

#include "historypanel.h"

#include "historymodel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineSeries>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace Stressdeck {

namespace {

constexpr int ShownRuns = 20;

} // namespace

HistoryPanel::HistoryPanel(const QString& folder, QWidget* parent)
    : QWidget(parent)
    , m_folder(folder)
{
    m_model = new HistoryModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HistoryModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryModel::Started, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("historyTarget"));
    m_scenario = new QComboBox(this);
    m_scenario->setObjectName(QStringLiteral("historyScenario"));
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("historyMetric"));
    for (HistoryMetric m : { HistoryMetric::P95, HistoryMetric::P50, HistoryMetric::P99, HistoryMetric::Throughput,
             HistoryMetric::ErrorRate })
        m_metric->addItem(historyMetricId(m), int(m));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("historyType"));
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setToolTip(tr("Open the selected run's report in the dashboard"));
    m_useAsBaseline = new QPushButton(tr("Use as &baseline"), this);
    m_useAsBaseline->setToolTip(tr("Compare the next runs with the selected one"));

    auto* filters = new QFormLayout;
    filters->addRow(tr("Target:"), m_target);
    filters->addRow(tr("Scenario:"), m_scenario);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_useAsBaseline);
    buttons->addStretch(1);
    buttons->addWidget(m_metric);
    buttons->addWidget(m_type);

    m_series = new QLineSeries;
    m_series->setPointsVisible(true);
    m_series->setPen(QPen(QColor(0x00, 0x72, 0xB2), 2));
    m_chart = new QChart;
    m_chart->addSeries(m_series);
    m_chart->legend()->hide();
    auto* x = new QValueAxis;
    x->setTitleText(tr("run (oldest first)"));
    x->setLabelFormat(QStringLiteral("%d"));
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    m_series->attachAxis(x);
    m_series->attachAxis(y);
    auto* view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(filters);
    topLayout->addWidget(m_table, 1);
    topLayout->addLayout(buttons);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(view);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    auto selected = [this](void (HistoryPanel::*signal)(const QString&)) {
        return [this, signal] {
            if (const QString file = selectedReport(); !file.isEmpty())
                Q_EMIT(this->*signal)(file);
        };
    };
    connect(m_open, &QPushButton::clicked, this, selected(&HistoryPanel::openRequested));
    connect(m_useAsBaseline, &QPushButton::clicked, this, selected(&HistoryPanel::baselineRequested));
    connect(m_table, &QTableView::doubleClicked, this, selected(&HistoryPanel::openRequested));
    for (QComboBox* box : { m_target, m_scenario })
        connect(box, &QComboBox::activated, this, &HistoryPanel::refresh);
    for (QComboBox* box : { m_metric, m_type })
        connect(box, &QComboBox::activated, this, &HistoryPanel::replot);
    refresh();
}

HistoryPanel::~HistoryPanel() = default;

HistoryFilter HistoryPanel::filter() const
{
    return { m_target->currentData().toString(), m_scenario->currentData().toString(), 0 };
}

void HistoryPanel::fillChoices(QComboBox* box, const QStringList& values)
{
    const QString current = box->currentData().toString();
    box->clear();
    box->addItem(tr("all"), QString());
    for (const QString& v : values)
        box->addItem(v, v);
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

void HistoryPanel::refresh()
{
    const RunHistory history = m_folder.isEmpty() ? RunHistory() : RunHistory(m_folder);
    QStringList targets, scenarios, types;
    const QList<HistoryRun> all = history.runs();
    for (const HistoryRun& r : all) {
        if (!targets.contains(r.target))
            targets.append(r.target);
        if (!scenarios.contains(r.scenario))
            scenarios.append(r.scenario);
        for (const HistoryFigures& f : r.requestTypes) {
            if (!types.contains(f.name))
                types.append(f.name);
        }
    }
    fillChoices(m_target, targets);
    fillChoices(m_scenario, scenarios);
    const QString type = m_type->currentData().toString();
    m_type->clear();
    m_type->addItem(tr("all requests"), QString());
    types.sort();
    for (const QString& t : std::as_const(types))
        m_type->addItem(t, t);
    m_type->setCurrentIndex(std::max(0, m_type->findData(type)));
    m_model->setRuns(history.runs(filter()));
    m_table->selectRow(0);
    replot();
}

void HistoryPanel::replot()
{
    const RunHistory history = m_folder.isEmpty() ? RunHistory() : RunHistory(m_folder);
    HistoryFilter f = filter();
    f.last = ShownRuns;
    const auto metric = HistoryMetric(m_metric->currentData().toInt());
    const QList<HistoryPoint> points = history.metricSeries(metric, m_type->currentData().toString(), f);
    QList<QPointF> xy;
    double maxY = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        xy.append({ double(i + 1), points[i].value });
        maxY = std::max(maxY, points[i].value);
    }
    m_series->replace(xy);
    auto* x = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Horizontal).value(0));
    auto* y = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Vertical).value(0));
    x->setRange(0.5, std::max<double>(2, double(points.size())) + 0.5);
    x->setTickCount(int(std::clamp<qsizetype>(points.size(), 2, 11)));
    y->setRange(0, maxY > 0 ? maxY * 1.15 : 1);
    y->applyNiceNumbers();
    const bool latency = metric == HistoryMetric::P50 || metric == HistoryMetric::P95 || metric == HistoryMetric::P99;
    y->setTitleText(latency ? tr("ms") : metric == HistoryMetric::Throughput ? tr("req/s") : tr("% errors"));
    m_chart->setTitle(tr("%1 of %2 over the last %n run(s)", nullptr, int(points.size()))
                          .arg(m_metric->currentText(), m_type->currentText()));
}

QList<double> HistoryPanel::plotted() const
{
    QList<double> values;
    for (const QPointF& p : m_series->points())
        values.append(p.y());
    return values;
}

QString HistoryPanel::selectedReport() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(HistoryModel::ReportRole).toString();
}

} // namespace Stressdeck
