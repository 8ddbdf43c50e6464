// SPDX-License-Identifier: MIT

#pragma once

#include <QColor>

namespace Stressdeck::Palette {

//! Okabe–Ito: eight colours that colour-blind readers tell apart, used the same way in charts,
//! badges and the PDF (issue #18). Verdicts: pass bluish green, fail vermillion, warn orange.
inline QColor pass()
{
    return QColor(0x00, 0x9e, 0x73);
}
inline QColor fail()
{
    return QColor(0xd5, 0x5e, 0x00);
}
inline QColor warn()
{
    return QColor(0xe6, 0x9f, 0x00);
}
inline QColor pending()
{
    return QColor(0x80, 0x80, 0x80);
}
inline QColor blue()
{
    return QColor(0x00, 0x72, 0xb2);
}
inline QColor skyBlue()
{
    return QColor(0x56, 0xb4, 0xe9);
}
inline QColor reddishPurple()
{
    return QColor(0xcc, 0x79, 0xa7);
}
inline QColor yellow()
{
    return QColor(0xf0, 0xe4, 0x42);
}

} // namespace Stressdeck::Palette
