#include "loginattempts.h"

#include "authenticator.h"
#include "authfailurerecorder.h"
#include "clientinfo.h"
#include "log.h"
#include "loginname.h"

LoginAttempts::LoginAttempts(const ClientInfo &client, AuthFailureRecorder &recorder, Clock clock)
    : m_address(client.address)
    , m_service(client.service)
    , m_sessionId(client.sessionId)
    , m_recorder(recorder)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
}

LoginAttempts::Verdict LoginAttempts::conclude(const AuthResult &result, const QString &user,
                                               const QString &authorizationId, const QString &mechanism,
                                               const QByteArray &passwordFingerprint)
{
    if (result.temporary) {
        Log::warning(m_service, m_sessionId,
                     QStringLiteral("authentication of \"%1\" from %2 via %3 not checked: %4; told to try again later")
                         .arg(user, m_address.toString(), mechanism, result.reason));
        return Verdict::Temporary;
    }
    QString reason = result.reason;
    // No proxy logins: an authorization identity must name the login itself.
    const bool proxy = result.ok && !authorizationId.isEmpty() && LoginName::canonical(authorizationId) != result.account;
    if (proxy)
        reason = QStringLiteral("authorization identity \"%1\" is not the user").arg(authorizationId);
    if (result.ok && !proxy)
        return Verdict::Success;

    ++m_failures;
    Log::info(m_service, m_sessionId,
              QStringLiteral("authentication failed for \"%1\" from %2 via %3: %4 (failure %5; more than %6 close the session)")
                  .arg(user, m_address.toString(), mechanism, reason)
                  .arg(m_failures)
                  .arg(kMaxFailures));
    AuthFailure failure;
    failure.client = m_address;
    failure.user = user;
    failure.mechanism = mechanism;
    failure.service = m_service;
    failure.time = m_clock();
    failure.passwordFingerprint = passwordFingerprint;
    m_recorder.record(failure);
    if (m_failures > kMaxFailures) {
        Log::info(m_service, m_sessionId,
                  QStringLiteral("closing: more than %1 failed authentication attempts").arg(kMaxFailures));
        return Verdict::TooManyFailures;
    }
    return Verdict::Failure;
}
