#pragma once

#include <QDialog>

class AdminMode;
class EngineLink;
class QDialogButtonBox;
class QLabel;
class SettingsBinder;

// What the Security menu's settings dialogs share: a SettingsBinder loads the values (again each
// time the dialog is shown), OK saves and closes, Apply saves and stays, Cancel closes without
// saving. The subclass's inline check runs before anything is sent, and whatever stops a save
// (that check or the engine's refusal) is shown in the dialog's error line. While administration
// mode is locked the editors, OK and Apply are disabled and a line says how to unlock.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent);

    [[nodiscard]] SettingsBinder &binder() const { return *m_binder; }

Q_SIGNALS:
    // The engine stored the edited values (or nothing needed storing).
    void settingsSaved();

protected:
    // Called at the end of the subclass's constructor, once its editors are bound; loads them.
    void attach(QDialogButtonBox *buttons, QLabel *lockedNotice, QLabel *error);
    // Why the edited values cannot be saved, in the admin's words; empty when they can.
    [[nodiscard]] virtual QString validate() const { return {}; }
    // Enables or shows what depends on other editors; runs after a load, on mode changes, and
    // whenever the subclass calls it on an edit.
    virtual void updateDependents() {}
    [[nodiscard]] bool isUnlocked() const;

    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void save(bool closeAfterwards);
    void applyMode();
    void showError(const QString &text);

    AdminMode &m_mode;
    SettingsBinder *m_binder = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QLabel *m_lockedNotice = nullptr;
    QLabel *m_error = nullptr;
    bool m_saving = false;
    bool m_closeAfterSave = false;
    bool m_reloadOnShow = false;
};
