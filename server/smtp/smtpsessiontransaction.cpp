// SmtpSession's mail transaction: MAIL, RCPT, DATA and BDAT, storing the message and resetting
// for the next one. The rest of the session is in smtpsession.cpp.
#include "smtpsession.h"

#include "accountsendcounter.h"
#include "policydecision.h"
#include "sessiontransport.h"
#include "smtpauthentication.h"
#include "smtpcommand.h"
#include "smtpmessagereceiver.h"
#include "smtpsenderverification.h"
#include "traceheaders.h"

void SmtpSession::handleMail(const SmtpCommand &command)
{
    if (m_state == State::Connected) {
        badCommand("503 5.5.1 Error: send HELO/EHLO first");
    } else if (m_state != State::Identified) {
        badCommand("503 5.5.1 Error: nested MAIL command");
    } else if (m_config.requireAuthentication && !m_auth->isAuthenticated()) {
        // RFC 6409 §4.3: the submission service takes mail from its own users only.
        log(QStringLiteral("mail refused: %1 requires authentication 530 5.7.0").arg(m_client.service));
        badCommand("530 5.7.0 Authentication required");
    } else if (const std::optional<PolicyDecision> decided = m_verification->checkMail(command.argument, m_auth->isAuthenticated())) {
        mailDecided(*decided, command.argument);
    } else {
        m_pendingMail = command.argument;
        m_state = State::CheckingSender;
        m_transport.pauseReading();   // as behind AUTH: the pipeline waits for the DNS answer
    }
}

void SmtpSession::mailDecided(const PolicyDecision &decision, QByteArrayView argument)
{
    if (!decision.isAccept())
        reply(decision.replyLine());   // logged by the verification
    else if (answer(m_envelope->mail(argument, m_extended, m_auth->identity())))
        m_state = State::MailGiven;
}

void SmtpSession::senderVerified(const PolicyDecision &decision)
{
    if (m_state != State::CheckingSender)
        return;
    m_state = State::Identified;
    m_transport.resumeReading();
    mailDecided(decision, std::exchange(m_pendingMail, {}));
    run();
}

void SmtpSession::handleRcpt(const SmtpCommand &command)
{
    if (m_state != State::MailGiven && m_state != State::RcptGiven)
        badCommand("503 5.5.1 Error: need MAIL command");
    else if (answer(m_envelope->rcpt(command.argument, m_auth->identity())))
        m_state = State::RcptGiven;
}

bool SmtpSession::answer(const SmtpEnvelope::Answer &answer)
{
    if (answer.badCommand)
        badCommand(answer.reply);
    else
        reply(answer.reply);
    return answer.accepted;
}

QString SmtpSession::receivedProtocol() const
{
    if (!m_extended)
        return QStringLiteral("SMTP");
    // RFC 3848 and RFC 6531: S for TLS, A for an authenticated client.
    QString protocol = m_envelope->smtpUtf8() ? QStringLiteral("UTF8SMTP") : QStringLiteral("ESMTP");
    if (m_transport.isEncrypted())
        protocol += QLatin1Char('S');
    if (m_auth->isAuthenticated())
        protocol += QLatin1Char('A');
    return protocol;
}

bool SmtpSession::openMessage()
{
    TraceHeaders trace;
    trace.reversePath = m_envelope->reversePath();
    trace.heloName = m_heloName;
    QHostAddress client = m_client.address;
    client.setScopeId({});
    // RFC 5321 §4.1.3: an IPv6 address literal carries the "IPv6:" tag.
    trace.clientAddress = client.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("IPv6:") + client.toString()
                                                                             : client.toString();
    trace.hostName = m_config.hostName;
    trace.protocol = receivedProtocol();
    const QStringList recipients = m_envelope->recipients();
    trace.singleRecipient = recipients.size() == 1 ? recipients.first() : QString();
    trace.received = m_config.clock();
    // RFC 3461 §6.3 Received-From-MTA, for the reports about the remote recipients.
    const QString origin = QStringLiteral("dns; %1 ([%2])").arg(m_heloName, client.toString());
    return m_receiver->open(m_envelope->targets(origin), trace);
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
    QByteArray outcome;
    const std::optional<QByteArray> forged = m_receiver->tooBig()
        ? std::nullopt : m_envelope->headerFromRefusal(m_receiver->headerBlock(), m_auth->identity(), m_receiver->queueId());
    if (forged) {
        m_receiver->discard();
        outcome = *forged;
    } else {
        outcome = m_receiver->finish(m_envelope->reversePath(), m_envelope->recipients());
    }
    if (outcome.startsWith("250") && m_auth->isAuthenticated() && m_config.sendCounter)
        m_config.sendCounter->recordSent(m_auth->identity(), m_config.clock());
    resetTransaction();
    m_state = State::Identified;
    reply(outcome);
}

void SmtpSession::resetTransaction()
{
    m_envelope->clear();
    m_receiver->discard();
}
