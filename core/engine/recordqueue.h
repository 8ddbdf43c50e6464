// SPDX-License-Identifier: MIT

#pragma once

#include "engineclock.h"
#include "outcome.h"
#include "stats.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace Stressdeck {

//! One finished request as a worker hands it to the engine's aggregator.
struct RequestRecord {
    int typeIndex = 0;
    Outcome outcome;
    std::int64_t latencyNs = 0;
    std::int64_t doneNs = 0; //!< when it ended, since the start of the load
    int stage = -1; //!< the stage it started in (its intended time in the open model); -1: no stages
    std::shared_ptr<const StreamSample> stream; //!< only a successful streaming request has one
};

//! Finished requests of one worker on their way to the aggregator. A worker appends under a
//! lock and takes the completion time inside it, so when the aggregator takes the queue at
//! time T it holds every request of that worker that ended before T: per-second intervals
//! close exactly, whatever the number of threads.
class RecordQueue {
public:
    void push(int typeIndex, const Outcome& outcome, EngineClock::time_point done, std::int64_t latencyNs,
        EngineClock::time_point loadStart, int stage = -1, std::shared_ptr<const StreamSample> stream = {});
    //! Moves the queued records into *out (emptied first); returns the time of the hand-over.
    EngineClock::time_point takeAll(std::vector<RequestRecord>* out);

private:
    std::mutex m_mutex;
    std::vector<RequestRecord> m_records;
};

} // namespace Stressdeck
