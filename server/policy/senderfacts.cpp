#include "senderfacts.h"

#include "recipientdirectory.h"

SenderFacts SenderFacts::of(const QString &canonical, const QString &login, const RecipientDirectory &directory)
{
    SenderFacts facts;
    facts.address = canonical;
    facts.loginHasAddress = login.contains(QLatin1Char('@'));
    if (canonical.isEmpty())
        return facts;
    facts.domain = canonical.section(QLatin1Char('@'), -1);
    const RecipientLookup found = directory.identify(canonical);
    switch (found.kind) {
    case RecipientLookup::Kind::NotLocal:
        break;
    case RecipientLookup::Kind::Local:
    case RecipientLookup::Kind::OverQuota:   // not from identify(); a full mailbox would still be an account
        facts.localDomain = true;
        facts.hasAccount = true;
        break;
    case RecipientLookup::Kind::UnknownUser:
    case RecipientLookup::Kind::Unavailable:
        facts.localDomain = true;
        break;
    }
    facts.belongsToLogin = facts.loginHasAddress
        && (canonical.compare(login, Qt::CaseInsensitive) == 0 || found.mailboxes.contains(login, Qt::CaseInsensitive));
    return facts;
}
