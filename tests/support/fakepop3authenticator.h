#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include "pop3authenticator.h"

// A Pop3Authenticator over a fixed table, for tests of the pure session. Synchronous mode answers
// inside authenticate(); deferred mode keeps the answers until runPending(), as a real password
// check on another thread would. User names are matched case-insensitively (MailAddress).
class FakePop3Authenticator final : public Pop3Authenticator
{
public:
    enum class Mode { Synchronous, Deferred };

    explicit FakePop3Authenticator(Mode mode = Mode::Synchronous) : m_mode(mode) {}

    void addAccount(const QString &address, const QString &password, bool enabled = true);
    void authenticate(const QString &user, const QString &password, std::function<void(AuthResult)> done) override;

    [[nodiscard]] bool hasPending() const { return !m_pending.isEmpty(); }
    // Answers every pending request in order; answers may start new requests, which wait.
    void runPending();
    [[nodiscard]] int calls() const { return m_calls; }

private:
    struct Account
    {
        QString password;
        bool enabled = true;
    };
    [[nodiscard]] AuthResult check(const QString &user, const QString &password) const;

    const Mode m_mode;
    QHash<QString, Account> m_accounts;
    QList<std::function<void()>> m_pending;
    int m_calls = 0;
};
