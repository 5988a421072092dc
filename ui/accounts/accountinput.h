#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// The checks and formats the account dialogs and the first-run wizard share, so a mistake is
// shown in the dialog before anything is sent, in the same words everywhere.
class AccountInput
{
    Q_DECLARE_TR_FUNCTIONS(AccountInput)

public:
    AccountInput() = delete;

    // Empty when `typed` is a host name a server can own (for a mail domain or the server's
    // name), with its canonical form in *ace; else what is wrong with it.
    [[nodiscard]] static QString hostNameProblem(const QString &typed, QString *ace);
    // Empty when the password typed twice is acceptable; else what is wrong with it.
    // `optional`: both fields empty is fine (an edit that keeps the password).
    [[nodiscard]] static QString passwordProblem(const QString &password, const QString &again, bool optional = false);
    // "500M", "2 GB", "0" → bytes; nullopt (and *error) when it is not a size.
    [[nodiscard]] static std::optional<qint64> parseQuota(const QString &text, QString *error);
    // For the list: "unlimited", "500 MiB".
    [[nodiscard]] static QString quotaForDisplay(qint64 bytes);
    // For the editor, in the largest unit that is exact: "0", "500M", "1536K", "1000".
    [[nodiscard]] static QString quotaForEditing(qint64 bytes);
};
