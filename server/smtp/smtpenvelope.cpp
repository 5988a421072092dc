#include "smtpenvelope.h"

#include "accountsendcounter.h"
#include "headerfromcheck.h"
#include "addresslists.h"
#include "authfailurerecorder.h"
#include "enginecounters.h"
#include "log.h"
#include "mailaddress.h"
#include "policydecision.h"
#include "policysettings.h"
#include "relaystanding.h"
#include "senderfacts.h"
#include "senderrules.h"
#include "recipientdirectory.h"
#include "smtpcommand.h"
#include "smtpmailparameters.h"
#include "smtprcptparameters.h"
#include "smtpsessionconfig.h"

SmtpEnvelope::SmtpEnvelope(const SmtpSessionConfig &config, const ClientInfo &client, const RecipientDirectory &directory)
    : m_config(config), m_client(client), m_directory(directory)
{
}

void SmtpEnvelope::log(const QString &text) const
{
    Log::info(m_client.service, m_client.sessionId, text);
}

void SmtpEnvelope::countRefusal() const
{
    if (m_config.counters)
        m_config.counters->refused();
}

SmtpEnvelope::Answer SmtpEnvelope::mail(QByteArrayView argument, bool extended, const QString &authenticatedAs)
{
    const SmtpPathArgument parsed = SmtpPathArgument::parse(argument, "FROM");
    if (!parsed.ok)
        return {parsed.error, true, false};
    const SmtpMailParameters params = SmtpMailParameters::parse(parsed.params, extended, m_config.maxMessageSize);
    if (!params.ok()) {
        if (!params.logDetail.isEmpty())
            log(QStringLiteral("mail from <%1> refused: %2").arg(parsed.path, params.logDetail));
        return {params.error, params.badCommand, false};
    }
    // One snapshot of the policy for the whole command.
    const std::shared_ptr<const PolicySettings> policy = m_config.currentPolicy();
    if (const std::optional<QByteArray> limited = sendLimitReached(*policy, authenticatedAs))
        return {*limited, false, false};
    QString reversePath;
    QString canonical;
    if (!parsed.path.isEmpty()) {
        if (!params.smtpUtf8 && !SmtpCommand::isAscii(parsed.path))
            return {"553 5.6.7 Non-ASCII sender address requires SMTPUTF8", false, false};
        const MailAddress address = MailAddress::parse(parsed.path);
        if (!address.isValid()) {
            log(QStringLiteral("mail from <%1> refused: %2").arg(parsed.path, address.error()));
            return {"501 5.1.7 Bad sender address syntax", true, false};
        }
        reversePath = parsed.path;   // kept as sent: the sender's own spelling goes into Return-Path
        canonical = address.canonical();
    }
    const PolicyDecision rules = SenderRules::mailFrom(*policy, standing(*policy, authenticatedAs),
                                                       SenderFacts::of(canonical, authenticatedAs, m_directory));
    if (!rules.isAccept()) {
        log(rules.logLine(QStringLiteral("mail from <%1>").arg(parsed.path)));
        countRefusal();
        return {refusal(rules, parsed.path), false, false};
    }
    m_reversePath = reversePath;
    m_sender = canonical;
    m_extended = extended;
    m_smtpUtf8 = params.smtpUtf8;
    m_declaredSize = params.declaredSize;
    m_ret = params.ret;
    m_envelopeId = params.envelopeId;
    QString detail;
    if (!authenticatedAs.isEmpty())
        detail = QStringLiteral(" (authenticated as %1)").arg(authenticatedAs);
    // RFC 4954 §5: AUTH= from a client we do not trust is as good as AUTH=<>; it is only logged.
    if (params.submitter)
        detail += QStringLiteral(" (AUTH=%1)").arg(*params.submitter);
    log(QStringLiteral("mail from <%1> accepted%2").arg(m_reversePath, detail));
    return {"250 2.1.0 Ok", false, true};
}

