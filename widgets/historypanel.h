// SPDX-License-Identifier: MIT

#pragma once

#include "runhistory.h"

#include <QWidget>

class QChart;
class QComboBox;
class QLineSeries;
class QPushButton;
class QTableView;
class QSortFilterProxyModel;

namespace Stressdeck {

class HistoryModel;

//! The run history in the window: the runs (sortable, filtered by target and scenario), Open and
//! Use as baseline for the one selected, and a chosen metric of a chosen request type plotted
//! across the runs, so that a regression between releases shows as a step.
class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    //! The history in `folder` (empty: the user's).
    explicit HistoryPanel(const QString& folder = {}, QWidget* parent = nullptr);
    ~HistoryPanel() override;

    //! Reads the history again (after a run was recorded, or when the panel is shown).
    void refresh();
    HistoryModel* model() const { return m_model; }
    //! The values the chart shows, oldest run first.
    QList<double> plotted() const;
    //! The report of the selected run; empty when none is selected.
    QString selectedReport() const;

Q_SIGNALS:
    void openRequested(const QString& reportFile);
    void baselineRequested(const QString& reportFile);

private:
    HistoryFilter filter() const;
    void replot();
    void fillChoices(QComboBox* box, const QStringList& values);

    QString m_folder;
    HistoryModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_target = nullptr;
    QComboBox* m_scenario = nullptr;
    QComboBox* m_metric = nullptr;
    QComboBox* m_type = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_useAsBaseline = nullptr;
    QChart* m_chart = nullptr;
    QLineSeries* m_series = nullptr;
};

} // namespace Stressdeck
