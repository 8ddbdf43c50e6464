// SPDX-License-Identifier: MIT

#include "streamingmodel.h"
#include "tablecopy.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace Stressdeck;

namespace {

//! A type's figures with the streaming block the engine would have made of `streams` streams.
StatsFigures streamed(
    const QString& name, int streams, std::int64_t ttftMs, double tpotMs, int tokensPerEvent, bool usage = true)
{
    StreamCounters c;
    for (int i = 0; i < streams; ++i) {
        StreamSample s;
        s.ttftNs = (ttftMs + i) * 1'000'000;
        s.ttftSchedNs = s.ttftNs;
        s.e2eNs = (ttftMs + 400) * 1'000'000;
        if (usage) {
            s.tpotNs = tpotMs * 1e6;
            s.outputTokens = 20;
        }
        const int events = 20 / tokensPerEvent;
        for (int k = 1; k < events; ++k)
            s.gapsNs.push_back(std::int64_t(tpotMs * tokensPerEvent * 1e6));
        s.contentEvents = events;
        c.add(s);
    }
    StatsFigures f;
    f.name = name;
    f.total = f.success = streams;
    f.streaming = StreamingSummary::of(c, 2.0);
    return f;
}

StatsFigures plain(const QString& name)
{
    StatsFigures f;
    f.name = name;
    f.total = f.success = 9;
    return f;
}

} // namespace

class TestStreamingModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void onlyTypesThatStreamHaveRows()
    {
        StreamingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        StatsFigures all = streamed(QStringLiteral("all"), 4, 150, 20, 1);
        model.setStats({ streamed(QStringLiteral("chat"), 4, 150, 20, 1), plain(QStringLiteral("health")) }, all);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, StreamingModel::Name).data().toString(), QStringLiteral("chat"));
        QCOMPARE(model.index(1, StreamingModel::Name).data().toString(), QStringLiteral("all"));
        // A run without streams: no rows at all.
        model.setStats({ plain(QStringLiteral("health")) }, plain(QStringLiteral("all")));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.warnings().isEmpty());
    }

    void figuresAreWordedWithUnitsAndAlignedRight()
    {
        StreamingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStats({ streamed(QStringLiteral("chat"), 4, 150, 20, 1) }, {});
        QCOMPARE(model.rowCount(), 1);
        auto cell = [&](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(cell(StreamingModel::Streams), QStringLiteral("4"));
        QVERIFY2(
            cell(StreamingModel::TtftP50).startsWith(QLatin1String("151.")), qPrintable(cell(StreamingModel::TtftP50)));
        QVERIFY(cell(StreamingModel::TtftP50).endsWith(QLatin1String(" ms")));
        QVERIFY2(
            cell(StreamingModel::TpotP50).startsWith(QLatin1String("20.")), qPrintable(cell(StreamingModel::TpotP50)));
        QVERIFY2(
            cell(StreamingModel::IclP99).startsWith(QLatin1String("20.")), qPrintable(cell(StreamingModel::IclP99)));
        QCOMPARE(cell(StreamingModel::OutputTokens), QStringLiteral("80"));
        QCOMPARE(cell(StreamingModel::TokensPerS), QStringLiteral("40.0 tok/s"));
        QCOMPARE(cell(StreamingModel::TokenSource), QStringLiteral("usage"));
        QCOMPARE(cell(StreamingModel::ChunksPerToken), QStringLiteral("1.00"));
        // The raw number sorts; figures line up on the right, words on the left.
        QCOMPARE(model.index(0, StreamingModel::OutputTokens).data(StreamingModel::SortRole).toLongLong(), 80);
        for (int c = 0; c < StreamingModel::ColumnCount; ++c) {
            const int align = model.index(0, c).data(Qt::TextAlignmentRole).toInt();
            const bool words = c == StreamingModel::Name || c == StreamingModel::TokenSource;
            QVERIFY2(bool(align & Qt::AlignRight) == !words, qPrintable(QString::number(c)));
        }
        QVERIFY(model.warnings().isEmpty());
    }

    void misleadingStreamsSayWhy()
    {
        StreamingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStats({ streamed(QStringLiteral("chunky"), 3, 150, 20, 4),
                           streamed(QStringLiteral("silent"), 2, 90, 20, 1, false) },
            {});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, StreamingModel::ChunksPerToken).data().toString(), QStringLiteral("0.25"));
        QCOMPARE(model.index(0, StreamingModel::ChunksPerToken).data(Qt::ForegroundRole).value<QColor>(),
            QColor(Qt::darkRed));
        QVERIFY(model.index(0, StreamingModel::IclP50).data().toString().startsWith(QLatin1String("80.")));
        // Without usage: no token count, no TPOT, and it says so.
        QCOMPARE(model.index(1, StreamingModel::TokenSource).data().toString(), QStringLiteral("none"));
        QCOMPARE(model.index(1, StreamingModel::TpotP50).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(1, StreamingModel::ChunksPerToken).data().toString(), QStringLiteral("–"));
        const QStringList warnings = model.warnings();
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(
            warnings[0].startsWith(QLatin1String("chunky: ICL is per event, not per token")), qPrintable(warnings[0]));
        QVERIFY2(warnings[1].startsWith(QLatin1String("silent: usage missing")), qPrintable(warnings[1]));
        QVERIFY(model.index(1, StreamingModel::Name)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("usage missing")));
    }

    void headersCarryTheGlossary()
    {
        StreamingModel model;
        const QString ttft = model.headerData(StreamingModel::TtftP95, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(ttft.contains(QLatin1String("time_to_first_token")), qPrintable(ttft));
        QVERIFY(ttft.contains(QLatin1String("vLLM bench serve: TTFT")));
        const QString tpot = model.headerData(StreamingModel::TpotP50, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(tpot.contains(QLatin1String("vLLM bench serve: TPOT")), qPrintable(tpot));
        QVERIFY(tpot.contains(QLatin1String("ITL (GuideLLM)")));
        const QString icl = model.headerData(StreamingModel::IclP99, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(icl.contains(QLatin1String("vLLM bench serve: ITL")), qPrintable(icl));
        for (int c = StreamingModel::Streams; c < StreamingModel::ColumnCount; ++c)
            QVERIFY2(!model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty(),
                qPrintable(QString::number(c)));
    }

    void sortsByTheNumberAndCopiesAsTsv()
    {
        StreamingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // TTFT 1000 ms sorts after 150 ms, though "1.00 s" < "151 ms" as text.
        model.setStats(
            { streamed(QStringLiteral("slow"), 2, 1000, 20, 1), streamed(QStringLiteral("fast"), 2, 150, 20, 1),
                streamed(QStringLiteral("mid"), 2, 400, 20, 1) },
            {});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(StreamingModel::SortRole);
        QTableView view;
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(StreamingModel::TtftP50, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, StreamingModel::Name).data().toString(), QStringLiteral("fast"));
        QCOMPARE(proxy.index(1, StreamingModel::Name).data().toString(), QStringLiteral("mid"));
        QCOMPARE(proxy.index(2, StreamingModel::Name).data().toString(), QStringLiteral("slow"));

        enableTableCopy(&view);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        QApplication::clipboard()->clear();
        QTest::keySequence(&view, QKeySequence::Copy);
        const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        const QStringList header = lines[0].split(QLatin1Char('\t'));
        QCOMPARE(header.size(), int(StreamingModel::ColumnCount));
        QCOMPARE(header[StreamingModel::TtftP99], QStringLiteral("TTFT p99"));
        const QStringList first = lines[1].split(QLatin1Char('\t'));
        QCOMPARE(first[StreamingModel::Name], QStringLiteral("fast"));
        QCOMPARE(first[StreamingModel::TokensPerS], QStringLiteral("20.0 tok/s"));
        QVERIFY(lines[3].startsWith(QLatin1String("slow\t2\t")));
    }
};

QTEST_MAIN(TestStreamingModel)
#include "tst_streamingmodel.moc"
