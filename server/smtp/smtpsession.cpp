// The SMTP session: its lifecycle, reading commands, and the commands before a mail transaction
// (EHLO/HELO, STARTTLS, AUTH). The transaction itself (MAIL, RCPT, DATA, BDAT) is in
// smtpsessiontransaction.cpp.
#include "smtpsession.h"

#include "enginecounters.h"
#include "log.h"
#include "policydecision.h"
#include "sessiontransport.h"
#include "smtpauthentication.h"
#include "smtpcommand.h"
#include "smtpmessagereceiver.h"
#include "smtpsenderverification.h"

QString SmtpSession::stateName(State state)
{
    switch (state) {
    case State::Connected: return QStringLiteral("connected");
    case State::Identified: return QStringLiteral("identified");
    case State::MailGiven: return QStringLiteral("mail-given");
    case State::RcptGiven: return QStringLiteral("rcpt-given");
    case State::ReceivingData: return QStringLiteral("receiving-data");
    case State::ReceivingChunk: return QStringLiteral("receiving-chunk");
    case State::AuthResponse: return QStringLiteral("auth-response");
    case State::CheckingAuth: return QStringLiteral("checking-auth");
    case State::CheckingSender: return QStringLiteral("checking-sender");
    case State::StartingTls: return QStringLiteral("starting-tls");
    case State::Closed: return QStringLiteral("closed");
    }
    return QStringLiteral("unknown");
}

SmtpSession::SmtpSession(SmtpSessionConfig config, ClientInfo client, SessionTransport &transport,
                         const RecipientDirectory &directory, MessageStore &store, Authenticator &authenticator,
                         AuthFailureRecorder &failures)
    : m_config(std::move(config))
    , m_client(std::move(client))
    , m_transport(transport)
    , m_envelope(std::make_unique<SmtpEnvelope>(m_config, m_client, directory))
    , m_receiver(std::make_unique<SmtpMessageReceiver>(m_client, store, m_config.maxMessageSize, m_config.normalizeBareNewlines,
                                                       m_config.filterLists))
    , m_verification(std::make_unique<SmtpSenderVerification>(m_config, m_client, directory,
                                                              [this](const PolicyDecision &decision) { senderVerified(decision); }))
{
    if (!m_config.clock)
        m_config.clock = [] { return QDateTime::currentDateTime(); };
    m_receiver->setCounters(m_config.counters);
    m_auth = std::make_unique<SmtpAuthentication>(m_client, m_config.plaintextPolicy, authenticator, failures, m_config.clock,
                                                  [this](const SmtpAuthentication::Step &step) { authAnswered(step); });
}

SmtpSession::~SmtpSession() = default;

void SmtpSession::log(const QString &text) const
{
    Log::info(m_client.service, m_client.sessionId, text);
}

void SmtpSession::reply(const QByteArray &line)
{
    m_outbox += line;
    m_outbox += "\r\n";
}

void SmtpSession::badCommand(const QByteArray &line)
{
    if (++m_badCommands > m_config.maxBadCommands) {
        log(QStringLiteral("closing: more than %1 bad commands").arg(m_config.maxBadCommands));
        closeWith("421 4.7.0 " + m_config.hostName.toUtf8() + " Error: too many errors");
        return;
    }
    reply(line);
}

void SmtpSession::closeWith(const QByteArray &line)
{
    reply(line);
    resetTransaction();
    m_state = State::Closed;
}

void SmtpSession::start()
{
    m_transport.setIdleTimeout(m_config.commandTimeoutMs);
    reply("220 " + m_config.hostName.toUtf8() + " ESMTP Postern");
    m_verification->connected();
    m_transport.send(std::exchange(m_outbox, {}));
}

void SmtpSession::receive(QByteArrayView bytes)
{
    // While the handshake runs nothing is plaintext for us any more (RFC 3207 §4.2).
    if (m_state == State::Closed || m_state == State::StartingTls)
        return;
    m_input.append(bytes);
    run();
}

void SmtpSession::run()
{
    if (m_running)
        return;   // re-entered from an authenticator that answered at once: the loop goes on
    m_running = true;
    processInput();
    m_running = false;
    if (!m_outbox.isEmpty())
        m_transport.send(std::exchange(m_outbox, {}));
    if (m_state == State::Closed)
        m_transport.close();
}

void SmtpSession::tlsStarted()
{
    if (m_state != State::StartingTls)
        return;
    // The client must introduce itself again (RFC 3207 §4.2); no new greeting is sent.
    m_state = State::Connected;
    m_transport.setIdleTimeout(m_config.commandTimeoutMs);
    log(QStringLiteral("TLS started"));
}

