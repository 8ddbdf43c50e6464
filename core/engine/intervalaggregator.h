// SPDX-License-Identifier: MIT

#pragma once

#include "goodput.h"
#include "histogram.h"
#include "recordqueue.h"
#include "slidinglatency.h"
#include "stats.h"

#include <QList>
#include <QStringList>

#include <deque>
#include <optional>
#include <vector>

namespace Stressdeck {

//! Files finished requests into the run's totals and into one-second intervals by completion
//! time. A second is closed (becomes a TimelineRow) only when the caller says every request that
//! ends in it has arrived, so rows are exact whatever the number of engine threads; rows always
//! sum to the totals, and a run ending just past a second folds that sliver into it. A staged run
//! also counts each request in the stage it started in (RequestRecord::stage), so the stages' counters
//! sum to the totals too. A run planned longer than TimelineRow::MaxRows seconds gets rows of
//! `rowS` seconds (TimelineRow::rowSecondsFor), made from the whole seconds' histograms, so their
//! percentiles are exact; the sliding and latency windows still take each second as it closes.
//! Single threaded: the engine calls it from its own thread only.
class IntervalAggregator {
public:
    //! A run's last piece shorter than this joins the second before instead of a row of its own.
    static constexpr double SliverS = 0.1;

    explicit IntervalAggregator(const QStringList& typeNames, int stageCount = 0, int rowS = 1);

    void record(const RequestRecord& record);
    //! Closes every second that ends at or before `watermarkS`; `inFlight` goes into the rows.
    void closeBefore(double watermarkS, qint64 inFlight);
    //! Closes what is left at the end of the run, `endS` into the load: the whole seconds before
    //! it, then the rest, requests that ended after `endS` included.
    void closeLast(double endS, qint64 inFlight);

    const QList<TimelineRow>& timeline() const { return m_timeline; }
    //! How long the timeline's rows are (the last may be shorter).
    int rowS() const { return m_rowS; }
    //! The latency windows closed so far: a window closes with the first second after it, or at the end.
    const QList<LatencyWindow>& windows() const { return m_windows; }
    //! How long the windows are now (LatencyWindow: it doubles as the run grows).
    int windowS() const { return m_windowS; }
    const RequestCounters& overall() const { return m_overall; }
    const std::vector<RequestCounters>& byType() const { return m_counters; }
    //! Per stage, by the stage a request started in; empty without stages.
    const std::vector<RequestCounters>& byStage() const { return m_stageCounters; }
    qint64 stuckCount() const { return m_stuck; }
    //! The run has a streaming request type (or counted a stream): the rows carry streaming figures.
    bool streams() const { return m_streams || m_overall.stream.has_value(); }
    void setStreams(bool streams) { m_streams = streams; }
    //! Judges each request for goodput (RequestCounters::judged and good); empty: none.
    void setGoodput(const Goodput& goodput) { m_goodput = goodput; }

private:
    //! One second while requests that end in it may still arrive.
    struct Interval {
        std::vector<IntervalFigures> figures;
        std::vector<Histogram> latency;
        IntervalFigures all;
        Histogram allLatency;
        //! Streams that ended in this second: their TTFT and TPOT (made on the first) and their tokens.
        std::optional<Histogram> ttft;
        std::optional<Histogram> tpot;
        qint64 outputTokens = 0;
    };

    Interval& open(qint64 second);
    Interval fresh() const;
    //! Closes the oldest open second (or, at the end, the partial one): a timeline row of its own,
    //! or with rows of several seconds a part of the open row, which it ends at a row's boundary.
    void closeOldest(double endS, qint64 inFlight);
    //! Appends the open row of several seconds, ending at `endS`, and keeps it whole as m_lastRow.
    void closeRow(double endS, qint64 inFlight);
    void appendRow(const Interval& interval, double endS, qint64 inFlight);
    //! Adds `from` to `into`.
    void add(Interval* into, const Interval& from) const;
    //! Adds `from` to `into` and empties `from`.
    void merge(Interval* into, Interval* from) const;
    //! Merges the oldest open second into `into` and keeps its storage for reuse.
    void foldOldestInto(Interval* into);
    static void clear(Interval* interval);
    //! A row of `interval`'s figures, with the sliding figures of the newest closed second.
    TimelineRow rowOf(const Interval& interval, double endS, double lengthS, qint64 inFlight) const;
    //! Adds the second to the sliding windows (or, `replace`, puts it in place of the newest) and
    //! updates their percentiles (m_slidingNow), which the next row takes.
    void slide(const Interval& interval, bool replace);
    //! Adds a closed second (or a late sliver of one) ending at `endS` to its latency window.
    void addToWindow(const Interval& interval, double endS);
    void closeWindow();

    QStringList m_names;
    std::vector<RequestCounters> m_counters;
    RequestCounters m_overall;
    std::vector<RequestCounters> m_stageCounters;
    qint64 m_stuck = 0;
    bool m_streams = false;
    SlidingLatency m_slidingAll { TimelineRow::SlidingWindowsS.back() };
    std::vector<SlidingLatency> m_slidingTypes;
    Goodput m_goodput;
    std::deque<Interval> m_open; //!< m_open[i] is second m_firstOpen + i
    std::vector<Interval> m_spare;
    std::optional<Interval> m_lastClosed; //!< the newest closed second, kept whole
    qint64 m_firstOpen = 0;
    QList<TimelineRow> m_timeline;
    int m_rowS = 1;
    double m_secondEndS = 0; //!< the end of the newest closed second
    //! With rows of several seconds: the closed seconds of the row not yet appended, and the newest
    //! appended row kept whole (a run may end just after it).
    std::optional<Interval> m_row;
    bool m_rowHasSeconds = false;
    std::optional<Interval> m_lastRow;
    TimelineRow m_slidingNow; //!< only its sliding figures: those of the newest closed second
    Interval m_window; //!< the latency window of the newest closed seconds
    qint64 m_windowIndex = -1; //!< which window m_window is (-1: none yet)
    double m_windowEndS = 0;
    QList<LatencyWindow> m_windows;
    int m_windowS = LatencyWindow::WindowS;
};

} // namespace Stressdeck
