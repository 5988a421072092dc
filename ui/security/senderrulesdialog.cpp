#include "senderrulesdialog.h"

#include "settingsbinder.h"
#include "ui_senderrulesdialog.h"

SenderRulesDialog::SenderRulesDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : SettingsDialog(engine, mode, parent), m_ui(std::make_unique<Ui::SenderRulesDialog>())
{
    m_ui->setupUi(this);
    binder().bind(QStringLiteral("sender_rules.local_domain_only"), m_ui->localDomainOnlyBox);
    binder().bind(QStringLiteral("sender_rules.account_only"), m_ui->accountOnlyBox);
    binder().bind(QStringLiteral("sender_rules.auth_must_match"), m_ui->authMustMatchBox);
    attach(m_ui->buttonBox, m_ui->lockedLabel, m_ui->errorLabel);
}

SenderRulesDialog::~SenderRulesDialog() = default;
