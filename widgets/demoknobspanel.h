// SPDX-License-Identifier: MIT

#pragma once

#include "demooptions.h"

#include <QGroupBox>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace Stressdeck {

//! The "Demo service fault knobs" box: one endpoint's error, hang and reset rates, extra latency
//! and a memory leak for the built-in demo service. The demo options given at start-up are the base:
//! the panel replaces the faults of its endpoint and the leak, and switched off it clears faults and
//! leak (speed, slow start and the rest stay). Every change is announced with the resulting options.
class DemoKnobsPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit DemoKnobsPanel(QWidget* parent = nullptr);

    //! The options the knobs start from; when they break something, the panel switches on and shows
    //! the first endpoint they break (the others stay as given). Announces nothing by itself.
    void setBase(const DemoOptions& base);
    //! The base with the panel's knobs applied.
    DemoOptions options() const;

Q_SIGNALS:
    void optionsChanged(const Stressdeck::DemoOptions& options);

private:
    void announce();

    DemoOptions m_base;
    QComboBox* m_endpoint = nullptr;
    QDoubleSpinBox* m_errorRate = nullptr;
    QDoubleSpinBox* m_hangRate = nullptr;
    QDoubleSpinBox* m_resetRate = nullptr;
    QSpinBox* m_extraLatency = nullptr;
    QSpinBox* m_leakKb = nullptr;
};

} // namespace Stressdeck
