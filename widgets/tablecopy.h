// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

class QAbstractItemView;

namespace Stressdeck {

//! The cells of `view` as tab-separated text with the column headers first, in the order shown
//! (sorted, columns as moved): the selected rows, or every row when nothing is selected. Tabs and
//! line breaks inside a cell become spaces, so each cell stays one cell when pasted.
QString tableAsTsv(const QAbstractItemView* view);

//! Gives `view` Ctrl+C (the platform's Copy key) and a "Copy as TSV" context-menu entry that put
//! tableAsTsv() on the clipboard, for pasting into a spreadsheet or a review document.
void enableTableCopy(QAbstractItemView* view);

} // namespace Stressdeck
