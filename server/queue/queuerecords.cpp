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
