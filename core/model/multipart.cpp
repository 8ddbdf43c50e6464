// SPDX-License-Identifier: MIT

#include "multipart.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>

#include <cmath>
#include <numbers>

namespace Stressdeck::Multipart {

namespace {

void appendLe32(QByteArray* out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out->append(bytes, 4);
}

void appendLe16(QByteArray* out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out->append(bytes, 2);
}

} // namespace

QByteArray toneWav(double seconds, int sampleRate)
{
    const quint32 samples = quint32(std::lround(seconds * sampleRate));
    const quint32 dataBytes = samples * 2;
    QByteArray wav;
    wav.reserve(qsizetype(44 + dataBytes));
    wav.append("RIFF");
    appendLe32(&wav, 36 + dataBytes);
    wav.append("WAVEfmt ");
    appendLe32(&wav, 16); // the PCM format chunk
    appendLe16(&wav, 1); // PCM
    appendLe16(&wav, 1); // mono
    appendLe32(&wav, quint32(sampleRate));
    appendLe32(&wav, quint32(sampleRate) * 2); // bytes per second
    appendLe16(&wav, 2); // bytes per frame
    appendLe16(&wav, 16); // bits per sample
    wav.append("data");
    appendLe32(&wav, dataBytes);
    for (quint32 i = 0; i < samples; ++i) {
        const double v = 0.3 * std::sin(2 * std::numbers::pi * 440.0 * i / sampleRate);
        appendLe16(&wav, quint16(qint16(std::lround(v * 32767))));
    }
    return wav;
}

QByteArray boundaryFor(const QList<MultipartPart>& parts)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const MultipartPart& p : parts)
        hash.addData(p.data);
    const QByteArray seed = hash.result().toHex().left(16);
    for (int attempt = 0;; ++attempt) {
        const QByteArray boundary = "stressdeck-" + seed + QByteArray::number(attempt);
        if (std::none_of(parts.begin(), parts.end(), [&](const MultipartPart& p) { return p.data.contains(boundary); }))
            return boundary;
    }
}

QByteArray encode(const QList<MultipartPart>& parts, const QByteArray& boundary)
{
    QByteArray body;
    for (const MultipartPart& p : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name.toUtf8() + '"';
        if (!p.filename.isEmpty())
            body += "; filename=\"" + p.filename.toUtf8() + '"';
        body += "\r\n";
        if (!p.contentType.isEmpty())
            body += "Content-Type: " + p.contentType.toLatin1() + "\r\n";
        body += "\r\n" + p.data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return body;
}

} // namespace Stressdeck::Multipart
