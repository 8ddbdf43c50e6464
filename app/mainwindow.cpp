// SPDX-License-Identifier: MIT

#include "mainwindow.h"

#include "dashboard.h"
#include "demoservice.h"
#include "lagprobe.h"
#include "pdfreport.h"
#include "processsampler.h"
#include "runcommand.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Stressdeck {

namespace Keys {
constexpr auto Geometry = "window/geometry";
constexpr auto State = "window/state";
constexpr auto Splitter = "window/splitter";
constexpr auto StateVersion = "window/version";
constexpr auto Profile = "run/profile";
constexpr auto Target = "run/target";
constexpr auto Scenario = "run/scenario";
constexpr auto ScenarioFile = "run/scenarioFile";
constexpr auto LoadModel = "run/loadModel";
constexpr auto Rate = "run/rate";
constexpr auto Transport = "run/transport";
constexpr auto Threads = "run/threads";
constexpr auto Concurrency = "run/concurrency";
constexpr auto Duration = "run/duration";
constexpr auto Timeout = "run/timeout";
constexpr auto ThinkTime = "run/thinkTime";
constexpr auto Monitor = "run/monitor";
constexpr auto Profiles = "profiles";
constexpr auto Recent = "reports/recent";
} // namespace Keys

namespace {
constexpr int WindowStateVersion = 1;
//! Without a run to wait for, the screenshot is taken once the window has been laid out and drawn.
constexpr int ScreenshotDelayMs = 800;
//! Item data of the scenario made of --request options (no file behind it).
constexpr auto AdHocScenario = ":ad-hoc";
constexpr int ValidateDelayMs = 300;
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
    m_splitter->addWidget(m_dashboard);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, false);
    setCentralWidget(m_splitter);
    buildActions();

    m_progress = new QProgressBar(this);
    m_progress->setMinimumWidth(260);
    m_progress->setFormat(tr("idle"));
    m_progress->setValue(0);
    m_state = new QLabel(tr("Ready"), this);
    m_health = new QLabel(this);
    m_health->setToolTip(tr("Event-loop lag of the engine thread and of this window. Under 50 ms the numbers are "
                            "trustworthy; above it the generator itself is a bottleneck."));
    statusBar()->addWidget(m_state, 1);
    statusBar()->addPermanentWidget(m_health);
    statusBar()->addPermanentWidget(m_progress);

    connect(&m_runner, &LoadRunner::snapshotReady, this, &MainWindow::onSnapshot);
    connect(&m_runner, &LoadRunner::finished, this, &MainWindow::onFinished);
    connect(&m_runner, &LoadRunner::unavailable, this, [this](const QString& message) {
        m_unavailable = true;
        m_unavailableMessage = message;
    });

    restoreSettings();
    applyCommandLine();
    validate();
    if (m_options.autostart)
        QTimer::singleShot(0, this, &MainWindow::startRun);
    else if (!m_options.screenshot.isEmpty())
        QTimer::singleShot(ScreenshotDelayMs, this, &MainWindow::takeIdleScreenshot);
    else
        QTimer::singleShot(0, this, &MainWindow::offerRecovery);

    m_guiLag = new LagProbe(std::chrono::milliseconds(100), this);
    m_guiLag->start();
}

MainWindow::~MainWindow()
{
    saveSettings();
}

