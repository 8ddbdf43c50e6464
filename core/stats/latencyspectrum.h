// SPDX-License-Identifier: MIT

#pragma once

#include "histogram.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Stressdeck {

//! The percentile spectrum of a latency histogram, the picture HdrHistogram users know (issue #18):
//! latency against percentile on a logarithmic "nines" axis, where 0, 90, 99, 99.9 and 99.99 %
//! are 0, 1, 2, 3 and 4 nines apart. Made from a Histogram by the engine (live) or from a report's
//! histograms, so the window only draws it. Points stop at the highest percentile the count can
//! tell apart (one request in 10^n for n nines), the last one being the maximum.
struct LatencySpectrum {
    static constexpr double MaxNines = 4; //!< 99.99 %
    static constexpr int PointsPerNine = 10;

    QString name;
    qint64 count = 0;
    QList<double> nines; //!< x: −log10(1 − p/100), ascending from 0
    QList<double> latencyMs; //!< y: the nearest-rank percentile (the minimum at 0 nines)

    static LatencySpectrum of(const QString& name, const Histogram& histogram);
    static double ninesOf(double percentile);
    static double percentileOf(double nines);
    //! The latency at `percentile`, interpolated on the nines axis between the spectrum's points.
    double latencyAtMs(double percentile) const;
    bool isEmpty() const { return count == 0; }

    friend bool operator==(const LatencySpectrum&, const LatencySpectrum&) = default;
};

} // namespace Stressdeck
