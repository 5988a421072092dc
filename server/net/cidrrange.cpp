#include "cidrrange.h"

#include <QRegularExpression>

#include "connectionlimits.h"

CidrRange::CidrRange(QHostAddress network, int prefixLength)
    : m_network(std::move(network)), m_prefixLength(prefixLength)
{
}

std::optional<CidrRange> CidrRange::parse(const QString &text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<CidrRange> {
        if (error)
            *error = QStringLiteral("\"%1\" is not a CIDR range (%2)").arg(text, why);
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    const qsizetype slash = trimmed.indexOf(QLatin1Char('/'));
    const QString addressText = slash < 0 ? trimmed : trimmed.left(slash);
    // QHostAddress also takes inet_aton's shorthands ("1.2.3" is 1.2.0.3, "010.0.0.1" is octal
    // 8.0.0.1): an admin who types those means something else, so IPv4 must be a plain dotted quad.
    static const QRegularExpression dottedQuad(QStringLiteral("^(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}$"));
    if (!addressText.contains(QLatin1Char(':')) && !dottedQuad.match(addressText).hasMatch())
        return fail(QStringLiteral("an IPv4 address has four decimal parts, e.g. 192.168.0.0/16"));
    const QHostAddress address(addressText);
    // A scope id ("fe80::1%eth0") names an interface, not a network.
    if (address.isNull() || !address.scopeId().isEmpty())
        return fail(QStringLiteral("use address/prefix, e.g. 192.168.0.0/16"));
    const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    const int maximum = v4 ? 32 : 128;
    int prefix = maximum;
    if (slash >= 0) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,3}$"));
        const QString suffix = trimmed.mid(slash + 1);
        if (!digits.match(suffix).hasMatch())
            return fail(QStringLiteral("the prefix length must be a number"));
        prefix = suffix.toInt();
        if (prefix > maximum)
            return fail(QStringLiteral("the prefix length must be at most %1").arg(maximum));
    }
    // parseSubnet clears the host bits and is the one place Qt does the masking for both families.
    const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(address.toString() + QLatin1Char('/') + QString::number(prefix));
    if (subnet.first.isNull())
        return fail(QStringLiteral("use address/prefix, e.g. 192.168.0.0/16"));
    return CidrRange(subnet.first, subnet.second);
}

std::optional<QList<CidrRange>> CidrRange::parseList(const QString &text, QString *error)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QList<CidrRange> ranges;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const std::optional<CidrRange> range = parse(part, error);
        if (!range)
            return std::nullopt;
        if (!ranges.contains(*range))
            ranges << *range;
    }
    return ranges;
}

bool CidrRange::contains(const QHostAddress &address) const
{
    return isValid() && ConnectionLimits::canonical(address).isInSubnet(m_network, m_prefixLength);
}

bool CidrRange::covers(const CidrRange &other) const
{
    return isValid() && other.isValid() && other.m_prefixLength >= m_prefixLength && contains(other.m_network);
}

QString CidrRange::toString() const
{
    return isValid() ? m_network.toString() + QLatin1Char('/') + QString::number(m_prefixLength) : QString();
}
