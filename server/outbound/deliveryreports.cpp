#include "deliveryreports.h"

#include "log.h"
#include "messagestore.h"
#include "recipientdirectory.h"

#include <QFile>

namespace {

const QString kComponent = QStringLiteral("delivery");
// Without RET=FULL only the header block goes back; reading more than this of a file to find
// its end would only matter for a message with an absurd header, which is cut.
constexpr qint64 kMaxHeaderBytes = 256 * 1024;

}

DeliveryReports::DeliveryReports(MessageStore &store, const RecipientDirectory &directory, QueueDirectory queue)
    : m_store(store), m_directory(directory), m_queue(std::move(queue))
{
}

QByteArray DeliveryReports::original(const QueuedMessage &message) const
{
    QFile file(m_queue.filePath(message.fileName));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (message.ret == DsnReturn::Full)
        return file.readAll();
    QByteArray head = file.read(kMaxHeaderBytes);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end >= 0)
        head.truncate(end + 4);
    return head;
}

bool DeliveryReports::send(const QueuedMessage &message, const QList<QueuedRecipient> &recipients, DsnReport::Action action,
                           const QString &reportingMta, const QDateTime &now, qint64 maxAgeSeconds) const
{
    if (!message.isBounceable() || recipients.isEmpty())
        return true;   // nobody to tell (RFC 3461 §6.2: never report on a report)
    DsnReport report;
    report.reportingMta = reportingMta;
    report.recipientOfReport = message.sender;
    report.envelopeId = message.envelopeId;
    report.arrivalDate = message.receivedAt;
    report.receivedFromMta = message.origin;
    report.ret = message.ret;
    for (const QueuedRecipient &recipient : recipients) {
        DsnReport::Recipient entry;
        entry.finalRecipient = recipient.address;
        entry.originalRecipient = recipient.originalRecipient;
        entry.action = action;
        entry.statusCode = recipient.statusCode.isEmpty()
                               ? (action == DsnReport::Action::Delivered ? QStringLiteral("2.0.0") : QStringLiteral("5.0.0"))
                               : recipient.statusCode;
        entry.remoteMta = recipient.remoteMta;
        entry.diagnostic = recipient.diagnostic;
        entry.lastAttempt = recipient.lastAttempt;
        if (action == DsnReport::Action::Delayed)
            entry.willRetryUntil = message.receivedAt.addSecs(maxAgeSeconds);
        report.recipients << entry;
    }
    const QByteArray bytes = DsnBuilder::build(report, original(message), now);

    MessageTargets targets;
    const RecipientLookup sender = m_directory.lookup(message.sender, bytes.size());
    if (sender.kind == RecipientLookup::Kind::Local && !sender.mailboxes.isEmpty()) {
        targets.mailboxes = sender.mailboxes;
        targets.outbound.recipients.clear();
    } else {
        QueuedRecipient to;
        to.address = message.sender;
        to.notify = DsnNotify::never();
        to.nextAttempt = now;
        targets.outbound.sender.clear();   // null reverse-path: a report never gets a report
        targets.outbound.origin = QStringLiteral("dns; %1").arg(reportingMta);
        targets.outbound.recipients << to;
    }
    QString error;
    std::unique_ptr<MessageWriter> writer = m_store.begin(targets, &error);
    if (!writer) {
        Log::error(kComponent, message.id, QStringLiteral("cannot store the report to <%1>: %2").arg(message.sender, error));
        return false;
    }
    if (!writer->write(bytes)) {
        Log::error(kComponent, message.id, QStringLiteral("cannot write the report to <%1>").arg(message.sender));
        return false;
    }
    const MessageWriter::CommitResult committed = writer->commit();
    if (!committed.ok) {
        Log::error(kComponent, message.id, QStringLiteral("cannot store the report to <%1>: %2").arg(message.sender, committed.error));
        return false;
    }
    QStringList who;
    for (const QueuedRecipient &recipient : recipients)
        who << recipient.address;
    const QString kind = action == DsnReport::Action::Failed    ? QStringLiteral("failure")
                         : action == DsnReport::Action::Delayed ? QStringLiteral("delay")
                                                                : QStringLiteral("delivery");
    Log::info(kComponent, message.id, QStringLiteral("%1 report %2 sent to <%3> about %4")
                                          .arg(kind, writer->queueId(), message.sender, who.join(QStringLiteral(", "))));
    return true;
}
