// SPDX-License-Identifier: MIT

#include "setupform.h"

#include "processsampler.h"
#include "stageeditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Stressdeck {

namespace {
//! Item data of the scenario made of --request options (no file behind it).
constexpr auto AdHocScenario = ":ad-hoc";
constexpr int ValidateDelayMs = 300;
} // namespace

SetupForm::SetupForm(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* profileBox = new QGroupBox(tr("Profile"), this);
    auto* profileLayout = new QHBoxLayout(profileBox);
    m_profile = new QComboBox(profileBox);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setToolTip(tr("quick: 30 s, 5 users; normal: 5 min, 10 users; extended: 15 min, 20 users; capacity: "
                             "the highest rate within an SLO, step by step"));
    for (const Profile& p : Profile::builtIns())
        m_profile->addItem(p.name);
    auto* saveProfileButton = new QPushButton(tr("Save…"), profileBox);
    auto* renameProfileButton = new QPushButton(tr("Rename…"), profileBox);
    auto* deleteProfileButton = new QPushButton(tr("Delete"), profileBox);
    profileLayout->addWidget(m_profile, 1);
    profileLayout->addWidget(saveProfileButton);
    profileLayout->addWidget(renameProfileButton);
    profileLayout->addWidget(deleteProfileButton);
    connect(m_profile, &QComboBox::textActivated, this, &SetupForm::profileActivated);
    connect(saveProfileButton, &QPushButton::clicked, this, &SetupForm::saveProfileClicked);
    connect(renameProfileButton, &QPushButton::clicked, this, &SetupForm::renameProfileClicked);
    connect(deleteProfileButton, &QPushButton::clicked, this, &SetupForm::deleteProfileClicked);
    layout->addWidget(profileBox);

    auto* form = new QFormLayout;
    m_scenario = new QComboBox(this);
    for (const Scenario& s : Scenario::builtIns())
        m_scenario->addItem(s.name);
    auto* openScenario = new QPushButton(tr("Open…"), this);
    connect(openScenario, &QPushButton::clicked, this, &SetupForm::chooseScenarioFile);
    auto* scenarioRow = new QHBoxLayout;
    scenarioRow->addWidget(m_scenario, 1);
    scenarioRow->addWidget(openScenario);
    form->addRow(tr("Scenario:"), scenarioRow);

    m_target = new QLineEdit(this);
    m_target->setPlaceholderText(tr("built-in demo service"));
    m_target->setClearButtonEnabled(true);
    m_target->setToolTip(tr("Base URL of the service under test; empty: the built-in Archive-AI demo service"));
    form->addRow(tr("&Target:"), m_target);

    const SetupValues initial;
    m_concurrency = new QSpinBox(this);
    m_concurrency->setRange(1, 100000);
    m_concurrency->setValue(initial.concurrency);
    form->addRow(tr("&Concurrency:"), m_concurrency);
    m_duration = new QLineEdit(initial.duration, this);
    m_duration->setToolTip(tr("e.g. 30s, 5m, 1h"));
    form->addRow(tr("&Duration:"), m_duration);
    m_timeout = new QLineEdit(initial.timeout, this);
    form->addRow(tr("T&imeout:"), m_timeout);
    m_thinkTime = new QLineEdit(initial.thinkTime, this);
    m_thinkTime->setToolTip(tr("Pause of each user between requests, e.g. 100ms-500ms or 0"));
    form->addRow(tr("Thin&k time:"), m_thinkTime);
    m_loadModel = new QComboBox(this);
    m_loadModel->addItem(tr("Closed: users with think time"));
    m_loadModel->addItem(tr("Open: fixed arrival rate"));
    m_loadModel->addItem(tr("Capacity search: the highest rate within an SLO"));
    form->addRow(tr("&Load model:"), m_loadModel);
    m_rate = new QDoubleSpinBox(this);
    m_rate->setRange(0.1, 1e6);
    m_rate->setValue(initial.rateRps);
    m_rate->setSuffix(tr(" req/s"));
    form->addRow(tr("&Rate:"), m_rate);
    m_transport = new QComboBox(this);
    m_transport->addItem(tr("Qt network (TLS, HTTP/2, redirects)"), transportId(Transport::Qnam));
    m_transport->addItem(tr("Fast HTTP/1.1 (high rates)"), transportId(Transport::Fast));
    m_transport->setToolTip(tr("How requests are sent. The fast client reaches far higher rates but speaks only "
                               "HTTP/1.1 and uses no proxy."));
    form->addRow(tr("Tr&ansport:"), m_transport);
    m_transportHint = new QLabel(this);
    m_transportHint->setObjectName(QStringLiteral("transportHint"));
    m_transportHint->setWordWrap(true);
    m_transportHint->setTextFormat(Qt::PlainText);
    QFont small = m_transportHint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_transportHint->setFont(small);
    form->addRow(QString(), m_transportHint);
    m_threads = new QSpinBox(this);
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("Automatic (%n)", nullptr, defaultEngineThreads()));
    m_threads->setToolTip(tr("Engine threads the users are spread over; automatic is one per core, minus one for "
                             "this window"));
    form->addRow(tr("Engine t&hreads:"), m_threads);
    m_monitor = new QLineEdit(this);
    m_monitor->setPlaceholderText(tr("demo service, or whole system"));
    m_monitor->setToolTip(tr("PID or process name of the service whose memory and CPU to watch"));
    auto* pickProcessButton = new QPushButton(tr("Pick…"), this);
    connect(pickProcessButton, &QPushButton::clicked, this, &SetupForm::pickProcess);
    auto* monitorRow = new QHBoxLayout;
    monitorRow->addWidget(m_monitor, 1);
    monitorRow->addWidget(pickProcessButton);
    form->addRow(tr("Monitor:"), monitorRow);
    layout->addLayout(form);

    m_stages = new StageEditor(this);
    m_stages->setObjectName(QStringLiteral("stages"));
    layout->addWidget(m_stages);
    m_capacity = new CapacityForm(this);
    m_capacity->setObjectName(QStringLiteral("capacity"));
    layout->addWidget(m_capacity);
    connect(m_stages, &StageEditor::changed, this, [this] {
        updateModeFields();
        m_inputDebounce->start();
    });
    connect(m_capacity, &CapacityForm::changed, this, [this] { m_inputDebounce->start(); });

    // Checking reads the scenario file and may scan /proc for the monitored process: once typing
    // pauses, not on every keystroke.
    m_inputDebounce = new QTimer(this);
    m_inputDebounce->setSingleShot(true);
    m_inputDebounce->setInterval(ValidateDelayMs);
    connect(m_inputDebounce, &QTimer::timeout, this, &SetupForm::inputChanged);
    for (QLineEdit* edit : { m_target, m_duration, m_timeout, m_thinkTime, m_monitor }) {
        connect(edit, &QLineEdit::textChanged, m_inputDebounce, qOverload<>(&QTimer::start));
        // Enter or leaving the field checks at once, so Start is right for the next key press.
        connect(edit, &QLineEdit::editingFinished, this, [this] {
            if (m_inputDebounce->isActive()) {
                m_inputDebounce->stop();
                Q_EMIT inputChanged();
            }
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
    connect(m_loadModel, &QComboBox::currentIndexChanged, this, [this] {
        updateModeFields();
        Q_EMIT inputChanged();
    });
    updateModeFields();
    connect(m_scenario, &QComboBox::currentIndexChanged, this, &SetupForm::inputChanged);
    connect(m_transport, &QComboBox::currentIndexChanged, this, &SetupForm::updateTransportHint);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &SetupForm::updateTransportHint);
    connect(m_threads, &QSpinBox::valueChanged, this, &SetupForm::updateTransportHint);
    updateTransportHint();
}

double SetupForm::referenceCostUs(Transport transport)
{
    // Issue #19's side-by-side run: qnam 193–226 µs, fast 9.9–10.9 µs of client CPU per request.
    return transport == Transport::Qnam ? 200 : 11;
}

void SetupForm::setTransportCost(Transport transport, double usPerRequest)
{
    m_measuredCost[size_t(transport)] = usPerRequest;
    updateTransportHint();
}

QString SetupForm::transportHint() const
{
    const auto cost = [this](Transport t) { return m_measuredCost[size_t(t)].value_or(referenceCostUs(t)); };
    const bool measured = m_measuredCost[0] && m_measuredCost[1];
    QString text = tr("CPU per request: Qt network ≈ %1 µs, fast ≈ %2 µs (%3).")
                       .arg(cost(Transport::Qnam), 0, 'f', 0)
                       .arg(cost(Transport::Fast), 0, 'f', 0)
                       .arg(measured                                    ? tr("measured here by your last runs")
                               : m_measuredCost[0] || m_measuredCost[1] ? tr("partly measured here")
                                                                        : tr("a 2-core reference machine"));
    const Transport chosen = transportFromId(m_transport->currentData().toString()).value_or(Transport::Qnam);
    const bool open = loadModel() == LoadModel::Open && !isCapacitySearch() && !m_stages->isOn();
    const int threads = m_threads->value() > 0 ? m_threads->value() : defaultEngineThreads();
    const double cores = m_rate->value() * cost(Transport::Qnam) / 1e6;
    // Above about 70 % of its engine threads' cores, qnam's own CPU, not the service, sets the pace.
    if (chosen == Transport::Qnam && open && cores > 0.7 * threads)
        text += QLatin1Char(' ')
            + tr("At %1 req/s Qt network needs ≈ %2 cores for %n engine thread(s): it would limit the run; choose "
                 "the fast transport.",
                nullptr, threads)
                  .arg(m_rate->value(), 0, 'f', 0)
                  .arg(cores, 0, 'f', 1);
    return text;
}

void SetupForm::updateTransportHint()
{
    m_transportHint->setText(transportHint());
}

void SetupForm::setDefaults(const RunConfig& defaults)
{
    m_defaults = defaults;
}

SetupForm::Collected SetupForm::collectConfig() const
{
    Collected result;
    auto fail = [&result](QWidget* where, const QString& why) {
        result.error = why;
        result.field = where;
        return result;
    };
    RunConfig& c = result.config;
    Scenario& s = result.scenario;
    const QString file = m_scenario->currentData().toString();
    if (file == QLatin1String(AdHocScenario)) {
        s = m_adHoc;
    } else if (file.isEmpty()) {
        s = Scenario::builtIn(m_scenario->currentText());
    } else if (QString error; !Scenario::load(file, &s, &error)) {
        return fail(m_scenario, error);
    }
    const QString target = m_target->text().trimmed();
    c.target = target.isEmpty() ? QUrl(QStringLiteral("http://127.0.0.1:1")) : QUrl(target, QUrl::StrictMode);
    c.profile = m_profile->currentText();
    c.concurrency = m_concurrency->value();
    // A field the mode disables is not read: leftover text there never blocks Start.
    const bool capacity = isCapacitySearch();
    const bool staged = !capacity && m_stages->isOn();
    if (!staged && !capacity) {
        const auto duration = parseDuration(m_duration->text());
        if (!duration)
            return fail(
                m_duration, tr("Duration: \"%1\" is not a duration such as 30s, 5m or 1h.").arg(m_duration->text()));
        c.durationS = *duration;
    }
    const auto timeout = parseDuration(m_timeout->text());
    if (!timeout)
        return fail(m_timeout, tr("Timeout: \"%1\" is not a duration such as 30s.").arg(m_timeout->text()));
    c.timeoutS = *timeout;
    if (!capacity) {
        const auto think = parseThinkTime(m_thinkTime->text());
        if (!think)
            return fail(m_thinkTime,
                tr("Think time: \"%1\" is not a range such as 100ms-500ms, or 0.").arg(m_thinkTime->text()));
        std::tie(c.thinkMinMs, c.thinkMaxMs) = *think;
    }
    c.loadModel = loadModel();
    if (capacity) {
        QString error;
        QWidget* field = nullptr;
        result.capacity = m_capacity->options(&error, &field);
        if (!result.capacity)
            return fail(field, error);
    } else if (QString error; const auto stages = m_stages->stages(&error)) {
        if (!stages->isEmpty())
            c.setStages(*stages);
    } else {
        return fail(static_cast<QWidget*>(m_stages->table()), error);
    }
    c.transport = transportFromId(m_transport->currentData().toString()).value_or(Transport::Qnam);
    c.threads = m_threads->value();
    if (!c.isStaged())
        c.rateRps = c.loadModel == LoadModel::Open ? m_rate->value() : 0;
    const QString monitor = m_monitor->text().trimmed();
    if (!monitor.isEmpty()) {
        const ProcessSampler::Lookup found = ProcessSampler::resolve(monitor);
        if (found.result == ProcessSampler::Lookup::NoSuchPid)
            return fail(m_monitor, tr("Monitor: there is no process %1.").arg(found.pid));
        if (found.result == ProcessSampler::Lookup::NoSuchName)
            return fail(m_monitor, tr("Monitor: no running process is named \"%1\".").arg(monitor));
        c.monitorPid = found.pid;
        c.monitorName = found.name;
    }
    c.sampleIntervalS = m_defaults.sampleIntervalS;
    c.thresholds = m_defaults.thresholds;
    c.healthCheck = m_defaults.healthCheck;
    c.healthPath = m_defaults.healthPath;
    c.seed = m_defaults.seed;
    c.insecure = m_defaults.insecure;
    c.maxBodyBytes = m_defaults.maxBodyBytes;
    c.checkpointIntervalS = m_defaults.checkpointIntervalS;
    c.model = m_defaults.model;
    c.streamUsage = m_defaults.streamUsage;
    c.slo = m_defaults.slo;
    ConfigField bad = ConfigField::None;
    if (QString error; !c.validate(&error, &bad)) {
        const QMap<ConfigField, QWidget*> fields { { ConfigField::Target, m_target },
            { ConfigField::Concurrency, m_concurrency }, { ConfigField::Duration, m_duration },
            { ConfigField::Timeout, m_timeout }, { ConfigField::ThinkTime, m_thinkTime }, { ConfigField::Rate, m_rate },
            { ConfigField::Threads, m_threads }, { ConfigField::MonitorPid, m_monitor },
            { ConfigField::Stages, m_stages->table() } };
        return fail(fields.value(bad), error);
    }
    result.ok = true;
    return result;
}

void SetupForm::showValidation(QWidget* invalid, const QString& message)
{
    m_inputDebounce->stop();
    QList<QWidget*> fields { m_scenario, m_target, m_concurrency, m_duration, m_timeout, m_thinkTime, m_rate, m_threads,
        m_monitor, static_cast<QWidget*>(m_stages->table()) };
    fields += m_capacity->fields();
    for (QWidget* w : std::as_const(fields)) {
        w->setStyleSheet(w == invalid ? QStringLiteral("border: 2px solid #c62828") : QString());
        w->setProperty("invalid", w == invalid);
    }
    if (invalid)
        invalid->setToolTip(message);
}

void SetupForm::setRunning(bool running)
{
    for (QWidget* w : std::initializer_list<QWidget*> { m_profile, m_scenario, m_target, m_concurrency, m_duration,
             m_timeout, m_thinkTime, m_loadModel, m_rate, m_transport, m_threads, m_monitor, m_stages, m_capacity })
        w->setEnabled(!running);
    if (!running)
        updateModeFields();
}

SetupValues SetupForm::values() const
{
    SetupValues v;
    v.target = m_target->text();
    v.concurrency = m_concurrency->value();
    v.duration = m_duration->text();
    v.timeout = m_timeout->text();
    v.thinkTime = m_thinkTime->text();
    v.loadModel = loadModel();
    v.rateRps = m_rate->value();
    v.transport = transportFromId(m_transport->currentData().toString()).value_or(Transport::Qnam);
    v.threads = m_threads->value();
    v.monitor = m_monitor->text();
    v.stages = m_stages->text();
    v.stagesOn = m_stages->isOn();
    v.capacitySearch = isCapacitySearch();
    v.capacity = m_capacity->values();
    return v;
}

void SetupForm::setValues(const SetupValues& v)
{
    m_concurrency->setValue(v.concurrency);
    m_duration->setText(v.duration);
    m_timeout->setText(v.timeout);
    m_thinkTime->setText(v.thinkTime);
    m_monitor->setText(v.monitor);
    m_target->setText(v.target);
    m_loadModel->setCurrentIndex(v.capacitySearch ? 2 : v.loadModel == LoadModel::Open ? 1 : 0);
    m_rate->setValue(v.rateRps);
    m_stages->setText(v.stages, v.stagesOn);
    m_capacity->setValues(v.capacity);
    updateModeFields();
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(transportId(v.transport))));
    m_threads->setValue(v.threads);
}

