#include "dnsserverlist.h"

#include <QHostAddress>

namespace {

// One entry, canonical; empty with *error set when it is not an address with an optional port.
QString canonicalEntry(const QString &entry, QString *error)
{
    QString host = entry;
    QString portText;
    bool hasPort = false;
    if (entry.startsWith(QLatin1Char('['))) {
        const qsizetype close = entry.indexOf(QLatin1Char(']'));
        if (close < 0) {
            *error = QStringLiteral("\"%1\" has no closing ]").arg(entry);
            return QString();
        }
        host = entry.mid(1, close - 1);
        const QString rest = entry.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':'))) {
                *error = QStringLiteral("\"%1\": expected :port after ]").arg(entry);
                return QString();
            }
            portText = rest.mid(1);
            hasPort = true;
        }
    } else if (entry.count(QLatin1Char(':')) == 1) {
        // One colon: IPv4 with a port. More than one: a bare IPv6 address.
        host = entry.section(QLatin1Char(':'), 0, 0);
        portText = entry.section(QLatin1Char(':'), 1);
        hasPort = true;
    }
    const QHostAddress address(host);
    if (address.isNull() || !address.scopeId().isEmpty()) {
        *error = QStringLiteral("\"%1\" is not an IP address").arg(host);
        return QString();
    }
    int port = 53;
    if (hasPort) {
        bool ok = false;
        port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            *error = QStringLiteral("\"%1\" is not a port (1-65535)").arg(portText);
            return QString();
        }
    }
    const bool isV6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const QString text = address.toString();
    if (port == 53)
        return text;
    return isV6 ? QStringLiteral("[%1]:%2").arg(text).arg(port) : QStringLiteral("%1:%2").arg(text).arg(port);
}

}

std::optional<QStringList> DnsServerList::parse(const QString &text, QString *error)
{
    QStringList entries;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString entry = part.trimmed();
        if (entry.isEmpty())
            continue;
        const QString canonical = canonicalEntry(entry, error);
        if (canonical.isEmpty())
            return std::nullopt;
        if (!entries.contains(canonical))
            entries << canonical;
    }
    return entries;
}

QString DnsServerList::toCaresCsv(const QStringList &entries)
{
    // c-ares wants IPv6 addresses bracketed whenever a port follows; our canonical form already is.
    return entries.join(QLatin1Char(','));
}
