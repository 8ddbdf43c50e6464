// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

namespace Stressdeck::Cli {

enum ExitCode { Passed = 0, CriterionFailed = 1, BadInput = 2, TargetUnavailable = 3, Interrupted = 130 };

//! `stressdeck run …`: a headless run; returns the process exit code.
int run(const QStringList& arguments);

} // namespace Stressdeck::Cli
