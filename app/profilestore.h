// SPDX-License-Identifier: MIT

#pragma once

#include "runconfig.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Stressdeck {

//! The user's saved profiles next to the built-in ones (`Profile::builtIns`). They are kept as one
//! JSON object in the settings, name → {concurrency, duration_s, timeout_s, think_min_ms,
//! think_max_ms}; keys this version does not know are kept as they are when a profile is renamed.
//! Every call reads the settings afresh, so two windows never overwrite each other's profiles
//! with an old copy. GUI thread only, like Settings.
class ProfileStore {
public:
    //! The saved profiles' names, sorted; the built-ins are not among them.
    QStringList names() const;
    //! A built-in profile, else a saved one; nullopt when there is neither.
    std::optional<Profile> find(const QString& name) const;
    //! Adds or replaces the saved profile `profile.name`; false (nothing saved) for a built-in name.
    bool save(const Profile& profile);
    //! False (nothing changed) when `from` is built-in or not saved, or `to` is taken or built-in.
    bool rename(const QString& from, const QString& to);
    //! False when `name` is built-in or not saved.
    bool remove(const QString& name);

private:
    //! The one place the JSON is read: anything but an object gives an empty store.
    static QJsonObject load();
    static void store(const QJsonObject& profiles);
};

} // namespace Stressdeck
