// SPDX-License-Identifier: MIT

#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Stressdeck {

//! Reads typed fields of a report's JSON and remembers the first problem, with the path of the
//! field ("timeline.by_type.chat.p95_ms[12]"), so a bad file is refused with a message that
//! names what is wrong. Every read after the first problem returns a default value.
class FieldReader {
public:
    QString error;

    bool ok() const { return error.isEmpty(); }

    QJsonValue value(const QJsonObject& o, const QString& path, const char* key, QJsonValue::Type type)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (ok() && v.type() != type) {
            const QString where = join(path, key);
            error = v.isUndefined()
                ? QCoreApplication::translate("Report", "field \"%1\" is missing").arg(where)
                : QCoreApplication::translate("Report", "field \"%1\" has the wrong type").arg(where);
        }
        return v;
    }
    double number(const QJsonObject& o, const QString& path, const char* key)
    {
        return value(o, path, key, QJsonValue::Double).toDouble();
    }
    qint64 integer(const QJsonObject& o, const QString& path, const char* key) { return qint64(number(o, path, key)); }
    QString string(const QJsonObject& o, const QString& path, const char* key)
    {
        return value(o, path, key, QJsonValue::String).toString();
    }
    bool boolean(const QJsonObject& o, const QString& path, const char* key)
    {
        return value(o, path, key, QJsonValue::Bool).toBool();
    }
    QJsonObject object(const QJsonObject& o, const QString& path, const char* key)
    {
        return value(o, path, key, QJsonValue::Object).toObject();
    }
    QJsonArray array(const QJsonObject& o, const QString& path, const char* key)
    {
        return value(o, path, key, QJsonValue::Array).toArray();
    }
    static QString join(const QString& path, const char* key)
    {
        return path.isEmpty() ? QString::fromLatin1(key) : QString(path + QLatin1Char('.') + QLatin1String(key));
    }
};

} // namespace Stressdeck
