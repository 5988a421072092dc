#include "dnsresult.h"

QString dnsQueryTypeName(DnsQueryType type)
{
    switch (type) {
    case DnsQueryType::Mx: return QStringLiteral("MX");
    case DnsQueryType::A: return QStringLiteral("A");
    case DnsQueryType::Aaaa: return QStringLiteral("AAAA");
    case DnsQueryType::Ptr: return QStringLiteral("PTR");
    }
    return QStringLiteral("?");
}

QString dnsStatusName(DnsStatus status)
{
    switch (status) {
    case DnsStatus::Found: return QStringLiteral("found");
    case DnsStatus::NxDomain: return QStringLiteral("nxdomain");
    case DnsStatus::NoData: return QStringLiteral("nodata");
    case DnsStatus::NullMx: return QStringLiteral("null-mx");
    case DnsStatus::ServerFailure: return QStringLiteral("servfail");
    case DnsStatus::Timeout: return QStringLiteral("timeout");
    }
    return QStringLiteral("?");
}
