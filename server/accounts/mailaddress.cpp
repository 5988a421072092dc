#include "mailaddress.h"

#include <QHostAddress>
#include <QUrl>

namespace {

constexpr int kMaxLocalPartOctets = 64;   // RFC 5321 §4.5.3.1.1
constexpr int kMaxDomainOctets = 255;     // RFC 5321 §4.5.3.1.2
constexpr int kMaxLabelOctets = 63;

// RFC 5322 atext, widened by RFC 6531 to any non-ASCII character.
bool isAtext(QChar c)
{
    if (c.unicode() >= 0x80)
        return c.isPrint();
    if (c.isLetterOrNumber())
        return true;
    return QStringLiteral("!#$%&'*+-/=?^_`{|}~").contains(c);
}

bool isDotString(const QString &local)
{
    if (local.isEmpty() || local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.'))
        || local.contains(QStringLiteral("..")))
        return false;
    for (QChar c : local) {
        if (c != QLatin1Char('.') && !isAtext(c))
            return false;
    }
    return true;
}

// RFC 5321 Quoted-string: printable ASCII except '"' and '\', or a backslash pair.
bool isQuotedString(const QString &local)
{
    if (local.size() < 2 || !local.startsWith(QLatin1Char('"')) || !local.endsWith(QLatin1Char('"')))
        return false;
    for (qsizetype i = 1; i < local.size() - 1; ++i) {
        const char16_t c = local.at(i).unicode();
        if (c == u'\\') {
            if (++i >= local.size() - 1)
                return false;
            const char16_t escaped = local.at(i).unicode();
            if (escaped < 0x20 || escaped > 0x7e)
                return false;
        } else if (c == u'"' || (c < 0x20) || c == 0x7f) {
            return false;
        }
    }
    return true;
}

QString addressLiteralError(const QString &literal)
{
    const QString inner = literal.mid(1, literal.size() - 2);
    QHostAddress address;
    if (inner.startsWith(QStringLiteral("IPv6:"), Qt::CaseInsensitive)) {
        if (address.setAddress(inner.mid(5)) && address.protocol() == QAbstractSocket::IPv6Protocol)
            return {};
    } else if (address.setAddress(inner) && address.protocol() == QAbstractSocket::IPv4Protocol) {
        return {};
    }
    return QStringLiteral("bad address literal %1").arg(literal);
}

}

bool MailAddress::isValidHostName(const QString &aceName)
{
    if (aceName.isEmpty() || aceName.size() > kMaxDomainOctets)
        return false;
    const QStringList labels = aceName.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > kMaxLabelOctets || label.startsWith(QLatin1Char('-'))
            || label.endsWith(QLatin1Char('-')))
            return false;
        for (QChar c : label) {
            if (c.unicode() >= 0x80 || !(c.isLetterOrNumber() || c == QLatin1Char('-')))
                return false;
        }
    }
    return true;
}

QString MailAddress::normalizeDomain(const QString &domain, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    QString trimmed = domain.trimmed();
    if (trimmed.endsWith(QLatin1Char('.')))
        trimmed.chop(1);   // a fully-qualified trailing dot names the same domain
    if (trimmed.isEmpty())
        return fail(QStringLiteral("empty domain"));
    if (trimmed.startsWith(QLatin1Char('[')) && trimmed.endsWith(QLatin1Char(']'))) {
        const QString why = addressLiteralError(trimmed);
        return why.isEmpty() ? trimmed : fail(why);
    }
    const QString ace = QString::fromLatin1(QUrl::toAce(trimmed)).toLower();
    if (ace.isEmpty() || !isValidHostName(ace))
        return fail(QStringLiteral("\"%1\" is not a valid domain name").arg(domain));
    return ace;
}

MailAddress MailAddress::parse(const QString &text)
{
    MailAddress result;
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == text.size() - 1) {
        result.m_error = QStringLiteral("\"%1\" is not an address of the form local-part@domain").arg(text);
        return result;
    }
    const QString local = text.left(at);
    if (!isDotString(local) && !isQuotedString(local)) {
        result.m_error = QStringLiteral("\"%1\" has an invalid local part").arg(text);
        return result;
    }
    if (local.toUtf8().size() > kMaxLocalPartOctets) {
        result.m_error = QStringLiteral("the local part of \"%1\" is longer than 64 octets").arg(text);
        return result;
    }
    QString domainError;
    const QString domain = normalizeDomain(text.mid(at + 1), &domainError);
    if (domain.isEmpty()) {
        result.m_error = domainError;
        return result;
    }
    result.m_localPart = local.toLower();
    result.m_domain = domain;
    return result;
}