void MainWindow::applyCommandLine()
{
    const Cli::RunOptions& o = m_options.run;
    const RunConfig& c = o.config;
    if (o.isGiven("profile")) {
        m_profile->setCurrentText(c.profile);
        applyProfile(m_profile->currentText());
    }
    if (o.isGiven("target"))
        m_target->setText(c.target.toString());
    if (o.isGiven("request")) {
        m_scenario->addItem(o.scenario.name, QString::fromLatin1(AdHocScenario));
        m_scenario->setCurrentIndex(m_scenario->count() - 1);
    } else if (o.isGiven("scenario")) {
        if (Scenario::builtIn(o.scenarioArgument).name.isEmpty()) {
            m_scenarioFile = o.scenarioArgument;
            m_scenario->addItem(o.scenario.name, m_scenarioFile);
            m_scenario->setCurrentIndex(m_scenario->count() - 1);
        } else {
            m_scenario->setCurrentText(o.scenario.name);
        }
    }
    if (o.isGiven("concurrency"))
        m_concurrency->setValue(c.concurrency);
    if (o.isGiven("duration"))
        m_duration->setText(formatDurationExact(c.durationS));
    if (o.isGiven("timeout"))
        m_timeout->setText(formatDurationExact(c.timeoutS));
    if (o.isGiven("think-time"))
        m_thinkTime->setText(
            c.thinkMaxMs == 0 ? QStringLiteral("0") : QStringLiteral("%1ms-%2ms").arg(c.thinkMinMs).arg(c.thinkMaxMs));
    if (o.isGiven("rate")) {
        m_loadModel->setCurrentIndex(1);
        m_rate->setValue(c.rateRps);
    }
    if (o.isGiven("transport"))
        m_transport->setCurrentIndex(std::max(0, m_transport->findData(transportId(c.transport))));
    if (o.isGiven("threads"))
        m_threads->setValue(c.threads);
    if (!o.monitorArgument.isEmpty())
        m_monitor->setText(o.monitorArgument);
    // The panel shows the first endpoint the command line breaks; the others stay as given.
    if (!o.demo.faults.isEmpty() || o.demo.leakKbPerRequest > 0) {
        const QSignalBlocker blocker(m_demoGroup);
        m_demoGroup->setChecked(true);
        if (!o.demo.faults.isEmpty()) {
            const QString endpoint = o.demo.faults.firstKey();
            const EndpointFault& f = o.demo.faults.first();
            if (m_faultEndpoint->findText(endpoint) >= 0)
                m_faultEndpoint->setCurrentText(endpoint);
            m_errorRate->setValue(100 * f.errorRate);
            m_hangRate->setValue(100 * f.hangRate);
            m_resetRate->setValue(100 * f.resetRate);
            m_extraLatency->setValue(int(f.extraLatencyMs));
        }
        m_leakKb->setValue(int(o.demo.leakKbPerRequest));
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

    auto* profileBox = new QGroupBox(tr("Profile"), panel);
    auto* profileLayout = new QHBoxLayout(profileBox);
    m_profile = new QComboBox(profileBox);
    m_profile->setToolTip(tr("quick: 30 s, 5 users; normal: 5 min, 10 users; extended: 15 min, 20 users"));
    for (const Profile& p : Profile::builtIns())
        m_profile->addItem(p.name);
    auto* saveProfileButton = new QPushButton(tr("Save…"), profileBox);
    auto* renameProfileButton = new QPushButton(tr("Rename…"), profileBox);
    auto* deleteProfileButton = new QPushButton(tr("Delete"), profileBox);
    profileLayout->addWidget(m_profile, 1);
    profileLayout->addWidget(saveProfileButton);
    profileLayout->addWidget(renameProfileButton);
    profileLayout->addWidget(deleteProfileButton);
    connect(renameProfileButton, &QPushButton::clicked, this, &MainWindow::renameProfile);
    connect(m_profile, &QComboBox::textActivated, this, &MainWindow::applyProfile);
    connect(saveProfileButton, &QPushButton::clicked, this, &MainWindow::saveProfile);
    connect(deleteProfileButton, &QPushButton::clicked, this, &MainWindow::deleteProfile);
    layout->addWidget(profileBox);

    auto* form = new QFormLayout;
    m_scenario = new QComboBox(panel);
    for (const Scenario& s : Scenario::builtIns())
        m_scenario->addItem(s.name);
    auto* openScenario = new QPushButton(tr("Open…"), panel);
    connect(openScenario, &QPushButton::clicked, this, &MainWindow::chooseScenarioFile);
    auto* scenarioRow = new QHBoxLayout;
    scenarioRow->addWidget(m_scenario, 1);
    scenarioRow->addWidget(openScenario);
    form->addRow(tr("Scenario:"), scenarioRow);

    m_target = new QLineEdit(panel);
    m_target->setPlaceholderText(tr("built-in demo service"));
    m_target->setClearButtonEnabled(true);
    m_target->setToolTip(tr("Base URL of the service under test; empty: the built-in Archive-AI demo service"));
    form->addRow(tr("&Target:"), m_target);

    m_concurrency = new QSpinBox(panel);
    m_concurrency->setRange(1, 100000);
    m_concurrency->setValue(5);
    form->addRow(tr("&Concurrency:"), m_concurrency);
    m_duration = new QLineEdit(QStringLiteral("30s"), panel);
    m_duration->setToolTip(tr("e.g. 30s, 5m, 1h"));
    form->addRow(tr("&Duration:"), m_duration);
    m_timeout = new QLineEdit(QStringLiteral("30s"), panel);
    form->addRow(tr("T&imeout:"), m_timeout);
    m_thinkTime = new QLineEdit(QStringLiteral("100ms-500ms"), panel);
    m_thinkTime->setToolTip(tr("Pause of each user between requests, e.g. 100ms-500ms or 0"));
    form->addRow(tr("Thin&k time:"), m_thinkTime);
    m_loadModel = new QComboBox(panel);
    m_loadModel->addItem(tr("Closed: users with think time"));
    m_loadModel->addItem(tr("Open: fixed arrival rate"));
    form->addRow(tr("&Load model:"), m_loadModel);
    m_rate = new QDoubleSpinBox(panel);
    m_rate->setRange(0.1, 1e6);
    m_rate->setValue(20);
    m_rate->setSuffix(tr(" req/s"));
    form->addRow(tr("&Rate:"), m_rate);
    m_transport = new QComboBox(panel);
    m_transport->addItem(tr("Qt network (TLS, HTTP/2, redirects)"), QStringLiteral("qnam"));
    m_transport->addItem(tr("Fast HTTP/1.1 (high rates)"), QStringLiteral("fast"));
    m_transport->setToolTip(tr("How requests are sent. The fast client reaches far higher rates but speaks only "
                               "HTTP/1.1 and uses no proxy."));
    form->addRow(tr("Tr&ansport:"), m_transport);
    m_threads = new QSpinBox(panel);
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("Automatic (%n)", nullptr, defaultEngineThreads()));
    m_threads->setToolTip(tr("Engine threads the users are spread over; automatic is one per core, minus one for "
                             "this window"));
    form->addRow(tr("Engine t&hreads:"), m_threads);
    m_monitor = new QLineEdit(panel);
    m_monitor->setPlaceholderText(tr("demo service, or whole system"));
    m_monitor->setToolTip(tr("PID or process name of the service whose memory and CPU to watch"));
    auto* pickProcess = new QPushButton(tr("Pick…"), panel);
    connect(pickProcess, &QPushButton::clicked, this, [this] {
        QStringList items;
        for (const qint64 pid : ProcessSampler::processIds())
            items.append(QStringLiteral("%1  %2").arg(pid).arg(ProcessSampler::processName(pid)));
        bool ok = false;
        const QString choice
            = QInputDialog::getItem(this, tr("Monitored process"), tr("Process:"), items, 0, false, &ok);
        if (ok)
            m_monitor->setText(choice.section(QLatin1Char(' '), 0, 0));
    });
    auto* monitorRow = new QHBoxLayout;
    monitorRow->addWidget(m_monitor, 1);
    monitorRow->addWidget(pickProcess);
    form->addRow(tr("Monitor:"), monitorRow);
    layout->addLayout(form);

    m_demoGroup = new QGroupBox(tr("Demo service fault knobs"), panel);
    m_demoGroup->setCheckable(true);
    m_demoGroup->setChecked(false);
    m_demoGroup->setToolTip(tr("Change how the built-in demo service misbehaves, also while a run goes on"));
    auto* demoForm = new QFormLayout(m_demoGroup);
    m_faultEndpoint = new QComboBox(m_demoGroup);
    m_faultEndpoint->addItems(DemoOptions::endpoints());
    m_faultEndpoint->setCurrentText(QStringLiteral("chat"));
    demoForm->addRow(tr("Endpoint:"), m_faultEndpoint);
    auto percent = [this](QDoubleSpinBox** box) {
        *box = new QDoubleSpinBox(m_demoGroup);
        (*box)->setRange(0, 100);
        (*box)->setSuffix(QStringLiteral(" %"));
        connect(*box, &QDoubleSpinBox::valueChanged, this, &MainWindow::applyDemoKnobs);
        return *box;
    };
    demoForm->addRow(tr("Error rate:"), percent(&m_errorRate));
    demoForm->addRow(tr("Hang rate:"), percent(&m_hangRate));
    demoForm->addRow(tr("Reset rate:"), percent(&m_resetRate));
    m_extraLatency = new QSpinBox(m_demoGroup);
    m_extraLatency->setRange(0, 600000);
    m_extraLatency->setSuffix(tr(" ms"));
    connect(m_extraLatency, &QSpinBox::valueChanged, this, &MainWindow::applyDemoKnobs);
    demoForm->addRow(tr("Extra latency:"), m_extraLatency);
    m_leakKb = new QSpinBox(m_demoGroup);
    m_leakKb->setRange(0, 102400);
    m_leakKb->setSuffix(tr(" KB/request"));
    connect(m_leakKb, &QSpinBox::valueChanged, this, &MainWindow::applyDemoKnobs);
    demoForm->addRow(tr("Memory leak:"), m_leakKb);
    connect(m_demoGroup, &QGroupBox::toggled, this, &MainWindow::applyDemoKnobs);
    connect(m_faultEndpoint, &QComboBox::currentIndexChanged, this, &MainWindow::applyDemoKnobs);
    layout->addWidget(m_demoGroup);

    auto* liveBox = new QGroupBox(tr("Live load"), panel);
    auto* liveLayout = new QHBoxLayout(liveBox);
    m_liveSlider = new QSlider(Qt::Horizontal, liveBox);
    m_liveSlider->setRange(1, 200);
    m_liveSpin = new QSpinBox(liveBox);
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
    liveBox->setEnabled(false);
    liveBox->setObjectName(QStringLiteral("liveLoad"));
    layout->addWidget(liveBox);

    m_validationLabel = new QLabel(panel);
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setStyleSheet(QStringLiteral("color:#c62828"));
    layout->addWidget(m_validationLabel);
    layout->addStretch(1);

    // Checking reads the scenario file and may scan /proc for the monitored process: once typing
    // pauses, not on every keystroke.
    m_validateDebounce = new QTimer(this);
    m_validateDebounce->setSingleShot(true);
    m_validateDebounce->setInterval(ValidateDelayMs);
    connect(m_validateDebounce, &QTimer::timeout, this, &MainWindow::validate);
    for (QLineEdit* edit : { m_target, m_duration, m_timeout, m_thinkTime, m_monitor }) {
        connect(edit, &QLineEdit::textChanged, m_validateDebounce, qOverload<>(&QTimer::start));
        // Enter or leaving the field checks at once, so Start is right for the next key press.
        connect(edit, &QLineEdit::editingFinished, this, [this] {
            if (m_validateDebounce->isActive())
                validate();
        });
    }
    m_target->setObjectName(QStringLiteral("target"));
    m_duration->setObjectName(QStringLiteral("duration"));
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_thinkTime->setObjectName(QStringLiteral("thinkTime"));
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_loadModel->setObjectName(QStringLiteral("loadModel"));
    m_rate->setObjectName(QStringLiteral("rate"));
    m_transport->setObjectName(QStringLiteral("transport"));
    m_threads->setObjectName(QStringLiteral("threads"));
    m_monitor->setObjectName(QStringLiteral("monitor"));
    m_scenario->setObjectName(QStringLiteral("scenario"));
    m_demoGroup->setObjectName(QStringLiteral("demoKnobs"));
    m_faultEndpoint->setObjectName(QStringLiteral("faultEndpoint"));
    m_errorRate->setObjectName(QStringLiteral("errorRate"));
    m_liveSpin->setObjectName(QStringLiteral("liveSpin"));
    m_validationLabel->setObjectName(QStringLiteral("validation"));
    connect(m_loadModel, &QComboBox::currentIndexChanged, this, &MainWindow::validate);
    connect(m_scenario, &QComboBox::currentIndexChanged, this, &MainWindow::validate);

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
    view->addSeparator();
    auto* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    const QList<std::pair<QString, QString>> choices { { QString(), tr("System default") },
        { QStringLiteral("en"), QStringLiteral("English") }, { QStringLiteral("de"), QStringLiteral("Deutsch") } };
    for (const auto& [code, name] : choices) {
        QAction* a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
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
}

void MainWindow::applyProfile(const QString& name)
{
    std::optional<Profile> profile = Profile::builtIn(name);
    if (!profile) {
        QSettings settings;
        const QJsonObject saved = QJsonDocument::fromJson(settings.value(QLatin1String(Keys::Profiles)).toByteArray())
                                      .object()
                                      .value(name)
                                      .toObject();
        if (saved.isEmpty())
            return;
        profile = Profile { name, saved.value(QStringLiteral("concurrency")).toInt(5),
            saved.value(QStringLiteral("duration_s")).toDouble(30),
            saved.value(QStringLiteral("timeout_s")).toDouble(30),
            saved.value(QStringLiteral("think_min_ms")).toDouble(100),
            saved.value(QStringLiteral("think_max_ms")).toDouble(500) };
    }
    m_concurrency->setValue(profile->concurrency);
    m_duration->setText(formatDuration(profile->durationS));
    m_timeout->setText(formatDuration(profile->timeoutS));
    m_thinkTime->setText(profile->thinkMaxMs == 0
            ? QStringLiteral("0")
            : QStringLiteral("%1ms-%2ms").arg(profile->thinkMinMs).arg(profile->thinkMaxMs));
}

void MainWindow::saveProfile()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Save profile"), tr("Name:"), QLineEdit::Normal, {}, &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    if (Profile::builtIn(name)) {
        QMessageBox::warning(
            this, tr("Save profile"), tr("\"%1\" is a built-in profile; choose another name.").arg(name));
        return;
    }
    RunConfig c;
    Scenario s;
    QString error;
    if (!collectConfig(&c, &s, &error)) {
        QMessageBox::warning(this, tr("Save profile"), error);
        return;
    }
    QSettings settings;
    QJsonObject all = QJsonDocument::fromJson(settings.value(QLatin1String(Keys::Profiles)).toByteArray()).object();
    all.insert(name,
        QJsonObject { { QStringLiteral("concurrency"), c.concurrency }, { QStringLiteral("duration_s"), c.durationS },
            { QStringLiteral("timeout_s"), c.timeoutS }, { QStringLiteral("think_min_ms"), c.thinkMinMs },
            { QStringLiteral("think_max_ms"), c.thinkMaxMs } });
    settings.setValue(QLatin1String(Keys::Profiles), QJsonDocument(all).toJson(QJsonDocument::Compact));
    if (m_profile->findText(name) < 0)
        m_profile->addItem(name);
    m_profile->setCurrentText(name);
}

