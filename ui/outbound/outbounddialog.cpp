#include "outbounddialog.h"

#include "ui_outbounddialog.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QHideEvent>
#include <QJsonArray>
#include <QPushButton>
#include <QShowEvent>

#include "adminmode.h"
#include "adminrequestqueue.h"
#include "enginelink.h"
#include "outboundinput.h"
#include "passwordtwicedialog.h"
#include "routedialog.h"
#include "settingsbinder.h"
#include "tlschoice.h"

namespace {

// Keys whose default is not empty: one the engine lists without a default is one it does not know.
const QStringList kKeysWithDefaults{
    QStringLiteral("outbound.smarthost_tls"), QStringLiteral("outbound.tls"),
    QStringLiteral("outbound.retry_schedule"), QStringLiteral("outbound.max_age_hours"),
    QStringLiteral("outbound.delay_notice_hours"), QStringLiteral("outbound.max_per_domain"),
    QStringLiteral("outbound.max_connections")};

}

OutboundDialog::OutboundDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::OutboundDialog>()), m_engine(engine), m_mode(mode),
      m_binder(new SettingsBinder(engine, mode, this)), m_queue(new AdminRequestQueue(engine, this))
{
    m_ui->setupUi(this);
    m_ui->errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_ui->routeTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->routeTable->horizontalHeader()->setStretchLastSection(true);
    TlsChoice::attach(m_ui->smartHostTlsCombo, true);
    TlsChoice::attach(m_ui->tlsCombo, false);
    bindSettings();
    connectButtons();
    connect(&m_mode, &AdminMode::unlockedChanged, this, &OutboundDialog::applyMode);
    connect(m_queue, &AdminRequestQueue::finished, this, &OutboundDialog::finishSave);
    connect(m_queue, &AdminRequestQueue::failed, this, [this](int, const AdminReply &reply) {
        // What was accepted before the refusal is the engine's now; show that rather than
        // resend it on the next Apply.
        m_queue->clear();
        m_saving = false;
        m_passwordChange = PasswordChange::Keep;
        m_newPassword.clear();
        loadRoutes();
        loadPasswordState();
        showError(reply.message);
        applyMode();
        Q_EMIT failed(reply.message);
    });
    showError(QString());
    applyMode();
    load();
}

OutboundDialog::~OutboundDialog() = default;

void OutboundDialog::bindSettings()
{
    m_editors = {{QStringLiteral("outbound.smarthost"), m_ui->smartHostEdit},
                 {QStringLiteral("outbound.smarthost_user"), m_ui->smartHostUserEdit},
                 {QStringLiteral("outbound.smarthost_tls"), m_ui->smartHostTlsCombo},
                 {QStringLiteral("outbound.tls"), m_ui->tlsCombo},
                 {QStringLiteral("outbound.ca_file"), m_ui->caFileEdit},
                 {QStringLiteral("outbound.retry_schedule"), m_ui->retryScheduleEdit},
                 {QStringLiteral("outbound.max_age_hours"), m_ui->maxAgeSpin},
                 {QStringLiteral("outbound.delay_notice_hours"), m_ui->delayNoticeSpin},
                 {QStringLiteral("outbound.max_per_domain"), m_ui->maxPerDomainSpin},
                 {QStringLiteral("outbound.max_connections"), m_ui->maxConnectionsSpin}};
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        m_binder->bind(it.key(), it.value());
    connect(m_binder, &SettingsBinder::loaded, this, [this] {
        findUnknownKeys();
        if (!m_unknownKeys.isEmpty())
            showError(tr("This server does not know these settings, so they cannot be changed here: %1")
                          .arg(m_unknownKeys.join(QStringLiteral(", "))));
        loadDone();
    });
    connect(m_binder, &SettingsBinder::saved, this, &OutboundDialog::sendStaged);
    connect(m_binder, &SettingsBinder::failed, this, [this](const QString &message) {
        if (!m_saving) {
            showError(tr("The settings cannot be read: %1").arg(message));
            loadDone();
            return;
        }
        m_saving = false;
        showError(message);
        applyMode();
        Q_EMIT failed(message);
    });
}

