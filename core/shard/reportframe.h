// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Stressdeck {

//! A report framed as one line of a process's output (`--report-stdout`, issue #17):
//! "STRESSDECK-REPORT " and the base64 of the gzipped JSON, so `kubectl logs … > logs` carries
//! every shard's report without a shared volume and `stressdeck merge --from-logs logs` reads them.
namespace ReportFrame {

constexpr auto Marker = "STRESSDECK-REPORT ";

//! RFC 1952 gzip (zlib's deflate with a gzip wrapper; qCompress is zlib-framed, not gzip).
QByteArray gzip(const QByteArray& data);
//! nullopt when `data` is not gzip (or zlib) data.
std::optional<QByteArray> gunzip(const QByteArray& data);
//! The frame of one report's JSON, without the line end.
QByteArray line(const QByteArray& json);

struct Framed {
    int line = 0; //!< 1-based line of the log it was on
    QByteArray json;
};
//! Every framed report in a log (the marker may follow a prefix such as kubectl's --prefix);
//! false with *error naming the line of a frame that does not decode.
bool fromLog(const QByteArray& log, QList<Framed>* out, QString* error);

} // namespace ReportFrame

} // namespace Stressdeck
