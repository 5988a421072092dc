#include "smtpclienttransaction.h"

#include "smtpclientcommands.h"
#include "smtpextensions.h"
#include "smtpreply.h"

namespace {

constexpr int Minute = 60 * 1000;

}

SmtpClientTransaction::SmtpClientTransaction(qsizetype recipients)
    : m_outcomes(recipients)
    , m_accepted(recipients, false)
{
}

RecipientResult SmtpClientTransaction::result(RecipientResult::Kind kind, int code, const QString &statusCode,
                                              const QString &reply)
{
    RecipientResult result;
    result.kind = kind;
    result.code = code;
    result.statusCode = statusCode;
    result.reply = reply.left(SmtpReply::MaxTextLength);
    return result;
}

RecipientResult SmtpClientTransaction::result(const SmtpReply &reply, RecipientResult::Kind success)
{
    const int kind = reply.kind();
    const RecipientResult::Kind outcome = kind == 2   ? success
                                          : kind == 5 ? RecipientResult::Kind::Permanent
                                                      : RecipientResult::Kind::Temporary;
    // A 1xx or 3xx where none belongs: the peer does not follow the protocol.
    const QString status = reply.statusCode().isEmpty() ? QStringLiteral("4.5.0") : reply.statusCode();
    return result(outcome, reply.code(), status, reply.text());
}

void SmtpClientTransaction::begin(const OutboundEnvelope &envelope, const SmtpExtensions &peer, bool eightBit,
                                  QByteArray &out)
{
    m_envelope = &envelope;
    m_peer = &peer;
    m_pending.clear();
    out += SmtpClientCommands::mail(envelope, peer, eightBit);
    m_pending.append({Pending::Kind::Mail, 0});
    m_nextRcpt = 0;
    if (!peer.has(QStringLiteral("PIPELINING")))
        return;
    // RFC 2920 §3.1: DATA ends the group; the replies come back in the same order.
    while (m_nextRcpt < envelope.recipients.size())
        sendRcpt(m_nextRcpt, out);
    out += "DATA\r\n";
    m_pending.append({Pending::Kind::Data, 0});
}

void SmtpClientTransaction::sendRcpt(int index, QByteArray &out)
{
    out += SmtpClientCommands::rcpt(m_envelope->recipients[index], *m_peer);
    m_pending.append({Pending::Kind::Rcpt, index});
    m_nextRcpt = index + 1;
}

SmtpClientTransaction::Next SmtpClientTransaction::handle(const SmtpReply &reply, QByteArray &out)
{
    if (m_pending.isEmpty())
        return Next::Done;
    const Pending owed = m_pending.takeFirst();
    switch (owed.kind) {
    case Pending::Kind::Mail:
        m_mailAnswered = true;
        if (reply.kind() == 2) {
            m_open = true;
        } else {
            // Pipelined RCPTs and DATA still get (503) replies; they are read and ignored.
            m_mailRefused = true;
            decideUndecided(result(reply));
        }
        break;
    case Pending::Kind::Rcpt:
        if (m_mailRefused)
            break;
        if (reply.kind() == 2)
            m_accepted[owed.index] = true;
        else
            m_outcomes[owed.index] = result(reply);
        break;
    case Pending::Kind::Data:
        if (m_mailRefused || !m_accepted.contains(true)) {
            // Pipelined without a recipient: a server that still says 354 gets an empty message.
            if (reply.code() == 354) {
                out += ".\r\n";
                m_pending.append({Pending::Kind::DiscardedData, 0});
                return Next::Waiting;
            }
            return Next::Done;
        }
        if (reply.code() == 354)
            return Next::SendBody;
        decideAccepted(reply);
        return Next::Done;
    case Pending::Kind::EndOfData:
    case Pending::Kind::DiscardedData:
        // RFC 5321 §4.1.1.4: after the end of data, whatever the reply, the transaction is over.
        m_open = false;
        if (owed.kind == Pending::Kind::EndOfData)
            decideAccepted(reply);
        return Next::Done;
    }
    return m_pending.isEmpty() ? advanceLockStep(out) : Next::Waiting;
}

SmtpClientTransaction::Next SmtpClientTransaction::advanceLockStep(QByteArray &out)
{
    if (m_mailRefused)
        return Next::Done;
    if (m_nextRcpt < m_envelope->recipients.size()) {
        sendRcpt(m_nextRcpt, out);
        return Next::Waiting;
    }
    if (!m_accepted.contains(true))
        return Next::Done;
    out += "DATA\r\n";
    m_pending.append({Pending::Kind::Data, 0});
    return Next::Waiting;
}

void SmtpClientTransaction::endOfDataSent()
{
    m_pending = {{Pending::Kind::EndOfData, 0}};
}

void SmtpClientTransaction::decideAccepted(const SmtpReply &reply)
{
    const RecipientResult outcome = result(reply);
    for (qsizetype i = 0; i < m_outcomes.size(); ++i) {
        if (m_accepted[i] && !m_outcomes[i])
            m_outcomes[i] = outcome;
    }
}

bool SmtpClientTransaction::undecided() const
{
    for (const auto &outcome : m_outcomes) {
        if (!outcome)
            return true;
    }
    return false;
}

void SmtpClientTransaction::decideUndecided(const RecipientResult &outcome)
{
    for (auto &slot : m_outcomes) {
        if (!slot)
            slot = outcome;
    }
}

QList<RecipientResult> SmtpClientTransaction::results() const
{
    QList<RecipientResult> out;
    out.reserve(m_outcomes.size());
    for (const auto &outcome : m_outcomes) {
        out.append(outcome.value_or(result(RecipientResult::Kind::Temporary, 0, QStringLiteral("4.4.0"),
                                           QStringLiteral("no answer for this recipient"))));
    }
    return out;
}

QString SmtpClientTransaction::stage() const
{
    switch (m_pending.isEmpty() ? Pending::Kind::Mail : m_pending.first().kind) {
    case Pending::Kind::Mail: return QStringLiteral("after MAIL");
    case Pending::Kind::Rcpt: return QStringLiteral("after RCPT");
    case Pending::Kind::Data: return QStringLiteral("after DATA");
    case Pending::Kind::EndOfData:
    case Pending::Kind::DiscardedData: return QStringLiteral("after the end of data");
    }
    return {};
}

int SmtpClientTransaction::timeoutMs() const
{
    switch (m_pending.isEmpty() ? Pending::Kind::Mail : m_pending.first().kind) {
    case Pending::Kind::Mail:
    case Pending::Kind::Rcpt: return 5 * Minute;
    case Pending::Kind::Data: return 2 * Minute;
    case Pending::Kind::EndOfData:
    case Pending::Kind::DiscardedData: return 10 * Minute;
    }
    return 5 * Minute;
}
