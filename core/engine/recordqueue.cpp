// SPDX-License-Identifier: MIT

#include "recordqueue.h"

namespace Stressdeck {

void RecordQueue::push(int typeIndex, const Outcome& outcome, EngineClock::time_point done, std::int64_t latencyNs,
    EngineClock::time_point loadStart, int stage, std::shared_ptr<const StreamSample> stream)
{
    const std::lock_guard lock(m_mutex);
    // The time is taken again under the lock: a record that ends before the aggregator's
    // hand-over time is then always part of that hand-over.
    done = std::max(done, EngineClock::now());
    m_records.push_back({ typeIndex, outcome, latencyNs, nanos(done - loadStart), stage, std::move(stream) });
}

EngineClock::time_point RecordQueue::takeAll(std::vector<RequestRecord>* out)
{
    out->clear();
    const std::lock_guard lock(m_mutex);
    std::swap(*out, m_records);
    return EngineClock::now();
}

} // namespace Stressdeck
