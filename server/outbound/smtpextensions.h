#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

// What a server offered in its EHLO reply (RFC 5321 §4.1.1.1): the keywords, SIZE's limit and
// AUTH's mechanisms. Empty after HELO.
class SmtpExtensions
{
public:
    SmtpExtensions() = default;
    // The texts of an EHLO reply's lines (the first one is the greeting and is skipped).
    [[nodiscard]] static SmtpExtensions parse(const QList<QByteArray> &texts);

    [[nodiscard]] bool has(const QString &keyword) const { return m_keywords.contains(keyword); }
    // Upper-case keywords in the order offered ("SIZE", "PIPELINING", ...).
    [[nodiscard]] QStringList keywords() const { return m_keywords; }
    // SIZE's argument (RFC 1870); 0 when absent or 0 (no fixed limit).
    [[nodiscard]] qint64 sizeLimit() const { return m_sizeLimit; }
    // Upper-case SASL mechanisms after AUTH (and the old "AUTH=" form).
    [[nodiscard]] QStringList authMechanisms() const { return m_authMechanisms; }

private:
    QStringList m_keywords;
    qint64 m_sizeLimit = 0;
    QStringList m_authMechanisms;
};
