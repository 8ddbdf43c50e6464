// SPDX-License-Identifier: MIT

#include "summarystrip.h"

#include "format.h"
#include "palette.h"
#include "report.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>

namespace Stressdeck {

namespace {

//! The criteria in the order the report lists them, with their short names.
struct CriterionName {
    const char* id;
    const char* name;
};
const CriterionName s_criteria[] = {
    { "no_deadlocks", QT_TRANSLATE_NOOP("SummaryStrip", "No stalls") },
    { "success_rate", QT_TRANSLATE_NOOP("SummaryStrip", "Success rate") },
    { "no_memory_leak", QT_TRANSLATE_NOOP("SummaryStrip", "No leak") },
    { "metrics_collected", QT_TRANSLATE_NOOP("SummaryStrip", "Metrics") },
    { "bottleneck_analysis", QT_TRANSLATE_NOOP("SummaryStrip", "Bottlenecks") },
};

} // namespace

SummaryStrip::SummaryStrip(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("summaryStrip"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto tile = [&](const char* name) {
        auto* label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setTextFormat(Qt::RichText);
        // On a small screen the strip squeezes (and clips) rather than widening the window.
        label->setMinimumWidth(30);
        layout->addWidget(label);
        return label;
    };
    m_throughput = tile("stripThroughput");
    m_p95 = tile("stripP95");
    m_errors = tile("stripErrors");
    m_inFlight = tile("stripInFlight");
    m_time = tile("stripTime");
    layout->addStretch(1);
    for (const CriterionName& c : s_criteria) {
        auto* badge = new QLabel(QCoreApplication::translate("SummaryStrip", c.name), this);
        badge->setObjectName(QStringLiteral("badge_") + QLatin1String(c.id));
        badge->setAlignment(Qt::AlignCenter);
        badge->setMinimumWidth(20);
        layout->addWidget(badge);
        m_badges.append(badge);
    }
    start(Thresholds {});
}

void SummaryStrip::start(const Thresholds& thresholds)
{
    m_thresholds = thresholds;
    m_p95Ms = 0;
    m_lastRow.reset();
    m_comparison.reset();
    showFigures(0, 0, {}, 0, 0, 0);
    setTile(m_time, tr("Time"), QStringLiteral("–"), {}, State::Neutral);
    showCriteria({});
}

void SummaryStrip::setWindowSeconds(int seconds)
{
    m_windowS = seconds;
    if (m_lastRow) {
        m_p95Ms = seconds <= 1 ? m_lastRow->all.p95 : m_lastRow->slidingAll[seconds <= 10 ? 0 : 1].p95;
        showFigures(m_lastRow->rps, m_p95Ms, tr("p95 (%1 s)").arg(m_windowS), -1, -1, 0);
    }
}

void SummaryStrip::applySnapshot(const LiveSnapshot& s)
{
    if (!s.newRows.isEmpty()) {
        m_lastRow = s.newRows.last();
        m_p95Ms = m_windowS <= 1 ? m_lastRow->all.p95 : m_lastRow->slidingAll[m_windowS <= 10 ? 0 : 1].p95;
    }
    if (s.comparison)
        m_comparison = s.comparison;
    const double errorPct = s.overall.total > 0 ? 100.0 * double(s.overall.failure) / double(s.overall.total) : 0;
    showFigures(m_lastRow ? m_lastRow->rps : s.overall.throughputRps, m_p95Ms, tr("p95 (%1 s)").arg(m_windowS),
        errorPct, s.inFlight, s.stuck);
    const QString time = s.durationS > 0 ? tr("%1 / %2").arg(formatDuration(s.elapsedS), formatDuration(s.durationS))
                                         : formatDuration(s.elapsedS);
    const QString left = s.durationS > 0 && s.state == RunState::Running
        ? tr("%1 left").arg(formatDuration(std::max(0.0, s.durationS - s.elapsedS)))
        : s.state == RunState::Draining ? tr("draining")
                                        : QString();
    setTile(m_time, tr("Time"), time, left, State::Neutral);
    showCriteria(s.diagnosis.criteria);
}

void SummaryStrip::showReport(const Report& r)
{
    m_lastRow.reset();
    const double errorPct = r.overall.total > 0 ? 100.0 * double(r.overall.failure) / double(r.overall.total) : 0;
    showFigures(r.overall.throughputRps, r.overall.latency.p95, tr("p95 (run)"), errorPct, 0, r.stuckRequests);
    // A checkpoint (a followed shard's, a recovery copy) is a run still going when it was written.
    setTile(m_time, tr("Time"), formatDuration(r.elapsedS),
        r.stopReason == QLatin1String("checkpoint") ? tr("so far") : tr("finished"), State::Neutral);
    showCriteria(r.criteria);
}

void SummaryStrip::showFigures(
    double throughput, double p95Ms, const QString& p95Caption, double errorPct, qint64 inFlight, qint64 stuck)
{
    bool worse = false;
    QString note = baselineNote(QStringLiteral("all"), ComparisonOptions::Throughput, &worse);
    setTile(m_throughput, tr("Throughput"), tr("%1 req/s").arg(throughput, 0, 'f', 1), note,
        worse ? State::Fail : State::Neutral);

    note = baselineNote(QStringLiteral("all"), ComparisonOptions::P95, &worse);
    const State latency = p95Ms <= 0          ? State::Neutral
        : p95Ms > m_thresholds.p95Ms || worse ? State::Fail
        : p95Ms > 0.8 * m_thresholds.p95Ms    ? State::Warn
                                              : State::Pass;
    setTile(m_p95, p95Caption.isEmpty() ? tr("p95 (%1 s)").arg(m_windowS) : p95Caption,
        p95Ms > 0 ? formatLatency(p95Ms) : QStringLiteral("–"), note, latency,
        tr("Limit: %1 (p95 of a request type)").arg(formatLatency(m_thresholds.p95Ms)));

    if (errorPct >= 0) {
        note = baselineNote(QStringLiteral("all"), ComparisonOptions::ErrorRate, &worse);
        const double allowed = 100.0 - m_thresholds.successRatePct;
        const State errors = errorPct > allowed || worse ? State::Fail
            : errorPct > 0.5 * allowed                   ? State::Warn
            : errorPct > 0 || m_lastRow                  ? State::Pass
                                                         : State::Neutral;
        setTile(m_errors, tr("Errors"), tr("%1 %").arg(errorPct, 0, 'f', errorPct < 10 ? 2 : 1), note, errors,
            tr("Allowed: %1 % (success rate ≥ %2 %)").arg(allowed, 0, 'f', 1).arg(m_thresholds.successRatePct));
    }
    if (inFlight >= 0)
        setTile(m_inFlight, tr("In flight"), QString::number(inFlight),
            stuck > 0 ? tr("%n stuck", nullptr, int(stuck)) : QString(), stuck > 0 ? State::Warn : State::Neutral);
}

QString SummaryStrip::baselineNote(const QString& type, int metric, bool* worse) const
{
    *worse = false;
    if (!m_comparison)
        return {};
    for (const MetricComparison& c : m_comparison->comparisons) {
        if (c.requestType != type || c.metric != metric)
            continue;
        *worse = c.verdict == MetricComparison::Regression;
        const QString base = metric == ComparisonOptions::Throughput ? tr("%1 req/s").arg(c.baseline, 0, 'f', 1)
            : metric == ComparisonOptions::ErrorRate                 ? tr("%1 %").arg(c.baseline, 0, 'f', 2)
                                                                     : formatLatency(c.baseline);
        const QString change = metric == ComparisonOptions::ErrorRate ? tr("%1 pp").arg(c.changePct, 0, 'f', 2)
                                                                      : tr("%1 %").arg(c.changePct, 0, 'f', 1);
        return tr("baseline %1 (%2%3)").arg(base, c.changePct >= 0 ? QStringLiteral("+") : QString(), change);
    }
    return {};
}

void SummaryStrip::showCriteria(const QList<Criterion>& criteria)
{
    for (qsizetype i = 0; i < m_badges.size(); ++i) {
        QLabel* badge = m_badges[i];
        const auto it = std::find_if(criteria.begin(), criteria.end(),
            [&](const Criterion& c) { return c.id == QLatin1String(s_criteria[i].id); });
        const QColor colour = it == criteria.end() ? Palette::colour(Palette::Pending)
            : it->passed                           ? Palette::colour(Palette::Pass)
                                                   : Palette::colour(Palette::Fail);
        badge->setProperty("state",
            it == criteria.end() ? QStringLiteral("neutral")
                : it->passed     ? QStringLiteral("pass")
                                 : QStringLiteral("fail"));
        badge->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; border-radius: 4px; "
                                            "padding: 3px 8px; font-weight: bold; }")
                                 .arg(colour.name()));
        const QString result = it == criteria.end() ? tr("not judged yet") : criterionResult(it->passed);
        badge->setToolTip(it == criteria.end() ? result : result + QStringLiteral(": ") + it->detail);
        badge->setAccessibleName(
            QCoreApplication::translate("SummaryStrip", s_criteria[i].name) + QStringLiteral(": ") + result);
    }
}

