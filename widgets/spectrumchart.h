// SPDX-License-Identifier: MIT

#pragma once

#include "latencyspectrum.h"

#include <QList>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QCategoryAxis;
class QValueAxis;

namespace Stressdeck {

//! The latency distribution (issue #18): latency against percentile on a logarithmic "nines" axis
//! (0, 90, 99, 99.9, 99.99 %), of all requests, of one type or of every type together, with the
//! baseline's dashed when one is set. Draws spectra made elsewhere (the engine's snapshot, or a
//! report's histograms); computes no percentile itself.
class SpectrumChart : public QWidget {
    Q_OBJECT
public:
    explicit SpectrumChart(QWidget* parent = nullptr);

    //! All requests first, then each type in the scenario's order.
    void setSpectra(const QList<LatencySpectrum>& spectra);
    //! The baseline's spectra in the same order (matched by name for the types); empty clears it.
    void setBaseline(const QList<LatencySpectrum>& spectra);
    //! Empties the chart and sets the selector's entries: all requests, the types, each type together.
    void reset(const QStringList& requestTypes);
    //! 0: all requests, 1…n: a type, n + 1: each type together.
    void setSelection(int index);
    int selection() const;
    QComboBox* selector() const { return m_selector; }
    QString title() const;
    QChart* chart() const { return m_chart; }
    //! The lines drawn now: (name, points); the baseline's are named "… (baseline)".
    QList<std::pair<QString, QList<QPointF>>> lines() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    static QList<QPointF> pointsOf(const LatencySpectrum& spectrum);
    void addLine(const QList<QPointF>& points, const QString& name, const QColor& colour, Qt::PenStyle style);
    const LatencySpectrum* find(const QList<LatencySpectrum>& spectra, int index) const;

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QCategoryAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QComboBox* m_selector = nullptr;
    QList<QLineSeries*> m_lines;
    QStringList m_typeNames;
    QList<LatencySpectrum> m_spectra;
    QList<LatencySpectrum> m_baseline;
};

} // namespace Stressdeck
