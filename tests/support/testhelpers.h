#pragma once

#include "report.h"

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

} // namespace Stressdeck::Testing
