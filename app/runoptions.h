// SPDX-License-Identifier: MIT

#pragma once

#include "demooptions.h"
#include "runconfig.h"
#include "scenario.h"

#include <QCommandLineOption>
#include <QList>
#include <QSet>
#include <QString>

class QCommandLineParser;

namespace Stressdeck::Cli {

//! What the options of a run say: the configuration (profile first, then each flag), the
//! scenario, the demo service's knobs and where to write the report.
struct RunOptions {
    RunConfig config;
    Scenario scenario;
    QString scenarioArgument; //!< --scenario as given: a built-in id or a file
    QString monitorArgument; //!< --monitor-pid or --monitor-name as given
    bool useDemo = true; //!< no --target: the built-in demo service
    DemoOptions demo;
    QString jsonFile;
    QString pdfFile;
    bool recordHistory = true; //!< false with --no-history
    QSet<QString> given; //!< long names of the options on the command line

    bool isGiven(const char* name) const { return given.contains(QLatin1String(name)); }
};

//! The options of `stressdeck run`, defined once: `stressdeck gui` takes the same table, so the
//! two commands cannot drift apart.
class RunOptionTable {
public:
    RunOptionTable();

    void addTo(QCommandLineParser* parser) const;
    //! For a command that takes the table but sets some of its options itself (`capacity` sets
    //! the rate and the duration): keeps them out of --help; the command rejects them when given.
    void hideFromHelp(const QStringList& names);
    //! A command's own wording for an option it shares (what `--json` writes, say).
    void describe(const QString& name, const QString& description);
    //! Reads the parsed options into `out`; false with a message naming the flag.
    bool read(const QCommandLineParser& parser, RunOptions* out, QString* error) const;
    //! `--profile capacity` (the window's capacity search) is accepted: for `gui` only.
    void acceptCapacityProfile() { m_capacityProfile = true; }

private:
    QList<QCommandLineOption> m_options;
    bool m_capacityProfile = false;
};

} // namespace Stressdeck::Cli
