// SPDX-License-Identifier: MIT

// The engine's cross-thread pieces driven by plain std::threads, without a Qt event loop, so a
// ThreadSanitizer build (packaging/setup.sh test) checks our own synchronisation: Debian's Qt is
// not instrumented, but these classes use only the standard library's primitives.
#include "openschedule.h"
#include "recordqueue.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>
#include <vector>

using namespace Stressdeck;

class TestConcurrency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recordQueueHandsOverEverythingEndedBefore()
    {
        constexpr int Producers = 4;
        constexpr int PerProducer = 20000;
        RecordQueue queue;
        const auto loadStart = EngineClock::now();
        std::atomic<int> running { Producers };
        std::vector<std::thread> producers;
        for (int p = 0; p < Producers; ++p) {
            producers.emplace_back([&, p] {
                Outcome ok;
                ok.kind = Outcome::Success;
                for (int i = 0; i < PerProducer; ++i)
                    queue.push(p, ok, EngineClock::now(), i, loadStart); // latency carries the sequence
                --running;
            });
        }
        std::vector<std::vector<std::int64_t>> seen(Producers);
        bool ordered = true;
        bool beforeHandOver = true;
        std::thread consumer([&] {
            std::vector<RequestRecord> batch;
            for (;;) {
                const bool last = running.load() == 0;
                const auto handOver = queue.takeAll(&batch);
                const std::int64_t handOverNs = nanos(handOver - loadStart);
                for (const RequestRecord& r : batch) {
                    auto& mine = seen[size_t(r.typeIndex)];
                    ordered = ordered && (mine.empty() || mine.back() + 1 == r.latencyNs);
                    beforeHandOver = beforeHandOver && r.doneNs <= handOverNs;
                    mine.push_back(r.latencyNs);
                }
                if (last)
                    break;
            }
        });
        for (std::thread& t : producers)
            t.join();
        consumer.join();
        QVERIFY(ordered); // nothing lost, doubled or reordered within a producer
        QVERIFY(beforeHandOver); // a hand-over at T holds only requests that ended by T
        for (const auto& mine : seen)
            QCOMPARE(qsizetype(mine.size()), qsizetype(PerProducer));
    }

    void openScheduleGivesEverySlotOnce()
    {
        constexpr int Threads = 4;
        constexpr int Claims = 5000;
        OpenSchedule schedule;
        schedule.start(EngineClock::now(), 1e6);
        std::vector<std::vector<qint64>> claimed(Threads);
        std::vector<std::thread> users;
        for (int t = 0; t < Threads; ++t) {
            users.emplace_back([&, t] {
                for (int i = 0; i < Claims; ++i) {
                    const auto [slot, due] = schedule.claim();
                    if (i % 10 == 3) {
                        schedule.giveBack(slot); // a stopped user's slot goes to the next claim
                        continue;
                    }
                    schedule.sent(i % 100 == 0 ? 50.0 : 0.0);
                    claimed[size_t(t)].push_back(slot);
                }
                if (t == 0)
                    schedule.setRate(2e6); // a live rate change while the others claim
            });
        }
        for (std::thread& t : users)
            t.join();
        std::set<qint64> all;
        qsizetype total = 0;
        for (const auto& mine : claimed) {
            all.insert(mine.begin(), mine.end());
            total += mine.size();
        }
        QCOMPARE(qsizetype(all.size()), total); // no slot sent twice
        const ScheduleInfo info = schedule.info();
        QCOMPARE(info.scheduled, qint64(total));
        QCOMPARE(info.late, qint64(Threads * (Claims / 100)));
        QCOMPARE(info.maxLagMs, 50.0);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
