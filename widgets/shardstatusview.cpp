// SPDX-License-Identifier: MIT

#include "shardstatusview.h"

#include "palette.h"
#include "shardmerge.h"
#include "shardstatusmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Stressdeck {

namespace {

constexpr int MaxVisibleRows = 8;

QStringList indexes(const QList<int>& list)
{
    QStringList out;
    for (int i : list)
        out.append(QString::number(i));
    return out;
}

//! The merged report's own warnings: shards missing, a start skew over the limit, clock doubts.
QStringList mergeWarnings(const MergeInfo& info, double durationS, bool partialToo)
{
    QStringList lines;
    if (info.isPartial() && partialToo)
        lines.append(ShardStatusView::tr("Partial: shard(s) %1 missing; the figures are those of the others only")
                         .arg(indexes(info.missing).join(QStringLiteral(", "))));
    if (info.startSkewMs > ShardMerge::skewWarningMs(durationS))
        lines.append(ShardStatusView::tr("The shards started %1 ms apart: more than 1 s or 1 % of the run")
                         .arg(QLocale().toString(info.startSkewMs, 'f', 0)));
    lines.append(info.clockWarnings);
    return lines;
}

} // namespace

ShardStatusView::ShardStatusView(QWidget* parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new ShardStatusModel(this))
{
    setObjectName(QStringLiteral("shardStatus"));
    m_heading->setObjectName(QStringLiteral("shardHeading"));
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_warning->setObjectName(QStringLiteral("shardWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color:%1").arg(Palette::colour(Palette::Fail).name()));
    m_warning->hide();
    m_table->setObjectName(QStringLiteral("shardTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(2);
    layout->addWidget(m_heading);
    layout->addWidget(m_warning);
    layout->addWidget(m_table, 0, Qt::AlignLeft);
    hide();
}

void ShardStatusView::setRun(const FollowedRun& run)
{
    m_model->setShards(run.shards);
    m_table->setVisible(run.count > 0);
    // As high as its rows, up to eight; more scroll.
    const int rows = std::min<int>(int(run.shards.size()), MaxVisibleRows);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height()
        + rows * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth());
    QStringList states;
    for (const ShardStatus::State state : { ShardStatus::State::Running, ShardStatus::State::Finished,
             ShardStatus::State::Waiting, ShardStatus::State::Late, ShardStatus::State::Silent }) {
        if (const int n = run.countIn(state))
            states.append(QStringLiteral("%1 %2").arg(n).arg(ShardStatusModel::stateName(state)));
    }
    if (run.count == 0)
        m_heading->setText(tr("Following %1: no shard has written a checkpoint yet").arg(run.directory));
    else if (run.finished())
        m_heading->setText(tr("Followed %1: all %n shard(s) finished", nullptr, run.count).arg(run.directory));
    else
        m_heading->setText(tr("Following %1: %n shard(s), %2", nullptr, run.count)
                               .arg(run.directory, states.join(QStringLiteral(", "))));
    QStringList lines;
    if (!run.error.isEmpty())
        lines.append(run.error);
    // While shards are still to come, missing ones are no news.
    if (run.merged && run.report.shards)
        lines += mergeWarnings(*run.report.shards, run.report.config.durationS, run.finished());
    setWarning(lines);
    show();
}

void ShardStatusView::setMergedReport(const Report& report)
{
    if (!report.shards) {
        hide();
        return;
    }
    const MergeInfo& info = *report.shards;
    m_model->setShards({});
    m_table->hide();
    m_heading->setText(tr("Merged from %1 of %2 shards, start skew %3 ms")
                           .arg(info.merged.size())
                           .arg(info.count)
                           .arg(QLocale().toString(info.startSkewMs, 'f', 1)));
    setWarning(mergeWarnings(info, report.config.durationS, true));
    show();
}

QString ShardStatusView::heading() const
{
    return m_heading->text();
}

QString ShardStatusView::warning() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

void ShardStatusView::setWarning(const QStringList& lines)
{
    m_warning->setText(lines.join(QLatin1Char('\n')));
    m_warning->setVisible(!lines.isEmpty());
}

} // namespace Stressdeck
