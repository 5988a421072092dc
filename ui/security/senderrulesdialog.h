#pragma once

#include <memory>

#include "settingsdialog.h"

namespace Ui {
class SenderRulesDialog;
}

// Security ▸ Sender Rules: relaying and sending restricted by the sender's address.
class SenderRulesDialog : public SettingsDialog
{
    Q_OBJECT

public:
    SenderRulesDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~SenderRulesDialog() override;

private:
    std::unique_ptr<Ui::SenderRulesDialog> m_ui;
};
