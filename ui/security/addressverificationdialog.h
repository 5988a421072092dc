#pragma once

#include <memory>

#include "settingsdialog.h"

namespace Ui {
class AddressVerificationDialog;
}

// Security ▸ Address Verification: DNS and syntax checks on the sender and the sending server.
class AddressVerificationDialog : public SettingsDialog
{
    Q_OBJECT

public:
    AddressVerificationDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~AddressVerificationDialog() override;

protected:
    void updateDependents() override;

private:
    void showDns();

private:
    std::unique_ptr<Ui::AddressVerificationDialog> m_ui;
};
