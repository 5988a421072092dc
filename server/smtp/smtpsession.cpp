#include "smtpsession.h"

#include "log.h"
#include "mailaddress.h"
#include "messagestore.h"
#include "recipientdirectory.h"
#include "sessiontransport.h"
#include "smtpcommand.h"
#include "smtpmailparameters.h"
#include "smtpmessagereceiver.h"
#include "traceheaders.h"

QString SmtpSession::stateName(State state)
{
    switch (state) {
    case State::Connected: return QStringLiteral("connected");
    case State::Identified: return QStringLiteral("identified");
    case State::MailGiven: return QStringLiteral("mail-given");
    case State::RcptGiven: return QStringLiteral("rcpt-given");
    case State::ReceivingData: return QStringLiteral("receiving-data");
    case State::ReceivingChunk: return QStringLiteral("receiving-chunk");
    case State::Closed: return QStringLiteral("closed");
    }
    return QStringLiteral("unknown");
}

SmtpSession::SmtpSession(SmtpSessionConfig config, ClientInfo client, SessionTransport &transport,
                         const RecipientDirectory &directory, MessageStore &store)
    : m_config(std::move(config))
    , m_client(std::move(client))
    , m_transport(transport)
    , m_directory(directory)
    , m_receiver(std::make_unique<SmtpMessageReceiver>(m_client, store, m_config.maxMessageSize, m_config.normalizeBareNewlines))
{
    if (!m_config.clock)
        m_config.clock = [] { return QDateTime::currentDateTime(); };
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
    m_transport.send(std::exchange(m_outbox, {}));
}

void SmtpSession::receive(QByteArrayView bytes)
{
    if (m_state == State::Closed)
        return;
    m_input.append(bytes);
    processInput();
    if (!m_outbox.isEmpty())
        m_transport.send(std::exchange(m_outbox, {}));
    if (m_state == State::Closed)
        m_transport.close();
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
    // m_input holds only unprocessed bytes; each branch consumes from its front.
    while (!m_input.isEmpty() && m_state != State::Closed) {
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
        if (!m_discardingLongLine)
            badCommand("500 5.5.2 Error: line too long");
        m_discardingLongLine = false;
        return true;
    }
    QByteArrayView line(raw);
    line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
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
        reply("214 2.0.0 Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT HELP VRFY");
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
    reply("250 SMTPUTF8");
}

void SmtpSession::handleMail(const SmtpCommand &command)
{
    if (m_state == State::Connected) {
        badCommand("503 5.5.1 Error: send HELO/EHLO first");
        return;
    }
    if (m_state != State::Identified) {
        badCommand("503 5.5.1 Error: nested MAIL command");
        return;
    }
    const SmtpPathArgument parsed = SmtpPathArgument::parse(command.argument, "FROM");
    if (!parsed.ok) {
        badCommand(parsed.error);
        return;
    }
    const SmtpMailParameters params = SmtpMailParameters::parse(parsed.params, m_extended, m_config.maxMessageSize);
    if (!params.ok()) {
        if (!params.logDetail.isEmpty())
            log(QStringLiteral("mail from <%1> refused: %2").arg(parsed.path, params.logDetail));
        if (params.badCommand)
            badCommand(params.error);
        else
            reply(params.error);
        return;
    }
    QString reversePath;
    if (!parsed.path.isEmpty()) {
        if (!params.smtpUtf8 && !SmtpCommand::isAscii(parsed.path)) {
            reply("553 5.6.7 Non-ASCII sender address requires SMTPUTF8");
            return;
        }
        const MailAddress address = MailAddress::parse(parsed.path);
        if (!address.isValid()) {
            log(QStringLiteral("mail from <%1> refused: %2").arg(parsed.path, address.error()));
            badCommand("501 5.1.7 Bad sender address syntax");
            return;
        }
        reversePath = parsed.path;   // kept as sent: the sender's own spelling goes into Return-Path
    }
    m_reversePath = reversePath;
    m_smtpUtf8 = params.smtpUtf8;
    m_declaredSize = params.declaredSize;
    m_state = State::MailGiven;
    log(QStringLiteral("mail from <%1> accepted").arg(m_reversePath));
    reply("250 2.1.0 Ok");
}

