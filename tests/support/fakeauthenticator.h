#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include "authenticator.h"

// An Authenticator over a fixed table, for tests of the pure sessions. Synchronous mode answers
// inside authenticate(); deferred mode keeps the answers until runPending(), as a real password
// check on another thread would. User names are matched in LoginName's canonical form, so
// addresses are case-insensitive in the domain and SMTP-only login names in full.
class FakeAuthenticator final : public Authenticator
{
public:
    enum class Mode { Synchronous, Deferred };

    explicit FakeAuthenticator(Mode mode = Mode::Synchronous) : m_mode(mode) {}

    void addAccount(const QString &name, const QString &password, bool enabled = true);
    // From now on every check fails as temporary (the password pool overloaded), whatever the
    // credentials: the way to reach SMTP's 454 4.7.0 and POP3's [SYS/TEMP] in a pure test.
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
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
    bool m_unavailable = false;
};
