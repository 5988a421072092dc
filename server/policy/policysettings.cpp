#include "policysettings.h"

#include "settings.h"

PolicySettings PolicySettings::fromSettings(const Settings &settings)
{
    const auto flag = [&settings](const char *key) { return settings.boolean(QLatin1String(key)); };
    PolicySettings policy;
    policy.requireAuthForLocalSenders = flag("smtp.require_auth_for_local_senders");
    policy.smtpAfterPopMinutes = flag("smtp_after_pop.enabled")
        ? int(settings.integer(QStringLiteral("smtp_after_pop.minutes"))) : 0;
    policy.senderLocalDomainOnly = flag("sender_rules.local_domain_only");
    policy.senderAccountOnly = flag("sender_rules.account_only");
    policy.senderAuthMustMatch = flag("sender_rules.auth_must_match");
    policy.verifySenderDomain = flag("verify.sender_domain");
    policy.assumeBlankFromValid = flag("verify.assume_blank_from_valid");
    policy.verifyHeloSyntax = flag("verify.helo_syntax");
    policy.verifyReverseDns = flag("verify.reverse_dns");
    policy.messagesPerHourPerAccount = int(settings.integer(QStringLiteral("limits.messages_per_hour_per_account")));
    return policy;
}
