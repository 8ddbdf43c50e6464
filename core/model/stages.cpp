// SPDX-License-Identifier: MIT

#include "stages.h"

#include "runconfig.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

constexpr double s_maxUsers = 100000;
constexpr double s_maxRate = 10000000;
constexpr double s_maxTotalS = 7 * 24 * 3600;

bool validTarget(double target, Stages::Unit unit)
{
    if (!std::isfinite(target) || target < 0)
        return false;
    if (unit == Stages::Unit::Users)
        return target <= s_maxUsers && target == std::floor(target);
    return target <= s_maxRate;
}

QString badTarget(int number, const QString& text, Stages::Unit unit)
{
    return unit == Stages::Unit::Users ? QCoreApplication::translate(
               "Stages", "stage %1: \"%2\" is not a number of users (a whole number from 0 to 100000)")
                                             .arg(number)
                                             .arg(text)
                                       : QCoreApplication::translate("Stages",
                                           "stage %1: \"%2\" is not a rate (requests per second from 0 to 10000000)")
                                             .arg(number)
                                             .arg(text);
}

std::optional<Stages> checkedTotal(Stages stages, QString* error)
{
    const double total = stages.totalDuration();
    if (!(total > 0) || total > s_maxTotalS) {
        *error = QCoreApplication::translate("Stages", "stages: the total duration must be above 0 and at most 7 days");
        return std::nullopt;
    }
    return stages;
}

} // namespace

Stages::Stages(Unit unit, QList<Stage> stages)
    : m_unit(unit)
    , m_stages(std::move(stages))
{
    index();
}

void Stages::index()
{
    m_starts.clear();
    m_ends.clear();
    m_cumulative.clear();
    double t = 0;
    double area = 0;
    double from = 0;
    for (const Stage& stage : std::as_const(m_stages)) {
        m_starts.push_back(t);
        t += stage.durationS;
        m_ends.push_back(t);
        area += stage.durationS * (from + stage.target) / 2;
        m_cumulative.push_back(area);
        from = stage.target;
    }
}

std::optional<Stages> Stages::parse(const QString& text, Unit unit, QString* error)
{
    if (text.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("Stages", "stages: none given");
        return std::nullopt;
    }
    QList<Stage> stages;
    const QStringList entries = text.split(QLatin1Char(','));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const int number = int(i + 1);
        const QString entry = entries[i].trimmed();
        const QStringList parts = entry.split(QLatin1Char(':'));
        if (parts.size() != 2) {
            *error = QCoreApplication::translate("Stages", "stage %1: \"%2\" is not DURATION:TARGET")
                         .arg(number)
                         .arg(entry);
            return std::nullopt;
        }
        const auto duration = parseDuration(parts[0]);
        if (!duration) {
            *error = QCoreApplication::translate("Stages", "stage %1: \"%2\" is not a duration")
                         .arg(number)
                         .arg(parts[0].trimmed());
            return std::nullopt;
        }
        bool ok = false;
        const double target = parts[1].trimmed().toDouble(&ok);
        if (!ok || !validTarget(target, unit)) {
            *error = badTarget(number, parts[1].trimmed(), unit);
            return std::nullopt;
        }
        stages.append({ *duration, target });
    }
    return checkedTotal(Stages(unit, stages), error);
}

std::optional<Stages> Stages::fromJson(const QJsonArray& json, Unit unit, QString* error)
{
    if (json.isEmpty()) {
        *error = QCoreApplication::translate("Stages", "stages: none given");
        return std::nullopt;
    }
    QList<Stage> stages;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const int number = int(i + 1);
        const QJsonObject object = json[i].toObject();
        const QJsonValue duration = object.value(QLatin1String("duration_s"));
        const QJsonValue target = object.value(QLatin1String("target"));
        if (!duration.isDouble() || !(duration.toDouble() >= 0) || !std::isfinite(duration.toDouble())) {
            *error = QCoreApplication::translate("Stages", "stage %1: \"%2\" is not a duration")
                         .arg(number)
                         .arg(duration.isDouble() ? QString::number(duration.toDouble())
                                                  : QCoreApplication::translate("Stages", "(missing)"));
            return std::nullopt;
        }
        if (!target.isDouble() || !validTarget(target.toDouble(), unit)) {
            *error = badTarget(number,
                target.isDouble() ? QString::number(target.toDouble())
                                  : QCoreApplication::translate("Stages", "(missing)"),
                unit);
            return std::nullopt;
        }
        stages.append({ duration.toDouble(), target.toDouble() });
    }
    return checkedTotal(Stages(unit, stages), error);
}

