// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace Stressdeck {

//! A live line chart over run time behind a small interface of our own (Qt Charts is
//! deprecated upstream). Points go into bounded buffers and reach the screen decimated to at
//! most MaxVisiblePoints per series with one replace() per refresh, so a 24-hour run costs the
//! same as a one-minute one.
class TimeSeriesChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int MaxVisiblePoints = 2000;
    static constexpr int MaxStoredPoints = 20000;

    explicit TimeSeriesChart(const QString& title, const QString& unit, QWidget* parent = nullptr);

    //! What the chart shows, in its tooltip before the hint on zooming (e.g. a glossary entry).
    void setDescription(const QString& description);
    //! The chart's tooltip as it shows now.
    QString chartToolTip() const;
    QString title() const;

    int addSeries(const QString& name, const QColor& color, Qt::PenStyle style = Qt::SolidLine);
    //! Removes series `first` and every one after it.
    void removeSeriesFrom(int first);
    int seriesCount() const { return int(m_series.size()); }
    QString seriesName(int series) const;
    QColor seriesColor(int series) const;
    Qt::PenStyle seriesStyle(int series) const;
    //! A hidden series keeps its points (and takes new ones) but is neither drawn nor in the legend.
    void setSeriesVisible(int series, bool visible);
    bool isSeriesVisible(int series) const;
    void append(int series, double tS, double value);
    void setData(int series, const QList<QPointF>& points);
    void addMarker(double tS, const QString& label);
    void clear();
    //! Pushes buffered points to the screen; call at most ~10 times a second.
    void refresh();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void resetZoom();
    QChart* chart() const { return m_chart; }
    int visiblePointCount(int series) const;
    QList<QPointF> visiblePoints(int series) const;

private:
    struct Series {
        QLineSeries* line = nullptr;
        QList<QPointF> points;
        bool dirty = false;
    };
    static QList<QPointF> decimate(const QList<QPointF>& points, int maxPoints);
    void rescale();
    QString defaultToolTip() const;

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QList<Series> m_series;
    QList<QLineSeries*> m_markers;
    bool m_paused = false;
    QString m_description;
};

} // namespace Stressdeck
