// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace Stressdeck {

//! What is left of a run that did not finish (Stressdeck closed abruptly): the recovery copies
//! `LoadRunner` wrote and no running process owns any more. `ask` offers the newest one, `keep`
//! moves one out of the way once it has been opened, as recovered-*.json next to it (a whole
//! report, the checkpoint's journal folded in).
class RecoveryOffer : public QObject {
    Q_OBJECT
public:
    explicit RecoveryOffer(QWidget* window);

    //! Asks whether to open, discard (deleted at once, with its journal) or keep for later the
    //! newest orphaned recovery file; the file to open, or empty.
    QString ask();
    //! Writes `fileName` (with its journal) as recovered-<name> in its folder (replacing an older
    //! one) and removes it; renames it when it cannot be read. The new path.
    static QString keep(const QString& fileName);

private:
    QWidget* m_window;
};

} // namespace Stressdeck
