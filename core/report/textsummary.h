// SPDX-License-Identifier: MIT

#pragma once

#include "report.h"
#include "snapshot.h"

namespace Stressdeck {

//! The plain-text end-of-run summary, laid out like the original Archive-AI script's report.
QString textSummary(const Report& report);
//! One progress line for stderr during a run.
QString progressLine(const LiveSnapshot& snapshot);

} // namespace Stressdeck
