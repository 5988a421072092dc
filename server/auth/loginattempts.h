#pragma once

#include <functional>

#include <QDateTime>
#include <QHostAddress>
#include <QString>

class AuthFailureRecorder;
struct AuthResult;
struct ClientInfo;

// One session's login attempts, the same for SMTP AUTH and POP3: turns the authenticator's answer
// into a verdict, refuses proxy logins, logs every failure with the client's address, the claimed
// user and the mechanism (never the password), reports it to the shared AuthFailureRecorder, and
// says when the session has failed too often and must close.
class LoginAttempts
{
public:
    // More failures than this in one session close it.
    static constexpr int kMaxFailures = 3;

    enum class Verdict {
        Success,          // logged in as result.account
        Failure,          // wrong credentials: answer after the authenticator's delay, go on
        TooManyFailures,  // the failure that went over kMaxFailures: answer and close
        Temporary,        // could not check now: "try again later", not counted
    };

    using Clock = std::function<QDateTime()>;   // empty: QDateTime::currentDateTimeUtc

    LoginAttempts(const ClientInfo &client, AuthFailureRecorder &recorder, Clock clock = {});

    // `user` and `authorizationId` as the client sent them (the authorization identity of SASL
    // PLAIN; empty otherwise), `mechanism` as the failure log and record name it, and the
    // PasswordFingerprint of the user and password tried (so auto-ban counts a repeat once).
    [[nodiscard]] Verdict conclude(const AuthResult &result, const QString &user, const QString &authorizationId,
                                   const QString &mechanism, const QByteArray &passwordFingerprint);
    [[nodiscard]] int failures() const { return m_failures; }

private:
    QHostAddress m_address;
    QString m_service;
    QString m_sessionId;
    AuthFailureRecorder &m_recorder;
    Clock m_clock;
    int m_failures = 0;
};
