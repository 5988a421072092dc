#pragma once

#include <functional>
#include <memory>

#include <QByteArray>
#include <QString>

#include "clientinfo.h"
#include "loginattempts.h"
#include "maildrop.h"
#include "pop3messagestream.h"
#include "pop3sessionconfig.h"
#include "protocolsession.h"

class AuthFailureRecorder;
class LoginRecorder;
class Authenticator;
class Pop3Transaction;
class SessionTransport;
struct AuthResult;
struct Pop3Command;

// One POP3 server conversation (RFC 1939 with CAPA, RESP-CODES, PIPELINING, AUTH-RESP-CODE from
// RFC 2449, AUTH PLAIN from RFC 5034 and STLS from RFC 2595) as a state machine: bytes in through
// receive(), replies out through the transport. Long replies (RETR, TOP, LIST, UIDL) are produced in blocks while
// the transport's queue is short, so a large message never sits in memory whole.
class Pop3Session final : public ProtocolSession
{
public:
    enum class State {
        Authorization,    // greeted, not logged in
        SaslResponse,     // AUTH PLAIN sent "+ ", waiting for the client's response line
        WaitingForAuth,   // the credentials are being checked; input is paused
        StartingTls,      // +OK to STLS sent; waiting for tlsStarted(), input is discarded
        Transaction,      // logged in, maildrop locked
        Update,           // QUIT received: deleting the marked messages
        Closed,
    };
    [[nodiscard]] static QString stateName(State state);

    // The authenticator and both recorders are shared by every session and outlive them.
    Pop3Session(Pop3SessionConfig config, ClientInfo client, SessionTransport &transport,
                Authenticator &authenticator, MaildropOpener opener, LoginRecorder &recorder,
                AuthFailureRecorder &failures);
    ~Pop3Session() override;

    void start() override;
    void receive(QByteArrayView bytes) override;
    void timedOut() override;
    void disconnected() override;
    void outputDrained() override;
    void tlsStarted() override;

    [[nodiscard]] State state() const { return m_state; }
    // The canonical account while logged in.
    [[nodiscard]] QString account() const { return m_account; }
    // True while a multi-line reply is still being produced.
    [[nodiscard]] bool isSendingReply() const { return bool(m_producer); }

    // Queued output at which production stops until outputDrained(); with the at most 128 KiB
    // produced between two checks, the transport never holds much more than 224 KiB.
    static constexpr qint64 kHighWaterBytes = 96 * 1024;
    static constexpr qint64 kSendBytes = 64 * 1024;

private:
    using Producer = std::function<Pop3MessageStream::Status(QByteArray &out)>;

    void pump();
    bool takeLine();
    void handleLine(QByteArrayView line);
    void handleAuthorization(const Pop3Command &command);
    void handleTransaction(const Pop3Command &command);
    void handleStls(const Pop3Command &command);
    void handleAuth(const Pop3Command &command);
    [[nodiscard]] bool plaintextAllowed() const;
    // Answers USER or AUTH with the [AUTH] refusal where auth.plaintext forbids them; true then.
    bool refusePlaintext(const QByteArray &keyword);
    void handlePlainResponse(QByteArrayView base64);
    void beginAuthentication(const QString &user, const QString &password, const QString &authorizationId,
                             const QString &mechanism);
    void finishAuthentication(quint64 attempt, AuthResult result);
    void openMaildrop(const QString &account);
    void replyCapabilities();
    void reply(const QByteArray &line);
    void badCommand(const QByteArray &line);
    void flush();
    void closeSession();
    void log(const QString &text) const;

    Pop3SessionConfig m_config;
    ClientInfo m_client;
    SessionTransport &m_transport;
    Authenticator &m_authenticator;
    MaildropOpener m_opener;
    LoginRecorder &m_recorder;

    State m_state = State::Authorization;
    QByteArray m_input;
    qsizetype m_inputPos = 0;        // bytes of m_input already consumed
    qsizetype m_scanFrom = 0;        // where the search for the next LF resumes
    bool m_discardingLongLine = false;
    bool m_sawLine = false;
    QByteArray m_outbox;
    Producer m_producer;             // the rest of a multi-line reply
    bool m_pumping = false;
    bool m_closeSent = false;
    bool m_outputProgressed = false; // output drained since the last timeout
    int m_badCommands = 0;
    LoginAttempts m_attempts;

    QString m_pendingUser;           // from USER, until PASS
    QString m_authUser;
    QString m_authorizationId;
    QString m_authMechanism;
    QByteArray m_authFingerprint;   // of the user and password being checked, for auto-ban
    bool m_userGiven = false;        // a USER was accepted: STLS is too late (RFC 2595 §4)
    quint64 m_authAttempt = 0;
    // Answers of the authenticator check this is alive: one may arrive after the session is gone.
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);

    QString m_account;
    std::unique_ptr<Pop3Transaction> m_transaction;   // while logged in; holds the maildrop lock
};
