#pragma once

#include <functional>

#include <QString>

// The answer to one login attempt (SMTP AUTH, POP3 USER/PASS or AUTH).
struct AuthResult
{
    bool ok = false;
    // Not a verdict on the credentials: the check could not be made now (the password pool is
    // overloaded). The client is told to try again later and nothing counts as a failed login.
    bool temporary = false;
    QString account;   // canonical login name when ok (LoginName::canonical)
    QString reason;    // why it failed, for the log only; never shown to the client
};

// Checks a user name and password for a protocol session. Called from every worker thread at
// once. done is called exactly once, in the calling thread, either before authenticate() returns
// or later from that thread's event loop; failures may be delayed on purpose so password
// guessing is slow.
class Authenticator
{
public:
    virtual ~Authenticator() = default;

    virtual void authenticate(const QString &user, const QString &password, std::function<void(AuthResult)> done) = 0;
};
