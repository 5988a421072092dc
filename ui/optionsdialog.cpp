#include "optionsdialog.h"

#include "ui_optionsdialog.h"

#include "adminmode.h"
#include "adminservice.h"
#include "enginelink.h"
#include "guipreferences.h"
#include "settingsbinder.h"
#include "settingsschema.h"

#include <QFileDialog>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QShowEvent>

namespace {
constexpr qint64 kMegabyte = 1024 * 1024;
}

OptionsDialog::OptionsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::OptionsDialog>()), m_engine(engine), m_mode(mode),
      m_preferences(std::make_unique<GuiPreferences>(engine.dataDirectory()))
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    m_ui->languageCombo->addItem(tr("System default"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_ui->languageCombo->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    const int language = m_ui->languageCombo->findData(m_preferences->language());
    m_ui->languageCombo->setCurrentIndex(language >= 0 ? language : 0);
    m_ui->notifyAutoBansCheck->setChecked(m_preferences->notifyAutoBans());

    bindSettings();
    connect(m_ui->buttonBox, &QDialogButtonBox::clicked, this, &OptionsDialog::onButton);
    connect(m_ui->chooseFilesButton, &QPushButton::clicked, this, &OptionsDialog::chooseFiles);
    connect(m_ui->clearPasswordButton, &QPushButton::clicked, this, &OptionsDialog::clearPassword);
    connect(m_ui->maxSizeSpin, &QSpinBox::valueChanged, this, [this](int megabytes) {
        m_ui->maxSizeBytesEdit->setText(QString::number(qint64(megabytes) * kMegabyte));
    });
    connect(&m_mode, &AdminMode::unlockedChanged, this, &OptionsDialog::applyMode);
    applyMode();
}

OptionsDialog::~OptionsDialog() = default;

void OptionsDialog::showEvent(QShowEvent *event)
{
    // Each opening shows the engine's values now (the CLI or another window may have changed them);
    // a window restored from minimized keeps what is being edited.
    QDialog::showEvent(event);
    if (event->spontaneous())
        return;
    m_ui->errorLabel->hide();
    m_ui->messageLabel->clear();
    m_ui->newPasswordEdit->clear();
    m_ui->confirmPasswordEdit->clear();
    m_binder->load();
    refreshCertificate();
    refreshPasswordState();
}

void OptionsDialog::bindSettings()
{
    m_binder = new SettingsBinder(m_engine, m_mode, this);
    const QList<std::pair<const char *, QWidget *>> editors{
        {"server.hostname", m_ui->hostnameEdit},
        {"listen.addresses", m_ui->listenAddressesEdit},
        {"smtp.port", m_ui->smtpPortSpin},
        {"submission.port", m_ui->submissionPortSpin},
        {"smtps.port", m_ui->smtpsPortSpin},
        {"pop3.port", m_ui->pop3PortSpin},
        {"pop3s.port", m_ui->pop3sPortSpin},
        {"tls.cert_file", m_ui->certFileEdit},
        {"tls.key_file", m_ui->keyFileEdit},
        {"message.max_size", m_ui->maxSizeBytesEdit},
        {"smtp.max_connections", m_ui->smtpMaxConnectionsSpin},
        {"smtp.max_connections_per_ip", m_ui->smtpMaxPerIpSpin},
        {"pop3.max_connections", m_ui->pop3MaxConnectionsSpin},
        {"pop3.max_connections_per_ip", m_ui->pop3MaxPerIpSpin},
        {"dns.servers", m_ui->dnsServersEdit},
        {"dns.timeout_ms", m_ui->dnsTimeoutSpin},
        {"log.retention_days", m_ui->logRetentionSpin},
    };
    for (const auto &[key, editor] : editors)
        m_binder->bind(QLatin1String(key), editor);
    connect(m_binder, &SettingsBinder::loaded, this, &OptionsDialog::showSizeInMegabytes);
    // The engine settings go first; the admin password only once they are stored.
    connect(m_binder, &SettingsBinder::saved, this, &OptionsDialog::savePassword);
    connect(m_binder, &SettingsBinder::failed, this, [this](const QString &message) {
        m_busy = false;
        showError(message);
    });
}

void OptionsDialog::showSizeInMegabytes()
{
    // The engine counts bytes; a value that is not whole megabytes stays as it is unless edited.
    const QSignalBlocker blocker(m_ui->maxSizeSpin);
    m_ui->maxSizeSpin->setValue(int(m_ui->maxSizeBytesEdit->text().toLongLong() / kMegabyte));
}

void OptionsDialog::onButton(QAbstractButton *button)
{
    switch (m_ui->buttonBox->buttonRole(button)) {
    case QDialogButtonBox::AcceptRole:
        accept();
        break;
    case QDialogButtonBox::ApplyRole:
        apply(false);
        break;
    default:
        reject();
        break;
    }
}

void OptionsDialog::accept()
{
    apply(true);
}

bool OptionsDialog::validate()
{
    // The engine checks again, but the admin should see a mistake before anything is sent.
    const QList<std::pair<const char *, QLineEdit *>> edits{
        {"server.hostname", m_ui->hostnameEdit}, {"listen.addresses", m_ui->listenAddressesEdit},
        {"tls.cert_file", m_ui->certFileEdit},   {"tls.key_file", m_ui->keyFileEdit},
        {"dns.servers", m_ui->dnsServersEdit},
    };
    for (const auto &[key, edit] : edits) {
        const QString value = edit->text().trimmed();
        const SettingSpec *spec = SettingsSchema::find(QLatin1String(key));
        QString error;
        if (spec && !value.isEmpty() && SettingsSchema::normalize(*spec, value, &error).isEmpty()) {
            m_ui->tabs->setCurrentWidget(edit->parentWidget());
            edit->setFocus();
            showError(tr("%1: %2").arg(QLatin1String(key), error.isEmpty() ? tr("not valid here") : error));
            return false;
        }
    }
    if (m_ui->certFileEdit->text().trimmed().isEmpty() != m_ui->keyFileEdit->text().trimmed().isEmpty()) {
        showError(tr("Choose both the certificate file and its key file, or leave both empty for the "
                     "self-signed certificate."));
        return false;
    }
    const QString password = m_ui->newPasswordEdit->text();
    if (password != m_ui->confirmPasswordEdit->text()) {
        showError(tr("The two admin passwords differ. Type the same password twice."));
        return false;
    }
    if (!password.isEmpty() && password.size() < AdminService::kMinimumPasswordLength) {
        showError(tr("The admin password needs at least %1 characters.").arg(AdminService::kMinimumPasswordLength));
        return false;
    }
    return true;
}

void OptionsDialog::apply(bool closeAfterwards)
{
    if (m_busy || !m_mode.isUnlocked())
        return;
    m_ui->errorLabel->hide();
    m_ui->messageLabel->clear();
    if (!validate())
        return;
    m_busy = true;
    m_closeAfterwards = closeAfterwards;
    m_binder->save();
}

void OptionsDialog::savePassword()
{
    const QString password = m_ui->newPasswordEdit->text();
    if (password.isEmpty()) {
        finishApply();
        return;
    }
    m_engine.call(AdminRequest{QStringLiteral("admin.password.set"), {{QStringLiteral("password"), password}}}, this,
                  [this](const AdminReply &reply) {
                      if (!reply.ok()) {
                          m_busy = false;
                          showError(reply.message);
                          return;
                      }
                      m_ui->newPasswordEdit->clear();
                      m_ui->confirmPasswordEdit->clear();
                      finishApply();
                  });
}

void OptionsDialog::finishApply()
{
    m_preferences->setLanguage(m_ui->languageCombo->currentData().toString());
    m_preferences->setNotifyAutoBans(m_ui->notifyAutoBansCheck->isChecked());
    m_busy = false;
    m_ui->messageLabel->setText(tr("Saved. The running server uses the new settings now."));
    refreshCertificate();
    refreshPasswordState();
    Q_EMIT applied();
    if (m_closeAfterwards)
        QDialog::accept();
}

void OptionsDialog::clearPassword()
{
    m_engine.call(AdminRequest{QStringLiteral("admin.password.set"), {{QStringLiteral("password"), QString()}}}, this,
                  [this](const AdminReply &reply) {
                      if (!reply.ok())
                          showError(reply.message);
                      else
                          m_ui->messageLabel->setText(tr("The admin password has been removed."));
                      refreshPasswordState();
                  });
}

void OptionsDialog::chooseFiles()
{
    const QString certificate = QFileDialog::getOpenFileName(this, tr("Certificate file (PEM)"), m_ui->certFileEdit->text(),
                                                             tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (certificate.isEmpty())
        return;
    const QString key = QFileDialog::getOpenFileName(this, tr("Key file of this certificate (PEM)"), certificate,
                                                     tr("Keys (*.key *.pem);;All files (*)"));
    if (key.isEmpty())
        return;
    m_ui->certFileEdit->setText(certificate);
    m_ui->keyFileEdit->setText(key);
}

void OptionsDialog::refreshCertificate()
{
    m_engine.call(AdminRequest{QStringLiteral("tls.info"), {}}, this, [this](const AdminReply &reply) {
        if (!reply.ok()) {
            m_ui->certificateInfoLabel->setText(tr("No certificate: %1").arg(reply.message));
            return;
        }
        const QJsonObject info = reply.result.toObject();
        const QString kind = info[QStringLiteral("generated")].toBool() ? tr("self-signed, made by Postern")
                             : info[QStringLiteral("selfSigned")].toBool() ? tr("self-signed")
                                                                            : tr("issued by %1").arg(info[QStringLiteral("issuer")].toString());
        m_ui->certificateInfoLabel->setText(
            tr("Current certificate (%1)\nSubject: %2\nExpires: %3 (%4 days left)\nSHA-256: %5")
                .arg(kind, info[QStringLiteral("subject")].toString(), info[QStringLiteral("notAfter")].toString(),
                     QString::number(info[QStringLiteral("daysLeft")].toInt()), info[QStringLiteral("sha256")].toString()));
        m_ui->certificateInfoLabel->setProperty("sha256", info[QStringLiteral("sha256")].toString());
    });
}

void OptionsDialog::refreshPasswordState()
{
    m_engine.call(AdminRequest{QStringLiteral("admin.password.exists"), {}}, this, [this](const AdminReply &reply) {
        const bool exists = reply.ok() && reply.result.toBool();
        m_ui->adminPasswordStateLabel->setText(
            exists ? tr("An admin password is set: administration mode asks for it. Type a new one twice to change it.")
                   : tr("No admin password is set: anyone at this desktop can enter administration mode. Type one "
                        "twice to set it."));
        m_ui->clearPasswordButton->setEnabled(exists && m_mode.isUnlocked());
        m_ui->clearPasswordButton->setProperty("passwordExists", exists);
    });
}

void OptionsDialog::applyMode()
{
    const bool unlocked = m_mode.isUnlocked();
    m_ui->lockedLabel->setVisible(!unlocked);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_ui->chooseFilesButton, m_ui->languageCombo,
                                                             m_ui->notifyAutoBansCheck, m_ui->newPasswordEdit,
                                                             m_ui->confirmPasswordEdit, m_ui->maxSizeSpin,
                                                             m_ui->buttonBox->button(QDialogButtonBox::Ok),
                                                             m_ui->buttonBox->button(QDialogButtonBox::Apply)})
        widget->setEnabled(unlocked);
    m_ui->clearPasswordButton->setEnabled(unlocked && m_ui->clearPasswordButton->property("passwordExists").toBool());
}

void OptionsDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}
