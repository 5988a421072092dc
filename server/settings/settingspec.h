#pragma once

#include <QString>
#include <QStringList>

// The kind of value a setting holds, which decides how it is validated and normalised.
enum class SettingType {
    HostName,     // RFC 1123 host name, stored as lower-case ACE
    Integer,      // whole number within [minimum, maximum]
    Port,         // 0-65535; 0 switches the service off
    Boolean,      // on/off, true/false, yes/no, 1/0; stored as "true"/"false"
    AddressList,  // comma-separated IPv4/IPv6 addresses
    Choice,       // one of SettingSpec::choices
    FilePath,     // an absolute path, stored cleaned ("/etc/ssl/../x" is "/etc/x"); empty = not set
    CidrList,     // comma-separated CIDR ranges (CidrRange), stored as network/prefix
    CidrListOrNone, // as CidrList, or "none" (also what an empty value becomes) for no range at all
    DnsServers,   // comma-separated nameservers, each an address with an optional port (DnsServerList)
    DurationList, // comma-separated waits with units, "5m,15m,1h" (RetrySchedule), stored normalized
    HostPort,     // "host:port" or "[v6]:port", port 1-65535, host stored lower-case ACE; empty = none
    Hours,        // decimal hours, at most three decimals ("0.5"); minimum and maximum in thousandths of an hour
    Text,         // printable, no spaces, at most `maximum` characters; empty = none
};

// One typed setting: its key (the CLI and GUI contract), default and limits.
struct SettingSpec
{
    QString key;
    SettingType type = SettingType::Integer;
    QString defaultValue;   // empty for server.hostname: computed from the machine
    qint64 minimum = 0;
    qint64 maximum = 0;
    QString description;
    QStringList choices;    // for Choice
};
