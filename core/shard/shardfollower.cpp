// SPDX-License-Identifier: MIT

#include "shardfollower.h"

#include "shardmerge.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>

#include <algorithm>

namespace Stressdeck {

namespace {

constexpr int LookIntervalMs = 1000;
//! A shard whose newest checkpoint is older than this many of its intervals has gone silent.
constexpr double SilentIntervals = 3;
const QLatin1String Checkpoint("checkpoint");

//! The newest of a shard's files (two can exist when a folder was reused for another plan).
struct Newest {
    QString file;
    QDateTime modified;
    const Report* report = nullptr;
};

} // namespace

bool FollowedRun::finished() const
{
    return count > 0 && countIn(ShardStatus::State::Finished) == count;
}

int FollowedRun::countIn(ShardStatus::State state) const
{
    return int(std::count_if(shards.begin(), shards.end(), [state](const ShardStatus& s) { return s.state == state; }));
}

ShardFollower::ShardFollower(const QString& directory, QObject* parent)
    : QObject(parent)
    , m_directory(directory)
{
    qRegisterMetaType<FollowedRun>();
    m_pool.setMaxThreadCount(1);
    m_timer.setInterval(LookIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ShardFollower::look);
}

ShardFollower::~ShardFollower()
{
    m_stopped = true;
    m_pool.waitForDone();
}

void ShardFollower::start()
{
    m_stopped = false;
    m_timer.start();
    look();
}

void ShardFollower::stop()
{
    m_stopped = true;
    m_timer.stop();
}

QString ShardFollower::fileName(int index, int count)
{
    return QStringLiteral("shard-%1-of-%2.json").arg(index).arg(count);
}

void ShardFollower::look()
{
    if (m_looking)
        return; // the last look is still reading: the next tick tries again
    m_looking = true;
    m_pool.start([this, now = QDateTime::currentDateTimeUtc()] {
        FollowedRun run = scan(m_directory, now, &m_cache);
        QMetaObject::invokeMethod(
            this,
            [this, run = std::move(run)] {
                m_looking = false;
                if (m_stopped)
                    return;
                Q_EMIT updated(run);
                if (run.finished())
                    stop();
            },
            Qt::QueuedConnection);
    });
}

FollowedRun ShardFollower::scan(const QString& directory, const QDateTime& now, Cache* cache)
{
    FollowedRun run;
    run.directory = directory;
    const QDir dir(directory);
    if (!dir.exists()) {
        run.error = tr("%1: no such folder").arg(directory);
        return run;
    }
    // Read what changed since the last look; forget files that are gone.
    QHash<QString, Cache::Entry> files;
    QStringList errors;
    const QFileInfoList infos = dir.entryInfoList({ QStringLiteral("shard-*.json") }, QDir::Files, QDir::Name);
    for (const QFileInfo& info : infos) {
        const QString path = info.absoluteFilePath();
        Cache::Entry entry = cache->files.value(path);
        if (entry.modified != info.lastModified() || entry.size != info.size()) {
            entry = { info.lastModified(), info.size(), {}, {} };
            if (Report::load(path, &entry.report, &entry.error) && !entry.report.shard)
                entry.error = tr("%1: not a shard report (no shard block)").arg(path);
        }
        if (!entry.error.isEmpty())
            errors.append(entry.error);
        files.insert(path, entry);
    }
    cache->files = files;

    // The run of the newest file decides; files of other plans in the folder are old runs.
    const Cache::Entry* newest = nullptr;
    for (const Cache::Entry& entry : std::as_const(cache->files)) {
        if (entry.error.isEmpty() && (!newest || entry.modified > newest->modified))
            newest = &entry;
    }
    run.error = errors.join(QLatin1Char('\n'));
    if (!newest)
        return run;
    const ShardInfo& plan = *newest->report.shard;
    run.count = plan.count;
    QMap<int, Newest> byIndex;
    for (auto it = cache->files.cbegin(); it != cache->files.cend(); ++it) {
        const Cache::Entry& entry = it.value();
        if (!entry.error.isEmpty() || entry.report.shard->planHash != plan.planHash
            || entry.report.shard->count != plan.count)
            continue;
        Newest& slot = byIndex[entry.report.shard->index];
        if (!slot.report || entry.modified > slot.modified)
            slot = { it.key(), entry.modified, &entry.report };
    }

    const double intervalS = newest->report.config.checkpointIntervalS;
    const double sinceStartS = now.toMSecsSinceEpoch() / 1000.0 - plan.originUnixS;
    QList<ShardReportFile> present;
    for (int index = 0; index < plan.count; ++index) {
        ShardStatus status;
        status.index = index;
        const auto found = byIndex.constFind(index);
        if (found == byIndex.cend()) {
            status.state
                = sinceStartS > SilentIntervals * intervalS ? ShardStatus::State::Late : ShardStatus::State::Waiting;
            run.shards.append(status);
            continue;
        }
        const Report& report = *found->report;
        status.file = found->file;
        status.ageS = std::max<qint64>(0, found->modified.msecsTo(now)) / 1000.0;
        status.elapsedS = report.elapsedS;
        status.requests = report.overall.total;
        status.startLagMs = report.shard->startLagMs;
        status.stopReason = report.stopReason;
        if (report.stopReason != Checkpoint)
            status.state = ShardStatus::State::Finished;
        else if (status.ageS > SilentIntervals * report.config.checkpointIntervalS + LookIntervalMs / 1000.0)
            status.state = ShardStatus::State::Silent;
        else
            status.state = report.shard->joinedLateByMs ? ShardStatus::State::Late : ShardStatus::State::Running;
        run.shards.append(status);
        present.append({ found->file, report });
    }
    QString error;
    run.merged = ShardMerge::merge(present, true, &run.report, &error);
    if (!run.merged)
        run.error = run.error.isEmpty() ? error : run.error + QLatin1Char('\n') + error;
    return run;
}

} // namespace Stressdeck
