// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

namespace Stressdeck::Cli {

//! `stressdeck compare BASELINE.json CANDIDATE.json [...]`: did the candidate get better or worse?
//! Exit 0 without a regression, 1 with at least one, 2 for bad input.
int compare(const QStringList& arguments);

} // namespace Stressdeck::Cli
