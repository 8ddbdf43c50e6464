// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

namespace Stressdeck::Cli {

//! `stressdeck history [--target URL] [--scenario NAME] [--last N] [--json]`: the recorded runs,
//! newest first, as a table or as JSON.
int history(const QStringList& arguments);

} // namespace Stressdeck::Cli
