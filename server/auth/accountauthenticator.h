#pragma once

#include <QObject>

#include "accountcredentials.h"
#include "authenticator.h"

class PasswordVerifier;

// The real Authenticator: canonicalises the user name (LoginName), looks the login up,
// checks the password on the PasswordVerifier's pool and answers in the caller's thread. Success
// is answered at once; every failure (unknown user, wrong password, disabled account) after the
// same KDF run and the same extra delay, so neither reply nor timing tells them apart. A check the
// password pool refuses for overload is answered at once as temporary.
// authenticate() may be called from any thread that runs an event loop.
class AccountAuthenticator final : public QObject, public Authenticator
{
    Q_OBJECT

public:
    static constexpr int DefaultFailureDelayMs = 1500;

    // verifier must outlive every answer still pending; lookup must be thread-safe.
    AccountAuthenticator(PasswordVerifier &verifier, CredentialsLookup lookup,
                         int failureDelayMs = DefaultFailureDelayMs, QObject *parent = nullptr);

    void authenticate(const QString &user, const QString &password, std::function<void(AuthResult)> done) override;

private:
    PasswordVerifier &m_verifier;
    const CredentialsLookup m_lookup;
    const int m_failureDelayMs;
};
