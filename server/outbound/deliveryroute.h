#pragma once

#include "outboundtls.h"

#include <QHostAddress>
#include <QList>
#include <QString>

// One place to try delivering to: an address of a next hop, and how to talk to it.
struct DeliveryTarget
{
    QString host;            // the MX / route / smart host name (for TLS name checks and the log)
    QHostAddress address;    // what to connect to (IPv6 or IPv4)
    quint16 port = 25;
    OutboundTls tls = OutboundTls::Opportunistic;
    bool implicitTls = false;   // TLS from the first byte (port 465), not STARTTLS
    QString authUser;           // empty: no AUTH
    QString authPassword;       // as stored in SecretStore; never logged
    int preference = 0;         // MX preference (0 for routes and smart hosts)

    // "mx1.example.org[192.0.2.1]:25" for the log and the queue's last error.
    [[nodiscard]] QString describe() const;
};

// Where the mail for one domain goes right now, in the order to try.
struct RoutePlan
{
    enum class Status {
        Ready,              // targets holds at least one address
        TemporaryFailure,   // DNS timed out / SERVFAIL, or no address found yet: retry later
        PermanentFailure,   // NXDOMAIN, null MX (RFC 7505), no address at all: report failure now
    };
    Status status = Status::TemporaryFailure;
    QList<DeliveryTarget> targets;
    QString via;             // "MX", "implicit MX", "route", "smart host": for the log
    QString error;           // why, when not Ready ("null MX: example.org accepts no mail")
    QString statusCode;      // RFC 3463 for the report when not Ready: "5.1.10" null MX, "5.4.4" no route, "4.4.3" DNS
};
