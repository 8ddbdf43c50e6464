// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Stressdeck {

//! One part of a multipart/form-data body in a scenario (`"multipart": [...]` of a request type).
//! Exactly one source: a text `value`, a `file` (relative to the scenario file), or a generated
//! `wav` tone. `data` holds the bytes sent, resolved when the scenario is read.
struct MultipartPart {
    enum class Source { Value, File, Wav };

    QString name;
    QString filename; //!< empty: a plain form field (Value), the file's name (File), "speech.wav" (Wav)
    QString contentType; //!< empty: none (Value), guessed from the file name, "audio/wav" (Wav)
    Source source = Source::Value;
    QString value;
    QString file; //!< as written in the scenario
    double wavSeconds = 2.0;
    int wavSampleRate = 16000;
    QByteArray data;

    friend bool operator==(const MultipartPart&, const MultipartPart&) = default;
};

namespace Multipart {

//! A mono 16-bit PCM WAV file of a 440 Hz tone, the same bytes every time.
QByteArray toneWav(double seconds, int sampleRate);

//! A boundary that occurs in none of the parts' data.
QByteArray boundaryFor(const QList<MultipartPart>& parts);
//! The body (RFC 7578) with that boundary, CRLF line ends.
QByteArray encode(const QList<MultipartPart>& parts, const QByteArray& boundary);

} // namespace Multipart

} // namespace Stressdeck
