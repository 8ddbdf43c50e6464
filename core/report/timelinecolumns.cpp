// SPDX-License-Identifier: MIT

#include "timelinecolumns.h"

#include "fieldreader.h"

#include <QMap>

#include <charconv>
#include <cmath>

namespace Stressdeck {

namespace {

struct CountColumn {
    const char* key;
    qint64 IntervalFigures::*field;
};
constexpr CountColumn CountColumns[]
    = { { "requests", &IntervalFigures::requests }, { "successes", &IntervalFigures::successes },
          { "errors", &IntervalFigures::errors }, { "timeouts", &IntervalFigures::timeouts } };

struct PercentileColumn {
    const char* key;
    double IntervalFigures::*field;
};
constexpr PercentileColumn PercentileColumns[]
    = { { "p50_ms", &IntervalFigures::p50 }, { "p95_ms", &IntervalFigures::p95 }, { "p99_ms", &IntervalFigures::p99 } };

using Streaming = TimelineRow::Streaming;
struct StreamColumn {
    const char* key;
    double Streaming::*field;
    bool percentile;
};
constexpr StreamColumn StreamColumns[]
    = { { "ttft_p50_ms", &Streaming::ttftP50, true }, { "ttft_p95_ms", &Streaming::ttftP95, true },
          { "ttft_p99_ms", &Streaming::ttftP99, true }, { "output_tokens_per_s", &Streaming::outputTokensPerS, false },
          { "tpot_p50_ms", &Streaming::tpotP50, true }, { "tpot_p95_ms", &Streaming::tpotP95, true } };

//! The largest count a double holds exactly.
constexpr double MaxCount = 9007199254740992.0;

//! A count of a report, or an error naming `where`: a whole number from 0 to MaxCount.
qint64 countOf(FieldReader& rd, double v, const QString& where)
{
    if (rd.ok() && !(v >= 0 && v <= MaxCount && v == std::floor(v)))
        rd.error
            = QCoreApplication::translate("Report", "field \"%1\" must be a count (a whole number ≥ 0)").arg(where);
    return rd.ok() ? qint64(v) : 0;
}

//! One type's figures (or all types'), column by column. A second without the type (null) is
//! null in `requests` and 0 in the other columns.
void writeFigures(QJsonObject* into, const QList<const IntervalFigures*>& figures)
{
    for (const CountColumn& c : CountColumns) {
        const QJsonValue absent = c.field == &IntervalFigures::requests ? QJsonValue(QJsonValue::Null) : QJsonValue(0);
        QJsonArray column;
        for (const IntervalFigures* f : figures)
            column.append(f ? QJsonValue(double(f->*c.field)) : absent);
        into->insert(QLatin1String(c.key), column);
    }
    for (const PercentileColumn& p : PercentileColumns) {
        QJsonArray column;
        for (const IntervalFigures* f : figures)
            column.append(f ? TimelineColumns::roundPercentile(f->*p.field) : 0.0);
        into->insert(QLatin1String(p.key), column);
    }
}

//! Reads the columns of one object (the timeline's, or one type's), each as long as `t_s`.
class ColumnReader {
public:
    ColumnReader(FieldReader* rd, qsizetype rows)
        : m_rd(rd)
        , m_rows(rows)
    {
    }

    QJsonArray column(const QJsonObject& o, const QString& path, const char* key)
    {
        const QJsonArray a = m_rd->array(o, path, key);
        if (m_rd->ok() && a.size() != m_rows)
            m_rd->error
                = QCoreApplication::translate("Report", "field \"%1\" has %2 values where \"timeline.t_s\" has %3")
                      .arg(FieldReader::join(path, key))
                      .arg(a.size())
                      .arg(m_rows);
        return a;
    }

    double number(const QJsonArray& a, qsizetype i, const QString& path, const char* key)
    {
        const QJsonValue v = a.at(i);
        if (!v.isDouble() && m_rd->ok())
            m_rd->error = QCoreApplication::translate("Report", "field \"%1\" must be a number").arg(at(path, key, i));
        return v.toDouble();
    }

    qint64 count(const QJsonArray& a, qsizetype i, const QString& path, const char* key)
    {
        const double v = number(a, i, path, key);
        return m_rd->ok() ? countOf(*m_rd, v, at(path, key, i)) : 0;
    }

