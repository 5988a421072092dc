#pragma once

#include "accounts/accountdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QStringList>

// The Accounts dialog tests' hands on a dialog: its buttons, its error line, and the removal
// questions it asks (answered here instead of by a modal box). Header-only: tests/unit builds
// one executable per tst_*.cpp and no other source.
class AccountDialogProbe
{
public:
    explicit AccountDialogProbe(AccountDialog &dialog) : m_dialog(dialog)
    {
        dialog.setConfirmer([this](const QString &question) {
            m_questions << question;
            return m_answer;
        });
    }

    void answer(bool yes) { m_answer = yes; }
    [[nodiscard]] QStringList questions() const { return m_questions; }
    void press(QDialogButtonBox::StandardButton button)
    {
        m_dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(button)->click();
    }
    void click(const char *name) { m_dialog.findChild<QPushButton *>(QLatin1String(name))->click(); }
    // The error line as the admin sees it: empty while hidden.
    [[nodiscard]] QString error() const
    {
        const auto *label = m_dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
        return label->isVisible() ? label->text() : QString();
    }

private:
    AccountDialog &m_dialog;
    QStringList m_questions;
    bool m_answer = false;
};
