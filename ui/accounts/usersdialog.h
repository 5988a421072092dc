#pragma once

#include "accountdialog.h"

#include <memory>
#include <optional>

class AdminMode;
class EngineLink;
class QJsonArray;

namespace Ui {
class UsersDialog;
}

// Accounts ▸ Users: the mailbox accounts, added, changed (display name, quota, password,
// enabled) and removed.
class UsersDialog : public AccountDialog
{
    Q_OBJECT

public:
    UsersDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~UsersDialog() override;

protected:
    void loadList() override;

private:
    struct Entry
    {
        QString address;
        QString displayName;
        qint64 quotaBytes = 0;
        bool enabled = true;
    };
    void showUsers(const QJsonArray &users);
    void showDomains(const QStringList &domains);
    void setRow(int row, const Entry &entry);
    [[nodiscard]] Entry rowEntry(int row) const;
    [[nodiscard]] int rowOf(const QString &address) const;
    // The form's values, checked; nullopt after showing what is wrong.
    [[nodiscard]] std::optional<Entry> readForm(bool newUser);
    void fillForm();
    void clearForm();
    void addUser();
    void changeUser();
    void removeUser();

    std::unique_ptr<Ui::UsersDialog> m_ui;
};