void OutboundDialog::connectButtons()
{
    connect(m_ui->buttonBox->button(QDialogButtonBox::Ok), &QPushButton::clicked, this, [this] { apply(true); });
    connect(m_ui->buttonBox->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { apply(false); });
    connect(m_ui->buttonBox->button(QDialogButtonBox::Cancel), &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->setPasswordButton, &QPushButton::clicked, this, &OutboundDialog::askPassword);
    connect(m_ui->clearPasswordButton, &QPushButton::clicked, this, &OutboundDialog::stageSmartHostPasswordClear);
    connect(m_ui->addRouteButton, &QPushButton::clicked, this, [this] { editRoute(true); });
    connect(m_ui->editRouteButton, &QPushButton::clicked, this, [this] { editRoute(false); });
    connect(m_ui->routeTable, &QTableWidget::itemDoubleClicked, this, [this] { editRoute(false); });
    connect(m_ui->removeRouteButton, &QPushButton::clicked, this, [this] {
        if (const int row = m_ui->routeTable->currentRow(); row >= 0)
            stageRouteRemoval(m_routes.routes().at(row).value(QStringLiteral("domain")).toString());
    });
    connect(m_ui->routeTable, &QTableWidget::itemSelectionChanged, this, &OutboundDialog::applyMode);
    connect(m_ui->caFileButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Trusted authorities"), m_ui->caFileEdit->text(),
                                                          tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_ui->caFileEdit->setText(path);
    });
}

void OutboundDialog::load()
{
    m_pendingLoads = 3;
    m_passwordChange = PasswordChange::Keep;
    m_newPassword.clear();
    showError(QString());
    m_binder->load();
    loadRoutes();
    loadPasswordState();
}

void OutboundDialog::loadRoutes()
{
    m_engine.call(AdminRequest{QStringLiteral("route.list"), {}}, this, [this](const AdminReply &reply) {
        QList<QJsonObject> routes;
        if (reply.ok()) {
            for (const QJsonValue &route : reply.result[QStringLiteral("routes")].toArray())
                routes.append(route.toObject());
        } else {
            showError(tr("The routes cannot be read: %1").arg(reply.message));
        }
        m_routes.load(routes);
        showRoutes();
        loadDone();
    });
}

void OutboundDialog::loadPasswordState()
{
    m_engine.call(AdminRequest{QStringLiteral("smarthost.password.exists"), {}}, this, [this](const AdminReply &reply) {
        m_passwordStored = reply.ok() && reply.result[QStringLiteral("exists")].toBool();
        if (!reply.ok())
            showError(tr("Whether a smart host password is stored cannot be read: %1").arg(reply.message));
        showPasswordState();
        loadDone();
    });
}

void OutboundDialog::loadDone()
{
    if (m_pendingLoads <= 0)
        return;   // a read after a refused save, not part of a load()
    if (--m_pendingLoads == 0) {
        applyMode();
        Q_EMIT loaded();
    }
}

void OutboundDialog::apply(bool close)
{
    if (m_saving || !isLoaded())
        return;
    if (const QString problem = validate(); !problem.isEmpty()) {
        showError(problem);
        return;
    }
    showError(QString());
    m_saving = true;
    m_closeAfterSave = close;
    applyMode();
    m_binder->save();   // the routes and the password follow in sendStaged()
}

void OutboundDialog::sendStaged()
{
    if (!m_saving)
        return;
    for (const AdminRequest &request : m_routes.requests())
        m_queue->add(request);
    if (m_passwordChange == PasswordChange::Set)
        m_queue->add(AdminRequest{QStringLiteral("smarthost.password.set"), {{QStringLiteral("password"), m_newPassword}}});
    else if (m_passwordChange == PasswordChange::Clear)
        m_queue->add(AdminRequest{QStringLiteral("smarthost.password.clear"), {}});
    m_queue->run();
}

void OutboundDialog::finishSave()
{
    m_saving = false;
    applyMode();
    Q_EMIT saved();
    if (m_closeAfterSave)
        accept();
    else
        load();   // the routes and the password state as the engine has them now
}

void OutboundDialog::findUnknownKeys()
{
    // An engine older than the settings (or one built without them) does not list them, and
    // the binder does not send what it did not load. Keys with an empty default cannot be told
    // apart that way: they are taken as unknown when every key with a default is.
    m_unknownKeys.clear();
    for (const QString &key : kKeysWithDefaults) {
        if (m_binder->defaultValue(key).isEmpty())
            m_unknownKeys.append(key);
    }
    if (m_unknownKeys.size() == kKeysWithDefaults.size()) {
        for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
            if (!m_unknownKeys.contains(it.key()))
                m_unknownKeys.append(it.key());
        }
    }
    m_unknownKeys.sort();
}

QString OutboundDialog::validate() const
{
    const auto known = [this](const char *key) { return !m_unknownKeys.contains(QLatin1String(key)); };
    if (const QString why = OutboundInput::smartHostProblem(m_ui->smartHostEdit->text().trimmed());
        known("outbound.smarthost") && !why.isEmpty())
        return why;
    if (const QString why = OutboundInput::retryScheduleProblem(m_ui->retryScheduleEdit->text());
        known("outbound.retry_schedule") && !why.isEmpty())
        return why;
    if (m_passwordChange == PasswordChange::Set && m_ui->smartHostUserEdit->text().trimmed().isEmpty())
        return tr("A smart host password needs a login: fill in the login, or clear the password.");
    return {};
}

