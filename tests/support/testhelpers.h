// SPDX-License-Identifier: MIT

#pragma once

#include "loadrunner.h"
#include "report.h"

#include <functional>

// Under AddressSanitizer (GCC says so with __SANITIZE_ADDRESS__, clang 14 only through
// __has_feature): memory figures include ASan's quarantine of freed memory.
#if defined(__SANITIZE_ADDRESS__)
#define STRESSDECK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STRESSDECK_ASAN 1
#endif
#endif

namespace Stressdeck::Testing {

//! The criterion with this id; a test that asks for a missing one fails loudly.
inline const Criterion& criterion(const Report& report, const char* id)
{
    for (const Criterion& c : report.criteria) {
        if (c.id == QLatin1String(id))
            return c;
    }
    qFatal("no criterion %s", id);
}

//! The error classes of a run, for a failure message: "HTTP 503, Timeout".
inline QString errorNames(const QMap<QString, qint64>& errors)
{
    QStringList names;
    for (auto it = errors.begin(); it != errors.end(); ++it)
        names.append(it.key());
    return names.join(u", ");
}

struct Run {
    Report report;
    qint64 wallMs = 0;
    bool unavailable = false;
};

//! Runs to the end (a watchdog fails the test instead of hanging); `during` acts mid-run.
Run runToEnd(const RunConfig& config, const Scenario& scenario, const std::function<void(LoadRunner&)>& during = {},
    int duringAfterMs = 0);

//! Two users for 1 s against `url`, no think time, no health check, a sample and a checkpoint a second.
RunConfig shortRunConfig(const QString& url);
//! One request type, "fast": GET /delay/5.
Scenario fastScenario();

//! The report of a short real run as shard `index` of `count` against `url` (shortRunConfig and
//! fastScenario), for tests that need shard reports to follow or merge.
Report shardReport(const QString& url, int index, int count);

//! How a run of the stressdeck executable ended.
struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
    qint64 wallMs = 0;
};

//! The executable under test, from STRESSDECK_BINARY (set by ctest).
inline QString stressdeckBinary()
{
    return qEnvironmentVariable("STRESSDECK_BINARY");
}

} // namespace Stressdeck::Testing
