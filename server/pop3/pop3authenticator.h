#pragma once

#include <functional>

#include <QString>

// The answer to one POP3 login attempt.
struct AuthResult
{
    bool ok = false;
    QString account;   // canonical address of the account when ok
    QString reason;    // why it failed, for the log only; never shown to the client
};

// Checks a user name and password for POP3 (USER/PASS and AUTH PLAIN alike). Called from every
// worker thread at once. done is called exactly once, in the calling thread, either before
// authenticate() returns or later from that thread's event loop; failures may be delayed on
// purpose so password guessing is slow.
class Pop3Authenticator
{
public:
    virtual ~Pop3Authenticator() = default;

    virtual void authenticate(const QString &user, const QString &password, std::function<void(AuthResult)> done) = 0;
};
