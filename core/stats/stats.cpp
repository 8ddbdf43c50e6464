// SPDX-License-Identifier: MIT

#include "stats.h"

#include <algorithm>
#include <cmath>

namespace Stressdeck {

LatencySummary LatencySummary::of(const Histogram& h)
{
    if (h.isEmpty())
        return {};
    const auto p = h.percentilesNs({ 50, 90, 95, 99, 99.9 });
    return { nsToMs(h.minNs()), h.meanNs() / 1e6, nsToMs(p[0]), nsToMs(p[1]), nsToMs(p[2]), nsToMs(p[3]), nsToMs(p[4]),
        nsToMs(h.maxNs()) };
}

StatsFigures StatsFigures::of(const QString& name, const RequestCounters& c, double elapsedS)
{
    StatsFigures s;
    s.name = name;
    s.total = c.total;
    s.success = c.success;
    s.failure = c.failure;
    s.timeouts = c.timeouts;
    s.successRatePct = c.total ? 100.0 * double(c.success) / double(c.total) : 0.0;
    s.throughputRps = elapsedS > 0 ? double(c.total) / elapsedS : 0.0;
    s.latency = LatencySummary::of(c.successLatency);
    s.errors = c.errors;
    if (c.stream)
        s.streaming = StreamingSummary::of(*c.stream, elapsedS);
    if (c.judged > 0) {
        if (!s.streaming)
            s.streaming = StreamingSummary::of(StreamCounters {}, elapsedS);
        s.streaming->goodputRps = elapsedS > 0 ? double(c.good) / elapsedS : 0.0;
        s.streaming->goodPct = 100.0 * double(c.good) / double(c.judged);
    }
    return s;
}

StatsSummary StatsSummary::of(const QString& name, const RequestCounters& c, double elapsedS)
{
    StatsSummary s;
    static_cast<StatsFigures&>(s) = StatsFigures::of(name, c, elapsedS);
    s.histogram = c.successLatency;
    s.failureHistogram = c.failureLatency;
    return s;
}

void StreamCounters::add(const StreamSample& sample)
{
    ++streams;
    if (sample.ttftNs)
        ttft.record(std::max<std::int64_t>(0, *sample.ttftNs));
    if (sample.ttftSchedNs)
        ttftSched.record(std::max<std::int64_t>(0, *sample.ttftSchedNs));
    e2e.record(std::max<std::int64_t>(0, sample.e2eNs));
    if (sample.tpotNs)
        tpot.record(std::max<std::int64_t>(0, std::llround(*sample.tpotNs)));
    for (const std::int64_t gap : sample.gapsNs)
        icl.record(std::max<std::int64_t>(0, gap));
    contentEvents += sample.contentEvents;
    coalescedEvents += sample.coalescedEvents;
    if (sample.outputTokens) {
        ++usage;
        outputTokens += *sample.outputTokens;
        contentEventsWithTokens += sample.contentEvents;
    } else {
        ++none;
    }
    buffered += sample.buffered ? 1 : 0;
    roleLead += sample.roleLead ? 1 : 0;
}

void StreamCounters::merge(const StreamCounters& o)
{
    streams += o.streams;
    ttft.merge(o.ttft);
    ttftSched.merge(o.ttftSched);
    e2e.merge(o.e2e);
    tpot.merge(o.tpot);
    icl.merge(o.icl);
    outputTokens += o.outputTokens;
    usage += o.usage;
    none += o.none;
    contentEvents += o.contentEvents;
    contentEventsWithTokens += o.contentEventsWithTokens;
    coalescedEvents += o.coalescedEvents;
    buffered += o.buffered;
    roleLead += o.roleLead;
}

StreamingSummary StreamingSummary::of(const StreamCounters& c, double elapsedS)
{
    StreamingSummary s;
    s.ttft = LatencySummary::of(c.ttft);
    s.ttftSched = LatencySummary::of(c.ttftSched);
    s.e2e = LatencySummary::of(c.e2e);
    s.tpot = LatencySummary::of(c.tpot);
    s.icl = LatencySummary::of(c.icl);
    s.outputTokens = c.outputTokens;
    s.outputTokensPerS = elapsedS > 0 ? double(c.outputTokens) / elapsedS : 0.0;
    s.usage = c.usage;
    s.none = c.none;
    s.chunksPerToken = c.outputTokens > 0 ? double(c.contentEventsWithTokens) / double(c.outputTokens) : 0.0;

    // Report keys, not prose for a screen: fixed English, as the error classes are.
    const QString streams = QString::number(c.streams);
    if (c.outputTokens > 0 && s.chunksPerToken < ChunksPerTokenFloor)
        s.warnings.append(QStringLiteral("ICL is per event, not per token: %1 content events per output token")
                              .arg(s.chunksPerToken, 0, 'f', 2));
    if (c.contentEvents > 0 && double(c.coalescedEvents) > 0.1 * double(c.contentEvents))
        s.warnings.append(
            QStringLiteral("coalesced events: %1 of %2 content events arrived in the same read as the one before")
                .arg(c.coalescedEvents)
                .arg(c.contentEvents));
    if (c.buffered > 0)
        s.warnings.append(QStringLiteral("buffered stream: %1 of %2 streams delivered their content at once")
                              .arg(c.buffered)
                              .arg(streams));
    if (c.none > 0)
        s.warnings.append(
            QStringLiteral("usage missing: %1 of %2 streams reported no token count").arg(c.none).arg(streams));
    if (c.roleLead > 0)
        s.warnings.append(QStringLiteral("role-only event long before the first content: %1 of %2 streams")
                              .arg(c.roleLead)
                              .arg(streams));
    return s;
}

void StreamingSummary::noteStreamOptionsDropped()
{
    if (streamOptionsDropped)
        return;
    streamOptionsDropped = true;
    warnings.append(QStringLiteral(
        "stream_options dropped: the server answered 400 naming stream_options, so they were left out (no usage)"));
}

void WindowFigures::add(const WindowFigures& other)
{
    requests += other.requests;
    errors += other.errors;
    latency.merge(other.latency);
}

qint64 LatencyWindow::indexOf(double endS, int windowS)
{
    return std::max<qint64>(0, qint64(std::ceil(endS / windowS - 1e-9)) - 1);
}

int TimelineRow::rowSecondsFor(double plannedS)
{
    int rowS = 1;
    while (plannedS > double(MaxRows) * rowS && rowS < (1 << 20))
        rowS *= 2;
    return rowS;
}

bool LatencyWindow::isWindowLength(double s)
{
    for (qint64 length = WindowS; length <= qint64(1) << 40; length *= 2) {
        if (s == double(length))
            return true;
    }
    return false;
}

void LatencyWindow::absorb(const LatencyWindow& later, int windowS)
{
    tS = std::max(tS, later.tS);
    lengthS = tS - double(indexOf(tS, windowS) * windowS);
    all.add(later.all);
    for (auto it = later.byType.begin(); it != later.byType.end(); ++it)
        byType[it.key()].add(it.value());
    // A run of one type: its figures are `all`'s, and stay shared with them (as closeWindow made them).
    if (byType.size() == 1 && byType.first() == all)
        byType.first() = all;
}

void LatencyWindow::coarsen(QList<LatencyWindow>* windows, int* windowS)
{
    *windowS *= 2;
    QList<LatencyWindow> coarse;
    coarse.reserve(windows->size() / 2 + 1);
    for (LatencyWindow& w : *windows) {
        if (!coarse.isEmpty() && indexOf(coarse.last().tS, *windowS) == indexOf(w.tS, *windowS)) {
            coarse.last().absorb(w, *windowS);
        } else {
            w.lengthS = w.tS - double(indexOf(w.tS, *windowS) * *windowS);
            coarse.append(std::move(w));
        }
    }
    *windows = std::move(coarse);
}

void LatencyWindow::bound(QList<LatencyWindow>* windows, int* windowS)
{
    while (windows->size() > MaxWindows)
        coarsen(windows, windowS);
}

} // namespace Stressdeck
