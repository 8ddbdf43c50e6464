// SPDX-License-Identifier: MIT

#include "latencyspectrum.h"

#include <algorithm>
#include <cmath>

namespace Stressdeck {

double LatencySpectrum::ninesOf(double percentile)
{
    const double rest = std::max(1e-12, 1.0 - percentile / 100.0);
    return -std::log10(rest);
}

double LatencySpectrum::percentileOf(double nines)
{
    return 100.0 * (1.0 - std::pow(10.0, -nines));
}

LatencySpectrum LatencySpectrum::of(const QString& name, const Histogram& histogram)
{
    LatencySpectrum s;
    s.name = name;
    s.count = histogram.count();
    if (histogram.isEmpty())
        return s;
    // Beyond log10(count) nines every percentile is the maximum: one point there is enough.
    const double reach = std::min(MaxNines, std::log10(double(s.count)));
    QList<double> ps;
    for (int i = 1; i <= int(std::floor(reach * PointsPerNine + 1e-9)); ++i) {
        s.nines.append(double(i) / PointsPerNine);
        ps.append(percentileOf(s.nines.constLast()));
    }
    const QList<std::int64_t> values = histogram.percentilesNs(ps);
    s.nines.prepend(0);
    s.latencyMs.append(double(histogram.minNs()) / 1e6);
    for (std::int64_t v : values)
        s.latencyMs.append(double(v) / 1e6);
    if (reach > s.nines.constLast() + 1e-9) {
        s.nines.append(reach);
        s.latencyMs.append(double(histogram.maxNs()) / 1e6);
    }
    return s;
}

double LatencySpectrum::latencyAtMs(double percentile) const
{
    if (nines.isEmpty())
        return 0;
    const double x = ninesOf(percentile);
    const auto it = std::lower_bound(nines.begin(), nines.end(), x - 1e-9);
    if (it == nines.end())
        return latencyMs.constLast();
    const auto i = qsizetype(it - nines.begin());
    if (i == 0 || std::abs(nines[i] - x) < 1e-9)
        return latencyMs[i];
    const double f = (x - nines[i - 1]) / (nines[i] - nines[i - 1]);
    return latencyMs[i - 1] + f * (latencyMs[i] - latencyMs[i - 1]);
}

} // namespace Stressdeck
