// SPDX-License-Identifier: MIT

// libFuzzer target: the report loader (with its histograms) must reject any input with a
// message, never crash, and what it accepts must survive a save and load unchanged.
#include "report.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Stressdeck::Report report;
    QString error;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (Stressdeck::Report::fromJson(bytes, QStringLiteral("fuzz.json"), &report, &error)) {
        Stressdeck::Report again;
        if (!Stressdeck::Report::fromJson(report.toJsonBytes(), QStringLiteral("again.json"), &again, &error))
            __builtin_trap();
        // Percentiles of whatever histogram was accepted must stay within its bounds.
        const auto& h = report.overall.histogram;
        if (!h.isEmpty() && (h.percentileNs(99) < h.minNs() || h.percentileNs(99) > h.maxNs()))
            __builtin_trap();
    } else if (error.isEmpty()) {
        __builtin_trap();
    }
    return 0;
}
