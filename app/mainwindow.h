// SPDX-License-Identifier: MIT

#pragma once

#include "capacityrun.h"
#include "demooptions.h"
#include "guioptions.h"
#include "httpservice.h"
#include "loadrunner.h"
#include "profilestore.h"
#include "report.h"
#include "runcomparison.h"
#include "setupform.h"
#include "shardfollower.h"

#include <QCoro/QCoroTask>

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QGroupBox;
class QLabel;
class QMenu;
class QProgressBar;
class QSlider;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTimer;

namespace Stressdeck {

class CapacityView;
class Dashboard;
class ShardStatusView;
class SummaryStrip;
class DemoKnobsPanel;
class HistoryPanel;
class LagProbe;
class SetupForm;

//! The dashboard window: the actions, run control (the demo service's life, live load, progress and
//! health), the exit code of `stressdeck gui --quit-when-done`, and reports (save, open, PDF, recent).
//! The setup panel is a SetupForm and a DemoKnobsPanel; what is remembered goes through Settings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const GuiOptions& options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    Dashboard* dashboard() const { return m_dashboard; }
    HistoryPanel* historyPanel() const { return m_history; }
    //! The exit code `stressdeck gui --quit-when-done` returns (same as `stressdeck run`).
    int exitCode() const { return m_exitCode; }
    bool isRunning() const { return m_runner.isRunning() || m_capacity.isRunning(); }
    CapacityView* capacityView() const { return m_capacityView; }
    //! Writes the last capacity search (stressdeck-capacity/1 JSON, or its PDF).
    bool saveCapacityJson(const QString& fileName);
    bool exportCapacityPdf(const QString& fileName);
    //! Why Start is not allowed right now; empty when it is.
    QString validationMessage() const { return m_validation; }
    const Report& lastReport() const { return m_report; }

    void startRun();
    void stopRun();
    bool saveReport(const QString& fileName);
    bool openReport(const QString& fileName);
    bool exportPdf(const QString& fileName);
    //! Opens the report a crashed run left behind and keeps it as recovered-*.json.
    bool recoverReport(const QString& fileName);
    //! Compares the runs (and the report shown) with this saved report; an empty name clears it.
    bool setBaseline(const QString& fileName);
    QString baselineFile() const { return m_baselineFile; }
    bool exportComparisonPdf(const QString& fileName);
    //! Follows the distributed run whose shards write their checkpoints into `directory`
    //! (`run --checkpoint-dir`): the merged figures and a row per shard, refreshed every second.
    bool followShards(const QString& directory);
    void stopFollowing();
    bool isFollowing() const { return m_follower && m_follower->isFollowing(); }
    ShardStatusView* shardStatusView() const { return m_shardView; }
    void setLiveConcurrency(int users);
    //! Saves the form (its stages too) as the profile `name` and selects it; false (with a message
    //! box unless scripted) for a built-in name or a form that does not check.
    bool saveProfileAs(const QString& name);

Q_SIGNALS:
    void runFinished();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildSetupPanel();
    void buildActions();
    void applyCommandLine();
    void takeIdleScreenshot();
    //! False (and the exit code 2 for --quit-when-done) when the PNG cannot be written.
    bool saveScreenshot();
    void applyProfile(const QString& name);
    void saveProfile();
    void deleteProfile();
    void renameProfile();
    //! The form's defaults for what it has no field for: the command line's, or their defaults.
    RunConfig formDefaults() const;
    void validate();
    void onSnapshot(const LiveSnapshot& snapshot);
    void onFinished(const Report& report);
    //! Starts the capacity search of `base` (the demo service already started when it is the target).
    void startCapacity(const RunConfig& base, const Scenario& scenario, const CapacityRun::Options& options);
    //! A streaming scenario whose bodies name no model and no --model: asks the target's
    //! /v1/models for its first (as `stressdeck run` does), then starts.
    QCoro::Task<> lookUpModelThenStart(SetupForm::Collected setup);
    void startCollected(const SetupForm::Collected& setup);
    //! Redraws the capacity view: the steps so far and the one in progress (`stepFraction` done).
    void showCapacity(double stepFraction);
    void onCapacityFinished();
    void applyDemoKnobs(const DemoOptions& options);
    void updateRecentMenu();
    void addRecent(const QString& fileName);
    void offerRecovery();
    void restoreSettings();
    void saveSettings() const;
    void setRunning(bool running);
    //! The comparison of the report shown with the baseline, when both are there.
    void compareShownReport();
    //! Records a finished run in the run history (unless --no-history); a failure only warns.
    void recordInHistory(const Report& report, const QString& savedAs);
    void onFollowed(const FollowedRun& run);
    //! Shows a report that is not a run of this window's (opened, recovered, followed).
    void showReport(const Report& report);

    LoadRunner m_runner;
    CapacityRun m_capacity;
    CapacityView* m_capacityView = nullptr;
    QTabWidget* m_views = nullptr;
    SummaryStrip* m_strip = nullptr;
    ShardStatusView* m_shardView = nullptr;
    std::unique_ptr<ShardFollower> m_follower;
    QAction* m_stopFollowingAction = nullptr;
    QAction* m_capacityPdfAction = nullptr;
    QAction* m_capacityJsonAction = nullptr;
    bool m_capacityDone = false;
    bool m_capacityStepRunning = false; //!< between stepStarted and stepFinished
    bool m_capacityFailed = false; //!< a step after the first could not start
    std::unique_ptr<ServiceThread> m_demo;
    quint16 m_demoPort = 0;
    Dashboard* m_dashboard = nullptr;
    QSplitter* m_splitter = nullptr;

    SetupForm* m_form = nullptr;
    Transport m_runTransport = Transport::Qnam; //!< of the run in progress (or the last)
    //! A run of fewer requests does not replace the remembered CPU per request of its transport.
    static constexpr qint64 MinRequestsForCost = 2000;
    DemoKnobsPanel* m_demoKnobs = nullptr;
    ProfileStore m_profiles;
    QLabel* m_validationLabel = nullptr;

    QGroupBox* m_liveBox = nullptr;
    QSlider* m_liveSlider = nullptr;
    QSpinBox* m_liveSpin = nullptr;
    QTimer* m_liveDebounce = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_health = nullptr;

    QAction* m_startAction = nullptr;
    bool m_lookingUpModel = false;
    QAction* m_stopAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_pdfAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_comparePdfAction = nullptr;
    QAction* m_clearBaselineAction = nullptr;
    QLabel* m_baselineLabel = nullptr;
    HistoryPanel* m_history = nullptr;
    QDockWidget* m_historyDock = nullptr;
    QMenu* m_recentMenu = nullptr;

    GuiOptions m_options;
    QString m_validation;
    Report m_report;
    bool m_hasReport = false;
    QString m_baselineFile;
    std::optional<ComparedRun> m_baseline;
    bool m_unavailable = false;
    QString m_unavailableMessage;
    int m_exitCode = 0;
    LagProbe* m_guiLag = nullptr; //!< this window's event-loop lag
    bool m_screenshotTaken = false;
    bool m_screenshotFailed = false;
};

} // namespace Stressdeck
