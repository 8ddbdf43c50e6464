// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

//! A canned response body from tests/data/streams/ (the test defines STRESSDECK_TEST_DATA_DIR).
inline QByteArray streamFixture(const QString& name)
{
    QFile file(QStringLiteral(STRESSDECK_TEST_DATA_DIR "/streams/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return file.readAll();
}
