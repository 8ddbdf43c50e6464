// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

namespace Stressdeck::Cli {

//! `stressdeck report REPORT.json [--pdf FILE]`: print a saved report's summary or render it.
int report(const QStringList& arguments);

} // namespace Stressdeck::Cli
