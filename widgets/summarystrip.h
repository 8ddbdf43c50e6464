// SPDX-License-Identifier: MIT

#pragma once

#include "runconfig.h"
#include "snapshot.h"

#include <QFrame>

class QLabel;

namespace Stressdeck {

struct Report;

//! The strip across the top of the window (issue #18): is the run healthy now? Throughput, p95
//! over the latency chart's window, error %, requests in flight, elapsed and remaining time, and
//! the five criteria as badges, each coloured by its state (Palette), with the baseline's value
//! and the change beside a figure when a comparison is running. It shows what the snapshots carry
//! and computes nothing of its own.
class SummaryStrip : public QFrame {
    Q_OBJECT
public:
    explicit SummaryStrip(QWidget* parent = nullptr);

    //! A new run: forget the last one's figures; `thresholds` colour the figures.
    void start(const Thresholds& thresholds);
    void applySnapshot(const LiveSnapshot& snapshot);
    //! A finished or opened report: the whole run's figures.
    void showReport(const Report& report);
    //! Which window the p95 is over: 1, 10 or 60 seconds (the latency chart's selector).
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_windowS; }

    //! The tiles' texts, one line each, for tests and the accessible description.
    QStringList texts() const;
    //! Where a tile or badge stands: "pass", "warn", "fail" or "neutral" (its `state` property).
    static QString stateOf(const QLabel* label);

private:
    enum class State { Neutral, Pass, Warn, Fail };
    void setTile(QLabel* tile, const QString& caption, const QString& value, const QString& note, State state,
        const QString& tooltip = {});
    void showCriteria(const QList<Criterion>& criteria);
    QString baselineNote(const QString& type, int metric, bool* worse) const;
    void showFigures(
        double throughput, double p95Ms, const QString& p95Caption, double errorPct, qint64 inFlight, qint64 stuck);

    Thresholds m_thresholds;
    int m_windowS = 10;
    double m_p95Ms = 0; //!< the last windowed p95 the engine sent
    std::optional<TimelineRow> m_lastRow;
    std::optional<CompareReport> m_comparison;
    QLabel* m_throughput = nullptr;
    QLabel* m_p95 = nullptr;
    QLabel* m_errors = nullptr;
    QLabel* m_inFlight = nullptr;
    QLabel* m_time = nullptr;
    QList<QLabel*> m_badges;
};

} // namespace Stressdeck
