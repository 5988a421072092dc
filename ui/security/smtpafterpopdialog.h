#pragma once

#include <memory>

#include "settingsdialog.h"

namespace Ui {
class SmtpAfterPopDialog;
}

// Security ▸ SMTP After POP: a POP3 login lets its address relay for some minutes.
class SmtpAfterPopDialog : public SettingsDialog
{
    Q_OBJECT

public:
    SmtpAfterPopDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~SmtpAfterPopDialog() override;

protected:
    void updateDependents() override;

private:
    std::unique_ptr<Ui::SmtpAfterPopDialog> m_ui;
};