void SummaryStrip::setTile(QLabel* tile, const QString& caption, const QString& value, const QString& note, State state,
    const QString& tooltip)
{
    const QColor colour = state == State::Pass ? Palette::colour(Palette::Pass)
        : state == State::Warn                 ? Palette::colour(Palette::Warn)
        : state == State::Fail                 ? Palette::colour(Palette::Fail)
                                               : palette().color(QPalette::Mid);
    tile->setProperty("state",
        state == State::Pass       ? QStringLiteral("pass")
            : state == State::Warn ? QStringLiteral("warn")
            : state == State::Fail ? QStringLiteral("fail")
                                   : QStringLiteral("neutral"));
    tile->setProperty("plain", QStringList { caption, value, note }.join(QLatin1Char(' ')).trimmed());
    tile->setText(
        QStringLiteral("<span style='font-size:small'>%1</span><br><b style='font-size:large'>%2</b>%3")
            .arg(caption.toHtmlEscaped(), value.toHtmlEscaped(),
                note.isEmpty() ? QString()
                               : QStringLiteral(" <span style='font-size:small'>%1</span>").arg(note.toHtmlEscaped())));
    // A lone border-left draws nothing in Qt 6.4's style sheets: the other sides must be set too.
    tile->setStyleSheet(QStringLiteral("QLabel { border: 0px; border-left: 4px solid %1; padding: 1px 10px 1px 6px; }")
                            .arg(colour.name()));
    tile->setToolTip(tooltip);
    tile->setAccessibleName(tile->property("plain").toString());
}

QStringList SummaryStrip::texts() const
{
    QStringList out;
    for (const QLabel* l : { m_throughput, m_p95, m_errors, m_inFlight, m_time })
        out.append(l->property("plain").toString());
    return out;
}

QString SummaryStrip::stateOf(const QLabel* label)
{
    return label->property("state").toString();
}

} // namespace Stressdeck