void SmtpSession::timedOut()
{
    if (m_state == State::Closed)
        return;
    log(QStringLiteral("timeout in state %1").arg(stateName(m_state)));
    closeWith("421 4.4.2 " + m_config.hostName.toUtf8() + " Error: timeout exceeded");
    m_transport.send(std::exchange(m_outbox, {}));
    m_transport.close();
}

void SmtpSession::disconnected()
{
    if (m_receiver->isOpen())
        log(QStringLiteral("client left during a message: nothing stored"));
    resetTransaction();
    m_state = State::Closed;
}

void SmtpSession::processInput()
{
    // m_input holds only unprocessed bytes; each branch consumes from its front. What follows a
    // command waiting for a password or DNS check stays there until the answer.
    while (!m_input.isEmpty() && m_state != State::Closed && m_state != State::CheckingAuth
           && m_state != State::CheckingSender && m_state != State::StartingTls) {
        if (m_state == State::ReceivingData) {
            consumeData();
        } else if (m_state == State::ReceivingChunk) {
            consumeChunk();
        } else if (!takeCommandLine()) {
            return;   // an incomplete line: wait for more
        }
    }
}

bool SmtpSession::takeCommandLine()
{
    // Checked before looking for a line end: a ClientHello usually contains a 0x0A byte.
    if (m_state == State::Connected && m_heloName.isEmpty() && SmtpCommand::looksLikeTlsHandshake(m_input)) {
        log(QStringLiteral("TLS handshake on a plain-text port: closing"));
        closeWith("500 5.5.2 " + m_config.hostName.toUtf8() + " TLS handshake on a plain-text port; use STARTTLS or port 465");
        m_input.clear();
        return true;
    }
    const qsizetype lf = m_input.indexOf('\n', m_scanFrom);
    if (lf < 0) {
        if (m_input.size() >= m_config.maxLineLength) {
            // Never buffer an endless line: answer now and drop the rest of it as it comes.
            if (!m_discardingLongLine)
                badCommand("500 5.5.2 Error: line too long");
            m_discardingLongLine = true;
            m_input.clear();
        }
        m_scanFrom = m_input.size();
        return false;
    }
    const QByteArray raw = m_input.left(lf + 1);
    m_input.remove(0, lf + 1);
    m_scanFrom = 0;
    if (m_discardingLongLine || raw.size() > m_config.maxLineLength) {
        if (m_state == State::AuthResponse)
            m_state = State::Identified;   // the exchange ends with the refused line
        if (!m_discardingLongLine)
            badCommand("500 5.5.2 Error: line too long");
        m_discardingLongLine = false;
        return true;
    }
    QByteArrayView line(raw);
    line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (m_state == State::AuthResponse) {
        applyAuthStep(m_auth->respond(line));
        return true;
    }
    if (SmtpCommand::looksLikeTlsHandshake(line) || line.contains('\0')) {
        badCommand("500 5.5.2 Error: command not recognized");
        return true;
    }
    handleCommand(SmtpCommand::parse(line));
    return true;
}

void SmtpSession::handleCommand(const SmtpCommand &command)
{
    const QByteArray &verb = command.verb;
    if (verb == "EHLO" || verb == "HELO") {
        handleEhlo(command, verb == "EHLO");
    } else if (verb == "MAIL") {
        handleMail(command);
    } else if (verb == "RCPT") {
        handleRcpt(command);
    } else if (verb == "DATA") {
        if (!command.argument.isEmpty())
            badCommand("501 5.5.4 Syntax: DATA takes no argument");
        else
            handleData();
    } else if (verb == "BDAT") {
        handleBdat(command);
    } else if (verb == "STARTTLS") {
        handleStartTls(command);
    } else if (verb == "AUTH") {
        handleAuth(command);
    } else if (verb == "RSET") {
        resetTransaction();
        if (m_state != State::Connected)
            m_state = State::Identified;
        reply("250 2.0.0 Ok");
    } else if (verb == "NOOP") {
        reply("250 2.0.0 Ok");
    } else if (verb == "QUIT") {
        closeWith("221 2.0.0 " + m_config.hostName.toUtf8() + " Bye");
    } else if (verb == "HELP") {
        reply("214 2.0.0 Commands: EHLO HELO STARTTLS AUTH MAIL RCPT DATA BDAT RSET NOOP QUIT HELP VRFY");
    } else if (verb == "VRFY") {
        // Never reveal whether an account exists (RFC 5321 §3.5.3 allows 252).
        reply("252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery");
    } else if (verb == "EXPN") {
        reply("502 5.5.1 EXPN not available");
    } else {
        badCommand("500 5.5.2 Error: command not recognized");
    }
}