void MainWindow::renameProfile()
{
    const QString old = m_profile->currentText();
    if (Profile::builtIn(old)) {
        QMessageBox::information(this, tr("Rename profile"), tr("Built-in profiles cannot be renamed."));
        return;
    }
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Rename profile"), tr("New name:"), QLineEdit::Normal, old, &ok).trimmed();
    if (!ok || name.isEmpty() || name == old)
        return;
    if (Profile::builtIn(name) || m_profile->findText(name) >= 0) {
        QMessageBox::warning(this, tr("Rename profile"), tr("A profile named \"%1\" exists already.").arg(name));
        return;
    }
    QSettings settings;
    QJsonObject all = QJsonDocument::fromJson(settings.value(QLatin1String(Keys::Profiles)).toByteArray()).object();
    all.insert(name, all.take(old));
    settings.setValue(QLatin1String(Keys::Profiles), QJsonDocument(all).toJson(QJsonDocument::Compact));
    m_profile->setItemText(m_profile->currentIndex(), name);
}

void MainWindow::deleteProfile()
{
    const QString name = m_profile->currentText();
    if (Profile::builtIn(name))
        return;
    QSettings settings;
    QJsonObject all = QJsonDocument::fromJson(settings.value(QLatin1String(Keys::Profiles)).toByteArray()).object();
    all.remove(name);
    settings.setValue(QLatin1String(Keys::Profiles), QJsonDocument(all).toJson(QJsonDocument::Compact));
    m_profile->removeItem(m_profile->currentIndex());
}

