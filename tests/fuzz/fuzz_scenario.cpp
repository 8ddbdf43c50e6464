// SPDX-License-Identifier: MIT

// libFuzzer target: the scenario loader must reject any input with a message, never crash.
#include "scenario.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Stressdeck::Scenario scenario;
    QString error;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (Stressdeck::Scenario::fromJson(bytes, QStringLiteral("fuzz.json"), &scenario, &error)) {
        // Whatever loads must save and load again to the same scenario.
        Stressdeck::Scenario again;
        if (!Stressdeck::Scenario::fromJson(scenario.toJson(), QStringLiteral("again.json"), &again, &error)
            || !(again == scenario))
            __builtin_trap();
    } else if (error.isEmpty()) {
        __builtin_trap();
    }
    return 0;
}
