// SPDX-License-Identifier: MIT

#pragma once

#include "shardfollower.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace Stressdeck {

class ShardStatusModel;

//! The band above the dashboard for distributed runs: while following (File › Follow shards…)
//! a heading with the shards' states, a warning line and a row per shard; for a merged report
//! that was opened, the heading and the warning only (a partial merge, the start skew).
class ShardStatusView : public QWidget {
    Q_OBJECT
public:
    explicit ShardStatusView(QWidget* parent = nullptr);

    void setRun(const FollowedRun& run);
    //! A merged report shown on its own; hides the band for any other report.
    void setMergedReport(const Report& report);

    QString heading() const;
    QString warning() const;
    ShardStatusModel* model() const { return m_model; }

private:
    void setWarning(const QStringList& lines);

    QLabel* m_heading = nullptr;
    QLabel* m_warning = nullptr;
    QTableView* m_table = nullptr;
    ShardStatusModel* m_model = nullptr;
};

} // namespace Stressdeck