void MainWindow::chooseScenarioFile()
{
    const QString name = QFileDialog::getOpenFileName(this, tr("Open scenario"), {}, tr("Scenarios (*.json)"));
    if (name.isEmpty())
        return;
    Scenario s;
    QString error;
    if (!Scenario::load(name, &s, &error)) {
        QMessageBox::warning(this, tr("Open scenario"), error);
        return;
    }
    m_scenarioFile = name;
    m_scenario->addItem(s.name, name);
    m_scenario->setCurrentIndex(m_scenario->count() - 1);
}

bool MainWindow::collectConfig(RunConfig* c, Scenario* s, QString* error, QWidget** field) const
{
    auto fail = [&](QWidget* where, const QString& why) {
        *error = why;
        if (field)
            *field = where;
        return false;
    };
    const QString file = m_scenario->currentData().toString();
    if (file == QLatin1String(AdHocScenario)) {
        *s = m_options.run.scenario;
    } else if (file.isEmpty()) {
        *s = Scenario::builtIn(m_scenario->currentText() == Scenario::archiveAi().name
                ? QStringLiteral("archive-ai")
                : QStringLiteral("archive-ai-original"));
    } else if (!Scenario::load(file, s, error)) {
        return fail(m_scenario, *error);
    }
    const QString target = m_target->text().trimmed();
    c->target = target.isEmpty() ? QUrl(QStringLiteral("http://127.0.0.1:1")) : QUrl(target, QUrl::StrictMode);
    c->profile = m_profile->currentText();
    c->concurrency = m_concurrency->value();
    const auto duration = parseDuration(m_duration->text());
    if (!duration)
        return fail(
            m_duration, tr("Duration: \"%1\" is not a duration such as 30s, 5m or 1h.").arg(m_duration->text()));
    c->durationS = *duration;
    const auto timeout = parseDuration(m_timeout->text());
    if (!timeout)
        return fail(m_timeout, tr("Timeout: \"%1\" is not a duration such as 30s.").arg(m_timeout->text()));
    c->timeoutS = *timeout;
    const auto think = parseThinkTime(m_thinkTime->text());
    if (!think)
        return fail(
            m_thinkTime, tr("Think time: \"%1\" is not a range such as 100ms-500ms, or 0.").arg(m_thinkTime->text()));
    std::tie(c->thinkMinMs, c->thinkMaxMs) = *think;
    c->loadModel = m_loadModel->currentIndex() == 1 ? LoadModel::Open : LoadModel::Closed;
    c->transport = transportFromId(m_transport->currentData().toString()).value_or(Transport::Qnam);
    c->threads = m_threads->value();
    c->rateRps = c->loadModel == LoadModel::Open ? m_rate->value() : 0;
    const QString monitor = m_monitor->text().trimmed();
    if (!monitor.isEmpty()) {
        const ProcessSampler::Lookup found = ProcessSampler::resolve(monitor);
        if (found.result == ProcessSampler::Lookup::NoSuchPid)
            return fail(m_monitor, tr("Monitor: there is no process %1.").arg(found.pid));
        if (found.result == ProcessSampler::Lookup::NoSuchName)
            return fail(m_monitor, tr("Monitor: no running process is named \"%1\".").arg(monitor));
        c->monitorPid = found.pid;
        c->monitorName = found.name;
    }
    // Settings the form has no field for come from the command line (or their defaults).
    const Cli::RunOptions& given = m_options.run;
    c->sampleIntervalS = given.isGiven("sample-interval") ? given.config.sampleIntervalS : 1;
    c->thresholds = given.config.thresholds;
    c->healthCheck = given.config.healthCheck;
    c->healthPath = given.config.healthPath;
    c->seed = given.config.seed;
    c->insecure = given.config.insecure;
    c->maxBodyBytes = given.config.maxBodyBytes;
    c->checkpointIntervalS = given.config.checkpointIntervalS;
    ConfigField bad = ConfigField::None;
    if (c->validate(error, &bad))
        return true;
    const QMap<ConfigField, QWidget*> fields { { ConfigField::Target, m_target },
        { ConfigField::Concurrency, m_concurrency }, { ConfigField::Duration, m_duration },
        { ConfigField::Timeout, m_timeout }, { ConfigField::ThinkTime, m_thinkTime }, { ConfigField::Rate, m_rate },
        { ConfigField::Threads, m_threads }, { ConfigField::MonitorPid, m_monitor } };
    return fail(fields.value(bad), *error);
}