LoadModel SetupForm::loadModel() const
{
    return m_loadModel->currentIndex() == 0 ? LoadModel::Closed : LoadModel::Open;
}

bool SetupForm::isCapacitySearch() const
{
    return m_loadModel->currentIndex() == 2;
}

void SetupForm::updateModeFields()
{
    const bool capacity = isCapacitySearch();
    const bool open = loadModel() == LoadModel::Open;
    m_capacity->setVisible(capacity);
    m_stages->setVisible(!capacity);
    m_stages->setUnit(open ? Stages::Unit::Rate : Stages::Unit::Users);
    const bool staged = !capacity && m_stages->isOn();
    // A staged run lasts as long as its stages and follows their targets; in the open model the
    // concurrency stays the in-flight cap, in a capacity search the steps set the rest.
    m_duration->setEnabled(!capacity && !staged);
    m_concurrency->setEnabled(!capacity && (open || !staged));
    m_rate->setEnabled(open && !capacity && !staged);
    m_thinkTime->setEnabled(!capacity);
    if (m_transportHint)
        updateTransportHint();
}

QString SetupForm::profile() const
{
    return m_profile->currentText();
}

void SetupForm::setProfile(const QString& name)
{
    m_profile->setCurrentText(name);
}

bool SetupForm::hasProfile(const QString& name) const
{
    return m_profile->findText(name) >= 0;
}

