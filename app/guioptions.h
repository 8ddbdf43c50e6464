// SPDX-License-Identifier: MIT

#pragma once

#include "runoptions.h"

#include <QString>
#include <QStringList>

namespace Stressdeck {

//! Values the `gui` command hands to the window: the options `run` takes (only those in
//! `run.given` are applied over the remembered setup) plus the window's own.
struct GuiOptions {
    Cli::RunOptions run;
    bool autostart = false;
    QString saveJson; //!< --save-json or --json
    bool quitWhenDone = false;
    QString screenshot; //!< grab the window near the end of the run (or once shown) into this PNG
    QString baseline; //!< --baseline: a saved report to compare the runs with
    QString follow; //!< --follow: the checkpoint folder of a distributed run to follow live
};

//! Parses `stressdeck gui …` (arguments[0] is the program). Needs no display, only a
//! QCoreApplication for the translated help. Returns 0 to go on, otherwise the exit code, with the
//! help text (code 0 with `help` set) or the error in `message`.
int parseGuiOptions(const QStringList& arguments, GuiOptions* options, QString* message, bool* help);

} // namespace Stressdeck
