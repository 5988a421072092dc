#include "senderrules.h"

#include <QString>

#include "policydecision.h"
#include "policysettings.h"
#include "relaystanding.h"
#include "senderfacts.h"

namespace {

PolicyDecision refuse(int code, const char *text, const char *rule, const QString &detail)
{
    return PolicyDecision(PolicyDecision::Action::Reject, code, QStringLiteral("5.7.1"), QLatin1String(text),
                          QLatin1String(rule), detail);
}

}

PolicyDecision SenderRules::loginMayUse(const RelayStanding &standing, const SenderFacts &sender, const QString &where)
{
    const QString login = standing.authenticatedAs();
    if (sender.belongsToLogin)
        return PolicyDecision::accept(QStringLiteral("Sender Rules"), QStringLiteral("%1 %2 belongs to %3").arg(where, sender.address, login));
    // An SMTP-only login (a scanner, a web form) has no address of its own: it may send as
    // any address of the office's own domains, never as someone else's.
    if (!sender.loginHasAddress && sender.localDomain) {
        return PolicyDecision::accept(QStringLiteral("Sender Rules"),
                                      QStringLiteral("SMTP-only login %1 may send as the local address %2").arg(login, sender.address));
    }
    const QString detail = sender.loginHasAddress
        ? QStringLiteral("authenticated as %1; %2 %3 is neither its address nor an alias delivering to it").arg(login, where, sender.address)
        : QStringLiteral("SMTP-only login %1; %2 %3 is not in a local domain").arg(login, where, sender.address);
    return PolicyDecision(PolicyDecision::Action::Reject, 553, QStringLiteral("5.7.1"),
                          QStringLiteral("Sender address not allowed for this login"), QStringLiteral("Sender Rules"), detail);
}

PolicyDecision SenderRules::mailFrom(const PolicySettings &settings, const RelayStanding &standing, const SenderFacts &sender)
{
    // The null reverse-path of bounces claims nobody; Address Verification decides about it.
    if (sender.address.isEmpty())
        return PolicyDecision::accept({}, QStringLiteral("null reverse-path"));
    if (standing.isAuthenticated() && settings.senderAuthMustMatch) {
        const PolicyDecision own = loginMayUse(standing, sender, QStringLiteral("MAIL FROM"));
        if (!own.isAccept())
            return own;
    }
    if (!standing.mayRelay()) {
        if (sender.localDomain && settings.requireAuthForLocalSenders) {
            return refuse(550, "Authentication required to send as a local address", "SMTP Authentication",
                          QStringLiteral("%1 is a local domain; %2").arg(sender.domain, standing.missing()));
        }
        return PolicyDecision::accept({}, sender.localDomain ? QStringLiteral("local sender allowed without authentication")
                                                             : QStringLiteral("remote sender, may send to local recipients only"));
    }
    if (settings.senderLocalDomainOnly && !sender.localDomain) {
        return refuse(550, "Relaying requires a sender in a local domain", "Sender Rules",
                      QStringLiteral("relay only if the sender's domain is local: %1 is not").arg(sender.domain));
    }
    if (settings.senderAccountOnly && !sender.hasAccount) {
        return refuse(550, "Relaying requires a sender with an account", "Sender Rules",
                      QStringLiteral("relay only if the sender has an account: %1 has none").arg(sender.address));
    }
    return PolicyDecision::accept(QStringLiteral("Sender Rules"), QStringLiteral("relaying client, sender %1").arg(sender.address));
}

PolicyDecision SenderRules::headerFrom(const PolicySettings &settings, const RelayStanding &standing, const SenderFacts &sender)
{
    if (!standing.isAuthenticated() || !settings.senderAuthMustMatch)
        return PolicyDecision::accept();
    return loginMayUse(standing, sender, QStringLiteral("From:"));
}
