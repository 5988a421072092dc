#include "autobanwriter.h"

#include "addresslistsnapshot.h"
#include "autobandecision.h"
#include "log.h"
#include "records.h"
#include "storage.h"

namespace {
const QString kAuto = QStringLiteral("auto");
}

bool AutoBanWriter::write(Storage &storage, const AddressListSnapshot &lists, const AutoBanDecision &decision,
                          const QDateTime &now)
{
    // One arg() call each: the detail holds client-chosen user names, which may contain "%1".
    const QString facts = QStringLiteral("%1 failures in %2 min: %3")
                              .arg(QString::number(decision.failures), QString::number(decision.windowMinutes), decision.detail);
    if (const auto existing = lists.banFor(decision.client, now)) {
        const bool outlasts = !existing->expires || *existing->expires >= decision.expires;
        if (existing->source != kAuto || outlasts) {
            Log::info(QStringLiteral("policy"), QStringLiteral("-"),
                      QStringLiteral("%1 not banned again by \"Auto-ban\" (%2): already banned (%3)")
                          .arg(decision.client.toString(), facts, AddressListSnapshot::describe(*existing)));
            return false;
        }
    }
    BanRecord record;
    record.range = decision.range;
    record.expires = decision.expires;
    record.comment = decision.reason;
    record.created = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
    record.source = kAuto;
    storage.setBan(record);
    Log::warning(QStringLiteral("policy"), QStringLiteral("-"),
                 QStringLiteral("%1 banned by \"Auto-ban\" (%2) for %3 min, until %4")
                     .arg(decision.client.toString(), facts, QString::number(decision.banMinutes),
                          decision.expires.toString(Qt::ISODate)));
    return true;
}
