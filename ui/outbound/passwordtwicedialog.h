#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class PasswordTwiceDialog;
}

// Outbound Delivery ▸ Set password…: the smart host's password, typed twice. The password is
// another server's, so no length rule of ours applies; OK stays until both fields agree.
class PasswordTwiceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PasswordTwiceDialog(QWidget *parent = nullptr);
    ~PasswordTwiceDialog() override;

    [[nodiscard]] QString password() const;
    void accept() override;

    // Empty when the two typings are a usable password for a login elsewhere; else the problem.
    // `optional`: both empty is fine (a route without a new password).
    [[nodiscard]] static QString problem(const QString &password, const QString &again, bool optional);

private:
    std::unique_ptr<Ui::PasswordTwiceDialog> m_ui;
};