void MainWindow::validate()
{
    m_validateDebounce->stop();
    RunConfig c;
    Scenario s;
    QString error;
    QWidget* invalid = nullptr;
    m_validation = collectConfig(&c, &s, &error, &invalid) ? QString() : error;
    m_validationLabel->setText(m_validation);
    // Flag the field in place, not only in the message below the form.
    for (QWidget* w : std::initializer_list<QWidget*> {
             m_scenario, m_target, m_concurrency, m_duration, m_timeout, m_thinkTime, m_rate, m_threads, m_monitor }) {
        w->setStyleSheet(w == invalid ? QStringLiteral("border: 2px solid #c62828") : QString());
        w->setProperty("invalid", w == invalid);
    }
    if (invalid)
        invalid->setToolTip(m_validation);
    m_rate->setEnabled(m_loadModel->currentIndex() == 1);
    if (m_startAction)
        m_startAction->setEnabled(m_validation.isEmpty() && !m_runner.isRunning());
}

void MainWindow::applyDemoKnobs()
{
    if (!m_demo)
        return;
    // The command line's knobs are the base: the panel replaces the faults of its endpoint and the
    // leak, and switched off it clears faults and leak (speed, slow start and the rest stay).
    DemoOptions options = m_options.run.demo;
    if (!m_demoGroup->isChecked()) {
        options.faults.clear();
        options.leakKbPerRequest = 0;
    } else {
        const QString endpoint = m_faultEndpoint->currentText();
        EndpointFault& f = options.faults[endpoint];
        if (!m_options.run.demo.faults.contains(endpoint))
            f.errorStatus = 503;
        f.errorRate = m_errorRate->value() / 100.0;
        f.hangRate = m_hangRate->value() / 100.0;
        f.resetRate = m_resetRate->value() / 100.0;
        f.extraLatencyMs = m_extraLatency->value();
        options.leakKbPerRequest = m_leakKb->value();
    }
    m_demo->run([options](HttpService* s) { static_cast<DemoService*>(s)->setOptions(options); });
}

