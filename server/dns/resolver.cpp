#include "resolver.h"

#include <utility>

#include <QHostAddress>

void Resolver::lookupMx(const QString &domain, QObject *context, Callback callback)
{
    lookup(DnsQueryType::Mx, domain, context, std::move(callback));
}

void Resolver::lookupA(const QString &host, QObject *context, Callback callback)
{
    lookup(DnsQueryType::A, host, context, std::move(callback));
}

void Resolver::lookupAaaa(const QString &host, QObject *context, Callback callback)
{
    lookup(DnsQueryType::Aaaa, host, context, std::move(callback));
}

void Resolver::lookupPtr(const QHostAddress &address, QObject *context, Callback callback)
{
    lookup(DnsQueryType::Ptr, reverseName(address), context, std::move(callback));
}

QString Resolver::reverseName(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);   // also unwraps ::ffff:a.b.c.d
    if (isV4) {
        return QStringLiteral("%1.%2.%3.%4.in-addr.arpa")
            .arg(v4 & 0xff).arg((v4 >> 8) & 0xff).arg((v4 >> 16) & 0xff).arg(v4 >> 24);
    }
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return QString();
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    QString name;
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i) {
        name += QLatin1Char(digits[v6[i] & 0x0f]);
        name += QLatin1Char('.');
        name += QLatin1Char(digits[v6[i] >> 4]);
        name += QLatin1Char('.');
    }
    return name + QStringLiteral("ip6.arpa");
}
