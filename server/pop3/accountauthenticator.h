#pragma once

#include <QObject>

#include "accountcredentials.h"
#include "pop3authenticator.h"

class PasswordVerifier;

// The real Pop3Authenticator: canonicalises the user name (MailAddress), looks the account up,
// checks the password on the PasswordVerifier's pool and answers in the caller's thread. Success
// is answered at once; every failure (unknown user, wrong password, disabled account) after the
// same KDF run and the same extra delay, so neither reply nor timing tells them apart.
// authenticate() may be called from any thread that runs an event loop.
class AccountAuthenticator final : public QObject, public Pop3Authenticator
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
