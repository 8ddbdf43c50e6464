// SPDX-License-Identifier: MIT

#pragma once

#include "scenario.h"
#include "slo.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace Stressdeck {

struct StreamSample;

//! Judges single streamed requests against the per-request reading of an SLO (issue #16's
//! goodput): a request of a streaming type is good when it succeeded and its own TTFT, TPOT and
//! latency are under the limits of the terms that apply to it (`ttft_p95<300ms` limits its TTFT,
//! `tpot_p95<30ms` its TPOT, `p95<2s` its latency; a term for another type does not apply;
//! `errors<…` is no per-request limit). Failures count as not good. A TPOT limit is met by a
//! stream of fewer than two tokens, and not met when the token count is unknown. Only streaming
//! types with at least one such limit are judged.
class Goodput {
public:
    Goodput() = default;
    Goodput(const Slo& slo, const Scenario& scenario);

    bool isEmpty() const { return m_limits.empty(); }
    bool judges(int typeIndex) const;
    //! `stream` is the sample of a successful stream (null for a failure).
    bool isGood(int typeIndex, bool success, std::int64_t latencyNs, const StreamSample* stream) const;

private:
    struct Limits {
        bool judged = false;
        std::optional<double> ttftMs;
        std::optional<double> tpotMs;
        std::optional<double> latencyMs;
    };
    std::vector<Limits> m_limits;
};

} // namespace Stressdeck
