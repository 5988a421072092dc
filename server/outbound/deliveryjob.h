#pragma once

#include "smtpclientsession.h"

#include <QList>
#include <QString>

// One message's recipients in one destination domain, handed to a connection as one SMTP
// transaction. recipientIds and envelope.recipients are in the same order.
struct DeliveryJob
{
    QString messageId;
    QString domain;
    QList<qint64> recipientIds;
    OutboundEnvelope envelope;
    QString filePath;   // the queued file
};
