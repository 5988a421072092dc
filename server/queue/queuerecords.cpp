#include "queuerecords.h"

QString queuedRecipientStateName(QueuedRecipientState state)
{
    switch (state) {
    case QueuedRecipientState::Queued:
        return QStringLiteral("queued");
    case QueuedRecipientState::Delivered:
        return QStringLiteral("delivered");
    case QueuedRecipientState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("queued");
}

QueuedRecipient QueuedRecipient::deliveredLocally(const QString &address, const QString &originalRecipient,
                                                  const DsnNotify &notify)
{
    QueuedRecipient recipient;
    recipient.address = address;
    recipient.originalRecipient = originalRecipient;
    recipient.notify = notify;
    recipient.state = QueuedRecipientState::Delivered;
    recipient.statusCode = QStringLiteral("2.0.0");
    recipient.report = ReportState::Due;
    return recipient;
}
