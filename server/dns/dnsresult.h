#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

// What kind of record a query asks for.
enum class DnsQueryType { Mx, A, Aaaa, Ptr };

// How a query ended; callers map these to SMTP replies (NXDOMAIN and null MX are permanent,
// ServerFailure and Timeout temporary).
enum class DnsStatus {
    Found,          // at least one record of the type asked for
    NxDomain,       // the name does not exist (or is not a valid domain name)
    NoData,         // the name exists but has no record of this type (NOERROR, empty answer)
    NullMx,         // RFC 7505: the domain's only MX is "0 ." - it accepts no mail
    ServerFailure,  // SERVFAIL, REFUSED, an unreachable server or a malformed answer
    Timeout,        // no answer within the resolver's deadline
};

[[nodiscard]] QString dnsQueryTypeName(DnsQueryType type);
[[nodiscard]] QString dnsStatusName(DnsStatus status);

// One MX record: lower preference is tried first.
struct MxRecord
{
    quint16 preference = 0;
    QString exchange;   // lower-case, without the trailing dot
    bool operator==(const MxRecord &other) const = default;
};

// The outcome of one query, passed by value to the caller.
struct DnsResult
{
    DnsQueryType type = DnsQueryType::A;
    QString name;                   // the name asked for (ACE); for PTR the reverse name
    DnsStatus status = DnsStatus::ServerFailure;
    QList<MxRecord> mx;             // Mx, sorted by preference
    QList<QHostAddress> addresses;  // A / Aaaa
    QStringList hostNames;          // Ptr
    quint32 ttlSeconds = 0;         // smallest TTL of the answer records (0 when none)
    bool fromCache = false;
    QString error;                  // for ServerFailure and Timeout: why, for the log

    [[nodiscard]] bool isPermanentFailure() const { return status == DnsStatus::NxDomain || status == DnsStatus::NullMx; }
    [[nodiscard]] bool isTemporaryFailure() const { return status == DnsStatus::ServerFailure || status == DnsStatus::Timeout; }
};
