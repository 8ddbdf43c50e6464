// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QUrl>

#include <optional>

namespace Stressdeck {

//! Qt's NoLessSafeRedirectPolicy, written out for the fast transport so that both transports
//! end a redirect alike: at most MaxRedirects hops, never from https to http, only to http(s),
//! and 303 (or 301/302 after a POST) continues as a GET without a body.
class RedirectPolicy {
public:
    static constexpr int MaxRedirects = 10;

    struct Hop {
        QUrl url;
        QByteArray method;
        bool dropBody = false;
    };

    static bool isRedirect(int status);
    //! The hop after a `status` answer to `method` at `current` that named `location`, when
    //! `hopsSoFar` redirects were followed already; nullopt when it may not be followed (the
    //! request then ends as Too many redirects).
    static std::optional<Hop> next(
        const QUrl& current, int status, const QByteArray& location, const QByteArray& method, int hopsSoFar);
    //! Same scheme, host and port: the hop may reuse the user's own connection.
    static bool sameOrigin(const QUrl& a, const QUrl& b);
};

} // namespace Stressdeck
