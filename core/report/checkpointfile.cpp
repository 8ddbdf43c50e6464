// SPDX-License-Identifier: MIT

#include "checkpointfile.h"

#include "fieldreader.h"
#include "savefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUuid>

#include <cmath>
#include <unistd.h>

namespace Stressdeck {

namespace {

const QByteArray JournalStart = QByteArrayLiteral("{\"journal\":");

//! Writes `bytes` at `offset` of `file` (cutting off whatever was there) and syncs them.
bool writeAt(QFile* file, qint64 offset, const QByteArray& bytes)
{
    if (!file->resize(offset) || !file->seek(offset))
        return false;
    for (qint64 done = 0; done < bytes.size();) {
        const qint64 n = file->write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return false;
        done += n;
    }
    // The file will say these bytes are there: they must be, before it is replaced.
    return file->flush() && ::fdatasync(file->handle()) == 0;
}

QString badJournal(const QString& fileName, const QString& journal)
{
    return QCoreApplication::translate(
        "Report", "%1: its journal %2 does not belong to it (another run's, or cut short)")
        .arg(fileName, journal);
}

} // namespace

CheckpointFile::CheckpointFile(const QString& fileName)
    : m_fileName(fileName)
{
}

QString CheckpointFile::journalFileName(const QString& fileName, int slot)
{
    const QString stem = fileName.endsWith(QLatin1String(".json")) ? fileName.chopped(5) : fileName;
    return stem + (slot == 0 ? QStringLiteral(".journal") : QStringLiteral(".1.journal"));
}

void CheckpointFile::remove(const QString& fileName)
{
    QFile::remove(fileName);
    for (int slot : { 0, 1 })
        QFile::remove(journalFileName(fileName, slot));
}

void CheckpointFile::removeStaleJournal(const QString& fileName)
{
    QFile file(fileName);
    if (file.open(QIODevice::ReadOnly) && file.read(JournalStart.size()) == JournalStart)
        return;
    for (int slot : { 0, 1 })
        QFile::remove(journalFileName(fileName, slot));
}

bool CheckpointFile::continues(const Report& report) const
{
    if (m_generation.isEmpty() || report.startedAt != m_startedAt || report.timeline.size() < m_rows
        || report.latencyWindows.size() < m_windows || report.system.samples.size() < m_samples)
        return false;
    if (m_lastRow && !(report.timeline[m_rows - 1] == *m_lastRow))
        return false;
    if (m_lastWindow && !(report.latencyWindows[m_windows - 1] == *m_lastWindow))
        return false;
    if (m_lastSample && !(report.system.samples[m_samples - 1] == *m_lastSample))
        return false;
    if (m_lastSecond
        && (!report.histograms || !(report.histograms->seconds.value(m_secondsBefore - 1) == *m_lastSecond)))
        return false;
    return true;
}

void CheckpointFile::startOver()
{
    // The file on disk still refers to the journal of the last generation: write the new one
    // beside it, and remove the old one only once the file has been replaced.
    if (!m_generation.isEmpty() && m_previousJournal.isEmpty()) { // (after a failed write, the same slot again)
        m_previousJournal = journalFileName(m_fileName, m_slot);
        m_slot ^= 1;
    }
    m_generation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_journalBytes = 0;
    m_chunks = 0;
    m_rows = m_windows = m_samples = 0;
    m_secondsBefore = 0;
    m_lastRow.reset();
    m_lastWindow.reset();
    m_lastSample.reset();
    m_lastSecond.reset();
}

bool CheckpointFile::write(const Report& report, QString* error)
{
    if (!continues(report))
        startOver();

    // The new parts go to the journal, the rest into the file.
    Report parts;
    parts.shard = report.shard;
    parts.shards = report.shards;
    parts.timeline = report.timeline.mid(m_rows);
    parts.latencyWindows = report.latencyWindows.mid(m_windows);
    parts.system.samples = report.system.samples.mid(m_samples);
    Report head = report;
    head.timeline.clear();
    head.latencyWindows.clear();
    head.system.samples.clear();
    qint64 secondsBefore = m_secondsBefore;
    if (report.histograms) {
        secondsBefore = std::max(m_secondsBefore, qint64(std::floor(report.elapsedS - SettledSecondsS)));
        parts.histograms = *report.histograms;
        parts.histograms->seconds.clear();
        parts.histograms->streams.clear(); // whole-run counters: the head's, rewritten each time
        head.histograms->seconds.clear();
        const auto& seconds = report.histograms->seconds;
        for (auto it = seconds.lowerBound(m_secondsBefore); it != seconds.end(); ++it)
            (it.key() < secondsBefore ? parts : head).histograms->seconds.insert(it.key(), it.value());
    }

    QByteArray line;
    if (QJsonObject chunk = parts.growingPartsJson(); !chunk.isEmpty()) {
        chunk.insert(QStringLiteral("generation"), m_generation);
        chunk.insert(QStringLiteral("chunk"), m_chunks);
        line = QJsonDocument(chunk).toJson(QJsonDocument::Compact) + '\n';
    }
    const QString journalName = journalFileName(m_fileName, m_slot);
    if (!line.isEmpty() || m_journalBytes == 0) {
        QFile journal(journalName);
        if (!journal.open(QIODevice::ReadWrite) || !writeAt(&journal, m_journalBytes, line)) {
            *error = QCoreApplication::translate("Report", "%1: cannot write the journal %2: %3")
                         .arg(m_fileName, journalName, journal.errorString());
            journal.resize(m_journalBytes);
            return false;
        }
    }
    const qint64 journalBytes = m_journalBytes + line.size();
    const int chunks = m_chunks + (line.isEmpty() ? 0 : 1);
    const QJsonObject block { { QStringLiteral("file"), QFileInfo(journalName).fileName() },
        { QStringLiteral("generation"), m_generation }, { QStringLiteral("chunks"), chunks },
        { QStringLiteral("bytes"), double(journalBytes) },
        { QStringLiteral("timeline_rows"), double(report.timeline.size()) },
        { QStringLiteral("latency_windows"), double(report.latencyWindows.size()) },
        { QStringLiteral("samples"), double(report.system.samples.size()) } };
    // The block first, so a glance at the first bytes tells a checkpoint from a whole report.
    const QByteArray bytes
        = JournalStart + QJsonDocument(block).toJson(QJsonDocument::Compact) + ",\n" + head.toJsonBytes().mid(2);
    QString reason;
    if (!saveWholeFile(m_fileName, bytes, &reason)) {
        *error = QCoreApplication::translate("Report", "%1: cannot write the report: %2").arg(m_fileName, reason);
        return false;
    }

    m_startedAt = report.startedAt;
    m_journalBytes = journalBytes;
    m_chunks = chunks;
    m_rows = report.timeline.size();
    m_windows = report.latencyWindows.size();
    m_samples = report.system.samples.size();
    m_lastRow = m_rows ? std::optional(report.timeline.last()) : std::nullopt;
    m_lastWindow = m_windows ? std::optional(report.latencyWindows.last()) : std::nullopt;
    m_lastSample = m_samples ? std::optional(report.system.samples.last()) : std::nullopt;
    m_secondsBefore = secondsBefore;
    // An empty settled second too: else the next write would compare it with an older one's figures.
    if (report.histograms)
        m_lastSecond = report.histograms->seconds.value(m_secondsBefore - 1);
    if (!m_previousJournal.isEmpty()) {
        QFile::remove(m_previousJournal);
        m_previousJournal.clear();
    }
    m_lastWriteBytes = line.size() + bytes.size();
    return true;
}

bool CheckpointFile::readJournal(const QString& fileName, const QJsonValue& value, Report* report, QString* error)
{
    FieldReader rd;
    const QString path = QLatin1String(JournalKey);
    const QJsonObject block = value.isObject() ? value.toObject() : QJsonObject();
    if (!value.isObject())
        rd.error = QCoreApplication::translate("Report", "field \"%1\" has the wrong type").arg(path);
    const QString name = rd.string(block, path, "file");
    const QString generation = rd.string(block, path, "generation");
    const qint64 chunks = rd.integer(block, path, "chunks");
    const qint64 bytes = rd.integer(block, path, "bytes");
    const qint64 rows = rd.integer(block, path, "timeline_rows");
    const qint64 windows = rd.integer(block, path, "latency_windows");
    const qint64 samples = rd.integer(block, path, "samples");
    // The journal lies beside the file, under the name the file gives it.
    if (rd.ok() && (name.isEmpty() || name != QFileInfo(name).fileName() || bytes < 0 || chunks < 0))
        rd.error = QCoreApplication::translate("Report", "field \"%1\" has the wrong type")
                       .arg(FieldReader::join(path, "file"));
    if (!rd.ok()) {
        *error = QCoreApplication::translate("Report", "%1: not a valid Stressdeck report: %2").arg(fileName, rd.error);
        return false;
    }

    const QString journalName = QFileInfo(fileName).dir().filePath(name);
    QByteArray data;
    if (bytes > 0) {
        QFile journal(journalName);
        if (journal.open(QIODevice::ReadOnly))
            data = journal.read(bytes);
        if (data.size() < bytes) {
            *error = QCoreApplication::translate(
                "Report", "%1: its journal %2 is missing or shorter than the report says (%3 of %4 bytes)")
                         .arg(fileName, journalName)
                         .arg(data.size())
                         .arg(bytes);
            return false;
        }
    }
    Report journalled;
    journalled.windowS = report->windowS; // the journal's windows are as long as the file says
    qint64 lineNumber = 0;
    for (qsizetype from = 0; from < data.size(); ++lineNumber) {
        const qsizetype end = data.indexOf('\n', from);
        if (end < 0) {
            *error = badJournal(fileName, journalName);
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data.mid(from, end - from), &parseError);
        from = end + 1;
        const QJsonObject chunk = doc.object();
        const QString origin = QStringLiteral("%1:%2").arg(journalName).arg(lineNumber + 1);
        if (parseError.error != QJsonParseError::NoError) {
            *error = QCoreApplication::translate(
                "Report", "%1:%2: not a Stressdeck report (invalid or truncated JSON: %3)")
                         .arg(journalName)
                         .arg(lineNumber + 1)
                         .arg(parseError.errorString());
            return false;
        }
        if (chunk.value(QStringLiteral("generation")).toString() != generation
            || chunk.value(QStringLiteral("chunk")).toDouble(-1) != double(lineNumber)) {
            *error = badJournal(fileName, journalName);
            return false;
        }
        if (!journalled.appendGrowingParts(chunk, origin, error))
            return false;
    }
    if (lineNumber != chunks || journalled.timeline.size() + report->timeline.size() != rows
        || journalled.latencyWindows.size() + report->latencyWindows.size() != windows
        || journalled.system.samples.size() + report->system.samples.size() != samples) {
        *error = badJournal(fileName, journalName);
        return false;
    }
    report->timeline = journalled.timeline + report->timeline;
    report->latencyWindows = journalled.latencyWindows + report->latencyWindows;
    report->system.samples = journalled.system.samples + report->system.samples;
    if (journalled.histograms) {
        if (!report->histograms)
            report->histograms = ShardHistograms { journalled.histograms->encoding,
                journalled.histograms->subBucketCount, journalled.histograms->statsSubBucketBits, {}, {} };
        else if (report->histograms->layoutId() != journalled.histograms->layoutId()) {
            *error = badJournal(fileName, journalName);
            return false;
        }
        for (auto it = journalled.histograms->seconds.begin(); it != journalled.histograms->seconds.end(); ++it)
            report->histograms->seconds.insert(it.key(), it.value());
    }
    return true;
}

} // namespace Stressdeck
