// SPDX-License-Identifier: MIT

#pragma once

#include "statstablemodel.h"

namespace Stressdeck {

//! The streaming figures (issue #16) of each request type that streamed, and of all, for the
//! dashboard's "Token streams" table and the PDF. The figures are the engine's; this only words
//! them. Its glossary (what a metric is, and what vLLM, AIPerf and GuideLLM call it) also feeds
//! the column and chart tooltips and the PDF's glossary table.
class StreamingModel : public StatsTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Streams,
        TtftP50,
        TtftP95,
        TtftP99,
        TpotP50,
        TpotP95,
        IclP50,
        IclP99,
        OutputTokens,
        TokensPerS,
        TokenSource,
        ChunksPerToken,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    //! The terms of the glossary.
    enum Term { Ttft, TtftSched, Tpot, Icl, E2e, OutputTokensTerm, TokenSourceTerm, ChunksPerTokenTerm, TermCount };
    struct GlossaryEntry {
        QString name; //!< as the window and the report's key say it
        QString meaning;
        QString vllm; //!< vLLM `bench serve`; "–": no such metric
        QString aiperf; //!< NVIDIA AIPerf and GuideLLM
    };
    static GlossaryEntry glossary(Term term);
    //! The entry as one tooltip: name, meaning and the names the other tools use.
    static QString glossaryToolTip(Term term);

    using StatsTableModel::StatsTableModel;

    //! A row for each type that carries streaming figures, in their order, then `overall` (named
    //! as given) when it does.
    void setStats(const QList<StatsFigures>& types, const StatsFigures& overall);
    //! The types' warnings as "type: warning" (the overall ones repeat them).
    const QStringList& warnings() const { return m_warnings; }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_warnings;
};

} // namespace Stressdeck
