// SPDX-License-Identifier: MIT

#include "mainwindow.h"

#include "capacitycommand.h"
#include "capacitypdf.h"
#include "capacitystep.h"
#include "capacityview.h"
#include "comparepdf.h"
#include "dashboard.h"
#include "demoknobspanel.h"
#include "demoservice.h"
#include "historypanel.h"
#include "lagprobe.h"
#include "modellookup.h"
#include "palette.h"
#include "pdfreport.h"
#include "recoveryoffer.h"
#include "runcommand.h"
#include "runhistory.h"
#include "savefile.h"
#include "settings.h"
#include "setupform.h"
#include "shardstatusview.h"
#include "summarystrip.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Stressdeck {

namespace {
//! Without a run to wait for, the screenshot is taken once the window has been laid out and drawn.
constexpr int ScreenshotDelayMs = 800;
constexpr double FirstStartScreenShare = 0.92;
} // namespace

MainWindow::MainWindow(const GuiOptions& options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(options)
{
    setWindowTitle(tr("Stressdeck"));
    m_dashboard = new Dashboard(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(buildSetupPanel());
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setDocumentMode(true);
    m_views->addTab(m_dashboard, tr("&Run"));
    m_capacityView = new CapacityView(this);
    m_capacityView->setObjectName(QStringLiteral("capacityView"));
    m_views->addTab(m_capacityView, tr("Capacit&y search"));
    m_splitter->addWidget(m_views);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, false);
    // The summary strip sits above both panels, so the run's state shows whatever tab is open.
    m_strip = new SummaryStrip(this);
    // The strip's p95 is over the window the latency chart shows.
    connect(m_dashboard, &Dashboard::latencyWindowChanged, m_strip, &SummaryStrip::setWindowSeconds);
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(2);
    centralLayout->addWidget(m_strip);
    m_shardView = new ShardStatusView(this);
    centralLayout->addWidget(m_shardView);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    buildActions();

    m_progress = new QProgressBar(this);
    m_progress->setMinimumWidth(260);
    m_progress->setFormat(tr("idle"));
    m_progress->setValue(0);
    m_state = new QLabel(tr("Ready"), this);
    m_health = new QLabel(this);
    m_health->setToolTip(tr("Event-loop lag of the engine threads and of this window, and the busiest engine "
                            "thread's CPU. Under 50 ms of lag the numbers are trustworthy; above it, or with an engine "
                            "thread above 90 % of a core for a tenth of the run, or 5 % of an open model's requests "
                            "sent late, the generator itself is the bottleneck (generator-bound)."));
    statusBar()->addWidget(m_state, 1);
    statusBar()->addPermanentWidget(m_health);
    statusBar()->addPermanentWidget(m_progress);

    connect(&m_runner, &LoadRunner::snapshotReady, this, &MainWindow::onSnapshot);
    connect(&m_runner, &LoadRunner::finished, this, &MainWindow::onFinished);
    connect(&m_runner, &LoadRunner::unavailable, this, [this](const QString& message) {
        m_unavailable = true;
        m_unavailableMessage = message;
    });

    connect(&m_capacity, &CapacityRun::snapshotReady, this, &MainWindow::onSnapshot);
    connect(&m_capacity, &CapacityRun::stepStarted, this, [this](int number, int total, double load) {
        QStringList names;
        for (const RequestType& t : m_capacity.scenario().requestTypes)
            names.append(t.name);
        RunConfig step = m_capacity.baseConfig();
        step.rateRps = load;
        m_dashboard->reset(names, step);
        m_capacityStepRunning = true;
        m_state->setText(
            tr("Capacity search: step %1 of about %2 at %3 req/s").arg(number).arg(total).arg(formatRate(load)));
        showCapacity(0);
    });
    connect(&m_capacity, &CapacityRun::stepFinished, this, [this] {
        m_capacityStepRunning = false;
        showCapacity(0);
    });
    connect(&m_capacity, &CapacityRun::unavailable, this, [this](const QString& message) {
        m_unavailable = true;
        m_unavailableMessage = message;
    });
    connect(&m_capacity, &CapacityRun::failed, this, [this](const QString& message) {
        m_capacityFailed = true;
        m_unavailableMessage = message;
    });
    connect(&m_capacity, &CapacityRun::finished, this, &MainWindow::onCapacityFinished);

    restoreSettings();
    applyCommandLine();
    validate();
    if (m_options.autostart)
        QTimer::singleShot(0, this, &MainWindow::startRun);
    else if (!m_options.follow.isEmpty())
        QTimer::singleShot(0, this, [this] {
            if (!followShards(m_options.follow) && m_options.quitWhenDone)
                QApplication::exit(Cli::BadInput);
        });
    else if (!m_options.screenshot.isEmpty())
        QTimer::singleShot(ScreenshotDelayMs, this, &MainWindow::takeIdleScreenshot);
    else
        QTimer::singleShot(0, this, &MainWindow::offerRecovery);

    m_guiLag = new LagProbe(std::chrono::milliseconds(100), this);
    m_guiLag->start();
}

// Settings are saved here and only here: closing the window ends in its destruction (main() owns it
// on the stack), and a window that is destroyed without being closed (as in the tests) saves too.
MainWindow::~MainWindow()
{
    saveSettings();
}

void MainWindow::applyCommandLine()
{
    const Cli::RunOptions& o = m_options.run;
    const RunConfig& c = o.config;
    if (o.isGiven("profile")) {
        m_form->setProfile(c.profile);
        applyProfile(m_form->profile());
    }
    if (o.isGiven("request")) {
        m_form->addAdHocScenario(o.scenario);
    } else if (o.isGiven("scenario")) {
        if (Scenario::builtIn(o.scenarioArgument).name.isEmpty())
            m_form->addScenarioFile(o.scenario.name, o.scenarioArgument, true);
        else
            m_form->setScenarioName(o.scenario.name);
    }
    SetupValues v = m_form->values();
    if (o.isGiven("target"))
        v.target = c.target.toString();
    if (o.isGiven("concurrency"))
        v.concurrency = c.concurrency;
    if (o.isGiven("duration"))
        v.duration = formatDurationExact(c.durationS);
    if (o.isGiven("timeout"))
        v.timeout = formatDurationExact(c.timeoutS);
    if (o.isGiven("think-time"))
        v.thinkTime
            = c.thinkMaxMs == 0 ? QStringLiteral("0") : QStringLiteral("%1ms-%2ms").arg(c.thinkMinMs).arg(c.thinkMaxMs);
    if (o.isGiven("rate")) {
        v.loadModel = LoadModel::Open;
        v.rateRps = c.rateRps;
    }
    if (o.isGiven("transport"))
        v.transport = c.transport;
    if (o.isGiven("threads"))
        v.threads = c.threads;
    if (!o.monitorArgument.isEmpty())
        v.monitor = o.monitorArgument;
    // A load given on the command line (or a scenario file's stages) is the run asked for: it
    // replaces a remembered capacity search or stage shape.
    const bool loadGiven = o.isGiven("concurrency") || o.isGiven("duration") || o.isGiven("rate") || o.isGiven("stages")
        || o.isGiven("rate-stages") || c.isStaged();
    if (loadGiven) {
        v.capacitySearch = false;
        v.stagesOn = c.isStaged();
        if (c.isStaged()) {
            v.stages = c.stages.toString();
            v.loadModel = c.loadModel;
        }
    }
    m_form->setValues(v);
    // A script that names a baseline it cannot have gets the exit code of bad input.
    if (!m_options.baseline.isEmpty() && !setBaseline(m_options.baseline)) {
        m_exitCode = Cli::BadInput;
        if (m_options.quitWhenDone)
            QTimer::singleShot(0, qApp, [] { QApplication::exit(Cli::BadInput); });
    }
}

bool MainWindow::saveScreenshot()
{
    if (grab().save(m_options.screenshot))
        return true;
    const QString message = tr("Cannot write the screenshot %1").arg(m_options.screenshot);
    QTextStream(stderr) << message << Qt::endl;
    statusBar()->showMessage(message, 5000);
    // The same as a report that cannot be written: a script asked for a file it does not get.
    m_screenshotFailed = true;
    return false;
}

void MainWindow::takeIdleScreenshot()
{
    if (!saveScreenshot())
        m_exitCode = Cli::BadInput;
    if (m_options.quitWhenDone)
        QApplication::exit(m_exitCode);
}

QWidget* MainWindow::buildSetupPanel()
{
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);

    m_form = new SetupForm(panel);
    for (const Transport t : { Transport::Qnam, Transport::Fast }) {
        if (const std::optional<double> us = Settings().transportCostUs(t))
            m_form->setTransportCost(t, *us);
    }
    m_form->setDefaults(formDefaults());
    connect(m_form, &SetupForm::inputChanged, this, &MainWindow::validate);
    connect(m_form, &SetupForm::profileActivated, this, &MainWindow::applyProfile);
    connect(m_form, &SetupForm::saveProfileClicked, this, &MainWindow::saveProfile);
    connect(m_form, &SetupForm::renameProfileClicked, this, &MainWindow::renameProfile);
    connect(m_form, &SetupForm::deleteProfileClicked, this, &MainWindow::deleteProfile);
    layout->addWidget(m_form);

    m_demoKnobs = new DemoKnobsPanel(panel);
    m_demoKnobs->setBase(m_options.run.demo);
    connect(m_demoKnobs, &DemoKnobsPanel::optionsChanged, this, &MainWindow::applyDemoKnobs);
    layout->addWidget(m_demoKnobs);

    m_liveBox = new QGroupBox(tr("Live load"), panel);
    auto* liveLayout = new QHBoxLayout(m_liveBox);
    m_liveSlider = new QSlider(Qt::Horizontal, m_liveBox);
    m_liveSlider->setRange(1, 200);
    m_liveSpin = new QSpinBox(m_liveBox);
    m_liveSpin->setRange(1, 100000);
    m_liveSpin->setToolTip(tr("Users (closed model) or requests per second (open model) while the run goes on"));
    liveLayout->addWidget(m_liveSlider, 1);
    liveLayout->addWidget(m_liveSpin);
    m_liveDebounce = new QTimer(this);
    m_liveDebounce->setSingleShot(true);
    m_liveDebounce->setInterval(300);
    connect(m_liveSlider, &QSlider::valueChanged, m_liveSpin, &QSpinBox::setValue);
    connect(m_liveSpin, &QSpinBox::valueChanged, this, [this](int v) {
        const QSignalBlocker blocker(m_liveSlider);
        m_liveSlider->setValue(v);
        m_liveDebounce->start();
    });
    connect(m_liveDebounce, &QTimer::timeout, this, [this] { setLiveConcurrency(m_liveSpin->value()); });
    m_liveBox->setEnabled(false);
    m_liveBox->setObjectName(QStringLiteral("liveLoad"));
    layout->addWidget(m_liveBox);

    auto* baselineBox = new QGroupBox(tr("Baseline"), panel);
    baselineBox->setObjectName(QStringLiteral("baselineBox"));
    baselineBox->setToolTip(tr("A saved report every run is compared with, live: dashed lines on the charts and "
                               "the Comparison tab"));
    auto* baselineLayout = new QHBoxLayout(baselineBox);
    m_baselineLabel = new QLabel(tr("none"), baselineBox);
    m_baselineLabel->setObjectName(QStringLiteral("baselineName"));
    m_baselineLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* chooseBaseline = new QPushButton(tr("Choose…"), baselineBox);
    auto* clearBaseline = new QPushButton(tr("Clear"), baselineBox);
    baselineLayout->addWidget(m_baselineLabel, 1);
    baselineLayout->addWidget(chooseBaseline);
    baselineLayout->addWidget(clearBaseline);
    connect(chooseBaseline, &QPushButton::clicked, this, [this] {
        const QString name
            = QFileDialog::getOpenFileName(this, tr("Compare with baseline"), {}, tr("Stressdeck reports (*.json)"));
        if (!name.isEmpty())
            setBaseline(name);
    });
    connect(clearBaseline, &QPushButton::clicked, this, [this] { setBaseline({}); });
    layout->addWidget(baselineBox);

    m_validationLabel = new QLabel(panel);
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setStyleSheet(QStringLiteral("color:#c62828"));
    layout->addWidget(m_validationLabel);
    layout->addStretch(1);
    m_liveSpin->setObjectName(QStringLiteral("liveSpin"));
    m_validationLabel->setObjectName(QStringLiteral("validation"));

    // Never cut off: the panel keeps the width its widest row needs, and scrolls up and down.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("setupPanel"));
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(
        panel->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 2 * scroll->frameWidth());
    return scroll;
}

