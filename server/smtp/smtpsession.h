#pragma once

#include "clientinfo.h"
#include "protocolsession.h"
#include "smtpsessionconfig.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

class MessageStore;
class RecipientDirectory;
class SmtpMessageReceiver;
class SessionTransport;
struct SmtpCommand;

// One SMTP server conversation (RFC 5321, with PIPELINING, SIZE, 8BITMIME, CHUNKING, SMTPUTF8,
// ENHANCEDSTATUSCODES) as a state machine: bytes in through receive(), replies out through the
// transport, message bytes streamed to the MessageStore.
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
        Closed,
    };
    [[nodiscard]] static QString stateName(State state);

    SmtpSession(SmtpSessionConfig config, ClientInfo client, SessionTransport &transport,
                const RecipientDirectory &directory, MessageStore &store);
    ~SmtpSession() override;

    void start() override;
    void receive(QByteArrayView bytes) override;
    void timedOut() override;
    void disconnected() override;

    [[nodiscard]] State state() const { return m_state; }

private:
    void processInput();
    bool takeCommandLine();
    void handleCommand(const SmtpCommand &command);
    void handleEhlo(const SmtpCommand &command, bool extended);
    void handleMail(const SmtpCommand &command);
    void handleRcpt(const SmtpCommand &command);
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
    const RecipientDirectory &m_directory;
    std::unique_ptr<SmtpMessageReceiver> m_receiver;

    State m_state = State::Connected;
    QByteArray m_input;
    qsizetype m_scanFrom = 0;        // where the search for the next LF resumes
    bool m_discardingLongLine = false;
    QByteArray m_outbox;
    int m_badCommands = 0;
    bool m_extended = false;
    QString m_heloName;

    // The transaction.
    QString m_reversePath;
    bool m_smtpUtf8 = false;
    qint64 m_declaredSize = 0;
    QStringList m_recipients;
    QStringList m_mailboxes;
    qint64 m_chunkRemaining = 0;
    bool m_chunkLast = false;
    State m_stateBeforeChunk = State::Connected;
    QByteArray m_chunkReply;         // set when the chunk is being discarded: the reply after it
};
