// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace Stressdeck {

//! What is left of a run that did not finish (Stressdeck closed abruptly): the recovery copies
//! `LoadRunner` wrote and no running process owns any more. `ask` offers the newest one, `keep`
//! moves one out of the way once it has been opened, as recovered-*.json next to it.
class RecoveryOffer : public QObject {
    Q_OBJECT
public:
    explicit RecoveryOffer(QWidget* window);

    //! Asks whether to open, discard (deleted at once) or keep for later the newest orphaned
    //! recovery file; the file to open, or empty.
    QString ask();
    //! Renames `fileName` to recovered-<name> in its folder (replacing an older one); the new path.
    static QString keep(const QString& fileName);

private:
    QWidget* m_window;
};

} // namespace Stressdeck