QString Stages::toString() const
{
    QStringList entries;
    for (const Stage& stage : m_stages) {
        const QString target = m_unit == Unit::Users
            ? QString::number(qint64(stage.target))
            : QString::number(stage.target, 'g', QLocale::FloatingPointShortest);
        entries.append(formatDurationExact(stage.durationS) + QLatin1Char(':') + target);
    }
    return entries.join(QLatin1Char(','));
}

QJsonArray Stages::toJson() const
{
    QJsonArray json;
    for (const Stage& stage : m_stages)
        json.append(QJsonObject {
            { QStringLiteral("duration_s"), stage.durationS }, { QStringLiteral("target"), stage.target } });
    return json;
}

double Stages::totalDuration() const
{
    return m_ends.empty() ? 0 : m_ends.back();
}

QList<StageSpan> Stages::spans() const
{
    QList<StageSpan> spans;
    double from = 0;
    for (qsizetype i = 0; i < m_stages.size(); ++i) {
        spans.append({ m_starts[size_t(i)], m_ends[size_t(i)], from, m_stages[i].target });
        from = m_stages[i].target;
    }
    return spans;
}

int Stages::stageAt(double t) const
{
    if (m_stages.isEmpty())
        return -1;
    if (t < 0)
        return 0;
    const auto it = std::upper_bound(m_ends.begin(), m_ends.end(), t);
    return it == m_ends.end() ? int(m_stages.size() - 1) : int(it - m_ends.begin());
}

double Stages::targetAt(double t) const
{
    if (m_stages.isEmpty() || t < 0)
        return 0;
    if (t >= totalDuration())
        return m_stages.last().target;
    const int i = stageAt(t);
    const double from = i > 0 ? m_stages[i - 1].target : 0;
    const Stage& stage = m_stages[i];
    return from + (stage.target - from) * (t - m_starts[size_t(i)]) / stage.durationS;
}

double Stages::integral(double t) const
{
    if (m_stages.isEmpty() || !(t > 0))
        return 0;
    if (t >= totalDuration())
        return m_cumulative.back();
    const int i = stageAt(t);
    const double before = i > 0 ? m_cumulative[size_t(i - 1)] : 0;
    const double from = i > 0 ? m_stages[i - 1].target : 0;
    return before + (t - m_starts[size_t(i)]) * (from + targetAt(t)) / 2;
}

double Stages::solveWithin(int i, double q) const
{
    const Stage& stage = m_stages[i];
    if (!(q > 0) || stage.durationS <= 0)
        return 0;
    const double r0 = i > 0 ? m_stages[i - 1].target : 0;
    const double slope = (stage.target - r0) / stage.durationS;
    // r0·τ + slope·τ²/2 = q. The root written as 2q / (r0 + √(r0² + 2·slope·q)) has no
    // cancellation, whatever the sign or size of the slope (slope 0 gives q / r0 exactly).
    const double discriminant = std::max(0.0, r0 * r0 + 2 * slope * q);
    const double denominator = r0 + std::sqrt(discriminant);
    if (!(denominator > 0))
        return stage.durationS;
    return std::clamp(2 * q / denominator, 0.0, stage.durationS);
}

std::optional<double> Stages::arrivalTime(qint64 k) const
{
    if (k < 1 || m_cumulative.empty())
        return std::nullopt;
    const double due = double(k);
    // The first stage whose cumulative rate reaches k: steps and zero-rate stages add nothing,
    // so they are passed over unless the count lands exactly on their end.
    const auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), due);
    if (it == m_cumulative.end())
        return std::nullopt;
    const int i = int(it - m_cumulative.begin());
    const double before = i > 0 ? m_cumulative[size_t(i - 1)] : 0;
    return m_starts[size_t(i)] + solveWithin(i, due - before);
}

ArrivalCursor::ArrivalCursor(const Stages& stages)
    : m_stages(&stages)
{
}

std::optional<double> ArrivalCursor::next()
{
    const std::vector<double>& cumulative = m_stages->m_cumulative;
    const double due = double(m_k + 1);
    while (size_t(m_segment) < cumulative.size() && cumulative[size_t(m_segment)] < due)
        ++m_segment;
    if (size_t(m_segment) >= cumulative.size())
        return std::nullopt;
    ++m_k;
    const double before = m_segment > 0 ? cumulative[size_t(m_segment - 1)] : 0;
    return m_stages->m_starts[size_t(m_segment)] + m_stages->solveWithin(m_segment, due - before);
}

} // namespace Stressdeck
