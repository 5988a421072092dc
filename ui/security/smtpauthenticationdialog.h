#pragma once

#include <memory>

#include "settingsdialog.h"

namespace Ui {
class SmtpAuthenticationDialog;
}

// Security ▸ SMTP Authentication: who may relay, whether mailbox accounts log in to SMTP, and where passwords may travel unencrypted.
class SmtpAuthenticationDialog : public SettingsDialog
{
    Q_OBJECT

public:
    SmtpAuthenticationDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~SmtpAuthenticationDialog() override;

Q_SIGNALS:
    // The admin asked for the SMTP-only logins list (DialogLauncher opens it).
    void smtpLoginsRequested();

private:
    std::unique_ptr<Ui::SmtpAuthenticationDialog> m_ui;
};