void MainWindow::buildActions()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* open = file->addAction(tr("&Open report…"), QKeySequence::Open, this, [this] {
        const QString name
            = QFileDialog::getOpenFileName(this, tr("Open report"), {}, tr("Stressdeck reports (*.json)"));
        if (!name.isEmpty())
            openReport(name);
    });
    m_recentMenu = file->addMenu(tr("Recent reports"));
    file->addAction(tr("&Follow shards…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(this, tr("Follow the shards checkpointing into"));
        if (!directory.isEmpty())
            followShards(directory);
    });
    m_stopFollowingAction = file->addAction(
        tr("Stop follo&wing"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), this, &MainWindow::stopFollowing);
    m_stopFollowingAction->setEnabled(false);
    m_saveAction = file->addAction(tr("&Save report…"), QKeySequence::Save, this, [this] {
        const QString name = QFileDialog::getSaveFileName(this, tr("Save report"),
            QStringLiteral("stressdeck-%1.json")
                .arg(m_report.startedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))),
            tr("Stressdeck reports (*.json)"));
        if (!name.isEmpty())
            saveReport(name);
    });
    m_saveAction->setEnabled(false);
    m_pdfAction = file->addAction(tr("&Export PDF…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] {
        const QString name = QFileDialog::getSaveFileName(this, tr("Export PDF"),
            QStringLiteral("stressdeck-%1.pdf")
                .arg(m_report.startedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))),
            tr("PDF documents (*.pdf)"));
        if (!name.isEmpty())
            exportPdf(name);
    });
    m_pdfAction->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("Compare with &baseline…"), QKeySequence(Qt::CTRL | Qt::Key_B), this, [this] {
        const QString name
            = QFileDialog::getOpenFileName(this, tr("Compare with baseline"), {}, tr("Stressdeck reports (*.json)"));
        if (!name.isEmpty())
            setBaseline(name);
    });
    m_clearBaselineAction = file->addAction(
        tr("C&lear baseline"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), this, [this] { setBaseline({}); });
    m_clearBaselineAction->setEnabled(false);
    m_comparePdfAction
        = file->addAction(tr("Export &comparison PDF…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this, [this] {
              const QString name = QFileDialog::getSaveFileName(this, tr("Export comparison PDF"),
                  QStringLiteral("stressdeck-compare-%1.pdf")
                      .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))),
                  tr("PDF documents (*.pdf)"));
              if (!name.isEmpty())
                  exportComparisonPdf(name);
          });
    m_comparePdfAction->setEnabled(false);
    file->addSeparator();
    m_capacityPdfAction = file->addAction(
        tr("Export capacit&y search PDF…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E), this, [this] {
            const QString name = QFileDialog::getSaveFileName(this, tr("Export capacity PDF"),
                QStringLiteral("stressdeck-capacity-%1.pdf")
                    .arg(m_capacity.startedAt().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))),
                tr("PDF documents (*.pdf)"));
            if (!name.isEmpty())
                exportCapacityPdf(name);
        });
    m_capacityPdfAction->setEnabled(false);
    m_capacityJsonAction = file->addAction(
        tr("Save capacity search as JSON…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S), this, [this] {
            const QString name = QFileDialog::getSaveFileName(this, tr("Save capacity search"),
                QStringLiteral("stressdeck-capacity-%1.json")
                    .arg(m_capacity.startedAt().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))),
                tr("JSON (*.json)"));
            if (!name.isEmpty())
                saveCapacityJson(name);
        });
    m_capacityJsonAction->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto* runMenu = menuBar()->addMenu(tr("&Run"));
    m_startAction = runMenu->addAction(tr("&Start"), QKeySequence(Qt::CTRL | Qt::Key_R), this, &MainWindow::startRun);
    m_stopAction = runMenu->addAction(tr("S&top"), QKeySequence(Qt::Key_Escape), this, &MainWindow::stopRun);
    m_stopAction->setEnabled(false);

    auto* view = menuBar()->addMenu(tr("&View"));
    m_pauseAction = view->addAction(tr("&Pause charts"), QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pauseAction->setCheckable(true);
    connect(m_pauseAction, &QAction::toggled, m_dashboard, &Dashboard::setChartsPaused);
    view->addAction(tr("&Reset zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), m_dashboard, &Dashboard::resetZoom);
    m_history = new HistoryPanel({}, this);
    m_historyDock = new QDockWidget(tr("Run history"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_history);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();
    QAction* historyAction = m_historyDock->toggleViewAction();
    historyAction->setText(tr("Run &history"));
    historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    historyAction->setToolTip(
        tr("The recorded runs: open one, use one as the baseline, plot a metric across them (Ctrl+Shift+H)"));
    view->addAction(historyAction);
    connect(m_historyDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_history->refresh();
    });
    connect(m_history, &HistoryPanel::openRequested, this, &MainWindow::openReport);
    connect(m_history, &HistoryPanel::baselineRequested, this, &MainWindow::setBaseline);
    view->addSeparator();
    auto* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = Settings().language();
    const QList<std::pair<QString, QString>> choices { { QString(), tr("System default") },
        { QStringLiteral("en"), QStringLiteral("English") }, { QStringLiteral("de"), QStringLiteral("Deutsch") } };
    for (const auto& [code, name] : choices) {
        QAction* a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            Settings().setLanguage(code);
            statusBar()->showMessage(tr("The language changes the next time Stressdeck starts."), 8000);
        });
    }

    auto* toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    toolbar->addAction(m_startAction);
    toolbar->addAction(m_stopAction);
    toolbar->addSeparator();
    toolbar->addAction(open);
    toolbar->addAction(m_saveAction);
    toolbar->addAction(m_pdfAction);
    toolbar->addAction(m_pauseAction);

    // Menus show the shortcuts; the toolbar's tooltips name them too.
    for (QAction* a : findChildren<QAction*>()) {
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        if (!keys.isEmpty() && !a->toolTip().contains(keys))
            a->setToolTip(tr("%1 (%2)").arg(QString(a->text()).remove(QLatin1Char('&')).remove(QChar(0x2026)), keys));
    }
}

