// SPDX-License-Identifier: MIT

#include "settings.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace Stressdeck {

namespace {
namespace Keys {
constexpr QLatin1String Geometry("window/geometry");
constexpr QLatin1String State("window/state");
constexpr QLatin1String Splitter("window/splitter");
constexpr QLatin1String StateVersion("window/version");
constexpr QLatin1String Profile("run/profile");
constexpr QLatin1String Target("run/target");
constexpr QLatin1String Scenario("run/scenario");
constexpr QLatin1String ScenarioFile("run/scenarioFile");
constexpr QLatin1String LoadModel("run/loadModel");
constexpr QLatin1String Rate("run/rate");
constexpr QLatin1String Transport("run/transport");
constexpr QLatin1String Threads("run/threads");
constexpr QLatin1String Concurrency("run/concurrency");
constexpr QLatin1String Duration("run/duration");
constexpr QLatin1String Timeout("run/timeout");
constexpr QLatin1String ThinkTime("run/thinkTime");
constexpr QLatin1String Monitor("run/monitor");
constexpr QLatin1String Stages("run/stages");
constexpr QLatin1String StagesOn("run/stagesOn");
constexpr QLatin1String CapacitySearch("run/capacitySearch");
constexpr QLatin1String Capacity("run/capacity");
constexpr QLatin1String Profiles("profiles");
constexpr QLatin1String Recent("reports/recent");
constexpr QLatin1String Language("ui/language");
constexpr QLatin1String TransportCost("machine/cpuPerRequest/"); // + transport id
} // namespace Keys
} // namespace

bool Settings::hasWindowLayout() const
{
    return m_settings.value(Keys::StateVersion).toInt() == WindowStateVersion;
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(Keys::Geometry).toByteArray();
}

QByteArray Settings::windowState() const
{
    return m_settings.value(Keys::State).toByteArray();
}

QByteArray Settings::splitterState() const
{
    return m_settings.value(Keys::Splitter).toByteArray();
}

void Settings::setWindowLayout(const QByteArray& geometry, const QByteArray& state, const QByteArray& splitter)
{
    m_settings.setValue(Keys::StateVersion, WindowStateVersion);
    m_settings.setValue(Keys::Geometry, geometry);
    m_settings.setValue(Keys::State, state);
    m_settings.setValue(Keys::Splitter, splitter);
}

QString Settings::profile() const
{
    return m_settings.value(Keys::Profile, QStringLiteral("quick")).toString();
}

void Settings::setProfile(const QString& name)
{
    m_settings.setValue(Keys::Profile, name);
}

QString Settings::target() const
{
    return m_settings.value(Keys::Target).toString();
}

void Settings::setTarget(const QString& target)
{
    m_settings.setValue(Keys::Target, target);
}

QString Settings::scenario(const QString& fallback) const
{
    return m_settings.value(Keys::Scenario, fallback).toString();
}

void Settings::setScenario(const QString& name)
{
    m_settings.setValue(Keys::Scenario, name);
}

QString Settings::scenarioFile() const
{
    return m_settings.value(Keys::ScenarioFile).toString();
}

void Settings::setScenarioFile(const QString& fileName)
{
    m_settings.setValue(Keys::ScenarioFile, fileName);
}

LoadModel Settings::loadModel() const
{
    return m_settings.value(Keys::LoadModel).toString() == loadModelId(LoadModel::Open) ? LoadModel::Open
                                                                                        : LoadModel::Closed;
}

void Settings::setLoadModel(LoadModel model)
{
    m_settings.setValue(Keys::LoadModel, loadModelId(model));
}

double Settings::rate(double fallback) const
{
    return m_settings.value(Keys::Rate, fallback).toDouble();
}

void Settings::setRate(double rps)
{
    m_settings.setValue(Keys::Rate, rps);
}

Transport Settings::transport() const
{
    return transportFromId(m_settings.value(Keys::Transport).toString()).value_or(Transport::Qnam);
}

void Settings::setTransport(Transport transport)
{
    m_settings.setValue(Keys::Transport, transportId(transport));
}

std::optional<double> Settings::transportCostUs(Transport transport) const
{
    const QVariant v = m_settings.value(Keys::TransportCost + transportId(transport));
    bool ok = false;
    const double us = v.toDouble(&ok);
    return ok && us > 0 ? std::optional<double>(us) : std::nullopt;
}

void Settings::setTransportCostUs(Transport transport, double us)
{
    m_settings.setValue(Keys::TransportCost + transportId(transport), us);
}

int Settings::threads() const
{
    return m_settings.value(Keys::Threads, 0).toInt();
}

void Settings::setThreads(int threads)
{
    m_settings.setValue(Keys::Threads, threads);
}

int Settings::concurrency(int fallback) const
{
    return m_settings.value(Keys::Concurrency, fallback).toInt();
}

void Settings::setConcurrency(int users)
{
    m_settings.setValue(Keys::Concurrency, users);
}

QString Settings::duration(const QString& fallback) const
{
    return m_settings.value(Keys::Duration, fallback).toString();
}

void Settings::setDuration(const QString& text)
{
    m_settings.setValue(Keys::Duration, text);
}

QString Settings::timeout(const QString& fallback) const
{
    return m_settings.value(Keys::Timeout, fallback).toString();
}

void Settings::setTimeout(const QString& text)
{
    m_settings.setValue(Keys::Timeout, text);
}

QString Settings::thinkTime(const QString& fallback) const
{
    return m_settings.value(Keys::ThinkTime, fallback).toString();
}

void Settings::setThinkTime(const QString& text)
{
    m_settings.setValue(Keys::ThinkTime, text);
}

QString Settings::monitor() const
{
    return m_settings.value(Keys::Monitor).toString();
}

void Settings::setMonitor(const QString& pidOrName)
{
    m_settings.setValue(Keys::Monitor, pidOrName);
}

QStringList Settings::recentReports() const
{
    return m_settings.value(Keys::Recent).toStringList();
}

void Settings::addRecentReport(const QString& fileName)
{
    QStringList recent = recentReports();
    recent.removeAll(fileName);
    recent.removeIf([](const QString& f) { return !QFileInfo::exists(f); });
    recent.prepend(fileName);
    m_settings.setValue(Keys::Recent, recent.mid(0, MaxRecentReports));
}

QString Settings::language() const
{
    return m_settings.value(Keys::Language).toString();
}

void Settings::setLanguage(const QString& code)
{
    m_settings.setValue(Keys::Language, code);
}

QByteArray Settings::profilesJson() const
{
    return m_settings.value(Keys::Profiles).toByteArray();
}

void Settings::setProfilesJson(const QByteArray& json)
{
    m_settings.setValue(Keys::Profiles, json);
}

QString Settings::stages() const
{
    return m_settings.value(Keys::Stages).toString();
}

bool Settings::stagesOn() const
{
    return m_settings.value(Keys::StagesOn, false).toBool();
}

void Settings::setStages(const QString& text, bool on)
{
    m_settings.setValue(Keys::Stages, text);
    m_settings.setValue(Keys::StagesOn, on);
}

bool Settings::capacitySearch() const
{
    return m_settings.value(Keys::CapacitySearch, false).toBool();
}

void Settings::setCapacitySearch(bool on)
{
    m_settings.setValue(Keys::CapacitySearch, on);
}

QJsonObject Settings::capacity() const
{
    return QJsonDocument::fromJson(m_settings.value(Keys::Capacity).toByteArray()).object();
}

void Settings::setCapacity(const QJsonObject& values)
{
    m_settings.setValue(Keys::Capacity, QJsonDocument(values).toJson(QJsonDocument::Compact));
}

} // namespace Stressdeck
