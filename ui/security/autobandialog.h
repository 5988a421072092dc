#pragma once

#include <memory>

#include "settingsdialog.h"

namespace Ui {
class AutoBanDialog;
}

// Security ▸ Auto-ban: when a failing address is banned, for how long, and which addresses never are.
class AutoBanDialog : public SettingsDialog
{
    Q_OBJECT

public:
    AutoBanDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~AutoBanDialog() override;

Q_SIGNALS:
    // The admin asked for the Banned Addresses list (DialogLauncher opens it).
    void bannedAddressesRequested();

protected:
    [[nodiscard]] QString validate() const override;
    void updateDependents() override;

private:
    std::unique_ptr<Ui::AutoBanDialog> m_ui;
};