void SmtpSession::handleRcpt(const SmtpCommand &command)
{
    if (m_state != State::MailGiven && m_state != State::RcptGiven) {
        badCommand("503 5.5.1 Error: need MAIL command");
        return;
    }
    const SmtpPathArgument parsed = SmtpPathArgument::parse(command.argument, "TO");
    if (!parsed.ok) {
        badCommand(parsed.error);
        return;
    }
    if (!parsed.params.isEmpty()) {
        reply("555 5.5.4 Unsupported parameter " + parsed.params.first().first);
        return;
    }
    if (m_recipients.size() >= m_config.maxRecipients) {
        reply("452 4.5.3 Error: too many recipients");
        return;
    }
    const QString &path = parsed.path;
    if (!m_smtpUtf8 && !SmtpCommand::isAscii(path)) {
        reply("553 5.6.7 Non-ASCII recipient address requires SMTPUTF8");
        return;
    }
    QString canonical;
    if (path.compare(QStringLiteral("postmaster"), Qt::CaseInsensitive) == 0) {
        canonical = QStringLiteral("postmaster");   // RFC 5321 §4.5.1: the directory knows whose it is
    } else {
        const MailAddress address = MailAddress::parse(path);
        if (!address.isValid()) {
            badCommand("501 5.1.3 Bad recipient address syntax");
            return;
        }
        canonical = address.canonical();
    }
    const RecipientLookup found = m_directory.lookup(canonical, m_declaredSize);
    const QByteArray shown = '<' + parsed.path.toUtf8() + '>';
    switch (found.kind) {
    case RecipientLookup::Kind::Local:
        break;
    case RecipientLookup::Kind::UnknownUser:
        log(QStringLiteral("rcpt <%1> refused: unknown user (%2) 550 5.1.1").arg(canonical, found.detail));
        reply("550 5.1.1 " + shown + ": Recipient address rejected: User unknown");
        return;
    case RecipientLookup::Kind::NotLocal:
        log(QStringLiteral("rcpt <%1> refused by \"Relay\" (not a local domain, relaying not allowed) 554 5.7.1").arg(canonical));
        reply("554 5.7.1 " + shown + ": Relay access denied");
        return;
    case RecipientLookup::Kind::OverQuota:
        log(QStringLiteral("rcpt <%1> deferred: mailbox full (%2) 452 4.2.2").arg(canonical, found.detail));
        reply("452 4.2.2 " + shown + ": Mailbox full");
        return;
    case RecipientLookup::Kind::Unavailable:
        log(QStringLiteral("rcpt <%1> deferred: %2 451 4.3.0").arg(canonical, found.detail));
        reply("451 4.3.0 " + shown + ": Temporary lookup failure");
        return;
    }
    if (!m_recipients.contains(canonical)) {
        m_recipients << canonical;
        for (const QString &mailbox : found.mailboxes) {
            if (!m_mailboxes.contains(mailbox))
                m_mailboxes << mailbox;
        }
    }
    m_state = State::RcptGiven;
    log(QStringLiteral("rcpt <%1> accepted -> %2").arg(canonical, found.mailboxes.join(QLatin1Char(','))));
    reply("250 2.1.5 Ok");
}

QString SmtpSession::receivedProtocol() const
{
    if (!m_extended)
        return QStringLiteral("SMTP");
    QString protocol = m_smtpUtf8 ? QStringLiteral("UTF8SMTP") : QStringLiteral("ESMTP");
    if (m_client.tls)
        protocol += QLatin1Char('S');
    return protocol;
}

bool SmtpSession::openMessage()
{
    TraceHeaders trace;
    trace.reversePath = m_reversePath;
    trace.heloName = m_heloName;
    QHostAddress client = m_client.address;
    client.setScopeId({});
    // RFC 5321 §4.1.3: an IPv6 address literal carries the "IPv6:" tag.
    trace.clientAddress = client.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("IPv6:") + client.toString()
                                                                             : client.toString();
    trace.hostName = m_config.hostName;
    trace.protocol = receivedProtocol();
    trace.singleRecipient = m_recipients.size() == 1 ? m_recipients.first() : QString();
    trace.received = m_config.clock();
    return m_receiver->open(m_mailboxes, trace);
}