void MainWindow::startRun()
{
    if (m_runner.isRunning())
        return;
    RunConfig config;
    Scenario scenario;
    QString error;
    if (!collectConfig(&config, &scenario, &error)) {
        m_validationLabel->setText(error);
        statusBar()->showMessage(error, 5000);
        return;
    }
    if (m_target->text().trimmed().isEmpty()) {
        if (!m_demo) {
            m_demo = std::make_unique<ServiceThread>();
            m_demoPort = startDemoService(m_demo.get(), m_options.run.demo, 0, &error);
            if (m_demoPort == 0) {
                m_demo.reset();
                QMessageBox::critical(this, tr("Demo service"), error);
                return;
            }
        }
        applyDemoKnobs();
        config.target = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_demoPort));
        if (config.monitorPid == 0) {
            config.monitorPid = QCoreApplication::applicationPid();
            config.monitorName = tr("stressdeck (demo service)");
        }
    }
    QStringList names;
    for (const RequestType& t : scenario.requestTypes)
        names.append(t.name);
    m_dashboard->reset(names, config);
    m_unavailable = false;
    if (!m_runner.start(config, scenario, &error)) {
        QMessageBox::warning(this, tr("Start"), error);
        return;
    }
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

void MainWindow::setLiveConcurrency(int value)
{
    if (!m_runner.isRunning())
        return;
    if (m_loadModel->currentIndex() == 1)
        m_runner.setRate(value);
    else
        m_runner.setConcurrency(value);
}

