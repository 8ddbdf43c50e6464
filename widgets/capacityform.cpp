// SPDX-License-Identifier: MIT

#include "capacityform.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>

namespace Stressdeck {

CapacityForm::CapacityForm(QWidget* parent)
    : QGroupBox(tr("Capacity search"), parent)
{
    setToolTip(tr("Open-model steps of a constant rate, growing until a step breaks the SLO, then a bisection to "
                  "within 5 %: the highest rate the target sustains"));
    auto* form = new QFormLayout(this);
    const Values initial;
    m_slo = new QLineEdit(initial.slo, this);
    m_slo->setObjectName(QStringLiteral("capacitySlo"));
    m_slo->setToolTip(tr("p50|p90|p95|p99<DURATION and errors<PCT, comma-separated, each optionally for one request "
                         "type (chat.p95<800ms)"));
    form->addRow(tr("&SLO:"), m_slo);
    m_start = new QDoubleSpinBox(this);
    m_start->setObjectName(QStringLiteral("capacityStart"));
    m_start->setRange(0.1, 1e6);
    m_start->setSuffix(tr(" req/s"));
    m_start->setValue(initial.startRps);
    form->addRow(tr("Start &at:"), m_start);
    m_max = new QDoubleSpinBox(this);
    m_max->setObjectName(QStringLiteral("capacityMax"));
    m_max->setRange(0.1, 1e6);
    m_max->setSuffix(tr(" req/s"));
    m_max->setValue(initial.maxRps);
    form->addRow(tr("At &most:"), m_max);
    m_step = new QLineEdit(initial.stepDuration, this);
    m_step->setObjectName(QStringLiteral("capacityStep"));
    m_step->setToolTip(tr("Length of every step, at least 2s; the first fifth of each is warm-up"));
    form->addRow(tr("Ste&p length:"), m_step);
    m_growth = new QDoubleSpinBox(this);
    m_growth->setObjectName(QStringLiteral("capacityGrowth"));
    m_growth->setRange(1.05, 10);
    m_growth->setSingleStep(0.1);
    m_growth->setPrefix(QStringLiteral("×"));
    m_growth->setValue(initial.growth);
    form->addRow(tr("&Growth:"), m_growth);
    for (QLineEdit* edit : { m_slo, m_step })
        connect(edit, &QLineEdit::textChanged, this, &CapacityForm::changed);
    for (QDoubleSpinBox* spin : { m_start, m_max, m_growth })
        connect(spin, &QDoubleSpinBox::valueChanged, this, &CapacityForm::changed);
}

CapacityForm::Values CapacityForm::values() const
{
    return { m_slo->text(), m_start->value(), m_max->value(), m_step->text(), m_growth->value() };
}

void CapacityForm::setValues(const Values& values)
{
    m_slo->setText(values.slo);
    m_start->setValue(values.startRps);
    m_max->setValue(values.maxRps);
    m_step->setText(values.stepDuration);
    m_growth->setValue(values.growth);
}

QList<QWidget*> CapacityForm::fields() const
{
    return { m_slo, m_start, m_max, m_step, m_growth };
}

std::optional<CapacityRun::Options> CapacityForm::options(QString* error, QWidget** field) const
{
    CapacityRun::Options o;
    QString why;
    const auto slo = Slo::parse(m_slo->text(), &why);
    if (!slo) {
        *error = tr("SLO: %1").arg(why);
        *field = m_slo;
        return std::nullopt;
    }
    o.slo = *slo;
    const auto step = parseDuration(m_step->text());
    if (!step || *step < 2) {
        *error = tr("Step length: \"%1\" is not a duration of at least 2s.").arg(m_step->text());
        *field = m_step;
        return std::nullopt;
    }
    o.stepS = *step;
    o.rate.startRps = m_start->value();
    o.rate.maxRps = m_max->value();
    o.rate.growth = m_growth->value();
    if (o.rate.maxRps < o.rate.startRps) {
        *error = tr("At most: %1 req/s is below the start rate.").arg(o.rate.maxRps);
        *field = m_max;
        return std::nullopt;
    }
    if (!CapacityRun::validate(o, &why)) {
        *error = why;
        *field = m_slo;
        return std::nullopt;
    }
    return o;
}

} // namespace Stressdeck
