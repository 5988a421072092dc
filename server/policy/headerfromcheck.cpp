#include "headerfromcheck.h"

#include "mailaddress.h"
#include "mailboxlist.h"
#include "mimeheader.h"
#include "policydecision.h"
#include "policysettings.h"
#include "relaystanding.h"
#include "senderfacts.h"
#include "senderrules.h"

PolicyDecision HeaderFromCheck::check(const PolicySettings &settings, const RelayStanding &standing,
                                      const RecipientDirectory &directory, QByteArrayView headerBlock)
{
    if (!standing.isAuthenticated() || !settings.senderAuthMustMatch)
        return PolicyDecision::accept();
    const MimeHeader header = MimeHeader::parse(headerBlock);
    const QString login = standing.authenticatedAs();
    for (const QByteArray &field : header.rawValues("From")) {
        for (const QString &written : MailboxList::addresses(field)) {
            const MailAddress address = MailAddress::parse(written);
            // An address that does not even parse is nobody's: refuse it like a foreign one.
            const QString canonical = address.isValid() ? address.canonical() : written;
            const PolicyDecision decision = SenderRules::headerFrom(settings, standing, SenderFacts::of(canonical, login, directory));
            if (!decision.isAccept())
                return decision;
        }
    }
    return PolicyDecision::accept(QStringLiteral("Sender Rules"), QStringLiteral("From: belongs to %1").arg(login));
}
