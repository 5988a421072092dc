#include "policyexplanation.h"

#include "addresslistsnapshot.h"
#include "autobansettings.h"
#include "directorysnapshot.h"
#include "localrecipientdirectory.h"
#include "mailaddress.h"
#include "mailboxusage.h"
#include "maildirlayout.h"
#include "policyexplainer.h"
#include "policysettings.h"
#include "settings.h"
#include "storage.h"

namespace {

// Whether AUTH as `login` could succeed at all: an enabled account (when accounts may log in to
// SMTP) or an SMTP-only login. Returns the canonical name, or empty.
QString knownLogin(Storage &storage, const Settings &settings, const QString &login)
{
    if (login.contains(QLatin1Char('@'))) {
        const MailAddress address = MailAddress::parse(login);
        if (!address.isValid() || !settings.boolean(QStringLiteral("smtp.auth_use_pop3_accounts")))
            return {};
        const auto account = storage.account(address.canonical());
        return account && account->enabled ? address.canonical() : QString();
    }
    const QString name = login.toLower();
    for (const SmtpLoginRecord &record : storage.smtpLogins()) {
        if (record.name == name)
            return name;
    }
    return {};
}

}

QStringList PolicyExplanation::explain(Storage &storage, const QString &mailDirectory, const Request &request,
                                       const QDateTime &now)
{
    const Settings settings = Settings::fromStored(storage.settings());
    const PolicySettings policy = PolicySettings::fromSettings(settings);
    const AddressListSnapshot lists = AddressListSnapshot::fromRecords(storage.bans(), storage.trusts(), now);
    MailboxUsage usage;
    LocalRecipientDirectory directory{MaildirLayout(mailDirectory), usage};
    directory.setHostName(settings.text(QStringLiteral("server.hostname")));
    directory.setSnapshot(DirectorySnapshot::load(storage));

    PolicyExplainer::Facts facts;
    facts.client = request.client;
    facts.sender = request.sender;
    facts.recipient = request.recipient;
    facts.contentFilters = int(storage.contentFilters().size());
    facts.attachmentFilters = int(storage.attachmentFilters().size());
    const AutoBanSettings autoBan = AutoBanSettings::fromSettings(settings);
    facts.autoBanEnabled = autoBan.enabled;
    facts.autoBanLimit = QStringLiteral("%1 failed logins or relay attempts within %2 min, for %3 min")
                             .arg(autoBan.maxFailures).arg(autoBan.windowMinutes).arg(autoBan.banMinutes);
    for (const CidrRange &range : autoBan.never) {
        if (range.contains(request.client)) {
            facts.autoBanNever = range.toString();
            break;
        }
    }
    if (!request.login.isEmpty()) {
        const QString known = knownLogin(storage, settings, request.login);
        facts.login = known.isEmpty() ? request.login : known;
        facts.loginKnown = !known.isEmpty();
    }
    return PolicyExplainer(policy, lists, directory).explain(facts, now);
}
