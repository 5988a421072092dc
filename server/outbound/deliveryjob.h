#pragma once

#include "smtpclientsession.h"

#include <QList>
#include <QString>

// One message's recipients in one destination domain, handed to a connection as one SMTP
// transaction. recipientIds and envelope.recipients are in the same order.
struct DeliveryJob
{
    QString messageId;
    QString domain;     // the recipients' domain, for the route planner
    QString nextHop;    // what the limits count and connections share: the domain, a route or the smart host
    QList<qint64> recipientIds;
    OutboundEnvelope envelope;
    QString filePath;   // the queued file
};
