// SPDX-License-Identifier: MIT

#include "intervalaggregator.h"

#include "timelinecolumns.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace Stressdeck {

namespace {

//! A second's percentile as the report keeps it (TimelineColumns), so a run equals its report read back.
double percentileMs(std::int64_t ns)
{
    return TimelineColumns::roundPercentile(nsToMs(ns));
}

IntervalFigures figuresWithPercentiles(IntervalFigures f, const Histogram& h)
{
    if (!h.isEmpty()) {
        const auto p = h.percentilesNs({ 50, 95, 99 });
        f.p50 = percentileMs(p[0]);
        f.p95 = percentileMs(p[1]);
        f.p99 = percentileMs(p[2]);
    }
    return f;
}

} // namespace

IntervalAggregator::IntervalAggregator(const QStringList& typeNames, int stageCount, int rowS)
    : m_names(typeNames)
    , m_counters(size_t(typeNames.size()))
    , m_stageCounters(size_t(std::max(0, stageCount)))
    , m_rowS(std::max(1, rowS))
{
    m_window = fresh();
    if (m_rowS > 1) {
        m_row = fresh();
        m_lastRow = fresh();
    }
}

IntervalAggregator::Interval IntervalAggregator::fresh() const
{
    Interval interval;
    interval.figures.resize(m_counters.size());
    interval.latency.resize(m_counters.size());
    return interval;
}

IntervalAggregator::Interval& IntervalAggregator::open(qint64 second)
{
    second = std::max(second, m_firstOpen); // cannot happen: closed seconds are complete
    while (qint64(m_open.size()) <= second - m_firstOpen) {
        if (m_spare.empty()) {
            m_open.push_back(fresh());
        } else {
            m_open.push_back(std::move(m_spare.back()));
            m_spare.pop_back();
        }
    }
    return m_open[size_t(second - m_firstOpen)];
}

void IntervalAggregator::record(const RequestRecord& r)
{
    const Outcome& outcome = r.outcome;
    auto apply = [&](RequestCounters& c) {
        ++c.total;
        if (outcome.isSuccess()) {
            ++c.success;
            c.successLatency.record(r.latencyNs);
        } else {
            ++c.failure;
            c.failureLatency.record(r.latencyNs);
            ++c.errors[outcome.label()];
            if (outcome.kind == Outcome::Timeout)
                ++c.timeouts;
        }
    };
    apply(m_counters[size_t(r.typeIndex)]);
    apply(m_overall);
    if (r.stage >= 0 && size_t(r.stage) < m_stageCounters.size())
        apply(m_stageCounters[size_t(r.stage)]);
    if (r.stream) {
        auto addStream = [&](RequestCounters& c) {
            if (!c.stream)
                c.stream.emplace();
            c.stream->add(*r.stream);
        };
        addStream(m_counters[size_t(r.typeIndex)]);
        addStream(m_overall);
        if (r.stage >= 0 && size_t(r.stage) < m_stageCounters.size())
            addStream(m_stageCounters[size_t(r.stage)]);
    }
    if (m_goodput.judges(r.typeIndex)) {
        const bool good = m_goodput.isGood(r.typeIndex, outcome.isSuccess(), r.latencyNs, r.stream.get());
        for (RequestCounters* c : { &m_counters[size_t(r.typeIndex)], &m_overall }) {
            ++c->judged;
            c->good += good ? 1 : 0;
        }
    }

    auto applyInterval = [&](IntervalFigures& f, Histogram& h) {
        ++f.requests;
        if (outcome.isSuccess()) {
            ++f.successes;
            h.record(r.latencyNs);
        } else {
            ++f.errors;
            if (outcome.kind == Outcome::Timeout)
                ++f.timeouts;
        }
    };
    Interval& interval = open(r.doneNs / 1000000000);
    applyInterval(interval.figures[size_t(r.typeIndex)], interval.latency[size_t(r.typeIndex)]);
    applyInterval(interval.all, interval.allLatency);
    if (r.stream) {
        if (!interval.ttft) {
            interval.ttft.emplace();
            interval.tpot.emplace();
        }
        if (r.stream->ttftNs)
            interval.ttft->record(std::max<std::int64_t>(0, *r.stream->ttftNs));
        if (r.stream->tpotNs)
            interval.tpot->record(std::max<std::int64_t>(0, std::llround(*r.stream->tpotNs)));
        interval.outputTokens += r.stream->outputTokens.value_or(0);
    }
    if (outcome.kind == Outcome::Stuck)
        ++m_stuck;
}

