#pragma once

#include "dsnreport.h"
#include "queuerecords.h"
#include "smtpclientsession.h"

#include <QDateTime>

struct OutboundSettings;

// What one attempt's result does to a recipient's queue record: delivered, failed (with a report
// due when the sender asked for one), or queued again for the next step of the retry schedule,
// until the message is older than outbound.max_age_hours. Pure; the agent stores the result
// before it acts on it.
class DeliveryOutcome
{
public:
    // `remoteMta`: the host that answered (empty when none did); `message` for its age, its
    // sender (null senders get no reports) and NOTIFY. `nextHopReports`: the host offered DSN,
    // so NOTIFY=SUCCESS went along and the final server reports success itself; otherwise a
    // "relayed" report is due (RFC 3461 §6.2.3).
    [[nodiscard]] static QueuedRecipient apply(const QueuedMessage &message, QueuedRecipient recipient,
                                               const RecipientResult &result, const QString &remoteMta,
                                               const OutboundSettings &settings, const QDateTime &now,
                                               bool nextHopReports = false);
    // A permanent failure decided without talking to anyone (null MX, no such domain, the admin).
    [[nodiscard]] static QueuedRecipient fail(const QueuedMessage &message, QueuedRecipient recipient,
                                              const QString &statusCode, const QString &error, const QDateTime &now);
    // Whether a delay notice is due now for this recipient (still queued, not told yet, asked
    // for, the message older than outbound.delay_notice_hours, notices on).
    [[nodiscard]] static bool delayNoticeDue(const QueuedMessage &message, const QueuedRecipient &recipient,
                                             const OutboundSettings &settings, const QDateTime &now);
    // The action the report on a final recipient states (RFC 3464 §2.3.3): failed; delivered
    // when it went into a local mailbox at acceptance; relayed when a next hop without DSN took it.
    [[nodiscard]] static DsnReport::Action reportAction(const QueuedRecipient &recipient);
};
