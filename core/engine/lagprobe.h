// SPDX-License-Identifier: MIT

#pragma once

#include "engineclock.h"
#include "histogram.h"

#include <QObject>

#include <chrono>
#include <mutex>

class QTimer;

namespace Stressdeck {

//! Measures the event-loop lag of the thread it lives on: a precise timer of a fixed interval
//! records by how much each firing came later than the interval after the one before. Start and
//! stop it on its own thread; its figures may be read from any thread.
class LagProbe : public QObject {
    Q_OBJECT
public:
    explicit LagProbe(std::chrono::milliseconds interval, QObject* parent = nullptr);

    //! The first lag is measured from now.
    void start();
    void stop();

    //! The worst lag since the last call (or the start), in ms.
    double takePeriodMaxMs();
    //! Every lag measured so far.
    Histogram histogram() const;

private:
    void fired();

    const std::chrono::milliseconds m_interval;
    QTimer* m_timer = nullptr;
    EngineClock::time_point m_last;
    mutable std::mutex m_mutex;
    Histogram m_lag;
    double m_periodMaxMs = 0;
};

} // namespace Stressdeck
