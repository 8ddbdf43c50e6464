// SPDX-License-Identifier: MIT

#include "spectrumchart.h"

#include "palette.h"
#include "timeserieschart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Stressdeck {

SpectrumChart::SpectrumChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    m_chart->setTitle(tr("Latency distribution"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_x = new QCategoryAxis;
    m_x->setTitleText(tr("percentile (%)"));
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const QStringList labels { QStringLiteral("0"), QStringLiteral("90"), QStringLiteral("99"), QStringLiteral("99.9"),
        QStringLiteral("99.99") };
    for (int n = 0; n < labels.size(); ++n)
        m_x->append(labels[n], n);
    // A little room after 99.99 % so its label is not cut at the edge.
    m_x->setRange(0, LatencySpectrum::MaxNines + 0.15);
    m_y = new QValueAxis;
    m_y->setTitleText(tr("ms"));
    m_y->setLabelFormat(QStringLiteral("%.4g"));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setToolTip(tr("Latency of the successful requests at each percentile, on a logarithmic axis: each step "
                          "right is one more nine (90 %, 99 %, 99.9 %, …). The line stops where the count of "
                          "requests runs out; its end is the slowest request."));

    m_selector = new QComboBox(this);
    m_selector->setObjectName(QStringLiteral("spectrumType"));
    m_selector->setToolTip(tr("Whose latency distribution the chart shows"));
    auto* label = new QLabel(tr("&Distribution of:"), this);
    label->setBuddy(m_selector);
    connect(m_selector, &QComboBox::currentIndexChanged, this, &SpectrumChart::redraw);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(label);
    bar->addWidget(m_selector, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setMinimumHeight(180);
    TimeSeriesChart::applyPalette(m_chart, palette());
    reset({});
}

void SpectrumChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        TimeSeriesChart::applyPalette(m_chart, palette());
    QWidget::changeEvent(event);
}

QString SpectrumChart::title() const
{
    return m_chart->title();
}

void SpectrumChart::reset(const QStringList& requestTypes)
{
    m_typeNames = requestTypes;
    m_spectra.clear();
    {
        const QSignalBlocker blocker(m_selector);
        m_selector->clear();
        m_selector->addItem(tr("All requests"));
        m_selector->addItems(requestTypes);
        if (requestTypes.size() > 1)
            m_selector->addItem(tr("Each type together"));
    }
    redraw();
}

void SpectrumChart::setSpectra(const QList<LatencySpectrum>& spectra)
{
    m_spectra = spectra;
    redraw();
}

void SpectrumChart::setBaseline(const QList<LatencySpectrum>& spectra)
{
    m_baseline = spectra;
    redraw();
}

void SpectrumChart::setSelection(int index)
{
    m_selector->setCurrentIndex(index);
}

int SpectrumChart::selection() const
{
    return m_selector->currentIndex();
}

const LatencySpectrum* SpectrumChart::find(const QList<LatencySpectrum>& spectra, int index) const
{
    if (index == 0)
        return spectra.isEmpty() ? nullptr : &spectra.constFirst();
    const QString& name = m_typeNames.value(index - 1);
    const auto it = std::find_if(spectra.begin() + std::min<qsizetype>(1, spectra.size()), spectra.end(),
        [&name](const LatencySpectrum& s) { return s.name == name; });
    return it == spectra.end() ? nullptr : &*it;
}

QList<QPointF> SpectrumChart::pointsOf(const LatencySpectrum& spectrum)
{
    QList<QPointF> points;
    for (qsizetype i = 0; i < spectrum.nines.size(); ++i)
        points.append({ spectrum.nines[i], spectrum.latencyMs[i] });
    return points;
}

void SpectrumChart::addLine(const QList<QPointF>& points, const QString& name, const QColor& colour, Qt::PenStyle style)
{
    auto* line = new QLineSeries;
    line->setName(name);
    QPen pen(colour);
    pen.setWidthF(1.8);
    pen.setStyle(style);
    line->setPen(pen);
    line->replace(points);
    m_chart->addSeries(line);
    line->attachAxis(m_x);
    line->attachAxis(m_y);
    connect(line, &QLineSeries::hovered, this, [this, line](const QPointF& p, bool state) {
        if (state)
            m_view->setToolTip(tr("%1: p%2 = %3 ms")
                                   .arg(line->name())
                                   .arg(LatencySpectrum::percentileOf(p.x()), 0, 'g', 6)
                                   .arg(p.y(), 0, 'g', 4));
    });
    m_lines.append(line);
}

void SpectrumChart::redraw()
{
    const int index = std::max(0, m_selector->currentIndex());
    const bool together = m_typeNames.size() > 1 && index == m_typeNames.size() + 1;
    QList<int> shown;
    if (together) {
        for (int i = 1; i <= m_typeNames.size(); ++i)
            shown.append(i);
    } else {
        shown.append(index);
    }
    struct Planned {
        QList<QPointF> points;
        QString name;
        QColor colour;
        Qt::PenStyle style;
    };
    QList<Planned> plan;
    for (int i : shown) {
        const QColor colour = together ? Palette::seriesColour(i - 1) : Palette::colour(Palette::Blue);
        const QString name = i == 0 ? tr("all requests") : m_typeNames.value(i - 1);
        if (const LatencySpectrum* s = find(m_spectra, i); s && !s->isEmpty())
            plan.append({ pointsOf(*s), name, colour, Qt::SolidLine });
        if (const LatencySpectrum* b = find(m_baseline, i); b && !b->isEmpty())
            plan.append({ pointsOf(*b), tr("%1 (baseline)").arg(name), colour, Qt::DashLine });
    }
    // The same lines as before (each snapshot of a run): one replace() each, nothing rebuilt.
    const bool same = plan.size() == m_lines.size()
        && std::equal(plan.begin(), plan.end(), m_lines.begin(), [](const Planned& p, const QLineSeries* line) {
               return p.name == line->name() && p.colour == line->pen().color() && p.style == line->pen().style();
           });
    if (same) {
        for (qsizetype i = 0; i < plan.size(); ++i)
            m_lines[i]->replace(plan[i].points);
    } else {
        for (QLineSeries* line : std::as_const(m_lines)) {
            m_chart->removeSeries(line);
            delete line;
        }
        m_lines.clear();
        for (const Planned& p : std::as_const(plan))
            addLine(p.points, p.name, p.colour, p.style);
    }
    m_chart->legend()->setAlignment(together && m_typeNames.size() > 3 ? Qt::AlignRight : Qt::AlignBottom);
    m_chart->setTitle(together ? tr("Latency distribution of each type")
            : index == 0       ? tr("Latency distribution")
                               : tr("Latency distribution of %1").arg(m_typeNames.value(index - 1)));
    double maxY = 0;
    for (const QLineSeries* line : std::as_const(m_lines)) {
        for (const QPointF& p : line->points())
            maxY = std::max(maxY, p.y());
    }
    m_y->setRange(0, maxY <= 0 ? 1 : maxY * 1.1);
    m_y->applyNiceNumbers();
}

QList<std::pair<QString, QList<QPointF>>> SpectrumChart::lines() const
{
    QList<std::pair<QString, QList<QPointF>>> out;
    for (const QLineSeries* line : m_lines)
        out.append({ line->name(), line->points() });
    return out;
}

} // namespace Stressdeck
