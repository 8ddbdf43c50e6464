// SPDX-License-Identifier: MIT

#include "stageeditor.h"

#include "runconfig.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Stressdeck {

//! The load curve of the stages in the editor: the target over the run, with the total length and
//! the highest target written beside it; a message instead when the stages do not parse.
class StagePreview : public QWidget {
public:
    explicit StagePreview(QWidget* parent)
        : QWidget(parent)
    {
        setMinimumHeight(70);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

    void setStages(const std::optional<Stages>& stages, const QString& problem)
    {
        m_stages = stages;
        m_problem = problem;
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF all = QRectF(rect()).adjusted(1, 1, -1, -1);
        p.fillRect(all, palette().base());
        p.setPen(palette().mid().color());
        p.drawRect(all);
        const QFontMetrics metrics(font());
        if (!m_stages || m_stages->isEmpty()) {
            p.setPen(m_problem.isEmpty() ? palette().placeholderText().color() : QColor(0xc6, 0x28, 0x28));
            p.drawText(all.adjusted(6, 0, -6, 0), Qt::AlignCenter | Qt::TextWordWrap,
                m_problem.isEmpty() ? tr("no stages") : m_problem);
            return;
        }
        double peak = 0;
        for (const Stage& s : m_stages->stages())
            peak = std::max(peak, s.target);
        const double total = m_stages->totalDuration();
        const QString unit = m_stages->unit() == Stages::Unit::Users ? tr("users") : tr("req/s");
        const QString label = tr("%1 · peak %2 %3").arg(formatDuration(total)).arg(peak).arg(unit);
        const QRectF plot = all.adjusted(6, metrics.height() + 4, -6, -4);
        p.setPen(palette().text().color());
        p.drawText(all.adjusted(6, 2, -6, 0), Qt::AlignLeft | Qt::AlignTop, label);
        if (!(total > 0) || !(peak > 0))
            return;
        const auto x = [&](double t) { return plot.left() + t / total * plot.width(); };
        const auto y = [&](double v) { return plot.bottom() - v / peak * plot.height(); };
        QPainterPath curve;
        curve.moveTo(x(0), y(0));
        for (const StageSpan& span : m_stages->spans()) {
            curve.lineTo(x(span.startS), y(span.fromTarget));
            curve.lineTo(x(span.endS), y(span.target));
        }
        QPainterPath area = curve;
        area.lineTo(x(total), y(0));
        area.closeSubpath();
        QColor fill(0x00, 0x72, 0xB2);
        fill.setAlphaF(0.25);
        p.fillPath(area, fill);
        p.setPen(QPen(QColor(0x00, 0x72, 0xB2), 2));
        p.drawPath(curve);
    }

private:
    std::optional<Stages> m_stages;
    QString m_problem;
};

StageEditor::StageEditor(QWidget* parent)
    : QGroupBox(tr("Stages"), parent)
{
    setCheckable(true);
    setChecked(false);
    setToolTip(tr("Shape the load: each stage ramps linearly from the previous target (0 at the start) to its own "
                  "over its duration; a 0s stage is a step. The run lasts as long as its stages."));
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("stagesTable"));
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(
        m_table->verticalHeader()->defaultSectionSize() * 4 + m_table->horizontalHeader()->sizeHint().height());
    m_table->setMaximumHeight(
        m_table->verticalHeader()->defaultSectionSize() * 6 + m_table->horizontalHeader()->sizeHint().height());
    layout->addWidget(m_table);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add stage"), this);
    add->setToolTip(tr("Adds a stage after the selected one, holding its target"));
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeStage"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_preview = new StagePreview(this);
    m_preview->setObjectName(QStringLiteral("stagePreview"));
    layout->addWidget(m_preview);

    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow() >= 0 ? m_table->currentRow() : m_table->rowCount() - 1;
        const QString target = row >= 0 && m_table->item(row, 1) ? m_table->item(row, 1)->text() : QStringLiteral("10");
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row + 1);
        m_table->setItem(row + 1, 0, new QTableWidgetItem(QStringLiteral("1m")));
        m_table->setItem(row + 1, 1, new QTableWidgetItem(target));
        m_table->setCurrentCell(row + 1, 0);
        updatePreview();
        Q_EMIT changed();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() < 0)
            return;
        m_table->removeRow(m_table->currentRow());
        updatePreview();
        Q_EMIT changed();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        updatePreview();
        Q_EMIT changed();
    });
    connect(this, &QGroupBox::toggled, this, [this](bool on) {
        if (on && m_table->rowCount() == 0)
            setText(m_unit == Stages::Unit::Users ? QStringLiteral("30s:10,1m:10,30s:0")
                                                  : QStringLiteral("30s:20,1m:20,30s:0"),
                true);
        Q_EMIT changed();
    });
    setUnit(Stages::Unit::Users);
}

void StageEditor::setUnit(Stages::Unit unit)
{
    m_unit = unit;
    m_table->setHorizontalHeaderLabels(
        { tr("Duration"), unit == Stages::Unit::Users ? tr("Target (users)") : tr("Target (req/s)") });
    updatePreview();
}

QString StageEditor::text() const
{
    QStringList parts;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto cell = [&](int column) {
            const QTableWidgetItem* item = m_table->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        parts.append(cell(0) + QLatin1Char(':') + cell(1));
    }
    return parts.join(QLatin1Char(','));
}

void StageEditor::setText(const QString& text, bool on)
{
    {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(0);
        for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            addRow(part.section(QLatin1Char(':'), 0, 0).trimmed(), part.section(QLatin1Char(':'), 1).trimmed());
    }
    {
        const QSignalBlocker blocker(this); // not the default shape an empty box offers when checked
        setChecked(on);
    }
    updatePreview();
    Q_EMIT changed();
}

void StageEditor::addRow(const QString& duration, const QString& target)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(duration));
    m_table->setItem(row, 1, new QTableWidgetItem(target));
}

std::optional<Stages> StageEditor::stages(QString* error) const
{
    if (!isOn())
        return Stages();
    if (m_table->rowCount() == 0) {
        *error = tr("Stages: add at least one stage, or uncheck Stages for a constant load.");
        return std::nullopt;
    }
    QString why;
    const auto parsed = Stages::parse(text(), m_unit, &why);
    if (!parsed) {
        *error = tr("Stages: %1").arg(why);
        return std::nullopt;
    }
    return parsed;
}

void StageEditor::updatePreview()
{
    QString error;
    const QString text = this->text();
    const auto parsed = text.isEmpty() ? std::optional<Stages>() : Stages::parse(text, m_unit, &error);
    m_preview->setStages(parsed, error);
}

} // namespace Stressdeck
