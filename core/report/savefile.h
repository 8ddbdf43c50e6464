// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QString>

namespace Stressdeck {

//! Replaces `fileName` with `bytes` atomically (QSaveFile): on any failure, a full disk included,
//! the old file stays as it was and `errorString` says why.
bool saveWholeFile(const QString& fileName, const QByteArray& bytes, QString* errorString);

} // namespace Stressdeck
