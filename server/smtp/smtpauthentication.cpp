#include "smtpauthentication.h"

#include "authenticator.h"
#include "log.h"
#include "passwordfingerprint.h"

namespace {

SmtpAuthentication::Step step(SmtpAuthentication::Step::Kind kind, const QByteArray &reply, bool badCommand = false)
{
    SmtpAuthentication::Step result;
    result.kind = kind;
    result.reply = reply;
    result.badCommand = badCommand;
    return result;
}

}

SmtpAuthentication::SmtpAuthentication(const ClientInfo &client, PlaintextAuthPolicy policy, Authenticator &authenticator,
                                       AuthFailureRecorder &failures, LoginAttempts::Clock clock, AnswerHandler onAnswer)
    : m_client(client)
    , m_policy(std::move(policy))
    , m_authenticator(authenticator)
    , m_attempts(client, failures, std::move(clock))
    , m_onAnswer(std::move(onAnswer))
{
}

SmtpAuthentication::~SmtpAuthentication() = default;

bool SmtpAuthentication::mayOffer(bool encrypted) const
{
    return m_policy.allows(m_client.address, encrypted);
}

SmtpAuthentication::Step SmtpAuthentication::begin(QByteArrayView argument, bool encrypted)
{
    // A mechanism we do not offer is answered as such; every one we offer sends the password in
    // the clear (base64 is no protection), so the policy applies to all of them alike, before a
    // single byte of the response is looked at.
    const qsizetype space = argument.indexOf(' ');
    const QByteArrayView mechanism = space < 0 ? argument : argument.first(space);
    if (SmtpAuthExchange::offers(mechanism) && !mayOffer(encrypted)) {
        Log::info(m_client.service, m_client.sessionId,
                  QStringLiteral("AUTH %1 refused: %2 538 5.7.11")
                      .arg(QString::fromLatin1(mechanism.toByteArray().toUpper()), m_policy.refusalReason(m_client.address)));
        return step(Step::Kind::Reply, "538 5.7.11 Encryption required for requested authentication mechanism", true);
    }
    return fromExchange(m_exchange.start(argument));
}

SmtpAuthentication::Step SmtpAuthentication::respond(QByteArrayView line)
{
    return fromExchange(m_exchange.respond(line));
}

SmtpAuthentication::Step SmtpAuthentication::fromExchange(const SmtpAuthExchange::Step &exchanged)
{
    switch (exchanged.kind) {
    case SmtpAuthExchange::Step::Kind::Challenge:
        return step(Step::Kind::Continue, exchanged.reply);
    case SmtpAuthExchange::Step::Kind::Failed:
        return step(Step::Kind::Reply, exchanged.reply, true);
    case SmtpAuthExchange::Step::Kind::Credentials:
        break;
    }
    m_pendingUser = exchanged.user;
    m_pendingAuthorizationId = exchanged.authorizationId;
    m_pendingFingerprint = PasswordFingerprint::of(exchanged.user, exchanged.password);
    const quint64 attempt = ++m_attempt;
    const std::weak_ptr<int> alive = m_alive;
    m_inAuthenticate = true;
    m_authenticator.authenticate(exchanged.user, exchanged.password, [this, alive, attempt](AuthResult result) {
        if (!alive.expired())
            answered(attempt, result);
    });
    m_inAuthenticate = false;
    // An authenticator may answer before it returns; the session then never pauses.
    if (m_immediateAnswer)
        return *std::exchange(m_immediateAnswer, std::nullopt);
    return step(Step::Kind::Checking, {});
}

void SmtpAuthentication::deliver(const Step &answer)
{
    if (m_inAuthenticate)
        m_immediateAnswer = answer;
    else
        m_onAnswer(answer);
}

void SmtpAuthentication::answered(quint64 attempt, const AuthResult &result)
{
    if (attempt != m_attempt)
        return;
    const QString mechanism = m_exchange.mechanism();
    switch (m_attempts.conclude(result, m_pendingUser, m_pendingAuthorizationId, mechanism, m_pendingFingerprint)) {
    case LoginAttempts::Verdict::Success:
        m_identity = result.account;
        Log::info(m_client.service, m_client.sessionId,
                  QStringLiteral("authenticated as %1 via %2 from %3").arg(m_identity, mechanism, m_client.address.toString()));
        deliver(step(Step::Kind::Reply, "235 2.7.0 Authentication successful"));
        return;
    case LoginAttempts::Verdict::Failure:
        deliver(step(Step::Kind::Reply, "535 5.7.8 Authentication credentials invalid"));
        return;
    case LoginAttempts::Verdict::TooManyFailures:
        deliver(step(Step::Kind::Close, "421 4.7.0 Too many failed authentication attempts"));
        return;
    case LoginAttempts::Verdict::Temporary:
        deliver(step(Step::Kind::Reply, "454 4.7.0 Temporary authentication failure, try again later"));
        return;
    }
}

void SmtpAuthentication::forget()
{
    m_identity.clear();
    ++m_attempt;   // an answer still on its way no longer counts
}
