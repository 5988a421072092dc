#pragma once

#include <QString>

// An RFC 5321 mailbox (local-part@domain), validated and put into canonical form: domain in
// lower-case ACE (IDNA, via QUrl::toAce), local part lower-cased because Postern matches local
// parts case-insensitively. Quoted-string local parts are accepted; UTF-8 local parts as in
// RFC 6531.
class MailAddress
{
public:
    // Parses "local@domain" (no angle brackets). On failure returns an invalid address whose
    // error() says what is wrong.
    [[nodiscard]] static MailAddress parse(const QString &text);
    // Normalises a domain name to lower-case ACE; empty when it is not a valid host name.
    [[nodiscard]] static QString normalizeDomain(const QString &domain, QString *error = nullptr);
    // RFC 1123 host name check on an ACE name: LDH labels of 1-63 octets, 255 in all.
    [[nodiscard]] static bool isValidHostName(const QString &aceName);

    [[nodiscard]] bool isValid() const { return m_error.isEmpty() && !m_domain.isEmpty(); }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString localPart() const { return m_localPart; }
    [[nodiscard]] QString domain() const { return m_domain; }
    [[nodiscard]] QString canonical() const { return m_localPart + QLatin1Char('@') + m_domain; }

private:
    QString m_localPart;
    QString m_domain;
    QString m_error;
};