void MainWindow::applyProfile(const QString& name)
{
    if (const std::optional<Profile> profile = m_profiles.find(name))
        m_form->applyProfile(*profile);
}

void MainWindow::saveProfile()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Save profile"), tr("Name:"), QLineEdit::Normal, {}, &ok).trimmed();
    if (ok && !name.isEmpty())
        saveProfileAs(name);
}

bool MainWindow::saveProfileAs(const QString& name)
{
    QString problem;
    const SetupForm::Collected setup = m_form->collectConfig();
    if (Profile::builtIn(name))
        problem = tr("\"%1\" is a built-in profile; choose another name.").arg(name);
    else if (!setup.ok)
        problem = setup.error;
    if (!problem.isEmpty()) {
        if (!m_options.quitWhenDone)
            QMessageBox::warning(this, tr("Save profile"), problem);
        return false;
    }
    const RunConfig& c = setup.config;
    m_profiles.save(Profile { name, c.concurrency, c.durationS, c.timeoutS, c.thinkMinMs, c.thinkMaxMs, c.stages });
    m_form->addProfile(name);
    m_form->setProfile(name);
    return true;
}

void MainWindow::renameProfile()
{
    const QString old = m_form->profile();
    if (Profile::builtIn(old)) {
        QMessageBox::information(this, tr("Rename profile"), tr("Built-in profiles cannot be renamed."));
        return;
    }
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Rename profile"), tr("New name:"), QLineEdit::Normal, old, &ok).trimmed();
    if (!ok || name.isEmpty() || name == old)
        return;
    if (Profile::builtIn(name) || m_form->hasProfile(name)) {
        QMessageBox::warning(this, tr("Rename profile"), tr("A profile named \"%1\" exists already.").arg(name));
        return;
    }
    if (m_profiles.rename(old, name))
        m_form->renameCurrentProfile(name);
}

