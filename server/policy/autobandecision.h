#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QMetaType>
#include <QString>

// What AutoBanRule decided for one address: the ban to add to the Banned Addresses list.
struct AutoBanDecision
{
    QHostAddress client;
    QString range;       // the client's address as a one-host CIDR range, "203.0.113.5/32"
    int failures = 0;    // as counted (a repeated password once)
    int windowMinutes = 0;
    int banMinutes = 0;
    QDateTime expires;   // UTC, whole seconds
    QString reason;      // the ban's comment: "auto-ban: 10 failed logins for bob@example.com"
    QString detail;      // what was counted, for the log: "10 failed logins for bob@example.com"
};

Q_DECLARE_METATYPE(AutoBanDecision)
