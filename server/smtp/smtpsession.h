#pragma once

#include "clientinfo.h"
#include "protocolsession.h"
#include "smtpauthentication.h"
#include "smtpenvelope.h"
#include "smtpsessionconfig.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

class AuthFailureRecorder;
class Authenticator;
class MessageStore;
class RecipientDirectory;
class SmtpMessageReceiver;
class SmtpSenderVerification;
class PolicyDecision;
class SessionTransport;
struct SmtpCommand;

// One SMTP server conversation (RFC 5321, with PIPELINING, SIZE, 8BITMIME, CHUNKING, DSN, SMTPUTF8,
// ENHANCEDSTATUSCODES, STARTTLS and AUTH) as a state machine: bytes in through receive(), replies
// out through the transport, message bytes streamed to the MessageStore.
class SmtpSession final : public ProtocolSession
{
public:
    enum class State {
        Connected,       // greeted, no HELO/EHLO yet
        Identified,      // HELO/EHLO done, no transaction
        MailGiven,       // MAIL accepted, no recipient yet
        RcptGiven,       // at least one recipient accepted
        ReceivingData,   // after 354, until <CRLF>.<CRLF>
        ReceivingChunk,  // inside a BDAT chunk
        AuthResponse,    // AUTH sent a 334 challenge; the next line is the client's response
        CheckingAuth,    // the password is being checked; input is paused
        CheckingSender,  // MAIL waits for Address Verification's DNS answers; input is paused
        StartingTls,     // 220 to STARTTLS sent; waiting for tlsStarted(), input is discarded
        Closed,
    };
    [[nodiscard]] static QString stateName(State state);

    // The authenticator and the failure recorder are shared by every session and outlive them.
    SmtpSession(SmtpSessionConfig config, ClientInfo client, SessionTransport &transport,
                const RecipientDirectory &directory, MessageStore &store, Authenticator &authenticator,
                AuthFailureRecorder &failures);
    ~SmtpSession() override;

    void start() override;
    void receive(QByteArrayView bytes) override;
    void timedOut() override;
    void disconnected() override;
    void tlsStarted() override;

    [[nodiscard]] State state() const { return m_state; }
    // The canonical login name once AUTH succeeded, else empty.
    [[nodiscard]] QString authenticatedAs() const { return m_auth->identity(); }

private:
    void run();
    void processInput();
    bool takeCommandLine();
    void handleCommand(const SmtpCommand &command);
    void handleEhlo(const SmtpCommand &command, bool extended);
    void handleStartTls(const SmtpCommand &command);
    void handleAuth(const SmtpCommand &command);
    void applyAuthStep(const SmtpAuthentication::Step &step);
    void authAnswered(const SmtpAuthentication::Step &step);
    void handleMail(const SmtpCommand &command);
    void handleRcpt(const SmtpCommand &command);
    void mailDecided(const PolicyDecision &decision, QByteArrayView argument);
    void senderVerified(const PolicyDecision &decision);
    // Sends an envelope answer; true when the command took effect.
    bool answer(const SmtpEnvelope::Answer &answer);
    void handleData();
    void handleBdat(const SmtpCommand &command);
    void consumeData();
    void consumeChunk();
    void finishChunk();
    [[nodiscard]] bool openMessage();
    void finishMessage();
    void resetTransaction();
    void reply(const QByteArray &line);
    void badCommand(const QByteArray &line);
    void closeWith(const QByteArray &line);
    void log(const QString &text) const;
    [[nodiscard]] QString receivedProtocol() const;

    SmtpSessionConfig m_config;
    ClientInfo m_client;
    SessionTransport &m_transport;
    std::unique_ptr<SmtpEnvelope> m_envelope;
    std::unique_ptr<SmtpMessageReceiver> m_receiver;
    std::unique_ptr<SmtpAuthentication> m_auth;
    std::unique_ptr<SmtpSenderVerification> m_verification;
    QByteArray m_pendingMail;        // MAIL's argument while its sender is being verified

    State m_state = State::Connected;
    QByteArray m_input;
    qsizetype m_scanFrom = 0;        // where the search for the next LF resumes
    bool m_discardingLongLine = false;
    QByteArray m_outbox;
    bool m_running = false;          // inside run(): an immediate auth answer must not re-enter it
    int m_badCommands = 0;
    bool m_extended = false;
    QString m_heloName;

    // The BDAT chunk being read.
    qint64 m_chunkRemaining = 0;
    bool m_chunkLast = false;
    State m_stateBeforeChunk = State::Connected;
    QByteArray m_chunkReply;         // set when the chunk is being discarded: the reply after it
};
