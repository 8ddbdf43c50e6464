// SPDX-License-Identifier: MIT

#include "format.h"

#include "report.h"

#include <QCoreApplication>

namespace Stressdeck {

QString formatLatency(double ms, LatencyStyle style)
{
    if (style == LatencyStyle::Compact)
        return ms >= 1000 ? QStringLiteral("%1s").arg(ms / 1000.0, 0, 'f', 2)
                          : QStringLiteral("%1ms").arg(ms, 0, 'f', ms < 10 ? 2 : 1);
    return ms >= 1000 ? QCoreApplication::translate("Format", "%1 s").arg(ms / 1000, 0, 'f', 2)
                      : QCoreApplication::translate("Format", "%1 ms").arg(ms, 0, 'f', 1);
}

QString criterionResult(bool passed)
{
    return passed ? QCoreApplication::translate("Format", "PASS") : QCoreApplication::translate("Format", "FAIL");
}

QString verdictLine(const Report& report)
{
    if (report.passed)
        return QCoreApplication::translate("Format", "PASSED — all %1 criteria met").arg(report.criteria.size());
    QStringList failing;
    for (const Criterion& c : report.criteria) {
        if (!c.passed)
            failing.append(c.id);
    }
    return QCoreApplication::translate("Format", "FAILED — %1").arg(failing.join(QStringLiteral(", ")));
}

} // namespace Stressdeck
