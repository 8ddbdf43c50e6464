// SPDX-License-Identifier: MIT

#pragma once

#include "capacityform.h"
#include "runconfig.h"
#include "scenario.h"

#include <QWidget>

#include <array>
#include <optional>

class QComboBox;
class QLabel;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace Stressdeck {

class StageEditor;

//! The values of the setup form's fields, as shown (durations as typed).
struct SetupValues {
    QString target;
    int concurrency = 5;
    QString duration = QStringLiteral("30s");
    QString timeout = QStringLiteral("30s");
    QString thinkTime = QStringLiteral("100ms-500ms");
    LoadModel loadModel = LoadModel::Closed;
    double rateRps = 20;
    Transport transport = Transport::Qnam;
    int threads = 0;
    QString monitor; //!< PID or process name; empty: the demo service or the whole system
    QString stages; //!< the stage editor's rows, "30s:10,1m:10"
    bool stagesOn = false;
    bool capacitySearch = false; //!< a capacity search instead of one run
    CapacityForm::Values capacity;
};

//! What a run is to be, as a form: the profile row (whose buttons only announce themselves; the
//! window owns the saved profiles), scenario, target, load shape (constant, in stages, or a
//! capacity search), transport, threads and the monitored process. `collectConfig` turns it into a checked RunConfig
//! and Scenario, naming the field at fault; `showValidation` flags that field in place. The form never validates on its
//! own initiative: `inputChanged` says when checking again is worth it, once typing pauses (a check may read a scenario
//! file and scan /proc) or at once for a choice.
class SetupForm : public QWidget {
    Q_OBJECT
public:
    //! The result of collectConfig: `ok`, or an error and (when one is to blame) its field.
    struct Collected {
        bool ok = false;
        RunConfig config;
        Scenario scenario;
        //! Set for a capacity search: `config` is then the base every step starts from.
        std::optional<CapacityRun::Options> capacity;
        QString error;
        QWidget* field = nullptr;
    };

    explicit SetupForm(QWidget* parent = nullptr);

    //! The settings the form has no field for (sample interval, thresholds, health check, seed,
    //! TLS, body limit, checkpoints); collectConfig starts from them.
    void setDefaults(const RunConfig& defaults);
    Collected collectConfig() const;
    //! Flags `invalid` (or nothing) in place, with `message` as its tool tip; a pending check is
    //! then no longer needed.
    void showValidation(QWidget* invalid, const QString& message);
    //! While a run goes on nothing can be edited.
    void setRunning(bool running);

    SetupValues values() const;
    void setValues(const SetupValues& values);
    LoadModel loadModel() const;

    QString profile() const;
    void setProfile(const QString& name);
    bool hasProfile(const QString& name) const;
    //! Adds `name` unless it is there.
    void addProfile(const QString& name);
    void renameCurrentProfile(const QString& name);
    void removeCurrentProfile();
    //! Concurrency, duration, timeout, think time and stages from `profile`; the capacity profile
    //! turns the capacity search on.
    void applyProfile(const Profile& profile);
    bool isCapacitySearch() const;

    QString scenarioName() const;
    void setScenarioName(const QString& name);
    //! The scenario file added last; empty when there is none.
    QString scenarioFile() const { return m_scenarioFile; }
    void addScenarioFile(const QString& name, const QString& fileName, bool select);
    //! Adds and selects a scenario that has no file (made of --request options).
    void addAdHocScenario(const Scenario& scenario);
    //! The engine's CPU per request with `transport` as measured on this machine (the window
    //! remembers the last run's), shown beside the transport choice instead of the reference figure.
    void setTransportCost(Transport transport, double usPerRequest);
    //! CPU per request of the reference machine (2 cores, Debian 12, loopback nginx; docs/PERFORMANCE.md).
    static double referenceCostUs(Transport transport);
    //! The hint beside the transport: each transport's cost, and a suggestion when qnam would limit the run.
    QString transportHint() const;

Q_SIGNALS:
    void inputChanged();
    void profileActivated(const QString& name);
    void saveProfileClicked();
    void renameProfileClicked();
    void deleteProfileClicked();

private:
    void chooseScenarioFile();
    //! Enables the fields the load model, the stages and the capacity search leave to the user.
    void updateModeFields();
    void updateTransportHint();
    void pickProcess();

    RunConfig m_defaults;
    Scenario m_adHoc;
    QString m_scenarioFile;
    QComboBox* m_profile = nullptr;
    QComboBox* m_scenario = nullptr;
    QLineEdit* m_target = nullptr;
    QSpinBox* m_concurrency = nullptr;
    QLineEdit* m_duration = nullptr;
    QLineEdit* m_timeout = nullptr;
    QLineEdit* m_thinkTime = nullptr;
    QComboBox* m_loadModel = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
    QComboBox* m_transport = nullptr;
    QSpinBox* m_threads = nullptr;
    QLabel* m_transportHint = nullptr;
    std::array<std::optional<double>, 2> m_measuredCost; //!< by Transport: qnam, fast
    QLineEdit* m_monitor = nullptr;
    StageEditor* m_stages = nullptr;
    CapacityForm* m_capacity = nullptr;
    QTimer* m_inputDebounce = nullptr;
};

} // namespace Stressdeck
