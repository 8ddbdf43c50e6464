// SPDX-License-Identifier: MIT

#include "recoveryoffer.h"

#include "checkpointfile.h"
#include "loadrunner.h"
#include "report.h"

#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace Stressdeck {

RecoveryOffer::RecoveryOffer(QWidget* window)
    : m_window(window)
{
}

QString RecoveryOffer::ask()
{
    const QStringList files = LoadRunner::orphanedRecoveryFiles();
    if (files.isEmpty())
        return {};
    const QString& newest = files.first();
    QMessageBox box(QMessageBox::Question, tr("Recover a run"),
        tr("A run did not finish (Stressdeck was closed abruptly). Its report up to the last checkpoint was "
           "saved:\n%1\n\nOpen it?")
            .arg(newest),
        QMessageBox::NoButton, m_window);
    QPushButton* open = box.addButton(tr("Open"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == open)
        return newest;
    if (box.clickedButton() == discard)
        CheckpointFile::remove(newest);
    return {};
}

QString RecoveryOffer::keep(const QString& fileName)
{
    const QFileInfo info(fileName);
    const QString kept = info.absolutePath() + QStringLiteral("/recovered-") + info.fileName();
    // A checkpoint keeps what grew in a journal beside it: kept, it becomes one whole report.
    Report report;
    QString error;
    if (Report::load(fileName, &report, &error) && report.save(kept, &error)) {
        CheckpointFile::remove(fileName);
        return kept;
    }
    QFile::remove(kept);
    QFile::rename(fileName, kept);
    return kept;
}

} // namespace Stressdeck
