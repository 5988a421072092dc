#include "policyexplainer.h"

#include <QDateTime>

#include "addresslistsnapshot.h"
#include "addressverification.h"
#include "mailaddress.h"
#include "policydecision.h"
#include "policysettings.h"
#include "recipientdirectory.h"
#include "relaystanding.h"
#include "senderfacts.h"
#include "senderrules.h"

namespace {

QString onOff(bool on)
{
    return on ? QStringLiteral("on") : QStringLiteral("off");
}

}

PolicyExplainer::PolicyExplainer(const PolicySettings &settings, const AddressListSnapshot &lists,
                                 const RecipientDirectory &directory)
    : m_settings(settings), m_lists(lists), m_directory(directory)
{
}

QStringList PolicyExplainer::explain(const Facts &facts, const QDateTime &now) const
{
    QStringList lines;
    const QString ip = facts.client.toString();
    if (const auto ban = m_lists.banFor(facts.client, now)) {
        lines << QStringLiteral("Banned Addresses: %1 is in %2: the connection is closed before the greeting")
                     .arg(ip, AddressListSnapshot::describe(*ban));
        lines << QStringLiteral("Result: refused at connect (no reply; the connection is closed)");
        return lines;
    }
    lines << QStringLiteral("Banned Addresses: %1 is not banned").arg(ip);

    QString login;
    if (facts.login.isEmpty()) {
        lines << QStringLiteral("SMTP Authentication: not authenticated");
    } else if (!facts.loginKnown) {
        lines << QStringLiteral("SMTP Authentication: %1 is not a login here; AUTH would fail with 535 5.7.8, "
                                "so the session counts as not authenticated").arg(facts.login);
    } else {
        login = facts.login;
        lines << QStringLiteral("SMTP Authentication: authenticated as %1").arg(login);
    }
    const RelayStanding standing = RelayStanding::of(facts.client, login, &m_lists, nullptr, 0, now);
    lines << (standing.isTrusted() ? QStringLiteral("Trusted IP Addresses: %1").arg(standing.trustedBy())
                                   : QStringLiteral("Trusted IP Addresses: %1 is not trusted").arg(ip));
    lines << (m_settings.smtpAfterPopMinutes > 0
                  ? QStringLiteral("SMTP After POP: on; a POP3 login from exactly %1 would let it relay for %2 min "
                                   "(explain does not know recent logins)").arg(ip).arg(m_settings.smtpAfterPopMinutes)
                  : QStringLiteral("SMTP After POP: off"));
    if (!facts.autoBanEnabled)
        lines << QStringLiteral("Auto-ban: off");
    else if (!facts.autoBanNever.isEmpty())
        lines << QStringLiteral("Auto-ban: never bans %1 (in %2 of autoban.never)").arg(ip, facts.autoBanNever);
    else
        lines << QStringLiteral("Auto-ban: %1 would be banned after %2").arg(ip, facts.autoBanLimit);
    if (!login.isEmpty()) {
        lines << (m_settings.messagesPerHourPerAccount > 0
                      ? QStringLiteral("Send Limits: %1 may send %2 messages an hour (past that 451 4.7.1)")
                            .arg(login).arg(m_settings.messagesPerHourPerAccount)
                      : QStringLiteral("Send Limits: off"));
    }

    // MAIL FROM: the sender rules, then Address Verification.
    QString canonical;
    if (!facts.sender.isEmpty()) {
        const MailAddress address = MailAddress::parse(facts.sender);
        if (!address.isValid()) {
            lines << QStringLiteral("MAIL FROM <%1>: %2: 501 5.1.7").arg(facts.sender, address.error());
            lines << QStringLiteral("Result: refused at MAIL FROM: 501 5.1.7 Bad sender address syntax");
            return lines;
        }
        canonical = address.canonical();
    }
    const SenderFacts sender = SenderFacts::of(canonical, login, m_directory);
    const QString mailSubject = QStringLiteral("MAIL FROM <%1>").arg(facts.sender);
    const PolicyDecision rules = SenderRules::mailFrom(m_settings, standing, sender);
    lines << rules.logLine(mailSubject);
    if (!rules.isAccept()) {
        lines << QStringLiteral("Result: refused at MAIL FROM: %1").arg(QString::fromUtf8(rules.replyLine()));
        return lines;
    }
    const bool verifies = !standing.isAuthenticated() && !standing.isTrusted();
    if (canonical.isEmpty()) {
        if (verifies && !m_settings.assumeBlankFromValid) {
            const PolicyDecision blank = AddressVerification::blankSender();
            lines << blank.logLine(mailSubject);
            lines << QStringLiteral("Result: refused at MAIL FROM: %1").arg(QString::fromUtf8(blank.replyLine()));
            return lines;
        }
        lines << QStringLiteral("Address Verification: blank MAIL FROM accepted (bounces use it)");
    } else if (!verifies) {
        lines << QStringLiteral("Address Verification: skipped (%1)")
                     .arg(standing.isAuthenticated() ? QStringLiteral("authenticated") : QStringLiteral("trusted"));
    } else if (sender.localDomain) {
        lines << QStringLiteral("Address Verification: skipped (%1 is a local domain)").arg(sender.domain);
    } else {
        lines << QStringLiteral("Address Verification: sender domain check %1%2; HELO syntax %3; reverse DNS %4")
                     .arg(onOff(m_settings.verifySenderDomain),
                          m_settings.verifySenderDomain
                              ? QStringLiteral(" (%1 must have an MX or address record; explain does not ask DNS)").arg(sender.domain)
                              : QString(),
                          onOff(m_settings.verifyHeloSyntax), onOff(m_settings.verifyReverseDns));
    }

    QString result;
    lines << explainRecipient(facts, standing, &result);
    if (result.startsWith(QLatin1String("accepted"))) {
        lines << QStringLiteral("Filters, Attachment Filters: %1 filters and %2 attachment patterns check the message at the "
                                "end of DATA, whoever sends it")
                     .arg(facts.contentFilters).arg(facts.attachmentFilters);
    }
    lines << QStringLiteral("Result: %1").arg(result);
    return lines;
}

