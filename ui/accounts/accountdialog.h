#pragma once

#include "adminrequest.h"

#include <QDialog>

#include <functional>

class AdminMode;
class AdminRequestQueue;
class EngineLink;
class QDialogButtonBox;
class QLabel;

// What the Accounts dialogs share: the admin's changes are staged and sent in order on OK or
// Apply (Cancel sends nothing), the engine's refusal is shown in the dialog, the editors follow
// administration mode, and a removal asks first. Subclasses load their list in loadList().
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    // Answers a yes/no question; tests give one instead of the modal QMessageBox.
    using Confirmer = std::function<bool(const QString &question)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }

    [[nodiscard]] bool hasPendingChanges() const;
    void accept() override;
    void reject() override;

Q_SIGNALS:
    // Every staged change was accepted by the engine (after OK or Apply), and the list shows
    // the engine's state after them.
    void applied();
    // The list was (re)loaded from the engine.
    void loaded();
    // The engine refused a change; the message is shown in the dialog too.
    void refused(const QString &message);

protected:
    AccountDialog(EngineLink &engine, AdminMode &mode, QWidget *parent);

    // Call after setupUi: `editors` holds every widget that changes something.
    void bindCommon(QLabel *lockedLabel, QLabel *errorLabel, QDialogButtonBox *buttons, QWidget *editors);
    [[nodiscard]] EngineLink &engine() { return m_engine; }
    [[nodiscard]] bool isUnlocked() const;

    void stage(const AdminRequest &request);
    // Shown under the list until the next change; empty clears it.
    void showError(const QString &text);
    [[nodiscard]] bool confirm(const QString &question);
    // Drops every staged change and asks the engine for the list again (loadList()).
    void refresh();
    // Asks the engine for what the dialog shows; the reply replaces the list.
    virtual void loadList() = 0;
    // Subclasses call this when loadList()'s last reply has been shown.
    void listShown();

    void showEvent(QShowEvent *event) override;

private:
    void apply(bool closeAfter);
    void followMode(bool unlocked);

    EngineLink &m_engine;
    AdminMode &m_mode;
    AdminRequestQueue *m_queue;
    Confirmer m_confirm;
    QLabel *m_lockedLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QWidget *m_editors = nullptr;
    bool m_closeAfterApply = false;
    bool m_announceApplied = false;   // applied() waits for the reload after the changes
};
