// SPDX-License-Identifier: MIT

#include "redirectpolicy.h"

namespace Stressdeck {

bool RedirectPolicy::isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

std::optional<RedirectPolicy::Hop> RedirectPolicy::next(
    const QUrl& current, int status, const QByteArray& location, const QByteArray& method, int hopsSoFar)
{
    const QUrl target = current.resolved(QUrl::fromEncoded(location));
    const bool web = target.scheme() == QLatin1String("http") || target.scheme() == QLatin1String("https");
    const bool downgrade = current.scheme() == QLatin1String("https") && target.scheme() == QLatin1String("http");
    if (hopsSoFar + 1 > MaxRedirects || downgrade || !web)
        return std::nullopt;
    Hop hop { target, method, false };
    if (status == 303 || ((status == 301 || status == 302) && method == "POST")) {
        hop.method = "GET";
        hop.dropBody = true;
    }
    return hop;
}

bool RedirectPolicy::sameOrigin(const QUrl& a, const QUrl& b)
{
    constexpr auto origin = QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment;
    return a.adjusted(origin) == b.adjusted(origin);
}

} // namespace Stressdeck
