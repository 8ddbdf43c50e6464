// SPDX-License-Identifier: MIT

#pragma once

#include "stages.h"

#include <QGroupBox>

#include <optional>

class QTableWidget;

namespace Stressdeck {

class StagePreview;

//! The load shape as stages, in the setup panel: a checkable box (unchecked: a constant load)
//! holding a table of DURATION and TARGET rows, buttons to add and remove rows, and a preview of
//! the load curve. The unit follows the load model: users (closed) or requests per second (open).
class StageEditor : public QGroupBox {
    Q_OBJECT
public:
    explicit StageEditor(QWidget* parent = nullptr);

    void setUnit(Stages::Unit unit);
    Stages::Unit unit() const { return m_unit; }
    //! Whether the run is shaped by stages (the box is checked).
    bool isOn() const { return isChecked(); }
    //! The stages as text, "30s:10,1m:10,30s:0" (also when the box is unchecked).
    QString text() const;
    //! Fills the table from `text` (rows that do not parse are kept as typed) and checks the box when `on`.
    void setText(const QString& text, bool on);
    //! The stages (nullopt with a translated message naming the row when one is wrong); empty when off.
    std::optional<Stages> stages(QString* error) const;
    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    void changed();

private:
    void addRow(const QString& duration, const QString& target);
    void updatePreview();

    Stages::Unit m_unit = Stages::Unit::Users;
    QTableWidget* m_table = nullptr;
    StagePreview* m_preview = nullptr;
};

} // namespace Stressdeck
