// SPDX-License-Identifier: MIT

#include "capacityform.h"
#include "stageeditor.h"

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Stressdeck;

//! The setup panel's stage editor and capacity fields, as widgets on their own.
class TestStageEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsBecomeStages()
    {
        StageEditor editor;
        QString error;
        QVERIFY(editor.stages(&error)->isEmpty()); // unchecked: a constant load
        editor.setText(QStringLiteral("10s:5, 1m:5 ,0s:20,30s:0"), true);
        QCOMPARE(editor.table()->rowCount(), 4);
        QCOMPARE(editor.table()->item(2, 1)->text(), QStringLiteral("20"));
        const auto stages = editor.stages(&error);
        QVERIFY2(stages, qPrintable(error));
        QCOMPARE(stages->unit(), Stages::Unit::Users);
        QCOMPARE(stages->totalDuration(), 100.0);
        QCOMPARE(stages->targetAt(70), 20.0);
        QCOMPARE(editor.text(), QStringLiteral("10s:5,1m:5,0s:20,30s:0"));
    }

    void aBadRowIsNamed()
    {
        StageEditor editor;
        editor.setText(QStringLiteral("10s:5,soon:5"), true);
        QString error;
        QVERIFY(!editor.stages(&error));
        QVERIFY2(error.startsWith(QLatin1String("Stages: stage 2: \"soon\" is not a duration")), qPrintable(error));
        editor.table()->item(1, 0)->setText(QStringLiteral("20s"));
        QVERIFY(editor.stages(&error));
    }

    void usersAreWholeRatesNeedNot()
    {
        StageEditor editor;
        editor.setText(QStringLiteral("10s:2.5"), true);
        QString error;
        QVERIFY(!editor.stages(&error)); // users are whole numbers
        editor.setUnit(Stages::Unit::Rate);
        const auto rates = editor.stages(&error);
        QVERIFY2(rates, qPrintable(error));
        QCOMPARE(rates->unit(), Stages::Unit::Rate);
        QCOMPARE(rates->stages().constFirst().target, 2.5);
    }

    void checkingAnEmptyEditorOffersAShape()
    {
        StageEditor editor;
        QSignalSpy changed(&editor, &StageEditor::changed);
        editor.setChecked(true);
        QVERIFY(changed.count() >= 1);
        QString error;
        const auto stages = editor.stages(&error);
        QVERIFY2(stages && !stages->isEmpty(), qPrintable(error));
        QCOMPARE(editor.table()->rowCount(), 3);

        // Remove every row: an empty shape is refused rather than run as nothing.
        auto* remove = editor.findChild<QPushButton*>(QStringLiteral("removeStage"));
        for (int i = 0; i < 3; ++i) {
            editor.table()->setCurrentCell(0, 0);
            remove->click();
        }
        QCOMPARE(editor.table()->rowCount(), 0);
        QVERIFY(!editor.stages(&error));
        QVERIFY(error.contains(QLatin1String("at least one stage")));
    }

    void capacityFieldsBecomeOptions()
    {
        CapacityForm form;
        QString error;
        QWidget* field = nullptr;
        auto options = form.options(&error, &field);
        QVERIFY2(options, qPrintable(error));
        QCOMPARE(options->mode, CapacityRun::Mode::Rate);
        QCOMPARE(options->slo.toString(), QStringLiteral("p95<500ms,errors<1%"));
        QCOMPARE(options->stepS, 30.0);

        CapacityForm::Values v = form.values();
        v.slo = QStringLiteral("p95<fast");
        form.setValues(v);
        QVERIFY(!form.options(&error, &field));
        QCOMPARE(field, form.findChild<QLineEdit*>(QStringLiteral("capacitySlo")));
        QVERIFY(error.startsWith(QLatin1String("SLO: ")));

        v.slo = QStringLiteral("p99<2s");
        v.stepDuration = QStringLiteral("1s");
        form.setValues(v);
        QVERIFY(!form.options(&error, &field));
        QCOMPARE(field, form.findChild<QLineEdit*>(QStringLiteral("capacityStep")));

        v.stepDuration = QStringLiteral("5s");
        v.startRps = 50;
        v.maxRps = 20;
        form.setValues(v);
        QVERIFY(!form.options(&error, &field));
        QVERIFY(error.contains(QLatin1String("below the start rate")));
        QCOMPARE(field, form.findChild<QDoubleSpinBox*>(QStringLiteral("capacityMax")));
    }
};

QTEST_MAIN(TestStageEditor)
#include "tst_stageeditor.moc"
