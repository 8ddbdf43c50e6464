// SPDX-License-Identifier: MIT

#pragma once

#include "comparison.h"
#include "report.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace Stressdeck {

//! What a comparison needs of one run: its name, configuration, request types and latency
//! windows (a saved report's, or those of a run still going on).
struct ComparedRun {
    QString file; //!< empty for the run going on
    QDateTime startedAt;
    QJsonObject config; //!< the report's `config` object
    QStringList types;
    QList<LatencyWindow> windows;
    int windowS = LatencyWindow::WindowS; //!< how long `windows` are

    static ComparedRun of(const Report& report, const QString& file);
};

//! The runs on one side of a comparison.
struct CompareSide {
    QList<ComparedRun> runs;

    QStringList files() const;
};

//! The result of `stressdeck compare` (schema stressdeck-compare/1): what was compared with what,
//! the method's settings, every comparison, warnings and the verdict.
struct CompareReport {
    static constexpr auto Schema = "stressdeck-compare/1";

    QString toolVersion;
    QStringList baselineFiles;
    QStringList candidateFiles;
    QDateTime baselineStartedAt;
    QDateTime candidateStartedAt;
    QJsonObject baselineConfig; //!< the `config` object of the side's first report
    QJsonObject candidateConfig;
    double marginPct = 5;
    double confidencePct = 90;
    int batchS = 0; //!< 0: the runs themselves were the units
    QList<MetricComparison> comparisons;
    QStringList warnings;
    int regressions = 0;
    MetricComparison::Verdict verdict = MetricComparison::Inconclusive;

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    static bool fromJson(const QByteArray& data, const QString& origin, CompareReport* report, QString* error);
    bool save(const QString& fileName, QString* error) const;
};

//! Compares saved reports by request-type name (and "all"): builds the series of each report's
//! latency windows, warns about what differs between the sides' configurations or request types,
//! and runs Comparison. A report without latency windows (an older Stressdeck) cannot be compared.
class RunComparison {
public:
    //! False with *error (naming the file) when the sides cannot be compared at all.
    static bool compare(const CompareSide& baseline, const CompareSide& candidate, const ComparisonOptions& options,
        CompareReport* result, QString* error);
    //! The series of one request type ("all" for every request) of a run.
    static RunSeries seriesOf(const ComparedRun& run, const QString& requestType);
    //! Configuration fields whose values differ between two runs, by their JSON names.
    static QStringList configDifferences(const QJsonObject& a, const QJsonObject& b);
};

} // namespace Stressdeck
