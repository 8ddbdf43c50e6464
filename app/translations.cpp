// SPDX-License-Identifier: MIT

#include "translations.h"

#include "settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Stressdeck {

QStringList availableLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("de") };
}

QString installTranslations(const QString& language)
{
    QString chosen = language;
    if (chosen.isEmpty())
        chosen = Settings().language();
    if (chosen.isEmpty())
        chosen = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    if (!availableLanguages().contains(chosen) || chosen == QLatin1String("en"))
        return QStringLiteral("en");

    auto* own = new QTranslator(QCoreApplication::instance());
    if (!own->load(QStringLiteral(":/i18n/stressdeck_%1.qm").arg(chosen))) {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings (standard buttons, dialogs) from the system's Qt translations.
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(chosen), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(QLocale(chosen));
    return chosen;
}

} // namespace Stressdeck
