#include "smtpauthenticationdialog.h"

#include "settingsbinder.h"
#include "ui_smtpauthenticationdialog.h"

SmtpAuthenticationDialog::SmtpAuthenticationDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : SettingsDialog(engine, mode, parent), m_ui(std::make_unique<Ui::SmtpAuthenticationDialog>())
{
    m_ui->setupUi(this);
    // The stored words stay the engine's; the admin reads what each one means.
    m_ui->plaintextCombo->addItem(tr("Never: always require TLS first"), QStringLiteral("never"));
    m_ui->plaintextCombo->addItem(tr("Only from this computer"), QStringLiteral("loopback"));
    m_ui->plaintextCombo->addItem(tr("From this computer and the office networks"), QStringLiteral("local-networks"));
    m_ui->plaintextCombo->addItem(tr("Always (not recommended)"), QStringLiteral("always"));

    binder().bind(QStringLiteral("smtp.require_auth_for_local_senders"), m_ui->requireAuthBox);
    binder().bind(QStringLiteral("smtp.auth_use_pop3_accounts"), m_ui->usePop3AccountsBox);
    binder().bind(QStringLiteral("auth.plaintext"), m_ui->plaintextCombo);
    connect(m_ui->smtpLoginsButton, &QPushButton::clicked, this, &SmtpAuthenticationDialog::smtpLoginsRequested);
    attach(m_ui->buttonBox, m_ui->lockedLabel, m_ui->errorLabel);
}

SmtpAuthenticationDialog::~SmtpAuthenticationDialog() = default;