void SmtpSession::handleEhlo(const SmtpCommand &command, bool extended)
{
    if (!SmtpCommand::isHeloArgument(command.argument)) {
        badCommand(extended ? "501 5.5.4 Syntax: EHLO hostname" : "501 5.5.4 Syntax: HELO hostname");
        return;
    }
    if (const PolicyDecision helo = m_verification->checkHelo(command, m_auth->isAuthenticated()); !helo.isAccept()) {
        badCommand(helo.replyLine());
        return;
    }
    resetTransaction();
    m_heloName = QString::fromUtf8(command.argument);
    m_extended = extended;
    m_state = State::Identified;
    log(QStringLiteral("%1 %2").arg(extended ? QStringLiteral("EHLO") : QStringLiteral("HELO"), m_heloName));
    const QByteArray host = m_config.hostName.toUtf8();
    if (!extended) {
        reply("250 " + host);
        return;
    }
    reply("250-" + host);
    reply("250-PIPELINING");
    reply("250-SIZE " + QByteArray::number(m_config.maxMessageSize));
    reply("250-8BITMIME");
    reply("250-ENHANCEDSTATUSCODES");
    reply("250-CHUNKING");
    reply("250-DSN");
    if (!m_transport.isEncrypted() && m_transport.canStartTls())
        reply("250-STARTTLS");
    if (m_auth->mayOffer(m_transport.isEncrypted()))
        reply(QByteArray("250-AUTH ") + SmtpAuthExchange::kMechanisms);
    reply("250 SMTPUTF8");
}

void SmtpSession::handleStartTls(const SmtpCommand &command)
{
    if (!command.argument.isEmpty()) {
        badCommand("501 5.5.4 Syntax: STARTTLS takes no argument");
        return;
    }
    if (m_transport.isEncrypted()) {
        badCommand("503 5.5.1 Error: TLS already active");
        return;
    }
    if (m_state != State::Connected && m_state != State::Identified) {
        badCommand("503 5.5.1 Error: MAIL transaction in progress");
        return;
    }
    if (!m_transport.canStartTls()) {
        log(QStringLiteral("STARTTLS refused: no certificate loaded 454 4.7.0"));
        reply("454 4.7.0 TLS not available");
        return;
    }
    reply("220 2.0.0 Ready to start TLS");
    // RFC 3207 §4.2 and CVE-2011-0411: nothing learned in clear text survives the handshake,
    // and nothing the client sent after STARTTLS is ever executed.
    m_input.clear();
    m_scanFrom = 0;
    m_discardingLongLine = false;
    resetTransaction();
    m_heloName.clear();
    m_extended = false;
    m_auth->forget();
    m_state = State::StartingTls;
    log(QStringLiteral("STARTTLS: handshake follows"));
    // The 220 must be on its way in clear text before the transport switches to TLS.
    m_transport.send(std::exchange(m_outbox, {}));
    m_transport.startTls();
}

void SmtpSession::handleAuth(const SmtpCommand &command)
{
    if (!m_extended) {
        badCommand("503 5.5.1 Error: send EHLO first");
    } else if (m_auth->isAuthenticated()) {
        badCommand("503 5.5.1 Error: already authenticated");
    } else if (m_state != State::Identified) {
        badCommand("503 5.5.1 Error: AUTH not allowed during a mail transaction");
    } else {
        applyAuthStep(m_auth->begin(command.argument, m_transport.isEncrypted()));
    }
}

void SmtpSession::applyAuthStep(const SmtpAuthentication::Step &step)
{
    switch (step.kind) {
    case SmtpAuthentication::Step::Kind::Continue:
        m_state = State::AuthResponse;
        reply(step.reply);
        return;
    case SmtpAuthentication::Step::Kind::Checking:
        m_state = State::CheckingAuth;
        // The pipeline behind AUTH waits in the socket, not here.
        m_transport.pauseReading();
        return;
    case SmtpAuthentication::Step::Kind::Reply:
        m_state = State::Identified;
        if (m_config.counters && step.reply.startsWith("235"))
            m_config.counters->loginSucceeded();
        if (step.badCommand)
            badCommand(step.reply);
        else
            reply(step.reply);
        return;
    case SmtpAuthentication::Step::Kind::Close:
        closeWith(step.reply);
        return;
    }
}

void SmtpSession::authAnswered(const SmtpAuthentication::Step &step)
{
    if (m_state != State::CheckingAuth)
        return;
    m_transport.resumeReading();
    applyAuthStep(step);
    run();
}
