// SPDX-License-Identifier: MIT

#include "reportframe.h"

#include <QCoreApplication>

#include <zlib.h>

namespace Stressdeck::ReportFrame {

namespace {

constexpr int GzipWindowBits = 15 + 16; // deflate window 2^15, gzip wrapper
constexpr int AutoWindowBits = 15 + 32; // inflate: gzip or zlib, detected

} // namespace

QByteArray gzip(const QByteArray& data)
{
    z_stream z {};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, GzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int result = deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return result == Z_STREAM_END ? out : QByteArray();
}

std::optional<QByteArray> gunzip(const QByteArray& data)
{
    z_stream z {};
    if (inflateInit2(&z, AutoWindowBits) != Z_OK)
        return std::nullopt;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    z.avail_in = uInt(data.size());
    QByteArray out;
    char buffer[64 * 1024];
    int result = Z_OK;
    while (result == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof(buffer);
        result = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof(buffer) - z.avail_out));
        if (result == Z_BUF_ERROR && z.avail_in == 0)
            break; // truncated
    }
    inflateEnd(&z);
    if (result != Z_STREAM_END)
        return std::nullopt;
    return out;
}

QByteArray line(const QByteArray& json)
{
    return QByteArray(Marker) + gzip(json).toBase64();
}

bool fromLog(const QByteArray& log, QList<Framed>* out, QString* error)
{
    const QList<QByteArray> lines = log.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qsizetype at = lines[i].indexOf(Marker);
        if (at < 0)
            continue;
        const QByteArray payload = lines[i].mid(at + qsizetype(qstrlen(Marker))).trimmed();
        const auto decoded = QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
        const std::optional<QByteArray> json = decoded ? gunzip(*decoded) : std::nullopt;
        if (!json) {
            *error
                = QCoreApplication::translate("Merge", "line %1: a STRESSDECK-REPORT frame that is not base64 of gzip")
                      .arg(i + 1);
            return false;
        }
        out->append({ int(i + 1), *json });
    }
    return true;
}

} // namespace Stressdeck::ReportFrame