void SmtpSession::handleData()
{
    if (m_state == State::Connected || m_state == State::Identified) {
        badCommand("503 5.5.1 Error: need MAIL command");
        return;
    }
    if (m_state == State::MailGiven) {
        badCommand("554 5.5.1 Error: no valid recipients");
        return;
    }
    if (m_receiver->usesChunks()) {
        badCommand("503 5.5.1 Error: DATA after BDAT in the same transaction");
        return;
    }
    if (!openMessage()) {
        reply("451 4.3.0 Error: local storage failure, try again later");
        resetTransaction();
        m_state = State::Identified;
        return;
    }
    m_state = State::ReceivingData;
    m_transport.setIdleTimeout(m_config.dataTimeoutMs);
    reply("354 End data with <CR><LF>.<CR><LF>");
}

void SmtpSession::consumeData()
{
    if (m_receiver->consumeData(m_input))
        finishMessage();
}

void SmtpSession::handleBdat(const SmtpCommand &command)
{
    const QList<QByteArray> words = command.argument.split(' ');
    bool ok = false;
    const qint64 size = words.value(0).toLongLong(&ok);
    const bool last = words.size() == 2 && words.at(1).toUpper() == "LAST";
    if (!ok || size < 0 || words.size() > 2 || (words.size() == 2 && !last)) {
        badCommand("501 5.5.4 Syntax: BDAT <size> [LAST]");
        return;
    }
    m_chunkRemaining = size;
    m_chunkLast = last;
    m_chunkReply.clear();
    m_stateBeforeChunk = m_state;
    // The chunk's bytes follow whatever we answer, so a refused BDAT still reads them.
    if (m_state == State::Connected || m_state == State::Identified)
        m_chunkReply = "503 5.5.1 Error: need MAIL command";
    else if (m_state == State::MailGiven)
        m_chunkReply = "554 5.5.1 Error: no valid recipients";
    else if (!m_receiver->usesChunks() && !openMessage())
        m_chunkReply = "451 4.3.0 Error: local storage failure, try again later";
    if (m_chunkReply.isEmpty() && !m_receiver->usesChunks())
        m_receiver->startChunks();
    m_state = State::ReceivingChunk;
    m_transport.setIdleTimeout(m_config.dataTimeoutMs);
    if (m_chunkRemaining == 0)
        finishChunk();
}

void SmtpSession::consumeChunk()
{
    const qsizetype take = qsizetype(std::min<qint64>(m_chunkRemaining, m_input.size()));
    if (m_chunkReply.isEmpty())
        m_receiver->consumeChunk(QByteArrayView(m_input).first(take));
    m_input.remove(0, take);
    m_chunkRemaining -= take;
    if (m_chunkRemaining == 0)
        finishChunk();
}

void SmtpSession::finishChunk()
{
    m_transport.setIdleTimeout(m_config.commandTimeoutMs);
    if (!m_chunkReply.isEmpty()) {
        m_state = m_stateBeforeChunk;
        if (m_chunkReply.startsWith("451")) {
            resetTransaction();
            m_state = State::Identified;
        }
        const QByteArray refusal = std::exchange(m_chunkReply, {});
        if (refusal.startsWith("451"))
            reply(refusal);   // our storage failed: not the client's error
        else
            badCommand(refusal);
        return;
    }
    if (m_receiver->tooBig()) {
        log(QStringLiteral("message refused: larger than %1 bytes 552 5.3.4").arg(m_config.maxMessageSize));
        resetTransaction();
        m_state = State::Identified;
        reply("552 5.3.4 Message size exceeds fixed limit");
        return;
    }
    if (m_chunkLast) {
        finishMessage();
        return;
    }
    m_state = State::RcptGiven;
    reply("250 2.0.0 Ok: " + QByteArray::number(m_receiver->chunkOctets()) + " octets received");
}

void SmtpSession::finishMessage()
{
    m_transport.setIdleTimeout(m_config.commandTimeoutMs);
    const QByteArray answer = m_receiver->finish(m_reversePath, m_recipients);
    resetTransaction();
    m_state = State::Identified;
    reply(answer);
}

void SmtpSession::resetTransaction()
{
    m_reversePath = QString();
    m_smtpUtf8 = false;
    m_declaredSize = 0;
    m_recipients.clear();
    m_mailboxes.clear();
    m_receiver->discard();
}