void MainWindow::deleteProfile()
{
    const QString name = m_form->profile();
    if (Profile::builtIn(name))
        return;
    m_profiles.remove(name);
    m_form->removeCurrentProfile();
}

RunConfig MainWindow::formDefaults() const
{
    const Cli::RunOptions& given = m_options.run;
    RunConfig c;
    c.sampleIntervalS = given.isGiven("sample-interval") ? given.config.sampleIntervalS : 1;
    c.thresholds = given.config.thresholds;
    c.healthCheck = given.config.healthCheck;
    c.healthPath = given.config.healthPath;
    c.seed = given.config.seed;
    c.insecure = given.config.insecure;
    c.maxBodyBytes = given.config.maxBodyBytes;
    c.checkpointIntervalS = given.config.checkpointIntervalS;
    c.model = given.config.model;
    c.streamUsage = given.config.streamUsage;
    c.slo = given.config.slo;
    return c;
}

void MainWindow::validate()
{
    const SetupForm::Collected setup = m_form->collectConfig();
    m_validation = setup.ok ? QString() : setup.error;
    m_validationLabel->setText(m_validation);
    // Flag the field in place, not only in the message below the form.
    m_form->showValidation(setup.ok ? nullptr : setup.field, m_validation);
    if (m_startAction)
        m_startAction->setEnabled(m_validation.isEmpty() && !isRunning());
}

void MainWindow::applyDemoKnobs(const DemoOptions& options)
{
    if (m_demo)
        m_demo->run([options](HttpService* s) { static_cast<DemoService*>(s)->setOptions(options); });
}

void MainWindow::startRun()
{
    if (isRunning() || m_lookingUpModel)
        return;
    SetupForm::Collected setup = m_form->collectConfig();
    if (!setup.ok) {
        m_validationLabel->setText(setup.error);
        statusBar()->showMessage(setup.error, 5000);
        return;
    }
    stopFollowing();
    m_shardView->hide();
    RunConfig& config = setup.config;
    const Scenario& scenario = setup.scenario;
    QString error;
    if (m_form->values().target.trimmed().isEmpty()) {
        if (!m_demo) {
            m_demo = std::make_unique<ServiceThread>();
            m_demoPort = startDemoService(m_demo.get(), m_options.run.demo, 0, &error);
            if (m_demoPort == 0) {
                m_demo.reset();
                QMessageBox::critical(this, tr("Demo service"), error);
                return;
            }
        }
        applyDemoKnobs(m_demoKnobs->options());
        config.target = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_demoPort));
        if (config.monitorPid == 0) {
            config.monitorPid = QCoreApplication::applicationPid();
            config.monitorName = tr("stressdeck (demo service)");
        }
    }
    if (config.model.isEmpty() && scenario.needsModel()) {
        // As `stressdeck run` does: the server's first model, asked once, without blocking the window.
        lookUpModelThenStart(std::move(setup));
        return;
    }
    startCollected(setup);
}

QCoro::Task<> MainWindow::lookUpModelThenStart(SetupForm::Collected setup)
{
    m_lookingUpModel = true;
    m_startAction->setEnabled(false);
    const QUrl models = ModelLookup::modelsUrl(setup.config.target);
    m_state->setText(tr("Asking %1 for a model…").arg(models.toString()));
    QPointer<MainWindow> self(this);
    const ModelLookup found = co_await ModelLookup::firstModel(setup.config.target,
        std::chrono::milliseconds(qint64(std::min(setup.config.timeoutS, 30.0) * 1000)), setup.config.insecure);
    if (!self)
        co_return;
    m_lookingUpModel = false;
    m_startAction->setEnabled(true);
    if (found.model.isEmpty()) {
        m_state->setText(found.error);
        if (m_options.quitWhenDone) {
            QTextStream(stderr) << found.error << Qt::endl;
            m_exitCode = Cli::TargetUnavailable;
            QTimer::singleShot(0, qApp, [] { QApplication::exit(Cli::TargetUnavailable); });
        } else {
            QMessageBox::warning(this, tr("No model"), found.error);
        }
        co_return;
    }
    setup.config.model = found.model;
    statusBar()->showMessage(tr("Using %1, the first model of %2").arg(found.model, models.toString()), 8000);
    startCollected(setup);
}

