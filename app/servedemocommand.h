// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

namespace Stressdeck::Cli {

//! `stressdeck serve-demo …`: the demo service stand-alone, until interrupted.
int serveDemo(const QStringList& arguments);

} // namespace Stressdeck::Cli
