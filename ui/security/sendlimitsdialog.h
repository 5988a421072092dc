#pragma once

#include <memory>

#include "settingsdialog.h"

namespace Ui {
class SendLimitsDialog;
}

// Security ▸ Send Limits: messages per account per hour, recipients per message, largest message.
class SendLimitsDialog : public SettingsDialog
{
    Q_OBJECT

public:
    SendLimitsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~SendLimitsDialog() override;

private:
    std::unique_ptr<Ui::SendLimitsDialog> m_ui;
};
