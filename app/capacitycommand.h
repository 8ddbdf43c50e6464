// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

namespace Stressdeck {
class CapacityRun;
}

namespace Stressdeck::Cli {

//! `stressdeck capacity --slo "p95<500ms,errors<1%" …`: the highest open-model rate that meets
//! the SLO, found step by step (CapacitySearch). Exit 0 with a capacity, 1 when even the start
//! rate fails, 2 bad usage, 3 target unavailable, 130 interrupted.
int capacity(const QStringList& arguments);

//! The exit code of a finished search: 130 interrupted (when `interruptionCounts`), 0 an answer
//! was found, else 1. The command line and `gui --quit-when-done` share it.
int capacityExitCode(const CapacityRun& run, bool interruptionCounts);

} // namespace Stressdeck::Cli
