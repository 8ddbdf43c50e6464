// SPDX-License-Identifier: MIT

#include "demoknobspanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace Stressdeck {

DemoKnobsPanel::DemoKnobsPanel(QWidget* parent)
    : QGroupBox(tr("Demo service fault knobs"), parent)
{
    setObjectName(QStringLiteral("demoKnobs"));
    setCheckable(true);
    setChecked(false);
    setToolTip(tr("Change how the built-in demo service misbehaves, also while a run goes on"));
    auto* form = new QFormLayout(this);
    m_endpoint = new QComboBox(this);
    m_endpoint->setObjectName(QStringLiteral("faultEndpoint"));
    m_endpoint->addItems(DemoOptions::endpoints());
    m_endpoint->setCurrentText(QStringLiteral("chat"));
    form->addRow(tr("Endpoint:"), m_endpoint);
    auto percent = [this](QDoubleSpinBox** box) {
        *box = new QDoubleSpinBox(this);
        (*box)->setRange(0, 100);
        (*box)->setSuffix(QStringLiteral(" %"));
        connect(*box, &QDoubleSpinBox::valueChanged, this, &DemoKnobsPanel::announce);
        return *box;
    };
    form->addRow(tr("Error rate:"), percent(&m_errorRate));
    form->addRow(tr("Hang rate:"), percent(&m_hangRate));
    form->addRow(tr("Reset rate:"), percent(&m_resetRate));
    m_errorRate->setObjectName(QStringLiteral("errorRate"));
    m_extraLatency = new QSpinBox(this);
    m_extraLatency->setRange(0, 600000);
    m_extraLatency->setSuffix(tr(" ms"));
    connect(m_extraLatency, &QSpinBox::valueChanged, this, &DemoKnobsPanel::announce);
    form->addRow(tr("Extra latency:"), m_extraLatency);
    m_leakKb = new QSpinBox(this);
    m_leakKb->setRange(0, 102400);
    m_leakKb->setSuffix(tr(" KB/request"));
    connect(m_leakKb, &QSpinBox::valueChanged, this, &DemoKnobsPanel::announce);
    form->addRow(tr("Memory leak:"), m_leakKb);
    connect(this, &QGroupBox::toggled, this, &DemoKnobsPanel::announce);
    connect(m_endpoint, &QComboBox::currentIndexChanged, this, &DemoKnobsPanel::announce);
}

void DemoKnobsPanel::setBase(const DemoOptions& base)
{
    m_base = base;
    if (base.faults.isEmpty() && base.leakKbPerRequest <= 0)
        return;
    const QSignalBlocker blocker(this);
    setChecked(true);
    if (!base.faults.isEmpty()) {
        const QString endpoint = base.faults.firstKey();
        const EndpointFault& f = base.faults.first();
        if (m_endpoint->findText(endpoint) >= 0)
            m_endpoint->setCurrentText(endpoint);
        m_errorRate->setValue(100 * f.errorRate);
        m_hangRate->setValue(100 * f.hangRate);
        m_resetRate->setValue(100 * f.resetRate);
        m_extraLatency->setValue(int(f.extraLatencyMs));
    }
    m_leakKb->setValue(int(base.leakKbPerRequest));
}

DemoOptions DemoKnobsPanel::options() const
{
    DemoOptions options = m_base;
    if (!isChecked()) {
        options.faults.clear();
        options.leakKbPerRequest = 0;
        return options;
    }
    const QString endpoint = m_endpoint->currentText();
    EndpointFault& f = options.faults[endpoint];
    if (!m_base.faults.contains(endpoint))
        f.errorStatus = 503;
    f.errorRate = m_errorRate->value() / 100.0;
    f.hangRate = m_hangRate->value() / 100.0;
    f.resetRate = m_resetRate->value() / 100.0;
    f.extraLatencyMs = m_extraLatency->value();
    options.leakKbPerRequest = m_leakKb->value();
    return options;
}

void DemoKnobsPanel::announce()
{
    Q_EMIT optionsChanged(options());
}

} // namespace Stressdeck
