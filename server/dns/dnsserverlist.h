#pragma once

#include <optional>

#include <QString>
#include <QStringList>

// The `dns.servers` value: nameservers as "192.0.2.1", "127.0.0.1:5353", "2001:db8::1" or
// "[::1]:5353", comma-separated. Empty means the system's resolvers (/etc/resolv.conf).
class DnsServerList
{
public:
    // The entries in canonical form ("[v6]:port" when a port is given, the port dropped when it
    // is 53), or nullopt with *error set. An empty text gives an empty list.
    [[nodiscard]] static std::optional<QStringList> parse(const QString &text, QString *error);
    // The same entries in the form ares_set_servers_ports_csv takes.
    [[nodiscard]] static QString toCaresCsv(const QStringList &entries);
};