void IntervalAggregator::closeBefore(double watermarkS, qint64 inFlight)
{
    while (double(m_firstOpen + 1) <= watermarkS)
        closeOldest(double(m_firstOpen + 1), inFlight);
}

void IntervalAggregator::clear(Interval* interval)
{
    std::fill(interval->figures.begin(), interval->figures.end(), IntervalFigures {});
    for (Histogram& h : interval->latency)
        h.reset();
    interval->all = {};
    interval->allLatency.reset();
    if (interval->ttft) {
        interval->ttft->reset();
        interval->tpot->reset();
    }
    interval->outputTokens = 0;
}

void IntervalAggregator::add(Interval* into, const Interval& from) const
{
    auto addFigures = [](IntervalFigures& a, const IntervalFigures& b) {
        a.requests += b.requests;
        a.successes += b.successes;
        a.errors += b.errors;
        a.timeouts += b.timeouts;
    };
    for (size_t i = 0; i < m_counters.size(); ++i) {
        addFigures(into->figures[i], from.figures[i]);
        into->latency[i].merge(from.latency[i]);
    }
    addFigures(into->all, from.all);
    into->allLatency.merge(from.allLatency);
    if (from.ttft) {
        if (!into->ttft) {
            into->ttft.emplace();
            into->tpot.emplace();
        }
        into->ttft->merge(*from.ttft);
        into->tpot->merge(*from.tpot);
    }
    into->outputTokens += from.outputTokens;
}

void IntervalAggregator::merge(Interval* into, Interval* from) const
{
    add(into, *from);
    clear(from);
}

void IntervalAggregator::foldOldestInto(Interval* into)
{
    merge(into, &m_open.front());
    m_spare.push_back(std::move(m_open.front()));
    m_open.pop_front();
    ++m_firstOpen;
}

TimelineRow IntervalAggregator::rowOf(const Interval& interval, double endS, double lengthS, qint64 inFlight) const
{
    TimelineRow row;
    row.tS = endS;
    row.all = figuresWithPercentiles(interval.all, interval.allLatency);
    row.rps = lengthS > 1e-6 ? double(interval.all.requests) / lengthS : 0.0;
    row.inFlight = inFlight;
    row.slidingAll = m_slidingNow.slidingAll;
    row.slidingByType = m_slidingNow.slidingByType;
    for (size_t i = 0; i < m_counters.size(); ++i)
        row.byType.insert(m_names[qsizetype(i)], figuresWithPercentiles(interval.figures[i], interval.latency[i]));
    if (streams()) {
        TimelineRow::Streaming figures;
        if (interval.ttft && !interval.ttft->isEmpty()) {
            const auto p = interval.ttft->percentilesNs({ 50, 95, 99 });
            figures.ttftP50 = percentileMs(p[0]);
            figures.ttftP95 = percentileMs(p[1]);
            figures.ttftP99 = percentileMs(p[2]);
        }
        if (interval.tpot && !interval.tpot->isEmpty()) {
            const auto p = interval.tpot->percentilesNs({ 50, 95 });
            figures.tpotP50 = percentileMs(p[0]);
            figures.tpotP95 = percentileMs(p[1]);
        }
        // Attributed at completion: a stream's tokens count in the second it ended.
        figures.outputTokensPerS = lengthS > 1e-6 ? double(interval.outputTokens) / lengthS : 0.0;
        row.streaming = figures;
    }
    return row;
}

void IntervalAggregator::slide(const Interval& interval, bool replace)
{
    // A run of one type: its windows are all's, not a second copy of 60 seconds' buckets (issue #19).
    const std::size_t types = m_counters.size() == 1 ? 0 : m_counters.size();
    if (m_slidingTypes.size() != types)
        m_slidingTypes.assign(types, SlidingLatency(TimelineRow::SlidingWindowsS.back()));
    auto fill = [](SlidingLatency& sliding, const Histogram& second, bool replace) {
        if (replace)
            sliding.replaceNewest(second);
        else
            sliding.push(second);
        std::array<TimelineRow::Sliding, 2> figures;
        for (std::size_t w = 0; w < figures.size(); ++w) {
            const auto p = sliding.percentilesNs(TimelineRow::SlidingWindowsS[w], { 50, 95, 99 });
            figures[w] = { nsToMs(p[0]), nsToMs(p[1]), nsToMs(p[2]) };
        }
        return figures;
    };
    m_slidingNow.slidingAll = fill(m_slidingAll, interval.allLatency, replace);
    for (size_t i = 0; i < types; ++i)
        m_slidingNow.slidingByType.insert(m_names[qsizetype(i)], fill(m_slidingTypes[i], interval.latency[i], replace));
}

