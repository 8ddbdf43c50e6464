// SPDX-License-Identifier: MIT

#include "modellookup.h"

#include "qnamtransport.h"

#include <QCoreApplication>
#include <QCoro/QCoroNetworkReply>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace Stressdeck {

QUrl ModelLookup::modelsUrl(const QUrl& target)
{
    QUrl url = target;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v1/models"));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString ModelLookup::firstId(const QByteArray& json, QString* error)
{
    const QJsonArray data = QJsonDocument::fromJson(json).object().value(QStringLiteral("data")).toArray();
    const QString id = data.isEmpty() ? QString() : data.first().toObject().value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        *error = QCoreApplication::translate("ModelLookup", "the answer lists no model (no \"data\": [{\"id\": …}])");
    return id;
}

QCoro::Task<ModelLookup> ModelLookup::firstModel(QUrl target, std::chrono::milliseconds timeout, bool insecure)
{
    const QUrl url = modelsUrl(target);
    std::unique_ptr<QNetworkAccessManager> nam(QnamTransport::newManager(nullptr));
    std::unique_ptr<QNetworkReply> reply(nam->get(QnamTransport::request(url, insecure)));
    bool timedOut = false;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, reply.get(), [&timedOut, r = reply.get()] {
        timedOut = true;
        r->abort();
    });
    timer.start(timeout);
    co_await qCoro(reply.get()).waitForFinished();
    timer.stop();

    ModelLookup result;
    auto fail = [&](const QString& why) {
        result.error
            = QCoreApplication::translate("ModelLookup", "cannot ask %1 for a model: %2 (give one with --model)")
                  .arg(url.toString(), why);
        return result;
    };
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (timedOut)
        co_return fail(QCoreApplication::translate("ModelLookup", "no answer within %1 ms").arg(timeout.count()));
    if (status == 0)
        co_return fail(reply->errorString());
    if (status != 200)
        co_return fail(QCoreApplication::translate("ModelLookup", "HTTP %1").arg(status));
    QString why;
    result.model = firstId(reply->readAll(), &why);
    if (result.model.isEmpty())
        co_return fail(why);
    co_return result;
}

} // namespace Stressdeck
