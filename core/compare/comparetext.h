// SPDX-License-Identifier: MIT

#pragma once

#include "runcomparison.h"

#include <QString>

namespace Stressdeck {

//! The translated wording of a comparison, shared by the command line, the window and the PDF.
namespace CompareText {

//! False when a comparison has no change to show (too little data, a batch without any value).
bool hasInterval(const MetricComparison& comparison);
//! "regression", "improvement", "no change" or "inconclusive (resolution ±9 %)".
QString verdict(const MetricComparison& comparison);
QString overallVerdict(MetricComparison::Verdict verdict);
//! The metric's value in its unit: "12.3 ms", "41.5 req/s", "0.8 %".
QString value(const MetricComparison& comparison, double value);
//! "+30.5 %" (or "+1.2 pp" for the error rate).
QString change(const MetricComparison& comparison, double change);
//! "[+25.1, +36.0] %".
QString interval(const MetricComparison& comparison);
//! The one-line answer: the verdict and, for regressions, which metrics of which types.
QString verdictLine(const CompareReport& report);
//! The whole plain-text comparison: sides, method, a table per request type, warnings, verdict.
QString text(const CompareReport& report);
//! The method in plain words, for the README's readers, the PDF and --help.
QString method(const CompareReport& report);

} // namespace CompareText

} // namespace Stressdeck