void IntervalAggregator::appendRow(const Interval& interval, double endS, qint64 inFlight)
{
    const double lengthS = endS - (m_timeline.isEmpty() ? 0.0 : m_timeline.last().tS);
    m_timeline.append(rowOf(interval, endS, lengthS, inFlight));
}

void IntervalAggregator::closeRow(double endS, qint64 inFlight)
{
    appendRow(*m_row, endS, inFlight);
    std::swap(*m_row, *m_lastRow);
    clear(&*m_row);
    m_rowHasSeconds = false;
}

void IntervalAggregator::closeOldest(double endS, qint64 inFlight)
{
    open(m_firstOpen);
    Interval current = std::move(m_open.front());
    m_open.pop_front();
    ++m_firstOpen;
    // The last, partial second takes whatever is still open.
    while (!m_open.empty() && endS < double(m_firstOpen))
        foldOldestInto(&current);
    if (endS - m_secondEndS > 1e-6) {
        m_secondEndS = endS;
        slide(current, false);
        addToWindow(current, endS);
        if (m_rowS == 1) {
            appendRow(current, endS, inFlight);
        } else {
            add(&*m_row, current);
            m_rowHasSeconds = true;
            if (std::fmod(endS, double(m_rowS)) < 1e-9)
                closeRow(endS, inFlight);
        }
    }
    // The newest second stays whole until the next one closes: a run may end just after it.
    if (m_lastClosed) {
        clear(&*m_lastClosed);
        m_spare.push_back(std::move(*m_lastClosed));
    }
    m_lastClosed = std::move(current);
}

void IntervalAggregator::closeLast(double endS, qint64 inFlight)
{
    closeBefore(endS, inFlight);
    const double lastEnd = m_timeline.isEmpty() ? 0.0 : m_timeline.last().tS;
    if (m_timeline.isEmpty() || !m_lastClosed || m_rowHasSeconds || endS - lastEnd >= SliverS) {
        if (endS - m_secondEndS > 1e-6 || m_timeline.isEmpty())
            closeOldest(endS, inFlight);
        if (m_rowHasSeconds) // the last row, shorter than the others
            closeRow(m_secondEndS, inFlight);
        closeWindow();
        return;
    }
    // A run that ends less than SliverS into a new second: that sliver joins the second before,
    // rather than showing as a row of its own with a meaningless rate (and its latency window).
    for (const Interval& late : m_open)
        addToWindow(late, m_windowEndS);
    m_windowEndS = endS;
    closeWindow();
    while (!m_open.empty()) {
        if (m_rowS > 1)
            add(&*m_lastRow, m_open.front());
        foldOldestInto(&*m_lastClosed);
    }
    const double startS = m_timeline.size() > 1 ? m_timeline[m_timeline.size() - 2].tS : 0.0;
    slide(*m_lastClosed, true);
    m_timeline.last() = rowOf(m_rowS > 1 ? *m_lastRow : *m_lastClosed, endS, endS - startS, m_timeline.last().inFlight);
    m_secondEndS = endS;
}

void IntervalAggregator::addToWindow(const Interval& interval, double endS)
{
    const qint64 index = LatencyWindow::indexOf(endS, m_windowS);
    if (index != m_windowIndex && m_windowIndex >= 0)
        closeWindow();
    m_windowIndex = index;
    m_windowEndS = endS;
    add(&m_window, interval);
}

void IntervalAggregator::closeWindow()
{
    if (m_windowIndex < 0)
        return;
    auto figures = [](const IntervalFigures& f, const Histogram& h) {
        return WindowFigures { f.requests, f.errors, SparseHistogram::of(h) };
    };
    LatencyWindow w;
    const double startS = double(m_windowIndex * m_windowS);
    w.tS = m_windowEndS;
    w.lengthS = m_windowEndS - startS;
    w.all = figures(m_window.all, m_window.allLatency);
    // With one type its figures are all's: shared, not a second copy of the buckets (issue #19).
    for (size_t i = 0; i < m_counters.size(); ++i) {
        w.byType.insert(
            m_names[qsizetype(i)], m_counters.size() == 1 ? w.all : figures(m_window.figures[i], m_window.latency[i]));
    }
    // Just after the windows became twice as long, the newest may be the first half of this one.
    if (!m_windows.isEmpty() && LatencyWindow::indexOf(m_windows.last().tS, m_windowS) == m_windowIndex)
        m_windows.last().absorb(w, m_windowS);
    else
        m_windows.append(w);
    LatencyWindow::bound(&m_windows, &m_windowS);
    clear(&m_window);
    m_windowIndex = -1;
}

} // namespace Stressdeck
