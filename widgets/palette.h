// SPDX-License-Identifier: MIT

#pragma once

#include <QColor>

#include <iterator>

namespace Stressdeck::Palette {

//! Okabe–Ito: eight colours that colour-blind readers tell apart, used the same way in charts,
//! badges and the PDF (issue #18). Verdicts: pass bluish green, fail vermillion, warn orange.
enum Colour : QRgb {
    Pass = 0x009e73,
    Fail = 0xd55e00,
    Warn = 0xe69f00,
    Pending = 0x808080,
    Blue = 0x0072b2,
    SkyBlue = 0x56b4e9,
    ReddishPurple = 0xcc79a7,
    Yellow = 0xf0e442,
};

inline QColor colour(Colour c)
{
    return QColor::fromRgb(c);
}

//! The colour of the `i`-th line of a chart that shows several request types (cycling).
inline QColor seriesColour(int i)
{
    static constexpr Colour order[] = { Blue, Warn, Pass, ReddishPurple, SkyBlue, Fail, Yellow };
    return colour(order[i % int(std::size(order))]);
}

} // namespace Stressdeck::Palette
