// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

namespace Stressdeck {

//! Loads Stressdeck's catalogue (and Qt's own) for `language` ("de", "en"; empty: the system
//! locale, or the language chosen in the window's settings). Returns the language in use.
QString installTranslations(const QString& language);
//! The languages with a catalogue, as codes ("en" needs none).
QStringList availableLanguages();

} // namespace Stressdeck