void SetupForm::addProfile(const QString& name)
{
    if (!hasProfile(name))
        m_profile->addItem(name);
}

void SetupForm::renameCurrentProfile(const QString& name)
{
    m_profile->setItemText(m_profile->currentIndex(), name);
}

void SetupForm::removeCurrentProfile()
{
    m_profile->removeItem(m_profile->currentIndex());
}

void SetupForm::applyProfile(const Profile& profile)
{
    m_concurrency->setValue(profile.concurrency);
    m_duration->setText(formatDuration(profile.durationS));
    m_timeout->setText(formatDuration(profile.timeoutS));
    m_thinkTime->setText(profile.thinkMaxMs == 0
            ? QStringLiteral("0")
            : QStringLiteral("%1ms-%2ms").arg(profile.thinkMinMs).arg(profile.thinkMaxMs));
    if (profile.capacitySearch) {
        m_loadModel->setCurrentIndex(2);
    } else {
        if (isCapacitySearch())
            m_loadModel->setCurrentIndex(0);
        if (!profile.stages.isEmpty())
            m_loadModel->setCurrentIndex(profile.stages.unit() == Stages::Unit::Rate ? 1 : 0);
        m_stages->setText(
            profile.stages.isEmpty() ? m_stages->text() : profile.stages.toString(), !profile.stages.isEmpty());
    }
    updateModeFields();
}

QString SetupForm::scenarioName() const
{
    return m_scenario->currentText();
}

void SetupForm::setScenarioName(const QString& name)
{
    m_scenario->setCurrentText(name);
}

void SetupForm::addScenarioFile(const QString& name, const QString& fileName, bool select)
{
    m_scenarioFile = fileName;
    m_scenario->addItem(name, fileName);
    if (select)
        m_scenario->setCurrentIndex(m_scenario->count() - 1);
}

void SetupForm::addAdHocScenario(const Scenario& scenario)
{
    m_adHoc = scenario;
    m_scenario->addItem(scenario.name, QString::fromLatin1(AdHocScenario));
    m_scenario->setCurrentIndex(m_scenario->count() - 1);
}

void SetupForm::chooseScenarioFile()
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
    addScenarioFile(s.name, name, true);
}

void SetupForm::pickProcess()
{
    QStringList items;
    for (const qint64 pid : ProcessSampler::processIds())
        items.append(QStringLiteral("%1  %2").arg(pid).arg(ProcessSampler::processName(pid)));
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Monitored process"), tr("Process:"), items, 0, false, &ok);
    if (ok)
        m_monitor->setText(choice.section(QLatin1Char(' '), 0, 0));
}

} // namespace Stressdeck