    static QString at(const QString& path, const char* key, qsizetype i)
    {
        return QStringLiteral("%1[%2]").arg(FieldReader::join(path, key)).arg(i);
    }

private:
    FieldReader* m_rd;
    qsizetype m_rows;
};

//! The columns of IntervalFigures under `o`; with `nullable`, a null `requests` is a row without them.
class FiguresColumns {
public:
    FiguresColumns(ColumnReader* reader, const QJsonObject& o, const QString& path)
        : m_reader(reader)
        , m_path(path)
    {
        for (size_t c = 0; c < std::size(CountColumns); ++c)
            m_counts[c] = reader->column(o, path, CountColumns[c].key);
        for (size_t p = 0; p < std::size(PercentileColumns); ++p)
            m_percentiles[p] = reader->column(o, path, PercentileColumns[p].key);
    }

    bool isPresent(qsizetype row) const { return !m_counts[0].at(row).isNull(); }

    IntervalFigures at(qsizetype row)
    {
        IntervalFigures f;
        for (size_t c = 0; c < std::size(CountColumns); ++c)
            f.*CountColumns[c].field = m_reader->count(m_counts[c], row, m_path, CountColumns[c].key);
        for (size_t p = 0; p < std::size(PercentileColumns); ++p)
            f.*PercentileColumns[p].field = TimelineColumns::roundPercentile(
                m_reader->number(m_percentiles[p], row, m_path, PercentileColumns[p].key));
        return f;
    }

private:
    ColumnReader* m_reader;
    QString m_path;
    QJsonArray m_counts[std::size(CountColumns)];
    QJsonArray m_percentiles[std::size(PercentileColumns)];
};

void readColumns(FieldReader& rd, const QJsonObject& o, QList<TimelineRow>* rows)
{
    const QString path = QStringLiteral("timeline");
    const QJsonArray t = rd.array(o, path, "t_s");
    const qsizetype n = t.size();
    ColumnReader reader(&rd, n);
    FiguresColumns all(&reader, o, path);
    const QJsonArray rps = reader.column(o, path, "rps");
    const QJsonArray inFlight = reader.column(o, path, "in_flight");
    QMap<QString, FiguresColumns> types;
    const QJsonObject byType = rd.object(o, path, "by_type");
    for (auto it = byType.begin(); it != byType.end() && rd.ok(); ++it) {
        const QString typePath = path + QStringLiteral(".by_type.") + it.key();
        if (!it.value().isObject())
            rd.error = QCoreApplication::translate("Report", "field \"%1\" has the wrong type").arg(typePath);
        types.insert(it.key(), FiguresColumns(&reader, it.value().toObject(), typePath));
    }
    const bool streamed = o.contains(QLatin1String(StreamColumns[0].key));
    QJsonArray stream[std::size(StreamColumns)];
    for (size_t s = 0; streamed && s < std::size(StreamColumns); ++s)
        stream[s] = reader.column(o, path, StreamColumns[s].key);

    rows->reserve(n);
    for (qsizetype i = 0; i < n && rd.ok(); ++i) {
        TimelineRow row;
        row.tS = reader.number(t, i, path, "t_s");
        row.all = all.at(i);
        row.rps = reader.number(rps, i, path, "rps");
        row.inFlight = reader.count(inFlight, i, path, "in_flight");
        for (auto it = types.begin(); it != types.end(); ++it) {
            if (it.value().isPresent(i))
                row.byType.insert(it.key(), it.value().at(i));
        }
        if (streamed && !stream[0].at(i).isNull()) {
            Streaming s;
            for (size_t c = 0; c < std::size(StreamColumns); ++c) {
                const double v = reader.number(stream[c], i, path, StreamColumns[c].key);
                s.*StreamColumns[c].field = StreamColumns[c].percentile ? TimelineColumns::roundPercentile(v) : v;
            }
            row.streaming = s;
        }
        rows->append(row);
    }
}

IntervalFigures readRowFigures(FieldReader& rd, const QJsonObject& o, const QString& path)
{
    IntervalFigures f;
    for (const CountColumn& c : CountColumns)
        f.*c.field = countOf(rd, rd.number(o, path, c.key), FieldReader::join(path, c.key));
    for (const PercentileColumn& p : PercentileColumns)
        f.*p.field = TimelineColumns::roundPercentile(rd.number(o, path, p.key));
    return f;
}

//! The timeline as reports before 0.2 wrote it: an object per second.
void readRows(FieldReader& rd, const QJsonArray& list, QList<TimelineRow>* rows)
{
    rows->reserve(list.size());
    for (qsizetype i = 0; i < list.size() && rd.ok(); ++i) {
        const QString p = QStringLiteral("timeline[%1]").arg(i);
        const QJsonObject o = list[i].toObject();
        TimelineRow row;
        row.tS = rd.number(o, p, "t_s");
        row.all = readRowFigures(rd, o, p);
        row.rps = rd.number(o, p, "rps");
        row.inFlight = countOf(rd, rd.number(o, p, "in_flight"), FieldReader::join(p, "in_flight"));
        const QJsonObject byType = o.value(QStringLiteral("by_type")).toObject();
        for (auto it = byType.begin(); it != byType.end(); ++it)
            row.byType.insert(
                it.key(), readRowFigures(rd, it.value().toObject(), p + QStringLiteral(".by_type.") + it.key()));
        // Only rows of a run that streamed have these.
        if (o.contains(QStringLiteral("output_tokens_per_s"))) {
            row.streaming = Streaming { TimelineColumns::roundPercentile(rd.number(o, p, "ttft_p50_ms")),
                TimelineColumns::roundPercentile(rd.number(o, p, "ttft_p95_ms")),
                TimelineColumns::roundPercentile(rd.number(o, p, "ttft_p99_ms")),
                rd.number(o, p, "output_tokens_per_s") };
            // The first streaming reports had no TPOT per second.
            if (o.contains(QStringLiteral("tpot_p50_ms"))) {
                row.streaming->tpotP50 = TimelineColumns::roundPercentile(rd.number(o, p, "tpot_p50_ms"));
                row.streaming->tpotP95 = TimelineColumns::roundPercentile(rd.number(o, p, "tpot_p95_ms"));
            }
        }
        rows->append(row);
    }
}

} // namespace

double TimelineColumns::roundPercentile(double ms)
{
    if (ms == 0 || !std::isfinite(ms))
        return ms;
    char text[32];
    const std::to_chars_result written
        = std::to_chars(text, text + sizeof text, ms, std::chars_format::general, PercentileDigits);
    double rounded = ms;
    std::from_chars(text, written.ptr, rounded);
    return rounded;
}

QJsonObject TimelineColumns::toJson(const QList<TimelineRow>& rows, std::optional<double> originUnixS)
{
    QJsonObject o;
    QJsonArray t;
    QJsonArray unix;
    QJsonArray rps;
    QJsonArray inFlight;
    QList<const IntervalFigures*> all;
    QMap<QString, QList<const IntervalFigures*>> byType;
    bool streamed = false;
    all.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const TimelineRow& row = rows[i];
        t.append(row.tS);
        if (originUnixS)
            unix.append(*originUnixS + row.tS);
        rps.append(row.rps);
        inFlight.append(double(row.inFlight));
        all.append(&row.all);
        for (auto it = row.byType.begin(); it != row.byType.end(); ++it) {
            QList<const IntervalFigures*>& column = byType[it.key()];
            if (column.isEmpty())
                column.fill(nullptr, rows.size());
            column[i] = &it.value();
        }
        streamed = streamed || row.streaming;
    }
    o.insert(QStringLiteral("t_s"), t);
    if (originUnixS)
        o.insert(QStringLiteral("t_unix_s"), unix);
    o.insert(QStringLiteral("rps"), rps);
    o.insert(QStringLiteral("in_flight"), inFlight);
    writeFigures(&o, all);
    QJsonObject types;
    for (auto it = byType.begin(); it != byType.end(); ++it) {
        QJsonObject type;
        writeFigures(&type, it.value());
        types.insert(it.key(), type);
    }
    o.insert(QStringLiteral("by_type"), types);
    for (const StreamColumn& c : StreamColumns) {
        if (!streamed)
            break;
        QJsonArray column;
        for (const TimelineRow& row : rows) {
            if (!row.streaming)
                column.append(QJsonValue::Null);
            else
                column.append(c.percentile ? roundPercentile((*row.streaming).*c.field) : (*row.streaming).*c.field);
        }
        o.insert(QLatin1String(c.key), column);
    }
    return o;
}

bool TimelineColumns::fromJson(const QJsonValue& timeline, QList<TimelineRow>* rows, QString* error)
{
    FieldReader rd;
    QList<TimelineRow> read;
    if (timeline.isObject())
        readColumns(rd, timeline.toObject(), &read);
    else if (timeline.isArray())
        readRows(rd, timeline.toArray(), &read);
    else
        rd.error = timeline.isUndefined()
            ? QCoreApplication::translate("Report", "field \"%1\" is missing").arg(QStringLiteral("timeline"))
            : QCoreApplication::translate("Report", "field \"%1\" has the wrong type").arg(QStringLiteral("timeline"));
    if (!rd.ok()) {
        *error = rd.error;
        return false;
    }
    *rows = std::move(read);
    return true;
}

} // namespace Stressdeck
