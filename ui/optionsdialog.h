#pragma once

#include <QDialog>

#include <memory>

class AdminMode;
class EngineLink;
class GuiPreferences;
class QAbstractButton;
class SettingsBinder;

namespace Ui {
class OptionsDialog;
}

// Options: host name, listen addresses and ports, the TLS certificate, message size and
// connection limits, DNS servers, log retention (engine settings, through SettingsBinder), the
// admin password (admin.password.set) and the GUI's own language and tray preferences.
class OptionsDialog : public QDialog
{
    Q_OBJECT

public:
    OptionsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~OptionsDialog() override;

    void accept() override;

Q_SIGNALS:
    // Everything of one OK/Apply reached the engine (or nothing needed to).
    void applied();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void bindSettings();
    void apply(bool closeAfterwards);
    [[nodiscard]] bool validate();
    void savePassword();
    void finishApply();
    void clearPassword();
    void chooseFiles();
    void refreshCertificate();
    void refreshPasswordState();
    void showSizeInMegabytes();
    void applyMode();
    void showError(const QString &message);
    void onButton(QAbstractButton *button);

    std::unique_ptr<Ui::OptionsDialog> m_ui;
    EngineLink &m_engine;
    AdminMode &m_mode;
    SettingsBinder *m_binder = nullptr;
    std::unique_ptr<GuiPreferences> m_preferences;
    bool m_busy = false;             // an OK/Apply is on its way to the engine
    bool m_closeAfterwards = false;  // it was OK
};