void MainWindow::stopRun()
{
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
    findChild<QGroupBox*>(QStringLiteral("liveLoad"))->setEnabled(running);
    for (QWidget* w : std::initializer_list<QWidget*> { m_profile, m_scenario, m_target, m_concurrency, m_duration,
             m_timeout, m_thinkTime, m_loadModel, m_rate, m_transport, m_threads, m_monitor })
        w->setEnabled(!running);
    if (!running)
        m_rate->setEnabled(m_loadModel->currentIndex() == 1);
}

void MainWindow::onSnapshot(const LiveSnapshot& s)
{
    m_dashboard->applySnapshot(s);
    const int percent = s.durationS > 0 ? int(std::min(100.0, 100.0 * s.elapsedS / s.durationS)) : 0;
    m_progress->setValue(percent);
    m_progress->setFormat(s.state == RunState::Draining
            ? tr("draining: %1 in flight").arg(s.inFlight)
            : tr("%1 / %2 — %3 left")
                  .arg(formatDuration(s.elapsedS), formatDuration(s.durationS),
                      formatDuration(std::max(0.0, s.durationS - s.elapsedS))));
    const double guiLagMs = m_guiLag->takePeriodMaxMs();
    const double worst = std::max(s.loopLagMs, guiLagMs);
    m_health->setText(
        tr("generator lag %1 ms · window lag %2 ms").arg(s.loopLagMs, 0, 'f', 1).arg(guiLagMs, 0, 'f', 1));
    m_health->setStyleSheet(worst < 50 ? QStringLiteral("color:#2e7d32") : QStringLiteral("color:#c62828"));
    if (!m_options.screenshot.isEmpty() && !m_screenshotTaken && s.elapsedS >= std::max(1.0, s.durationS - 1.5)) {
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
        m_state->setText(report.passed ? tr("Run passed") : tr("Run failed"));
        m_exitCode = report.stopReason == QLatin1String("stopped") && m_options.quitWhenDone ? Cli::Interrupted
            : report.passed                                                                  ? Cli::Passed
                                                                                             : Cli::CriterionFailed;
    }
    if (!m_options.saveJson.isEmpty() && !saveReport(m_options.saveJson))
        m_exitCode = Cli::BadInput;
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

void MainWindow::offerRecovery()
{
    const QStringList files = LoadRunner::orphanedRecoveryFiles();
    if (files.isEmpty())
        return;
    const QString newest = files.first();
    QMessageBox box(QMessageBox::Question, tr("Recover a run"),
        tr("A run did not finish (Stressdeck was closed abruptly). Its report up to the last checkpoint was "
           "saved:\n%1\n\nOpen it?")
            .arg(newest),
        QMessageBox::NoButton, this);
    QPushButton* open = box.addButton(tr("Open"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == open)
        recoverReport(newest);
    else if (box.clickedButton() == discard)
        QFile::remove(newest);
}

bool MainWindow::recoverReport(const QString& fileName)
{
    if (!openReport(fileName))
        return false;
    const QFileInfo info(fileName);
    const QString kept = info.absolutePath() + QStringLiteral("/recovered-") + info.fileName();
    QFile::remove(kept);
    QFile::rename(fileName, kept);
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
    m_report = report;
    m_hasReport = true;
    m_saveAction->setEnabled(true);
    m_pdfAction->setEnabled(true);
    m_dashboard->showReport(report);
    m_state->setText(tr("Report %1 (%2, %3)")
                         .arg(QFileInfo(fileName).fileName(), report.scenarioName,
                             report.startedAt.toLocalTime().toString(Qt::ISODate)));
    addRecent(fileName);
    return true;
}

void MainWindow::addRecent(const QString& fileName)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(Keys::Recent)).toStringList();
    recent.removeAll(fileName);
    recent.removeIf([](const QString& f) { return !QFileInfo::exists(f); });
    recent.prepend(fileName);
    settings.setValue(QLatin1String(Keys::Recent), recent.mid(0, 10));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(Keys::Recent)).toStringList();
    for (const QString& file : recent)
        m_recentMenu->addAction(file, this, [this, file] { openReport(file); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (settings.value(QLatin1String(Keys::StateVersion)).toInt() == WindowStateVersion) {
        restoreGeometry(settings.value(QLatin1String(Keys::Geometry)).toByteArray());
        restoreState(settings.value(QLatin1String(Keys::State)).toByteArray());
        m_splitter->restoreState(settings.value(QLatin1String(Keys::Splitter)).toByteArray());
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
    const QJsonObject profiles
        = QJsonDocument::fromJson(settings.value(QLatin1String(Keys::Profiles)).toByteArray()).object();
    for (const QString& name : profiles.keys())
        m_profile->addItem(name);
    const QString profile = settings.value(QLatin1String(Keys::Profile), QStringLiteral("quick")).toString();
    m_profile->setCurrentText(profile);
    applyProfile(m_profile->currentText());
    // What was changed after picking the profile comes back as it was left.
    m_concurrency->setValue(settings.value(QLatin1String(Keys::Concurrency), m_concurrency->value()).toInt());
    m_duration->setText(settings.value(QLatin1String(Keys::Duration), m_duration->text()).toString());
    m_timeout->setText(settings.value(QLatin1String(Keys::Timeout), m_timeout->text()).toString());
    m_thinkTime->setText(settings.value(QLatin1String(Keys::ThinkTime), m_thinkTime->text()).toString());
    m_monitor->setText(settings.value(QLatin1String(Keys::Monitor)).toString());
    m_target->setText(settings.value(QLatin1String(Keys::Target)).toString());
    const QString file = settings.value(QLatin1String(Keys::ScenarioFile)).toString();
    if (!file.isEmpty() && QFileInfo::exists(file)) {
        Scenario s;
        QString error;
        if (Scenario::load(file, &s, &error)) {
            m_scenarioFile = file;
            m_scenario->addItem(s.name, file);
        }
    }
    m_scenario->setCurrentText(settings.value(QLatin1String(Keys::Scenario), Scenario::archiveAi().name).toString());
    m_loadModel->setCurrentIndex(settings.value(QLatin1String(Keys::LoadModel)).toString() == QLatin1String("open"));
    m_rate->setValue(settings.value(QLatin1String(Keys::Rate), m_rate->value()).toDouble());
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(settings.value(QLatin1String(Keys::Transport)))));
    m_threads->setValue(settings.value(QLatin1String(Keys::Threads), 0).toInt());
    updateRecentMenu();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QLatin1String(Keys::StateVersion), WindowStateVersion);
    settings.setValue(QLatin1String(Keys::Geometry), saveGeometry());
    settings.setValue(QLatin1String(Keys::State), saveState());
    settings.setValue(QLatin1String(Keys::Splitter), m_splitter->saveState());
    // A scripted run (--quit-when-done) leaves the setup someone uses by hand as it was.
    if (m_options.quitWhenDone)
        return;
    settings.setValue(QLatin1String(Keys::Profile), m_profile->currentText());
    settings.setValue(QLatin1String(Keys::Target), m_target->text());
    settings.setValue(QLatin1String(Keys::Scenario), m_scenario->currentText());
    settings.setValue(QLatin1String(Keys::ScenarioFile), m_scenarioFile);
    settings.setValue(QLatin1String(Keys::LoadModel),
        loadModelId(m_loadModel->currentIndex() == 1 ? LoadModel::Open : LoadModel::Closed));
    settings.setValue(QLatin1String(Keys::Rate), m_rate->value());
    settings.setValue(QLatin1String(Keys::Transport), m_transport->currentData());
    settings.setValue(QLatin1String(Keys::Threads), m_threads->value());
    settings.setValue(QLatin1String(Keys::Concurrency), m_concurrency->value());
    settings.setValue(QLatin1String(Keys::Duration), m_duration->text());
    settings.setValue(QLatin1String(Keys::Timeout), m_timeout->text());
    settings.setValue(QLatin1String(Keys::ThinkTime), m_thinkTime->text());
    settings.setValue(QLatin1String(Keys::Monitor), m_monitor->text());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_runner.isRunning() && !m_options.quitWhenDone) {
        const auto answer = QMessageBox::question(this, tr("Run in progress"),
            tr("A run is in progress. Stop it and quit? The results so far will be lost unless you save them first."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    saveSettings();
    event->accept();
}

} // namespace Stressdeck
