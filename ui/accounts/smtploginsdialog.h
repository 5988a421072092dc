#pragma once

#include "accountdialog.h"

#include <memory>

class AdminMode;
class EngineLink;

namespace Ui {
class SmtpLoginsDialog;
}

// Accounts ▸ SMTP-only Logins: names and passwords for devices that send but have no mailbox.
class SmtpLoginsDialog : public AccountDialog
{
    Q_OBJECT

public:
    SmtpLoginsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~SmtpLoginsDialog() override;

protected:
    void loadList() override;

private:
    void addLogin();
    void removeLogin();

    std::unique_ptr<Ui::SmtpLoginsDialog> m_ui;
};
