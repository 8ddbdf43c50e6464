// SPDX-License-Identifier: MIT

#pragma once

#include "capacityrun.h"
#include "capacitysearch.h"
#include "concurrencysearch.h"
#include "slo.h"

#include <QColor>
#include <QList>
#include <QString>

#include <optional>

class QPainter;
class QRectF;

namespace Stressdeck {

//! One step of a capacity search as the charts show it, whichever search it was.
struct CapacityChartStep {
    double load = 0; //!< the scheduled rate (req/s) or the users
    double achievedRps = 0;
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double errorPct = 0;
    bool passed = false;
    QString reason; //!< why it failed; empty when it passed
};

//! What the capacity charts draw: the steps in the order they ran, the answer, and the step in
//! progress (the window's live view).
struct CapacityChartData {
    bool users = false; //!< the closed model's user search; else the rate search
    QList<CapacityChartStep> steps;
    std::optional<double> answer; //!< the sustained rate, or the users at the knee
    std::optional<double> runningLoad; //!< the step in progress
    double runningFraction = 0; //!< how far it is, 0…1
    double stepS = 30;
    double warmupFraction = 0.2;
    Slo slo;

    static CapacityChartData of(const CapacityResult& result, const Slo& slo, double stepS, double warmupFraction);
    static CapacityChartData of(const ConcurrencyResult& result, const Slo& slo, double stepS, double warmupFraction);

    //! The steps of `run` so far, of whichever search it runs.
    static CapacityChartData of(const CapacityRun& run);

    //! "req/s" or "users": the unit of a step's load.
    QString loadUnit() const;
};

//! Okabe–Ito, the same as the comparison's: pass bluish green, fail vermillion.
QColor capacityPassColor();
QColor capacityFailColor();

//! The load curve: the load of every step over time, shaded by pass or fail, the warm-up lighter,
//! the answer as a dashed line. Sizes are in inches × `dpi`, so a page and a widget look alike.
void drawCapacityLoadCurve(QPainter& painter, const QRectF& area, double dpi, const CapacityChartData& data);
//! Latency (p50, p95, p99) against achieved throughput, the steps in the order of their load: the
//! hockey stick, with the SLO's latency limit dashed.
void drawCapacityHockeyStick(QPainter& painter, const QRectF& area, double dpi, const CapacityChartData& data);

} // namespace Stressdeck
