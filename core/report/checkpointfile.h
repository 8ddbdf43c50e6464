// SPDX-License-Identifier: MIT

#pragma once

#include "report.h"

#include <QString>

#include <optional>

namespace Stressdeck {

//! One file a run's report is written to again and again while it goes on — the recovery copy,
//! a `--checkpoint-dir` copy — at a cost that stays flat however long the run (issue #19). What
//! grows with the run's length (the timeline, the latency windows, the system samples, a shard's
//! per-second histograms) is appended to a journal beside the file (`NAME.journal`), a line of
//! the new parts per checkpoint; the file itself is the rest of the report, bounded in size, with
//! a `journal` block first that says which journal lines belong to it, and is replaced atomically
//! after the journal was written and synced. A crash at any moment leaves a file whose block
//! matches a prefix of its journal. Report::load reads the two as the one report they are.
//! A report that does not continue the one written before (fewer seconds, a changed second)
//! starts the journal over, in the other of two journal files (`NAME.journal`, `NAME.1.journal`),
//! so the pair on disk stays readable until the file names the new one. Used from one thread at a time.
class CheckpointFile {
public:
    static constexpr auto JournalKey = "journal";
    //! A shard's second this far behind the run's elapsed time gets no more requests: journalled.
    static constexpr double SettledSecondsS = 2;

    explicit CheckpointFile(const QString& fileName);

    //! Writes `report`, appending only what it has beyond the one written before.
    bool write(const Report& report, QString* error);
    //! Bytes the last write put on disk (journal and file): stays flat as the run grows.
    qint64 lastWriteBytes() const { return m_lastWriteBytes; }
    const QString& fileName() const { return m_fileName; }

    //! The journal beside `fileName`: two of them take turns (`slot` 0 and 1), so starting a
    //! journal over never touches the one the file on disk still refers to.
    static QString journalFileName(const QString& fileName, int slot = 0);
    //! Removes `fileName` and its journal.
    static void remove(const QString& fileName);
    //! Removes the journal of `fileName` when the file no longer refers to one (a whole report
    //! has replaced the last checkpoint).
    static void removeStaleJournal(const QString& fileName);
    //! For Report::load: appends the journal that `block` (the file's `journal` value) describes
    //! to `report`, the rest of the report read from `fileName`.
    static bool readJournal(const QString& fileName, const QJsonValue& block, Report* report, QString* error);

private:
    bool continues(const Report& report) const;
    void startOver();

    QString m_fileName;
    QString m_generation; //!< of the journal: a journal line of another generation is not this file's
    int m_slot = 0; //!< which of the two journal files this generation writes
    QString m_previousJournal; //!< the last generation's, removed once the file no longer refers to it
    qint64 m_journalBytes = 0;
    int m_chunks = 0;
    qsizetype m_rows = 0;
    qsizetype m_windows = 0;
    qsizetype m_samples = 0;
    qint64 m_secondsBefore = 0; //!< a shard's seconds below this are in the journal
    std::optional<TimelineRow> m_lastRow;
    std::optional<LatencyWindow> m_lastWindow;
    std::optional<SystemSample> m_lastSample;
    std::optional<QMap<QString, SecondFigures>> m_lastSecond;
    QDateTime m_startedAt;
    qint64 m_lastWriteBytes = 0;
};

} // namespace Stressdeck
