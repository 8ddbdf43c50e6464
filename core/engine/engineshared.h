// SPDX-License-Identifier: MIT

#pragma once

#include "openschedule.h"
#include "requesttransport.h"
#include "runconfig.h"
#include "scenario.h"
#include "shardplan.h"

#include <atomic>
#include <vector>

namespace Stressdeck {

//! What every worker of a run reads; written by the engine before the workers start, except
//! for the atomics and the schedule.
struct EngineShared {
    RunConfig config;
    Scenario scenario; //!< with ${NAME} resolved
    std::vector<double> cumulativeWeights;
    std::vector<PreparedRequest> requests; //!< per type
    ShardSpec shard; //!< which stripe of the global plan this process runs
    EngineClock::time_point loadStart;
    std::atomic<bool> running { false };
    std::atomic<int> targetUsers { 0 };
    std::atomic<qint64> inFlight { 0 };
    OpenSchedule schedule;
};

} // namespace Stressdeck