void MainWindow::startCollected(const SetupForm::Collected& setup)
{
    const RunConfig& config = setup.config;
    const Scenario& scenario = setup.scenario;
    QString error;
    if (setup.capacity) {
        startCapacity(config, scenario, *setup.capacity);
        return;
    }
    QStringList names;
    for (const RequestType& t : scenario.requestTypes)
        names.append(t.name);
    m_dashboard->reset(names, config);
    m_strip->start(config.thresholds);
    m_views->setCurrentWidget(m_dashboard);
    m_runner.setBaseline(m_baseline);
    m_comparePdfAction->setEnabled(false);
    m_unavailable = false;
    if (!m_runner.start(config, scenario, &error)) {
        QMessageBox::warning(this, tr("Start"), error);
        return;
    }
    m_runTransport = config.transport;
    const bool open = config.loadModel == LoadModel::Open;
    {
        const QSignalBlocker a(m_liveSpin);
        const QSignalBlocker b(m_liveSlider);
        m_liveSpin->setValue(open ? int(config.rateRps) : config.concurrency);
        m_liveSlider->setRange(1, std::max(200, 4 * m_liveSpin->value()));
        m_liveSlider->setValue(m_liveSpin->value());
    }
    setRunning(true);
    m_state->setText(tr("Running \"%1\" against %2").arg(scenario.name, config.target.toString()));
}

void MainWindow::startCapacity(const RunConfig& base, const Scenario& scenario, const CapacityRun::Options& options)
{
    m_unavailable = m_capacityFailed = m_capacityDone = m_capacityStepRunning = false;
    m_unavailableMessage.clear();
    m_comparePdfAction->setEnabled(false);
    m_capacityPdfAction->setEnabled(false);
    m_capacityJsonAction->setEnabled(false);
    setRunning(true);
    m_liveBox->setEnabled(false); // the search sets the load itself
    m_views->setCurrentWidget(m_capacityView);
    QString error;
    if (!m_capacity.start(base, scenario, options, &error)) {
        setRunning(false);
        m_state->setText(error);
        if (m_options.quitWhenDone) {
            QTextStream(stderr) << error << Qt::endl;
            m_exitCode = Cli::BadInput;
            QTimer::singleShot(0, qApp, [] { QApplication::exit(Cli::BadInput); });
        } else {
            QMessageBox::warning(this, tr("Capacity search"), error);
        }
    }
}

void MainWindow::showCapacity(double stepFraction)
{
    const CapacityRun::Options& o = m_capacity.options();
    CapacityChartData data = CapacityChartData::of(m_capacity);
    if (m_capacity.isRunning()) {
        if (m_capacityStepRunning) {
            data.runningLoad = m_capacity.currentLoad();
            data.runningFraction = stepFraction;
        }
        QString verdict;
        if (const auto& steps = m_capacity.rateResult().steps; !steps.isEmpty()) {
            const CapacityStep& last = steps.constLast();
            verdict = last.passed
                ? tr(" — step %1 passed at %2 req/s").arg(steps.size()).arg(formatRate(last.measured.rateRps))
                : tr(" — step %1 failed at %2 req/s: %3")
                      .arg(steps.size())
                      .arg(formatRate(last.measured.rateRps), last.reason);
        }
        m_capacityView->setSearch(data,
            tr("Step %1 of about %2: %3 req/s with %4%5")
                .arg(m_capacity.stepsDone() + 1)
                .arg(m_capacity.estimatedTotalSteps())
                .arg(formatRate(m_capacity.currentLoad()), sloInWords(o.slo), verdict),
            std::nullopt);
    } else {
        m_capacityView->setSearch(data, m_capacity.summary(), m_capacity.found());
    }
}

void MainWindow::onCapacityFinished()
{
    setRunning(false);
    m_capacityDone = true;
    showCapacity(1);
    m_progress->setValue(100);
    m_progress->setFormat(tr("%n step(s) done", nullptr, m_capacity.stepsDone()));
    const bool searched = !m_unavailable && !m_capacityFailed;
    if (!searched) {
        m_state->setText(m_unavailableMessage);
        m_exitCode = m_unavailable ? Cli::TargetUnavailable : Cli::BadInput;
        if (m_options.quitWhenDone)
            QTextStream(stderr) << m_unavailableMessage << Qt::endl;
        else
            QMessageBox::warning(
                this, m_unavailable ? tr("Target unavailable") : tr("Capacity search"), m_unavailableMessage);
    } else {
        m_state->setText(m_capacity.summary());
        m_exitCode = Cli::capacityExitCode(m_capacity, m_options.quitWhenDone);
    }
    m_capacityPdfAction->setEnabled(searched);
    m_capacityJsonAction->setEnabled(searched);
    if (searched && !m_options.saveJson.isEmpty() && !saveCapacityJson(m_options.saveJson))
        m_exitCode = Cli::BadInput;
    if (searched && !m_options.run.pdfFile.isEmpty() && !exportCapacityPdf(m_options.run.pdfFile))
        m_exitCode = Cli::BadInput;
    if (!m_options.screenshot.isEmpty() && !m_screenshotTaken) {
        m_screenshotTaken = true;
        saveScreenshot();
        if (m_screenshotFailed)
            m_exitCode = Cli::BadInput;
    }
    Q_EMIT runFinished();
    if (m_options.quitWhenDone)
        QTimer::singleShot(0, qApp, [this] { QApplication::exit(m_exitCode); });
}

bool MainWindow::saveCapacityJson(const QString& fileName)
{
    QString error;
    if (!m_capacityDone
        || !saveWholeFile(fileName, QJsonDocument(m_capacity.document()).toJson(QJsonDocument::Indented), &error)) {
        if (!m_options.quitWhenDone)
            QMessageBox::warning(this, tr("Save capacity search"),
                error.isEmpty() ? tr("There is no finished capacity search yet.") : error);
        return false;
    }
    statusBar()->showMessage(tr("Capacity search saved to %1").arg(fileName), 5000);
    return true;
}

bool MainWindow::exportCapacityPdf(const QString& fileName)
{
    QString error;
    bool ok = m_capacityDone;
    if (ok) {
        CapacityPdf pdf(m_capacityView->data(), m_capacity.summary(), m_capacity.found());
        pdf.setSubject(
            tr("\"%1\" against %2, %3 transport, steps of %4")
                .arg(m_capacity.scenario().name, m_capacity.baseConfig().target.toString(),
                    transportId(m_capacity.baseConfig().transport), formatDurationExact(m_capacity.options().stepS)));
        pdf.setStartedAt(m_capacity.startedAt());
        ok = pdf.write(fileName, &error);
    }
    if (!ok) {
        if (!m_options.quitWhenDone)
            QMessageBox::warning(this, tr("Export capacity PDF"),
                error.isEmpty() ? tr("There is no finished capacity search yet.") : error);
        return false;
    }
    statusBar()->showMessage(tr("PDF written to %1").arg(fileName), 5000);
    return true;
}

