// SPDX-License-Identifier: MIT

#pragma once

#include "runconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stressdeck {

//! The window's remembered state, typed, over `QSettings` (organisation and application name as set
//! at start-up). Every key lives in settings.cpp and nowhere else. Each object opens the settings
//! anew, so several windows (or a window and a test) see each other's changes; use it from the GUI
//! thread only, as `QSettings` of one location is not meant to be shared between threads.
//! Getters that take a fallback return it when nothing was saved, so a form keeps its own default.
class Settings {
public:
    //! Saved window layouts of another version are ignored (the window starts as on first start).
    static constexpr int WindowStateVersion = 1;
    static constexpr int MaxRecentReports = 10;

    Settings() = default;
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    //! True when geometry, state and splitter were saved with WindowStateVersion.
    bool hasWindowLayout() const;
    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    QByteArray splitterState() const;
    //! Stores the three together with WindowStateVersion.
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state, const QByteArray& splitter);

    QString profile() const; //!< "quick" when none was saved
    void setProfile(const QString& name);
    QString target() const;
    void setTarget(const QString& target);
    QString scenario(const QString& fallback) const; //!< the scenario's name
    void setScenario(const QString& name);
    QString scenarioFile() const; //!< the last scenario file opened
    void setScenarioFile(const QString& fileName);
    LoadModel loadModel() const;
    void setLoadModel(LoadModel model);
    double rate(double fallback) const;
    void setRate(double rps);
    Transport transport() const;
    void setTransport(Transport transport);
    //! The engine's CPU per request with this transport, measured on this machine by the last run
    //! of enough requests; none before one.
    std::optional<double> transportCostUs(Transport transport) const;
    void setTransportCostUs(Transport transport, double us);
    int threads() const; //!< 0 (automatic) when none was saved
    void setThreads(int threads);
    int concurrency(int fallback) const;
    void setConcurrency(int users);
    QString duration(const QString& fallback) const; //!< as typed, e.g. "5m"
    void setDuration(const QString& text);
    QString timeout(const QString& fallback) const;
    void setTimeout(const QString& text);
    QString thinkTime(const QString& fallback) const;
    void setThinkTime(const QString& text);
    QString monitor() const;
    void setMonitor(const QString& pidOrName);
    //! The stages as the editor shows them ("30s:10,1m:10"), and whether the run is shaped by them.
    QString stages() const;
    bool stagesOn() const;
    void setStages(const QString& text, bool on);
    //! Whether the window runs a capacity search instead of one run.
    bool capacitySearch() const;
    void setCapacitySearch(bool on);
    //! The capacity search's fields: {slo, start_rps, max_rps, step, growth}; empty when never saved.
    QJsonObject capacity() const;
    void setCapacity(const QJsonObject& values);

    //! Newest first, at most MaxRecentReports.
    QStringList recentReports() const;
    //! Puts `fileName` first, drops files that no longer exist and keeps MaxRecentReports.
    void addRecentReport(const QString& fileName);

    //! "en", "de", …; empty: the system's language.
    QString language() const;
    void setLanguage(const QString& code);

    //! The saved profiles as JSON; ProfileStore is the only reader and writer.
    QByteArray profilesJson() const;
    void setProfilesJson(const QByteArray& json);

private:
    QSettings m_settings;
};

} // namespace Stressdeck
