// SPDX-License-Identifier: MIT

#pragma once

#include "capacityrun.h"

#include <QGroupBox>

#include <optional>

class QDoubleSpinBox;
class QLineEdit;

namespace Stressdeck {

//! The capacity search's settings in the setup panel: the SLO, the start and highest rate, the
//! length of a step and the growth from one step to the next.
class CapacityForm : public QGroupBox {
    Q_OBJECT
public:
    //! What the fields show, as typed.
    struct Values {
        QString slo = QStringLiteral("p95<500ms,errors<1%");
        double startRps = 10;
        double maxRps = 1000;
        QString stepDuration = QStringLiteral("30s");
        double growth = 1.5;
    };

    explicit CapacityForm(QWidget* parent = nullptr);

    Values values() const;
    void setValues(const Values& values);
    //! The search's options; nullopt with a translated message and the field at fault.
    std::optional<CapacityRun::Options> options(QString* error, QWidget** field) const;
    //! The fields that can be at fault, for flagging in place.
    QList<QWidget*> fields() const;

Q_SIGNALS:
    void changed();

private:
    QLineEdit* m_slo = nullptr;
    QDoubleSpinBox* m_start = nullptr;
    QDoubleSpinBox* m_max = nullptr;
    QLineEdit* m_step = nullptr;
    QDoubleSpinBox* m_growth = nullptr;
};

} // namespace Stressdeck