void MainWindow::setLiveConcurrency(int value)
{
    if (!m_runner.isRunning())
        return;
    if (m_form->loadModel() == LoadModel::Open)
        m_runner.setRate(value);
    else
        m_runner.setConcurrency(value);
}

void MainWindow::stopRun()
{
    if (m_capacity.isRunning()) {
        if (m_capacity.wasInterrupted()) {
            m_capacity.stopNow();
            return;
        }
        m_state->setText(tr("Stopping the capacity search: the step in progress is not judged (Esc again aborts "
                            "its requests)"));
        m_capacity.stop();
        return;
    }
    if (!m_runner.isRunning())
        return;
    if (m_state->property("stopping").toBool()) {
        m_runner.stopNow();
        return;
    }
    m_state->setProperty("stopping", true);
    m_state->setText(tr("Stopping: waiting for requests in flight (Esc again aborts them)"));
    m_runner.stop();
}

void MainWindow::setRunning(bool running)
{
    m_startAction->setEnabled(!running && m_validation.isEmpty());
    m_stopAction->setEnabled(running);
    m_state->setProperty("stopping", false);
    m_liveBox->setEnabled(running);
    m_form->setRunning(running);
}

void MainWindow::onSnapshot(const LiveSnapshot& s)
{
    m_dashboard->applySnapshot(s);
    m_strip->applySnapshot(s);
    const int percent = s.durationS > 0 ? int(std::min(100.0, 100.0 * s.elapsedS / s.durationS)) : 0;
    m_progress->setValue(percent);
    const bool capacity = m_capacity.isRunning();
    if (capacity)
        showCapacity(s.durationS > 0 ? std::min(1.0, s.elapsedS / s.durationS) : 0);
    m_progress->setFormat(capacity ? tr("step %1 of about %2 · %3 left")
                                         .arg(m_capacity.stepsDone() + 1)
                                         .arg(m_capacity.estimatedTotalSteps())
                                         .arg(formatDuration(std::max(0.0, s.durationS - s.elapsedS)))
            : s.state == RunState::Draining ? tr("draining: %1 in flight").arg(s.inFlight)
                                            : tr("%1 / %2 — %3 left")
                                                  .arg(formatDuration(s.elapsedS), formatDuration(s.durationS),
                                                      formatDuration(std::max(0.0, s.durationS - s.elapsedS))));
    const double guiLagMs = m_guiLag->takePeriodMaxMs();
    const double worst = std::max(s.loopLagMs, guiLagMs);
    QString health = tr("generator lag %1 ms · window lag %2 ms").arg(s.loopLagMs, 0, 'f', 1).arg(guiLagMs, 0, 'f', 1);
    if (s.generatorCpuPct >= 0)
        health += tr(" · engine CPU %1 %").arg(s.generatorCpuPct, 0, 'f', 0);
    if (s.generatorBound)
        health += m_runTransport == Transport::Qnam ? tr(" · GENERATOR-BOUND: try the fast transport")
                                                    : tr(" · GENERATOR-BOUND");
    m_health->setText(health);
    const bool healthy = worst < 50 && !s.generatorBound;
    m_health->setStyleSheet(
        QStringLiteral("color:%1").arg(Palette::colour(healthy ? Palette::Pass : Palette::Fail).name()));
    if (!capacity && !m_options.screenshot.isEmpty() && !m_screenshotTaken
        && s.elapsedS >= std::max(1.0, s.durationS - 1.5)) {
        m_screenshotTaken = true;
        saveScreenshot();
    }
}

void MainWindow::onFinished(const Report& report)
{
    setRunning(false);
    m_progress->setValue(100);
    m_progress->setFormat(tr("finished in %1").arg(formatDuration(report.elapsedS)));
    m_report = report;
    m_hasReport = true;
    m_saveAction->setEnabled(true);
    m_pdfAction->setEnabled(true);
    if (m_unavailable) {
        m_state->setText(m_unavailableMessage);
        m_exitCode = Cli::TargetUnavailable;
        if (!m_options.quitWhenDone)
            QMessageBox::warning(this, tr("Target unavailable"), m_unavailableMessage);
    } else {
        m_dashboard->showReport(report);
        m_strip->showReport(report);
        compareShownReport();
        m_state->setText(report.passed ? tr("Run passed") : tr("Run failed"));
        m_exitCode = report.stopReason == QLatin1String("stopped") && m_options.quitWhenDone ? Cli::Interrupted
            : report.passed                                                                  ? Cli::Passed
                                                                                             : Cli::CriterionFailed;
    }
    if (!m_options.saveJson.isEmpty() && !saveReport(m_options.saveJson))
        m_exitCode = Cli::BadInput;
    if (!m_unavailable)
        recordInHistory(report, m_options.saveJson);
    // Enough requests for a steady figure: what the transport costs on this machine, for the setup's hint.
    if (!m_unavailable && report.overall.total >= MinRequestsForCost && report.generatorLimits.cpuUsPerRequest > 0) {
        Settings().setTransportCostUs(report.config.transport, report.generatorLimits.cpuUsPerRequest);
        m_form->setTransportCost(report.config.transport, report.generatorLimits.cpuUsPerRequest);
    }
    if (!m_options.run.pdfFile.isEmpty() && !m_unavailable && !exportPdf(m_options.run.pdfFile))
        m_exitCode = Cli::BadInput;
    if (m_screenshotFailed)
        m_exitCode = Cli::BadInput;
    Q_EMIT runFinished();
    if (m_options.quitWhenDone)
        QTimer::singleShot(0, qApp, [this] { QApplication::exit(m_exitCode); });
}

bool MainWindow::saveReport(const QString& fileName)
{
    QString error;
    if (!m_hasReport || !m_report.save(fileName, &error)) {
        if (!m_options.quitWhenDone)
            QMessageBox::warning(this, tr("Save report"), error.isEmpty() ? tr("There is no report yet.") : error);
        return false;
    }
    addRecent(fileName);
    statusBar()->showMessage(tr("Report saved to %1").arg(fileName), 5000);
    return true;
}

