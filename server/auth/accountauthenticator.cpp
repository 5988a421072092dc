#include "accountauthenticator.h"

#include <QTimer>

#include "loginname.h"
#include "passwordverifier.h"

namespace {

// One pending check. Lives in the thread that called authenticate(), so the verifier's answer
// (a queued signal) and the failure delay both run there, and deletes itself after answering.
class AuthRequest final : public QObject
{
public:
    AuthRequest(std::function<void(AuthResult)> done, AuthResult failure, QString account, int failureDelayMs)
        : m_done(std::move(done)), m_failure(std::move(failure)), m_account(std::move(account)), m_failureDelayMs(failureDelayMs)
    {
    }

    void listen(PasswordVerifier &verifier)
    {
        // Connected before verify() is called, so the answer cannot slip past; it can only
        // arrive through this thread's event loop, after m_requestId is set.
        m_verified = connect(&verifier, &PasswordVerifier::verified, this, [this](quint64 requestId, bool ok) {
            if (requestId == m_requestId && !m_answered)
                answer(ok);
        });
        // Comes just before the verified(false) of a request the pool refused for overload.
        m_refused = connect(&verifier, &PasswordVerifier::refused, this, [this](quint64 requestId) {
            if (requestId == m_requestId)
                m_overloaded = true;
        });
        // A verifier destroyed with our check pending never answers; do not leave a session waiting.
        m_destroyed = connect(&verifier, &QObject::destroyed, this, [this] {
            if (!m_answered)
                answer(false);
        });
    }

    void setRequestId(quint64 requestId) { m_requestId = requestId; }

private:
    void answer(bool passwordOk)
    {
        m_answered = true;
        disconnect(m_verified);
        disconnect(m_refused);
        disconnect(m_destroyed);
        if (m_overloaded) {
            AuthResult result;
            result.temporary = true;
            result.reason = QStringLiteral("password checks overloaded");
            finish(result);
            return;
        }
        if (passwordOk && !m_account.isEmpty() && m_failure.reason.isEmpty()) {
            AuthResult result;
            result.ok = true;
            result.account = m_account;
            finish(result);
            return;
        }
        if (m_failure.reason.isEmpty())
            m_failure.reason = QStringLiteral("wrong password");
        QTimer::singleShot(m_failureDelayMs, this, [this] { finish(m_failure); });
    }

    void finish(const AuthResult &result)
    {
        const auto done = std::move(m_done);
        deleteLater();
        if (done)
            done(result);
    }

    std::function<void(AuthResult)> m_done;
    AuthResult m_failure;      // reason already set when the outcome is failure whatever the password
    const QString m_account;
    const int m_failureDelayMs;
    QMetaObject::Connection m_verified;
    QMetaObject::Connection m_refused;
    QMetaObject::Connection m_destroyed;
    quint64 m_requestId = 0;
    bool m_answered = false;
    bool m_overloaded = false;
};

}

AccountAuthenticator::AccountAuthenticator(PasswordVerifier &verifier, CredentialsLookup lookup, int failureDelayMs,
                                           QObject *parent)
    : QObject(parent), m_verifier(verifier), m_lookup(std::move(lookup)), m_failureDelayMs(failureDelayMs)
{
}

void AccountAuthenticator::authenticate(const QString &user, const QString &password, std::function<void(AuthResult)> done)
{
    const QString account = LoginName::canonical(user);
    AuthResult failure;
    std::optional<AccountCredentials> credentials;
    if (account.isEmpty()) {
        failure.reason = QStringLiteral("not a valid user name");
    } else {
        credentials = m_lookup ? m_lookup(account) : std::nullopt;
        if (!credentials)
            failure.reason = QStringLiteral("unknown user");
        else if (!credentials->enabled)
            failure.reason = QStringLiteral("account disabled");
    }
    // Created in the caller's thread (no parent), so its slots and timer run there.
    auto *request = new AuthRequest(std::move(done), failure, account, m_failureDelayMs);
    request->listen(m_verifier);
    // Unknown users are checked against an empty hash: the verifier spends one KDF run on it
    // anyway, so the answer takes as long as for a real account.
    const QString storedHash = credentials ? credentials->passwordHash : QString();
    request->setRequestId(m_verifier.verify(account.isEmpty() ? user : account, password, storedHash));
}
