// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>

class QSocketNotifier;

namespace Stressdeck {

//! Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe), so a run can
//! stop cleanly and still write its report.
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace Stressdeck