bool MainWindow::exportPdf(const QString& fileName)
{
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = m_hasReport && PdfReport(m_report).write(fileName, &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        if (!m_options.quitWhenDone)
            QMessageBox::warning(this, tr("Export PDF"), error.isEmpty() ? tr("There is no report yet.") : error);
        return false;
    }
    statusBar()->showMessage(tr("PDF written to %1").arg(fileName), 5000);
    return true;
}

bool MainWindow::setBaseline(const QString& fileName)
{
    if (fileName.isEmpty()) {
        m_baseline.reset();
        m_baselineFile.clear();
        m_dashboard->setBaseline({}, {});
    } else {
        Report baseline;
        QString error;
        if (!Report::load(fileName, &baseline, &error)) {
            if (!m_options.quitWhenDone)
                QMessageBox::warning(this, tr("Compare with baseline"), error);
            QTextStream(stderr) << error << Qt::endl;
            return false;
        }
        if (baseline.latencyWindows.isEmpty()) {
            const QString why = tr("%1 has no latency windows (an older Stressdeck wrote it); run it again to use "
                                   "it as a baseline.")
                                    .arg(fileName);
            if (!m_options.quitWhenDone)
                QMessageBox::warning(this, tr("Compare with baseline"), why);
            QTextStream(stderr) << why << Qt::endl;
            return false;
        }
        m_baseline = ComparedRun::of(baseline, fileName);
        m_baselineFile = fileName;
        m_dashboard->setBaseline(baseline);
    }
    if (!m_runner.isRunning())
        m_runner.setBaseline(m_baseline);
    m_baselineLabel->setText(m_baselineFile.isEmpty() ? tr("none") : QFileInfo(m_baselineFile).fileName());
    m_baselineLabel->setToolTip(m_baselineFile);
    m_clearBaselineAction->setEnabled(m_baseline.has_value());
    compareShownReport();
    return true;
}

void MainWindow::compareShownReport()
{
    m_comparePdfAction->setEnabled(false);
    if (!m_baseline || !m_hasReport || m_runner.isRunning() || m_report.latencyWindows.isEmpty())
        return;
    CompareReport result;
    QString error;
    if (!RunComparison::compare({ { *m_baseline } }, { { ComparedRun::of(m_report, {}) } }, {}, &result, &error)) {
        statusBar()->showMessage(error, 8000);
        return;
    }
    m_dashboard->showComparison(result);
    m_comparePdfAction->setEnabled(true);
}

bool MainWindow::exportComparisonPdf(const QString& fileName)
{
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = m_dashboard->comparison() && ComparePdf(*m_dashboard->comparison()).write(fileName, &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        if (!m_options.quitWhenDone)
            QMessageBox::warning(
                this, tr("Export comparison PDF"), error.isEmpty() ? tr("There is no comparison yet.") : error);
        return false;
    }
    statusBar()->showMessage(tr("PDF written to %1").arg(fileName), 5000);
    return true;
}

void MainWindow::recordInHistory(const Report& report, const QString& savedAs)
{
    if (!m_options.run.recordHistory)
        return;
    QString error;
    if (!RunHistory::recordFinished(report, savedAs, &error)) {
        const QString message = tr("The run was not recorded in the history: %1").arg(error);
        statusBar()->showMessage(message, 8000);
        QTextStream(stderr) << message << Qt::endl;
    }
    if (m_historyDock->isVisible())
        m_history->refresh();
}

void MainWindow::offerRecovery()
{
    if (const QString file = RecoveryOffer(this).ask(); !file.isEmpty())
        recoverReport(file);
}

bool MainWindow::recoverReport(const QString& fileName)
{
    if (!openReport(fileName))
        return false;
    const QString kept = RecoveryOffer::keep(fileName);
    m_state->setText(tr("Recovered the report of an unfinished run (kept as %1)").arg(kept));
    return true;
}

bool MainWindow::openReport(const QString& fileName)
{
    Report report;
    QString error;
    if (!Report::load(fileName, &report, &error)) {
        QMessageBox::warning(this, tr("Open report"), error);
        return false;
    }
    stopFollowing();
    showReport(report);
    m_shardView->setMergedReport(report);
    m_state->setText(tr("Report %1 (%2, %3)")
                         .arg(QFileInfo(fileName).fileName(), report.scenarioName,
                             report.startedAt.toLocalTime().toString(Qt::ISODate)));
    addRecent(fileName);
    return true;
}

void MainWindow::showReport(const Report& report)
{
    m_report = report;
    m_hasReport = true;
    m_saveAction->setEnabled(true);
    m_pdfAction->setEnabled(true);
    m_dashboard->showReport(report);
    m_strip->start(report.config.thresholds);
    m_strip->showReport(report);
    compareShownReport();
}

bool MainWindow::followShards(const QString& directory)
{
    if (isRunning()) {
        statusBar()->showMessage(tr("Stop the run first: the window runs or follows, not both at once"), 5000);
        return false;
    }
    if (!QFileInfo(directory).isDir()) {
        const QString message = tr("Cannot follow %1: not a folder").arg(directory);
        QTextStream(stderr) << message << Qt::endl;
        m_state->setText(message);
        return false;
    }
    stopFollowing();
    m_follower = std::make_unique<ShardFollower>(directory);
    connect(m_follower.get(), &ShardFollower::updated, this, &MainWindow::onFollowed);
    FollowedRun nothingYet;
    nothingYet.directory = directory;
    m_shardView->setRun(nothingYet);
    m_stopFollowingAction->setEnabled(true);
    m_state->setText(tr("Following the shards in %1").arg(directory));
    m_follower->start();
    return true;
}

void MainWindow::stopFollowing()
{
    if (!m_follower)
        return;
    m_follower.reset();
    m_stopFollowingAction->setEnabled(false);
    m_state->setText(tr("Stopped following"));
}

