// SPDX-License-Identifier: MIT

#include "profilestore.h"

#include "settings.h"

#include <QJsonArray>
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
    Profile profile { name, saved.value(QStringLiteral("concurrency")).toInt(5),
        saved.value(QStringLiteral("duration_s")).toDouble(30), saved.value(QStringLiteral("timeout_s")).toDouble(30),
        saved.value(QStringLiteral("think_min_ms")).toDouble(100),
        saved.value(QStringLiteral("think_max_ms")).toDouble(500) };
    // "stages" (users) or "rate_stages" (requests per second), in the Stages::toJson form; a profile
    // whose stages do not parse loads without them.
    QString ignored;
    if (const std::optional<Stages> users
        = Stages::fromJson(saved.value(QStringLiteral("stages")).toArray(), Stages::Unit::Users, &ignored))
        profile.stages = *users;
    else if (const std::optional<Stages> rates
        = Stages::fromJson(saved.value(QStringLiteral("rate_stages")).toArray(), Stages::Unit::Rate, &ignored))
        profile.stages = *rates;
    return profile;
}

bool ProfileStore::save(const Profile& profile)
{
    if (Profile::builtIn(profile.name))
        return false;
    QJsonObject all = load();
    QJsonObject saved { { QStringLiteral("concurrency"), profile.concurrency },
        { QStringLiteral("duration_s"), profile.durationS }, { QStringLiteral("timeout_s"), profile.timeoutS },
        { QStringLiteral("think_min_ms"), profile.thinkMinMs },
        { QStringLiteral("think_max_ms"), profile.thinkMaxMs } };
    if (!profile.stages.isEmpty())
        saved.insert(
            profile.stages.unit() == Stages::Unit::Rate ? QStringLiteral("rate_stages") : QStringLiteral("stages"),
            profile.stages.toJson());
    all.insert(profile.name, saved);
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