QString PolicyExplainer::explainRecipient(const Facts &facts, const RelayStanding &standing, QString *result) const
{
    const QString subject = QStringLiteral("RCPT TO <%1>").arg(facts.recipient);
    QString canonical = QStringLiteral("postmaster");
    if (facts.recipient.compare(canonical, Qt::CaseInsensitive) != 0) {
        const MailAddress address = MailAddress::parse(facts.recipient);
        if (!address.isValid()) {
            *result = QStringLiteral("refused at RCPT TO: 501 5.1.3 Bad recipient address syntax");
            return QStringLiteral("%1: %2: 501 5.1.3").arg(subject, address.error());
        }
        canonical = address.canonical();
    }
    const RecipientLookup found = m_directory.lookup(canonical, 0);
    switch (found.kind) {
    case RecipientLookup::Kind::Local:
    {
        const QStringList targets = found.mailboxes + found.forwards;
        *result = QStringLiteral("accepted: delivered to %1 (Filters and Attachment Filters then check the message)")
                      .arg(targets.join(QStringLiteral(", ")));
        return QStringLiteral("%1: a local recipient, delivers to %2").arg(subject, targets.join(QLatin1Char(',')));
    }
    case RecipientLookup::Kind::UnknownUser:
        *result = QStringLiteral("refused at RCPT TO: 550 5.1.1 User unknown");
        return QStringLiteral("%1: unknown user (%2) 550 5.1.1").arg(subject, found.detail);
    case RecipientLookup::Kind::OverQuota:
        *result = QStringLiteral("deferred at RCPT TO: 452 4.2.2 Mailbox full");
        return QStringLiteral("%1: mailbox full (%2) 452 4.2.2").arg(subject, found.detail);
    case RecipientLookup::Kind::Unavailable:
        *result = QStringLiteral("deferred at RCPT TO: 451 4.3.0");
        return QStringLiteral("%1: %2 451 4.3.0").arg(subject, found.detail);
    case RecipientLookup::Kind::NotLocal:
        break;
    }
    const PolicyDecision relay = standing.relayDecision();
    if (!relay.isAccept()) {
        *result = QStringLiteral("refused at RCPT TO: %1").arg(QString::fromUtf8(relay.replyLine()));
        return relay.logLine(subject);
    }
    *result = QStringLiteral("relaying allowed by \"%1\"; accepted with 250 2.1.5 and queued for delivery").arg(relay.rule());
    return relay.logLine(subject);
}
