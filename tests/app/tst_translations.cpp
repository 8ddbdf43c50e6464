// SPDX-License-Identifier: MIT

#include "dashboard.h"
#include "mainwindow.h"
#include "timeserieschart.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QChart>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Stressdeck;

namespace {

struct Entry {
    QString source;
    QStringList translations;
    bool unfinished = false;
};

QList<Entry> readCatalogue(const QString& fileName = QStringLiteral(STRESSDECK_TRANSLATIONS_DIR "/stressdeck_de.ts"))
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the German catalogue");
    QXmlStreamReader xml(&file);
    QList<Entry> entries;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message")) {
            entries.append(Entry {});
        } else if (xml.name() == QLatin1String("source")) {
            entries.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            entries.last().unfinished = type == QLatin1String("unfinished") || type == QLatin1String("obsolete")
                || type == QLatin1String("vanished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            entries.last().translations.append(text);
        }
    }
    if (xml.hasError())
        qFatal("the catalogue is not valid XML: %s", qPrintable(xml.errorString()));
    return entries;
}

QString plain(QString text)
{
    return text.remove(QLatin1Char('&')).trimmed();
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Settings of this run alone, not those an earlier run left in the shared test folder.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
        QCoreApplication::setOrganizationName(QStringLiteral("StressdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    }

    void catalogueIsComplete()
    {
        const QList<Entry> entries = readCatalogue();
        QVERIFY(entries.size() > 300);
        for (const Entry& e : entries) {
            QVERIFY2(!e.unfinished, qPrintable(QStringLiteral("unfinished: ") + e.source));
            QVERIFY2(
                !e.translations.join(QString()).trimmed().isEmpty(), qPrintable(QStringLiteral("empty: ") + e.source));
            // Placeholders survive translation.
            for (int n = 1; n <= 9; ++n) {
                const QString marker = QStringLiteral("%%1").arg(n);
                if (e.source.contains(marker))
                    QVERIFY2(e.translations.join(QString()).contains(marker), qPrintable(e.source));
            }
        }
    }

    // A string added to the code but never brought into the catalogue shows in English: lupdate
    // over the sources into a copy of the catalogue must find nothing new to translate.
    void catalogueHasEverySourceString()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("stressdeck_de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(STRESSDECK_TRANSLATIONS_DIR "/stressdeck_de.ts"), copy));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(STRESSDECK_LUPDATE),
            { QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                QStringLiteral(STRESSDECK_SOURCE_DIR "/core"), QStringLiteral(STRESSDECK_SOURCE_DIR "/widgets"),
                QStringLiteral(STRESSDECK_SOURCE_DIR "/app"), QStringLiteral("-ts"), copy });
        QVERIFY(lupdate.waitForFinished(120000));
        const QString log = QString::fromUtf8(lupdate.readAll());
        QVERIFY2(lupdate.exitCode() == 0, qPrintable(log));
        const QList<Entry> entries = readCatalogue(copy);
        QVERIFY2(entries.size() > 300, qPrintable(log));
        QStringList untranslated;
        for (const Entry& e : entries) {
            if (e.unfinished)
                untranslated.append(e.source);
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(" | "))));
        QCOMPARE(entries.size(), readCatalogue().size()); // and nothing in it is obsolete
    }

    void germanWindowHasNoEnglishLeft()
    {
        QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        // English texts whose German differs: none of them may be on screen.
        QSet<QString> english;
        for (const Entry& e : readCatalogue()) {
            if (!e.translations.contains(e.source))
                english.insert(plain(e.source));
        }
        MainWindow w;
        w.show();
        QFile known(QStringLiteral(STRESSDECK_TEST_DATA_DIR "/known-report.json"));
        QVERIFY(w.openReport(known.fileName())); // fills tables, criteria and the verdict too

        QStringList shown { w.windowTitle() };
        for (QAction* a : w.findChildren<QAction*>())
            shown << a->text() << a->toolTip();
        for (QMenu* m : w.findChildren<QMenu*>())
            shown << m->title();
        for (QLabel* l : w.findChildren<QLabel*>())
            shown << l->text() << l->toolTip();
        for (QAbstractButton* b : w.findChildren<QAbstractButton*>())
            shown << b->text();
        for (QGroupBox* g : w.findChildren<QGroupBox*>())
            shown << g->title();
        for (QLineEdit* e : w.findChildren<QLineEdit*>())
            shown << e->placeholderText() << e->toolTip();
        for (QTabWidget* t : w.findChildren<QTabWidget*>()) {
            for (int i = 0; i < t->count(); ++i)
                shown << t->tabText(i);
        }
        for (QTableView* v : w.findChildren<QTableView*>()) {
            for (int c = 0; c < v->model()->columnCount(); ++c)
                shown << v->model()->headerData(c, Qt::Horizontal).toString();
        }
        for (TimeSeriesChart* c : w.dashboard()->charts())
            shown << c->chart()->title();

        QStringList leftovers;
        for (const QString& text : shown) {
            if (english.contains(plain(text)))
                leftovers << text;
        }
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QStringLiteral(" | "))));
        QVERIFY(shown.contains(QStringLiteral("&Starten")));
        QVERIFY(w.dashboard()->verdictText().startsWith(QStringLiteral("NICHT BESTANDEN")));
    }

    void germanWindowFlagsTheWrongField()
    {
        QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        MainWindow w;
        w.show();
        auto* target = w.findChild<QLineEdit*>(QStringLiteral("target"));
        auto* concurrency = w.findChild<QWidget*>(QStringLiteral("concurrency"));
        QVERIFY(target && concurrency);
        target->setText(QStringLiteral("ftp://nowhere"));
        QTRY_VERIFY(!w.validationMessage().isEmpty());
        QVERIFY2(!w.validationMessage().startsWith(QLatin1String("target")), qPrintable(w.validationMessage()));
        QVERIFY(target->property("invalid").toBool());
        QVERIFY(target->styleSheet().contains(QLatin1String("border")));
        QVERIFY(!concurrency->property("invalid").toBool());
        target->clear();
        QTRY_VERIFY(w.validationMessage().isEmpty());
        QVERIFY(!target->property("invalid").toBool());
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
