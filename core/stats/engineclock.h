// SPDX-License-Identifier: MIT

#pragma once

#include <chrono>
#include <cstdint>

namespace Stressdeck {

//! The one clock of a run: every intended, sent and completion time is taken from it.
using EngineClock = std::chrono::steady_clock;

inline std::int64_t nanos(EngineClock::duration d)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
}

inline double seconds(EngineClock::duration d)
{
    return double(nanos(d)) / 1e9;
}

} // namespace Stressdeck
