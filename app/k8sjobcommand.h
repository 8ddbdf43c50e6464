// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

namespace Stressdeck::Cli {

//! `stressdeck k8s-job --shards N [run's options] [--image IMAGE] [--name NAME] [--lead 2m |
//! --start-at TIME] [--cpu N] [--memory SIZE]`: prints a headless Service and an Indexed Job that
//! run N shards of one run together (issue #17); exit 2 on bad input.
int k8sJob(const QStringList& arguments);

//! The manifest itself, for the given values (`runArguments` are run's options, passed through).
QString k8sJobManifest(const QString& name, const QString& image, int shards, const QString& startAt,
    const QString& cpu, const QString& memory, const QStringList& runArguments);

} // namespace Stressdeck::Cli
