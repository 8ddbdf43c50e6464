// SPDX-License-Identifier: MIT

#include "savefile.h"

#include <QSaveFile>

namespace Stressdeck {

bool saveWholeFile(const QString& fileName, const QByteArray& bytes, QString* errorString)
{
    QSaveFile file(fileName);
    bool written = file.open(QIODevice::WriteOnly);
    // A full disk shows as a short write rather than an error, and QSaveFile::commit() (Qt 6.4)
    // ignores a failed flush of its buffer: either way a truncated file would replace the old one.
    // Write the rest until it fails with its reason, and commit only a whole, flushed file.
    for (qint64 done = 0; written && done < bytes.size();) {
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        written = n > 0;
        done += n;
    }
    if (!written || !file.flush() || !file.commit()) {
        *errorString = file.errorString();
        return false;
    }
    return true;
}

} // namespace Stressdeck