SmtpEnvelope::Answer SmtpEnvelope::rcpt(QByteArrayView argument, const QString &authenticatedAs)
{
    const SmtpPathArgument parsed = SmtpPathArgument::parse(argument, "TO");
    if (!parsed.ok)
        return {parsed.error, true, false};
    const SmtpRcptParameters params = SmtpRcptParameters::parse(parsed.params, m_extended);
    if (!params.ok())
        return {params.error, params.badCommand, false};
    if (m_recipients.size() >= m_config.maxRecipients)
        return {"452 4.5.3 Error: too many recipients", false, false};
    const QString &path = parsed.path;
    if (!m_smtpUtf8 && !SmtpCommand::isAscii(path))
        return {"553 5.6.7 Non-ASCII recipient address requires SMTPUTF8", false, false};
    QString canonical;
    if (path.compare(QStringLiteral("postmaster"), Qt::CaseInsensitive) == 0) {
        canonical = QStringLiteral("postmaster");   // RFC 5321 §4.5.1: the directory knows whose it is
    } else {
        const MailAddress address = MailAddress::parse(path);
        if (!address.isValid())
            return {"501 5.1.3 Bad recipient address syntax", true, false};
        canonical = address.canonical();
    }
    const RecipientLookup found = m_directory.lookup(canonical, m_declaredSize);
    const QByteArray shown = '<' + parsed.path.toUtf8() + '>';
    switch (found.kind) {
    case RecipientLookup::Kind::Local:
        break;
    case RecipientLookup::Kind::UnknownUser:
        log(QStringLiteral("rcpt <%1> refused: unknown user (%2) 550 5.1.1").arg(canonical, found.detail));
        return {"550 5.1.1 " + shown + ": Recipient address rejected: User unknown", false, false};
    case RecipientLookup::Kind::NotLocal:
    {
        const PolicyDecision relay = standing(*m_config.currentPolicy(), authenticatedAs).relayDecision();
        const QString subject = QStringLiteral("rcpt <%1>").arg(canonical);
        if (relay.isAccept()) {
            const QString rule = relay.rule().isEmpty() ? QString() : QStringLiteral(" by \"%1\"").arg(relay.rule());
            if (!m_recipients.contains(canonical)) {
                m_recipients << canonical;
                addRemote(canonical, params.originalRecipient, params.notify.value_or(DsnNotify{}));
            }
            log(QStringLiteral("%1: relay check passed%2 (%3); accepted for the outbound queue").arg(subject, rule, relay.detail()));
            return {"250 2.1.5 Ok", false, true};
        }
        log(relay.logLine(subject));
        countRefusal();
        recordRelayAttempt(canonical);
        return {refusal(relay, parsed.path), false, false};
    }
    case RecipientLookup::Kind::OverQuota:
        log(QStringLiteral("rcpt <%1> deferred: mailbox full (%2) 452 4.2.2").arg(canonical, found.detail));
        return {"452 4.2.2 " + shown + ": Mailbox full", false, false};
    case RecipientLookup::Kind::Unavailable:
        log(QStringLiteral("rcpt <%1> deferred: %2 451 4.3.0").arg(canonical, found.detail));
        return {"451 4.3.0 " + shown + ": Temporary lookup failure", false, false};
    }
    if (!m_recipients.contains(canonical)) {
        m_recipients << canonical;
        for (const QString &mailbox : found.mailboxes) {
            if (!m_mailboxes.contains(mailbox))
                m_mailboxes << mailbox;
        }
        // The report names the address the client gave, not the mailboxes behind an alias.
        if (!found.mailboxes.isEmpty())
            addSuccessReport(canonical, params.originalRecipient, params.notify.value_or(DsnNotify{}));
        // An alias forwarding out: the report names the address the client gave (RFC 3461 §4.2).
        const QString original = params.originalRecipient.isEmpty() ? QStringLiteral("rfc822;") + canonical
                                                                    : params.originalRecipient;
        for (const QString &forward : found.forwards)
            addRemote(forward, original, params.notify.value_or(DsnNotify{}));
    }
    log(QStringLiteral("rcpt <%1> accepted -> %2").arg(canonical, (found.mailboxes + found.forwards).join(QLatin1Char(','))));
    return {"250 2.1.5 Ok", false, true};
}

std::optional<QByteArray> SmtpEnvelope::sendLimitReached(const PolicySettings &policy, const QString &login) const
{
    const int limit = policy.messagesPerHourPerAccount;
    if (login.isEmpty() || !m_config.sendCounter || limit <= 0)
        return std::nullopt;
    const QDateTime now = m_config.clock();
    const int sent = m_config.sendCounter->sentInLastHour(login, now);
    if (sent < limit)
        return std::nullopt;
    const QString line = QStringLiteral("mail from refused by \"Send Limits\" (%1 sent %2 messages in the last hour, "
                                        "limit %3) 451 4.7.1").arg(login).arg(sent).arg(limit);
    // A warning the admin should see, but once an hour: a runaway client retries constantly.
    if (m_config.sendCounter->shouldWarn(login, now))
        Log::warning(m_client.service, m_client.sessionId, line);
    else
        log(line);
    countRefusal();
    return QByteArray("451 4.7.1 Sending limit for this account reached, try again later");
}

