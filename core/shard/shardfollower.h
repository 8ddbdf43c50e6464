// SPDX-License-Identifier: MIT

#pragma once

#include "report.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <atomic>

namespace Stressdeck {

//! How one shard of a followed run stands.
struct ShardStatus {
    enum class State {
        Waiting, //!< nothing from it yet, and the run's start is not long past
        Late, //!< nothing from it long after the others started, or it joined the schedule late
        Running, //!< its newest file is a checkpoint written within three checkpoint intervals
        Silent, //!< its newest checkpoint is older than three intervals: stuck, killed or cut off
        Finished, //!< its final report is there
    };
    int index = 0;
    State state = State::Waiting;
    QString file; //!< empty while waiting
    double ageS = 0; //!< since the file was written
    double elapsedS = 0; //!< of its run, as the file says
    qint64 requests = 0;
    double startLagMs = 0;
    QString stopReason;

    friend bool operator==(const ShardStatus&, const ShardStatus&) = default;
};

//! One look at a followed directory: the merge of the newest file of every shard found so far.
struct FollowedRun {
    QString directory;
    int count = 0; //!< shards in the plan, 0 while no file has been read
    QList<ShardStatus> shards; //!< one per index of the plan, by index
    bool merged = false; //!< `report` holds the merge (partial while some are missing)
    Report report;
    QString error; //!< a file that is not a shard report, or shards of two different runs

    bool finished() const;
    int countIn(ShardStatus::State state) const;
};

//! Follows a distributed run while it happens (issue #17): shards started with `--checkpoint-dir
//! DIR` write their report there at every checkpoint and once more at the end (`shard-I-of-N.json`,
//! each write atomic); every second the follower reads the files that changed, on a thread of its
//! own so the window never waits for a parse, merges the newest of each shard (partially while
//! some are missing) and hands out the result. It stops by itself once every shard has finished.
class ShardFollower : public QObject {
    Q_OBJECT
public:
    explicit ShardFollower(const QString& directory, QObject* parent = nullptr);
    ~ShardFollower() override;

    void start();
    void stop();
    bool isFollowing() const { return m_timer.isActive(); }
    QString directory() const { return m_directory; }

    //! The name a shard's file has in the directory.
    static QString fileName(int index, int count);

    //! What scan() remembers between looks, so an unchanged file is not parsed again.
    struct Cache {
        struct Entry {
            QDateTime modified;
            qint64 size = -1;
            Report report;
            QString error;
        };
        QHash<QString, Entry> files;
    };
    //! One look at the directory at `now` (blocking: the follower runs it off the GUI thread).
    static FollowedRun scan(const QString& directory, const QDateTime& now, Cache* cache);

Q_SIGNALS:
    void updated(const Stressdeck::FollowedRun& run);

private:
    void look();

    QString m_directory;
    QTimer m_timer;
    QThreadPool m_pool;
    Cache m_cache; //!< used by one scan at a time, on the pool's thread
    bool m_looking = false;
    std::atomic<bool> m_stopped { false };
};

} // namespace Stressdeck

Q_DECLARE_METATYPE(Stressdeck::FollowedRun)