void MainWindow::onFollowed(const FollowedRun& run)
{
    m_shardView->setRun(run);
    const bool changed = !m_hasReport || run.report.overall.total != m_report.overall.total
        || run.report.elapsedS != m_report.elapsedS || run.report.stopReason != m_report.stopReason;
    if (run.merged && changed)
        showReport(run.report);
    if (run.merged && run.report.config.durationS > 0) {
        const double elapsed = std::min(run.report.elapsedS, run.report.config.durationS);
        m_progress->setValue(int(100.0 * elapsed / run.report.config.durationS));
        m_progress->setFormat(run.finished()
                ? tr("finished in %1").arg(formatDuration(run.report.elapsedS))
                : tr("%1 / %2 — %3 left")
                      .arg(formatDuration(elapsed), formatDuration(run.report.config.durationS),
                          formatDuration(run.report.config.durationS - elapsed)));
    }
    if (!run.finished()) {
        if (run.merged)
            m_state->setText(tr("Following %1: %2 requests so far")
                                 .arg(run.directory, QLocale().toString(run.report.overall.total)));
        // The screenshot of a followed run: every shard running, most of the run behind them.
        const bool wellUnderWay = run.merged && run.countIn(ShardStatus::State::Running) == run.count
            && run.report.elapsedS >= 0.6 * run.report.config.durationS;
        if (!m_options.screenshot.isEmpty() && !m_screenshotTaken && wellUnderWay) {
            m_screenshotTaken = true;
            saveScreenshot();
        }
        return;
    }
    m_stopFollowingAction->setEnabled(false);
    m_state->setText(tr("The followed run finished: %n shard(s) merged", nullptr, run.count));
    if (!m_options.saveJson.isEmpty()) {
        QString error;
        if (!run.report.save(m_options.saveJson, &error)) {
            QTextStream(stderr) << error << Qt::endl;
            m_exitCode = Cli::BadInput;
        }
    }
    if (m_options.quitWhenDone) {
        if (m_exitCode == 0)
            m_exitCode = m_screenshotFailed ? Cli::BadInput : run.report.passed ? Cli::Passed : Cli::CriterionFailed;
        QApplication::exit(m_exitCode);
    }
}

void MainWindow::addRecent(const QString& fileName)
{
    Settings().addRecentReport(fileName);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Settings().recentReports();
    for (const QString& file : recent)
        m_recentMenu->addAction(file, this, [this, file] { openReport(file); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::restoreSettings()
{
    const Settings settings;
    if (settings.hasWindowLayout()) {
        restoreGeometry(settings.windowGeometry());
        restoreState(settings.windowState());
        m_splitter->restoreState(settings.splitterState());
    } else {
        // First start: most of the screen, centred, the setup panel as wide as it needs to be.
        const QScreen* display = screen() ? screen() : QGuiApplication::primaryScreen();
        const QRect available = display ? display->availableGeometry() : QRect(0, 0, 1600, 1000);
        const QSize size = (QSizeF(available.size()) * FirstStartScreenShare).toSize();
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
        const int panel = m_splitter->widget(0)->minimumWidth();
        m_splitter->setSizes({ panel, std::max(1, size.width() - panel) });
    }
    for (const QString& name : m_profiles.names())
        m_form->addProfile(name);
    m_form->setProfile(settings.profile());
    applyProfile(m_form->profile());
    // What was changed after picking the profile comes back as it was left.
    SetupValues v = m_form->values();
    v.concurrency = settings.concurrency(v.concurrency);
    v.duration = settings.duration(v.duration);
    v.timeout = settings.timeout(v.timeout);
    v.thinkTime = settings.thinkTime(v.thinkTime);
    v.monitor = settings.monitor();
    v.target = settings.target();
    v.loadModel = settings.loadModel();
    v.rateRps = settings.rate(v.rateRps);
    v.transport = settings.transport();
    v.threads = settings.threads();
    v.stages = settings.stages();
    v.stagesOn = settings.stagesOn() && !v.stages.isEmpty();
    v.capacitySearch = settings.capacitySearch();
    const QJsonObject capacity = settings.capacity();
    v.capacity.slo = capacity.value(QStringLiteral("slo")).toString(v.capacity.slo);
    v.capacity.startRps = capacity.value(QStringLiteral("start_rps")).toDouble(v.capacity.startRps);
    v.capacity.maxRps = capacity.value(QStringLiteral("max_rps")).toDouble(v.capacity.maxRps);
    v.capacity.stepDuration = capacity.value(QStringLiteral("step")).toString(v.capacity.stepDuration);
    v.capacity.growth = capacity.value(QStringLiteral("growth")).toDouble(v.capacity.growth);
    m_form->setValues(v);
    const QString file = settings.scenarioFile();
    if (!file.isEmpty() && QFileInfo::exists(file)) {
        Scenario s;
        QString error;
        if (Scenario::load(file, &s, &error))
            m_form->addScenarioFile(s.name, file, false);
    }
    m_form->setScenarioName(settings.scenario(Scenario::archiveAi().name));
    updateRecentMenu();
}

void MainWindow::saveSettings() const
{
    Settings settings;
    settings.setWindowLayout(saveGeometry(), saveState(), m_splitter->saveState());
    // A scripted run (--quit-when-done) leaves the setup someone uses by hand as it was.
    if (m_options.quitWhenDone)
        return;
    const SetupValues v = m_form->values();
    settings.setProfile(m_form->profile());
    settings.setTarget(v.target);
    settings.setScenario(m_form->scenarioName());
    settings.setScenarioFile(m_form->scenarioFile());
    settings.setLoadModel(v.loadModel);
    settings.setRate(v.rateRps);
    settings.setTransport(v.transport);
    settings.setThreads(v.threads);
    settings.setConcurrency(v.concurrency);
    settings.setDuration(v.duration);
    settings.setTimeout(v.timeout);
    settings.setThinkTime(v.thinkTime);
    settings.setMonitor(v.monitor);
    settings.setStages(v.stages, v.stagesOn);
    settings.setCapacitySearch(v.capacitySearch);
    settings.setCapacity({ { QStringLiteral("slo"), v.capacity.slo },
        { QStringLiteral("start_rps"), v.capacity.startRps }, { QStringLiteral("max_rps"), v.capacity.maxRps },
        { QStringLiteral("step"), v.capacity.stepDuration }, { QStringLiteral("growth"), v.capacity.growth } });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (isRunning() && !m_options.quitWhenDone) {
        const auto answer = QMessageBox::question(this, tr("Run in progress"),
            tr("A run is in progress. Stop it and quit? The results so far will be lost unless you save them first."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace Stressdeck
