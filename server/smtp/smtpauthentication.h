#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "clientinfo.h"
#include "loginattempts.h"
#include "plaintextauthpolicy.h"
#include "smtpauthexchange.h"

class AuthFailureRecorder;
class Authenticator;
struct AuthResult;

// The AUTH command of one SMTP session (RFC 4954): whether it may be offered to this client
// (auth.plaintext), the SASL exchange, the password check by the Authenticator (never on the
// session thread), the verdict with its reply code, and who is logged in. The session checks the
// command's place in the conversation, feeds this the command and the response lines, and
// applies the Steps that come back.
class SmtpAuthentication
{
public:
    struct Step
    {
        enum class Kind {
            Reply,      // send `reply`, then read commands again
            Continue,   // send `reply` (a 334 challenge); the next line goes to respond()
            Checking,   // the password is being checked: pause reading until the answer
            Close,      // send `reply` and close the connection
        };
        Kind kind = Kind::Reply;
        QByteArray reply;
        bool badCommand = false;   // the reply counts towards the session's bad-command limit
    };
    // How a Checking step ends; called later from the thread's event loop or before begin() or
    // respond() return. Never called once this object is gone.
    using AnswerHandler = std::function<void(const Step &)>;

    SmtpAuthentication(const ClientInfo &client, PlaintextAuthPolicy policy, Authenticator &authenticator,
                       AuthFailureRecorder &failures, LoginAttempts::Clock clock, AnswerHandler onAnswer);
    ~SmtpAuthentication();

    // Whether EHLO may advertise AUTH and AUTH may be used now.
    [[nodiscard]] bool mayOffer(bool encrypted) const;
    // The AUTH command's argument.
    [[nodiscard]] Step begin(QByteArrayView argument, bool encrypted);
    // A line the client sent after a Continue step.
    [[nodiscard]] Step respond(QByteArrayView line);

    [[nodiscard]] bool isAuthenticated() const { return !m_identity.isEmpty(); }
    // The canonical login name (an account address or an SMTP-only login) once authenticated.
    [[nodiscard]] QString identity() const { return m_identity; }
    // STARTTLS: the login is forgotten with everything else said before the handshake; the count
    // of failures is not, so a new TLS session does not buy more guesses.
    void forget();

private:
    [[nodiscard]] Step fromExchange(const SmtpAuthExchange::Step &step);
    void answered(quint64 attempt, const AuthResult &result);
    void deliver(const Step &answer);

    ClientInfo m_client;
    PlaintextAuthPolicy m_policy;
    Authenticator &m_authenticator;
    LoginAttempts m_attempts;
    AnswerHandler m_onAnswer;
    SmtpAuthExchange m_exchange;
    QString m_identity;
    QString m_pendingUser;
    QString m_pendingAuthorizationId;
    QByteArray m_pendingFingerprint;
    quint64 m_attempt = 0;
    bool m_inAuthenticate = false;
    std::optional<Step> m_immediateAnswer;
    // Answers check this is alive: one may arrive after the session is gone.
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};
