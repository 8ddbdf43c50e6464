// SPDX-License-Identifier: MIT

#include "streamingmodel.h"

#include "format.h"

#include <QColor>

namespace Stressdeck {

StreamingModel::GlossaryEntry StreamingModel::glossary(Term term)
{
    const QString none = QStringLiteral("–");
    switch (term) {
    case Ttft:
        return { tr("TTFT (ttft_ms)"), tr("Time to first token: first content event − send"), tr("TTFT"),
            tr("time_to_first_token (AIPerf), TTFT (GuideLLM)") };
    case TtftSched:
        return { tr("TTFT from schedule (ttft_sched_ms)"),
            tr("First content event − the intended start (open model): includes the wait for a free slot"), none,
            none };
    case Tpot:
        return { tr("TPOT (tpot_ms)"),
            tr("Time per output token: (last content − first content) ÷ (N − 1), N from the server's usage"),
            tr("TPOT"), tr("inter_token_latency (AIPerf), ITL (GuideLLM)") };
    case Icl:
        return { tr("ICL (icl_ms)"),
            tr("Inter-chunk latency: every gap between two content events, pooled; per token only at one token per "
               "event"),
            tr("ITL"), none };
    case E2e:
        return { tr("E2E (e2e_ms)"), tr("End of the stream − send"), tr("E2EL"), tr("request_latency") };
    case OutputTokensTerm:
        return { tr("Output tokens (output_tokens)"),
            tr("From the server's usage.completion_tokens, never counted from characters; tokens/s over the run"),
            tr("Total generated tokens, output token throughput"),
            tr("output_sequence_length, output_token_throughput") };
    case TokenSourceTerm:
        return { tr("Token source (token_source)"),
            tr("Where each stream's token count came from: usage, or none (no TPOT, no tokens)"), none, none };
    case ChunksPerTokenTerm:
        return { tr("Chunks per token (chunks_per_token)"),
            tr("Content events per output token; below %1 an ICL is the gap between events, not between tokens")
                .arg(StreamingSummary::ChunksPerTokenFloor),
            none, none };
    case TermCount:
        break;
    }
    return {};
}

QString StreamingModel::glossaryToolTip(Term term)
{
    const GlossaryEntry e = glossary(term);
    return tr("%1: %2\nvLLM bench serve: %3\nAIPerf / GuideLLM: %4").arg(e.name, e.meaning, e.vllm, e.aiperf);
}

void StreamingModel::setStats(const QList<StatsFigures>& types, const StatsFigures& overall)
{
    QList<StatsFigures> rows;
    QStringList warnings;
    for (const StatsFigures& t : types) {
        if (!t.streaming)
            continue;
        rows.append(t);
        for (const QString& w : t.streaming->warnings)
            warnings.append(QStringLiteral("%1: %2").arg(t.name, w));
    }
    if (overall.streaming)
        rows.append(overall);
    m_warnings = warnings;
    replaceRows(rows);
}

int StreamingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StreamingModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const StatsFigures& row = m_rows[index.row()];
    const StreamingSummary& s = *row.streaming;
    const qint64 streams = s.usage + s.none;
    const double usageShare = streams ? double(s.usage) / double(streams) : 0.0;
    if (role == SortRole) {
        switch (index.column()) {
        case Name:
            return row.name;
        case Streams:
            return streams;
        case TtftP50:
            return s.ttft.p50;
        case TtftP95:
            return s.ttft.p95;
        case TtftP99:
            return s.ttft.p99;
        case TpotP50:
            return s.tpot.p50;
        case TpotP95:
            return s.tpot.p95;
        case IclP50:
            return s.icl.p50;
        case IclP99:
            return s.icl.p99;
        case OutputTokens:
            return s.outputTokens;
        case TokensPerS:
            return s.outputTokensPerS;
        case TokenSource:
            return usageShare;
        case ChunksPerToken:
            return s.chunksPerToken;
        }
    }
    if (role == Qt::DisplayRole) {
        // A figure no stream had (no TPOT without usage, no ICL from one event) is a dash, not 0 ms.
        auto latency = [streams](double ms) { return streams && ms > 0 ? formatLatency(ms) : QStringLiteral("–"); };
        switch (index.column()) {
        case Name:
            return row.name;
        case Streams:
            return QString::number(streams);
        case TtftP50:
            return latency(s.ttft.p50);
        case TtftP95:
            return latency(s.ttft.p95);
        case TtftP99:
            return latency(s.ttft.p99);
        case TpotP50:
            return latency(s.tpot.p50);
        case TpotP95:
            return latency(s.tpot.p95);
        case IclP50:
            return latency(s.icl.p50);
        case IclP99:
            return latency(s.icl.p99);
        case OutputTokens:
            return QString::number(s.outputTokens);
        case TokensPerS:
            return tr("%1 tok/s").arg(s.outputTokensPerS, 0, 'f', 1);
        case TokenSource:
            if (streams == 0)
                return QStringLiteral("–");
            if (s.none == 0)
                return tr("usage");
            return s.usage == 0 ? tr("none") : tr("usage %1, none %2").arg(s.usage).arg(s.none);
        case ChunksPerToken:
            return s.outputTokens > 0 ? QString::number(s.chunksPerToken, 'f', 2) : QStringLiteral("–");
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Name && index.column() != TokenSource)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        if (index.column() == ChunksPerToken && s.outputTokens > 0
            && s.chunksPerToken < StreamingSummary::ChunksPerTokenFloor)
            return QColor(Qt::darkRed);
        if (index.column() == TokenSource && s.none > 0)
            return QColor(Qt::darkRed);
    }
    if (role == Qt::ToolTipRole && index.column() == Name && !s.warnings.isEmpty())
        return s.warnings.join(QLatin1Char('\n'));
    return {};
}

QVariant StreamingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("Type");
        case Streams:
            return tr("Streams");
        case TtftP50:
            return tr("TTFT p50");
        case TtftP95:
            return tr("TTFT p95");
        case TtftP99:
            return tr("TTFT p99");
        case TpotP50:
            return tr("TPOT p50");
        case TpotP95:
            return tr("TPOT p95");
        case IclP50:
            return tr("ICL p50");
        case IclP99:
            return tr("ICL p99");
        case OutputTokens:
            return tr("Tokens");
        case TokensPerS:
            return tr("Tokens/s");
        case TokenSource:
            return tr("Source");
        case ChunksPerToken:
            return tr("Chunks/token");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Name:
            return tr("Request type; a type's warnings are in its tooltip");
        case Streams:
            return tr("Successful streams: only they have streaming figures");
        case TtftP50:
        case TtftP95:
        case TtftP99:
            return glossaryToolTip(Ttft);
        case TpotP50:
        case TpotP95:
            return glossaryToolTip(Tpot);
        case IclP50:
        case IclP99:
            return glossaryToolTip(Icl);
        case OutputTokens:
        case TokensPerS:
            return glossaryToolTip(OutputTokensTerm);
        case TokenSource:
            return glossaryToolTip(TokenSourceTerm);
        case ChunksPerToken:
            return glossaryToolTip(ChunksPerTokenTerm);
        default:
            break;
        }
    }
    return {};
}

} // namespace Stressdeck
