#include "hostport.h"

#include <QHostAddress>

#include "mailaddress.h"

std::optional<HostPort> HostPort::parse(const QString &text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<HostPort> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return fail(QStringLiteral("use host:port, such as mail.example.net:587 or [2001:db8::1]:25"));
    QString host = trimmed.left(colon);
    const QString portText = trimmed.mid(colon + 1);
    bool ok = false;
    const int port = portText.toInt(&ok);
    if (!ok || portText.isEmpty() || !portText.at(0).isDigit() || port < 1 || port > 65535)
        return fail(QStringLiteral("\"%1\" is not a port: use 1-65535").arg(portText));

    HostPort result;
    result.port = quint16(port);
    if (host.startsWith(QLatin1Char('['))) {
        const QHostAddress address(host.mid(1, host.size() - 2));
        if (!host.endsWith(QLatin1Char(']')) || address.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(QStringLiteral("\"%1\" is not an IPv6 address in brackets").arg(host));
        result.host = address.toString();
        return result;
    }
    if (host.contains(QLatin1Char(':')))
        return fail(QStringLiteral("put an IPv6 address in brackets: [%1]:port").arg(host));
    const QHostAddress address(host);
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        result.host = address.toString();
        return result;
    }
    QString why;
    result.host = MailAddress::normalizeDomain(host, &why);
    if (result.host.isEmpty())
        return fail(QStringLiteral("\"%1\" is not a valid host name").arg(host));
    return result;
}

bool HostPort::isAddress() const
{
    return !QHostAddress(host).isNull();
}

QString HostPort::toString() const
{
    const bool v6 = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol;
    return (v6 ? QLatin1Char('[') + host + QLatin1Char(']') : host) + QLatin1Char(':') + QString::number(port);
}