RelayStanding SmtpEnvelope::standing(const PolicySettings &policy, const QString &authenticatedAs) const
{
    const std::shared_ptr<const AddressListSnapshot> lists = m_config.addressLists ? m_config.addressLists->current() : nullptr;
    return RelayStanding::of(m_client.address, authenticatedAs, lists.get(), m_config.popLogins,
                             policy.smtpAfterPopMinutes, m_config.clock());
}

QByteArray SmtpEnvelope::refusal(const PolicyDecision &decision, const QString &path)
{
    return QByteArray::number(decision.replyCode()) + ' ' + decision.enhancedCode().toLatin1() + " <" + path.toUtf8()
        + ">: " + decision.text().toUtf8();
}

void SmtpEnvelope::recordRelayAttempt(const QString &recipient) const
{
    if (!m_config.relayAttempts)
        return;
    AuthFailure attempt;
    attempt.client = m_client.address;
    attempt.user = recipient;
    attempt.mechanism = QStringLiteral("RCPT");
    attempt.service = m_client.service;
    attempt.time = m_config.clock().toUTC();
    attempt.kind = AuthFailure::Kind::Relay;
    m_config.relayAttempts->record(attempt);
}

std::optional<QByteArray> SmtpEnvelope::headerFromRefusal(QByteArrayView headerBlock, const QString &authenticatedAs,
                                                          const QString &queueId) const
{
    if (authenticatedAs.isEmpty())
        return std::nullopt;
    const std::shared_ptr<const PolicySettings> policy = m_config.currentPolicy();
    const PolicyDecision decision = HeaderFromCheck::check(*policy, standing(*policy, authenticatedAs), m_directory,
                                                           headerBlock);
    if (decision.isAccept())
        return std::nullopt;
    log(decision.logLine(QStringLiteral("message %1").arg(queueId)));
    countRefusal();
    return decision.replyLine();
}

void SmtpEnvelope::addRemote(const QString &address, const QString &originalRecipient, const DsnNotify &notify)
{
    for (const QueuedRecipient &existing : std::as_const(m_remote)) {
        if (existing.address == address)
            return;   // two aliases forwarding to one address: it gets one copy
    }
    QueuedRecipient recipient;
    recipient.address = address;
    recipient.originalRecipient = originalRecipient;
    recipient.notify = notify;
    m_remote << recipient;
}

void SmtpEnvelope::addSuccessReport(const QString &address, const QString &originalRecipient, const DsnNotify &notify)
{
    if (!notify.success)
        return;
    // Delivered as soon as the mailboxes have the message; the row only carries the report, so
    // that the delivery agent sends it durably (after a crash too) and then removes the entry.
    m_delivered << QueuedRecipient::deliveredLocally(address, originalRecipient, notify);
}

QList<QueuedRecipient> SmtpEnvelope::deliveredRecipients() const
{
    // A report is never answered by another report (RFC 3461 §6.2).
    return m_sender.isEmpty() ? QList<QueuedRecipient>() : m_delivered;
}

MessageTargets SmtpEnvelope::targets(const QString &origin) const
{
    MessageTargets targets;
    targets.mailboxes = m_mailboxes;
    targets.outbound.recipients = m_remote + deliveredRecipients();
    targets.outbound.sender = m_sender;
    targets.outbound.envelopeId = m_envelopeId;
    targets.outbound.ret = m_ret;
    targets.outbound.smtpUtf8 = m_smtpUtf8;
    targets.outbound.origin = origin;
    return targets;
}

void SmtpEnvelope::clear()
{
    m_reversePath = QString();
    m_sender = QString();
    m_smtpUtf8 = false;
    m_declaredSize = 0;
    m_ret = DsnReturn::Unspecified;
    m_envelopeId = QString();
    m_recipients.clear();
    m_mailboxes.clear();
    m_remote.clear();
    m_delivered.clear();
}
