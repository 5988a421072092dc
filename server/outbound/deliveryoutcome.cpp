#include "deliveryoutcome.h"

#include "decimalhours.h"
#include "outboundsettings.h"

namespace {

ReportState failureReport(const QueuedMessage &message, const QueuedRecipient &recipient)
{
    return message.isBounceable() && recipient.notify.failure ? ReportState::Due : ReportState::None;
}

}

QueuedRecipient DeliveryOutcome::apply(const QueuedMessage &message, QueuedRecipient recipient,
                                       const RecipientResult &result, const QString &remoteMta,
                                       const OutboundSettings &settings, const QDateTime &now, bool nextHopReports)
{
    recipient.attempts += 1;
    recipient.lastAttempt = now;
    recipient.statusCode = result.statusCode;
    recipient.diagnostic = result.code > 0 ? result.reply : QString();
    recipient.remoteMta = remoteMta;
    const QString said = remoteMta.isEmpty() ? result.reply : QStringLiteral("%1 said: %2").arg(remoteMta, result.reply);
    switch (result.kind) {
    case RecipientResult::Kind::Delivered:
        recipient.state = QueuedRecipientState::Delivered;
        recipient.lastError.clear();
        recipient.report = message.isBounceable() && recipient.notify.success && !nextHopReports ? ReportState::Due
                                                                                                 : ReportState::None;
        return recipient;
    case RecipientResult::Kind::Permanent:
        recipient.state = QueuedRecipientState::Failed;
        recipient.lastError = said;
        recipient.report = failureReport(message, recipient);
        return recipient;
    case RecipientResult::Kind::Temporary:
        break;
    }
    recipient.lastError = said;
    if (message.receivedAt.secsTo(now) >= settings.maxAgeSeconds) {
        // RFC 3463 4.4.7: the message stayed in the queue too long; the last error says why.
        recipient.state = QueuedRecipientState::Failed;
        recipient.statusCode = QStringLiteral("4.4.7");
        // In the setting's own unit, decimals and all ("0.5 hours").
        const QString hours = DecimalHours::toText((settings.maxAgeSeconds * 10 + 18) / 36);
        recipient.lastError = QStringLiteral("gave up after %1 hours: %2").arg(hours, said);
        recipient.report = failureReport(message, recipient);
        return recipient;
    }
    recipient.state = QueuedRecipientState::Queued;
    recipient.nextAttempt = now.addSecs(settings.retrySchedule.delayAfter(recipient.attempts));
    return recipient;
}

QueuedRecipient DeliveryOutcome::fail(const QueuedMessage &message, QueuedRecipient recipient, const QString &statusCode,
                                      const QString &error, const QDateTime &now)
{
    recipient.attempts += 1;
    recipient.lastAttempt = now;
    recipient.state = QueuedRecipientState::Failed;
    recipient.statusCode = statusCode;
    recipient.lastError = error;
    recipient.diagnostic.clear();
    recipient.remoteMta.clear();
    recipient.report = failureReport(message, recipient);
    return recipient;
}

bool DeliveryOutcome::delayNoticeDue(const QueuedMessage &message, const QueuedRecipient &recipient,
                                     const OutboundSettings &settings, const QDateTime &now)
{
    return settings.delayNoticeSeconds > 0 && recipient.state == QueuedRecipientState::Queued && !recipient.delayReported
           && recipient.notify.delay && message.isBounceable() && recipient.attempts > 0
           && message.receivedAt.secsTo(now) >= settings.delayNoticeSeconds;
}

DsnReport::Action DeliveryOutcome::reportAction(const QueuedRecipient &recipient)
{
    if (recipient.state != QueuedRecipientState::Delivered)
        return DsnReport::Action::Failed;
    return recipient.isDeliveredLocally() ? DsnReport::Action::Delivered : DsnReport::Action::Relayed;
}
