// SPDX-License-Identifier: MIT

#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace Stressdeck {

//! One `DURATION:TARGET` entry: a linear ramp from the previous target to `target`.
struct Stage {
    double durationS = 0;
    double target = 0;

    friend bool operator==(const Stage&, const Stage&) = default;
};

//! Where a stage sits on the run's clock, and the targets it ramps between.
struct StageSpan {
    double startS = 0;
    double endS = 0;
    double fromTarget = 0;
    double target = 0;
};

//! A load shape as a list of stages, like k6's: each stage ramps linearly from the previous
//! target (0 before the first) to its own target over its duration, and a `0s` stage is a step.
//! The target is users (whole numbers) in the closed model and requests per second in the open
//! model. Besides parsing and writing the shape back (text and JSON), it answers what the load
//! is at any time and, for the open model, when each request is due: arrival k (k = 1, 2, …)
//! is at the time where the integral of the rate from 0 reaches k, so [0, T] holds exactly
//! floor(∫₀ᵀ rate) arrivals and a schedule that starts from 0 sends its first request once one
//! request's worth of rate has accrued (unlike OpenSchedule's constant rate, whose slot 0 is at 0).
class Stages {
public:
    enum class Unit { Users, Rate };

    Stages() = default;
    Stages(Unit unit, QList<Stage> stages);

    //! "30s:10,2m:10,30s:0"; nullopt with a translated message naming the stage (1-based) and its text.
    static std::optional<Stages> parse(const QString& text, Unit unit, QString* error);
    //! [{"duration_s": 30, "target": 10}, …], checked as parse() checks text.
    static std::optional<Stages> fromJson(const QJsonArray& json, Unit unit, QString* error);
    //! The canonical text: durations as formatDurationExact writes them, shortest exact targets.
    QString toString() const;
    QJsonArray toJson() const;

    Unit unit() const { return m_unit; }
    const QList<Stage>& stages() const { return m_stages; }
    bool isEmpty() const { return m_stages.isEmpty(); }
    double totalDuration() const;
    QList<StageSpan> spans() const;

    //! The target at `t` seconds: piecewise linear; at a step the new target applies; 0 before
    //! the start, the last target from the end on.
    double targetAt(double t) const;
    //! The stage running at `t`: the one with start ≤ t < end (a 0 s stage never runs), clamped to
    //! the first and the last stage; -1 when there are no stages.
    int stageAt(double t) const;

    //! ∫₀ᵗ target, clamped to [0, totalDuration()]: requests due by `t` in the open model.
    double integral(double t) const;
    double expectedArrivals(double t0, double t1) const { return integral(t1) - integral(t0); }
    //! When arrival k (k ≥ 1) is due, in seconds; nullopt when k < 1 or the schedule ends first.
    //! O(log stages).
    std::optional<double> arrivalTime(qint64 k) const;

    friend bool operator==(const Stages& a, const Stages& b)
    {
        return a.m_unit == b.m_unit && a.m_stages == b.m_stages;
    }

private:
    friend class ArrivalCursor;
    void index();
    //! The time within span `i` at which `q` requests' worth of rate has accrued since its start.
    double solveWithin(int i, double q) const;

    Unit m_unit = Unit::Users;
    QList<Stage> m_stages;
    std::vector<double> m_starts; // per stage
    std::vector<double> m_ends;
    std::vector<double> m_cumulative; // ∫ up to each stage's end
};

//! Walks the arrivals of a Stages schedule in order: amortised O(1) per arrival, for the engine
//! that asks once per request. Agrees exactly with Stages::arrivalTime.
class ArrivalCursor {
public:
    //! `stages` must outlive the cursor.
    explicit ArrivalCursor(const Stages& stages);
    //! The time of the next arrival, or nullopt once the schedule has ended.
    std::optional<double> next();
    //! The number of the arrival the last next() returned (0 before the first).
    qint64 index() const { return m_k; }

private:
    const Stages* m_stages;
    qint64 m_k = 0;
    int m_segment = 0;
};

} // namespace Stressdeck
