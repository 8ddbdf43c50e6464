// SPDX-License-Identifier: MIT

#include "profilestore.h"

#include "settings.h"

#include <QJsonDocument>

namespace Stressdeck {

QJsonObject ProfileStore::load()
{
    return QJsonDocument::fromJson(Settings().profilesJson()).object();
}

void ProfileStore::store(const QJsonObject& profiles)
{
    Settings().setProfilesJson(QJsonDocument(profiles).toJson(QJsonDocument::Compact));
}

QStringList ProfileStore::names() const
{
    return load().keys();
}

std::optional<Profile> ProfileStore::find(const QString& name) const
{
    if (std::optional<Profile> builtIn = Profile::builtIn(name))
        return builtIn;
    const QJsonObject saved = load().value(name).toObject();
    if (saved.isEmpty())
        return std::nullopt;
    return Profile { name, saved.value(QStringLiteral("concurrency")).toInt(5),
        saved.value(QStringLiteral("duration_s")).toDouble(30), saved.value(QStringLiteral("timeout_s")).toDouble(30),
        saved.value(QStringLiteral("think_min_ms")).toDouble(100),
        saved.value(QStringLiteral("think_max_ms")).toDouble(500) };
}

bool ProfileStore::save(const Profile& profile)
{
    if (Profile::builtIn(profile.name))
        return false;
    QJsonObject all = load();
    all.insert(profile.name,
        QJsonObject { { QStringLiteral("concurrency"), profile.concurrency },
            { QStringLiteral("duration_s"), profile.durationS }, { QStringLiteral("timeout_s"), profile.timeoutS },
            { QStringLiteral("think_min_ms"), profile.thinkMinMs },
            { QStringLiteral("think_max_ms"), profile.thinkMaxMs } });
    store(all);
    return true;
}

bool ProfileStore::rename(const QString& from, const QString& to)
{
    if (Profile::builtIn(from) || Profile::builtIn(to))
        return false;
    QJsonObject all = load();
    if (!all.contains(from) || all.contains(to))
        return false;
    all.insert(to, all.take(from));
    store(all);
    return true;
}

bool ProfileStore::remove(const QString& name)
{
    if (Profile::builtIn(name))
        return false;
    QJsonObject all = load();
    if (!all.contains(name))
        return false;
    all.remove(name);
    store(all);
    return true;
}

} // namespace Stressdeck
