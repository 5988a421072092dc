#pragma once

#include <chrono>

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>

// One failure the brute-force rules count: a failed login, or a relay attempt (RCPT refused by
// the "Relay" rule). Never holds the password.
struct AuthFailure
{
    enum class Kind {
        Login,   // SMTP AUTH, POP3 USER/PASS or AUTH
        Relay,   // an unauthenticated client asked to relay; `user` is the recipient
    };

    QHostAddress client;
    QString user;        // the claimed user name as the client sent it; for Relay the recipient
    QString mechanism;   // PLAIN, LOGIN, USER (POP3 USER/PASS); RCPT for Relay
    QString service;     // smtp, submission, pop3, ...
    QDateTime time;      // UTC
    Kind kind = Kind::Login;
    // PasswordFingerprint of the user and the password tried, so a password repeated counts
    // once; empty for Relay.
    QByteArray passwordFingerprint;
};

// Remembers failed authentications and relay attempts per client address, for every service
// together: the SMTP and POP3 sessions write to it, and the auto-ban rule counts what one address
// did within a window. Implementations are thread-safe.
class AuthFailureRecorder
{
public:
    virtual ~AuthFailureRecorder() = default;

    virtual void record(const AuthFailure &failure) = 0;
    // The failures from this address no older than `window`, oldest first.
    [[nodiscard]] virtual QList<AuthFailure> failures(const QHostAddress &client, std::chrono::seconds window) const = 0;
    [[nodiscard]] virtual int failureCount(const QHostAddress &client, std::chrono::seconds window) const = 0;
    // Drops everything remembered about this address (it has just been banned: counting starts
    // afresh, so lifting the ban does not re-ban on the next failure).
    virtual void forget(const QHostAddress &client) = 0;
};
