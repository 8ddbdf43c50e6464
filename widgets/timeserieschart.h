// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QAreaSeries;
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
    void setTitle(const QString& title);
    //! Clicking a name in the legend hides or shows its line (the name stays, greyed).
    void setLegendToggles(bool toggles);
    //! Hidden from the legend by the user (kept across setSeriesVisible).
    bool isSeriesMuted(int series) const { return m_series[series].muted; }
    void setSeriesMuted(int series, bool muted);

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
    //! Shades [fromS, toS] behind the lines (a merged run's start skew); an empty label removes it.
    void setBand(double fromS, double toS, const QString& label);
    bool hasBand() const { return m_band != nullptr; }
    //! The chart's background, grid and text from `palette` (the desktop's light or dark scheme);
    //! the lines keep their colours.
    static void applyPalette(QChart* chart, const QPalette& palette);
    void clear();
    //! Pushes buffered points to the screen; call at most ~10 times a second.
    void refresh();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void resetZoom();
    QChart* chart() const { return m_chart; }
    int visiblePointCount(int series) const;
    QList<QPointF> visiblePoints(int series) const;
    //! Every stored point of a series, drawn or not.
    const QList<QPointF>& seriesPoints(int series) const { return m_series[series].points; }

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Series {
        QLineSeries* line = nullptr;
        QList<QPointF> points;
        bool dirty = false;
        bool shown = true;
        bool muted = false;
    };
    void applyVisibility(int series);
    static QList<QPointF> decimate(const QList<QPointF>& points, int maxPoints);
    void rescale();
    QString defaultToolTip() const;

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QList<Series> m_series;
    QList<QLineSeries*> m_markers;
    QAreaSeries* m_band = nullptr;
    bool m_paused = false;
    bool m_legendToggles = false;
    QString m_description;
};

} // namespace Stressdeck
