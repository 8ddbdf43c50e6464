// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

namespace Stressdeck::Cli {

//! `stressdeck merge SHARD.json… [--json FILE] [--pdf FILE] [--allow-partial]`: the shards of one
//! distributed run as one report; exit 0 passed, 1 a criterion failed, 2 refused (file named).
int merge(const QStringList& arguments);

} // namespace Stressdeck::Cli
