#pragma once

#include <chrono>

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>

// One failed authentication as the brute-force rules see it. Never holds the password.
struct AuthFailure
{
    QHostAddress client;
    QString user;        // the claimed user name, as the client sent it
    QString mechanism;   // PLAIN, LOGIN, USER (POP3 USER/PASS)
    QString service;     // smtp, submission, pop3, ...
    QDateTime time;      // UTC
};

// Remembers failed authentications per client address, for every service together: the SMTP and
// POP3 sessions write to it, and the auto-ban rule counts what one address did within a window.
// Implementations are thread-safe.
class AuthFailureRecorder
{
public:
    virtual ~AuthFailureRecorder() = default;

    virtual void record(const QHostAddress &client, const QString &user, const QString &mechanism,
                        const QString &service, const QDateTime &time) = 0;
    // The failures from this address no older than `window`, oldest first.
    [[nodiscard]] virtual QList<AuthFailure> failures(const QHostAddress &client, std::chrono::seconds window) const = 0;
    [[nodiscard]] virtual int failureCount(const QHostAddress &client, std::chrono::seconds window) const = 0;
};
