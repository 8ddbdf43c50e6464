// SPDX-License-Identifier: MIT

#include "capacityview.h"

#include "capacitystep.h"
#include "format.h"
#include "tablecopy.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Stressdeck {

//! The two capacity charts of the PDF, drawn on screen side by side at the screen's resolution.
class CapacityChartsWidget : public QWidget {
public:
    explicit CapacityChartsWidget(QWidget* parent)
        : QWidget(parent)
    {
        setMinimumHeight(260);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

    void setData(const CapacityChartData* data)
    {
        m_data = data;
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.fillRect(rect(), Qt::white);
        if (!m_data)
            return;
        const double dpi = logicalDpiX();
        const QRectF all = QRectF(rect()).adjusted(dpi * 0.1, dpi * 0.1, -dpi * 0.1, -dpi * 0.05);
        const double half = all.width() / 2;
        drawCapacityLoadCurve(p, QRectF(all.left(), all.top(), half - dpi * 0.1, all.height()), dpi, *m_data);
        drawCapacityHockeyStick(
            p, QRectF(all.left() + half + dpi * 0.1, all.top(), half - dpi * 0.1, all.height()), dpi, *m_data);
    }

private:
    const CapacityChartData* m_data = nullptr;
};

CapacityView::CapacityView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_headline = new QLabel(tr("No capacity search yet: choose the capacity profile or the load model \"Capacity "
                               "search\" and press Start."),
        this);
    m_headline->setObjectName(QStringLiteral("capacityHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_headline);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_charts = new CapacityChartsWidget(splitter);
    m_charts->setObjectName(QStringLiteral("capacityCharts"));
    m_steps = new QTableWidget(0, 8, splitter);
    m_steps->setObjectName(QStringLiteral("capacitySteps"));
    m_steps->verticalHeader()->hide();
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->horizontalHeader()->setStretchLastSection(true);
    enableTableCopy(m_steps);
    splitter->addWidget(m_charts);
    splitter->addWidget(m_steps);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
}

QString CapacityView::headline() const
{
    return m_headline->text();
}

void CapacityView::setSearch(const CapacityChartData& data, const QString& headline, std::optional<bool> found)
{
    m_data = data;
    m_charts->setData(&m_data);
    m_headline->setText(headline);
    m_headline->setStyleSheet(!found ? QStringLiteral("background:#eceff1; color:black")
                                     : QStringLiteral("background:%1; color:white")
                                           .arg((*found ? capacityPassColor() : capacityFailColor()).name()));
    m_steps->setHorizontalHeaderLabels({ tr("Step"), data.users ? tr("Users") : tr("Rate (req/s)"),
        tr("Achieved (req/s)"), tr("p50"), tr("p95"), tr("p99"), tr("Errors"), tr("Verdict") });
    m_steps->setRowCount(int(data.steps.size()));
    for (int row = 0; row < data.steps.size(); ++row) {
        const CapacityChartStep& s = data.steps[row];
        const QStringList cells { QString::number(row + 1),
            data.users ? QString::number(s.load, 'f', 0) : formatRate(s.load), formatRate(s.achievedRps),
            formatLatency(s.p50Ms), formatLatency(s.p95Ms), formatLatency(s.p99Ms),
            tr("%1 %").arg(s.errorPct, 0, 'f', 1), s.passed ? tr("passed") : tr("failed: %1").arg(s.reason) };
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setTextAlignment(column == 7 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
            if (column == 7)
                item->setForeground(s.passed ? capacityPassColor() : capacityFailColor());
            m_steps->setItem(row, column, item);
        }
    }
    m_steps->resizeColumnsToContents();
}

} // namespace Stressdeck