void OutboundDialog::askPassword()
{
    PasswordTwiceDialog prompt(this);
    if (prompt.exec() == QDialog::Accepted)
        stageSmartHostPassword(prompt.password());
}

void OutboundDialog::stageSmartHostPassword(const QString &password)
{
    m_passwordChange = PasswordChange::Set;
    m_newPassword = password;
    showPasswordState();
}

void OutboundDialog::stageSmartHostPasswordClear()
{
    m_passwordChange = m_passwordStored ? PasswordChange::Clear : PasswordChange::Keep;
    m_newPassword.clear();
    showPasswordState();
}

void OutboundDialog::editRoute(bool adding)
{
    const int row = m_ui->routeTable->currentRow();
    if (!m_mode.isUnlocked() || (!adding && row < 0))
        return;
    RouteDialog editor(this);
    QString replacing;
    if (!adding) {
        const QJsonObject route = m_routes.routes().at(row);
        replacing = route.value(QStringLiteral("domain")).toString();
        editor.setRoute(route);
    }
    if (editor.exec() == QDialog::Accepted)
        stageRoute(editor.route(), replacing);
}

bool OutboundDialog::stageRoute(const QJsonObject &route, const QString &replacing)
{
    if (!m_routes.put(route, replacing)) {
        showError(tr("The domain %1 has a route already: edit that one.").arg(route.value(QStringLiteral("domain")).toString()));
        return false;
    }
    showError(QString());
    showRoutes();
    return true;
}

void OutboundDialog::stageRouteRemoval(const QString &domain)
{
    m_routes.remove(domain);
    showRoutes();
}

void OutboundDialog::showRoutes()
{
    QTableWidget *table = m_ui->routeTable;
    const QList<QJsonObject> &routes = m_routes.routes();
    table->setRowCount(int(routes.size()));
    for (int row = 0; row < routes.size(); ++row) {
        const QJsonObject &route = routes.at(row);
        const QString user = route.value(QStringLiteral("auth_user")).toString();
        QString login = user.isEmpty() ? tr("none") : user;
        if (route.contains(QStringLiteral("password")))
            login = tr("%1 (new password)").arg(user);
        else if (route.value(QStringLiteral("has_password")).toBool())
            login = tr("%1 (password stored)").arg(user);
        const QStringList cells{route.value(QStringLiteral("domain")).toString(),
                                QStringLiteral("%1:%2").arg(route.value(QStringLiteral("host")).toString())
                                    .arg(route.value(QStringLiteral("port")).toInt()),
                                TlsChoice::label(route.value(QStringLiteral("tls")).toString()), login};
        for (int column = 0; column < cells.size(); ++column)
            table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    applyMode();
}

void OutboundDialog::showPasswordState()
{
    QString text;
    switch (m_passwordChange) {
    case PasswordChange::Set: text = tr("A new password is stored on OK or Apply."); break;
    case PasswordChange::Clear: text = tr("The stored password is removed on OK or Apply."); break;
    case PasswordChange::Keep: text = m_passwordStored ? tr("A password is stored.") : tr("No password is stored."); break;
    }
    m_ui->passwordStateLabel->setText(text);
    applyMode();
}

void OutboundDialog::applyMode()
{
    const bool editable = m_mode.isUnlocked() && !m_saving && isLoaded();
    m_ui->lockedLabel->setVisible(!m_mode.isUnlocked());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(editable);
    m_ui->buttonBox->button(QDialogButtonBox::Apply)->setEnabled(editable);
    m_ui->setPasswordButton->setEnabled(editable);
    m_ui->clearPasswordButton->setEnabled(editable
                                          && (m_passwordStored ? m_passwordChange != PasswordChange::Clear
                                                               : m_passwordChange == PasswordChange::Set));
    m_ui->caFileButton->setEnabled(editable && !m_unknownKeys.contains(QStringLiteral("outbound.ca_file")));
    for (const QString &key : std::as_const(m_unknownKeys))
        m_editors.value(key)->setEnabled(false);
    m_ui->addRouteButton->setEnabled(editable);
    const bool selected = m_ui->routeTable->currentRow() >= 0 && !m_ui->routeTable->selectedItems().isEmpty();
    m_ui->editRouteButton->setEnabled(editable && selected);
    m_ui->removeRouteButton->setEnabled(editable && selected);
}

void OutboundDialog::showError(const QString &text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void OutboundDialog::showEvent(QShowEvent *event)
{
    // Shown again after a close: edits left by Cancel must not survive, and others may have
    // changed the values meanwhile.
    if (m_reloadOnShow)
        load();
    m_reloadOnShow = false;
    QDialog::showEvent(event);
}

void OutboundDialog::hideEvent(QHideEvent *event)
{
    if (!event->spontaneous())
        m_reloadOnShow = true;
    QDialog::hideEvent(event);
}
