#include "certificateinfo.h"

#include <ctime>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "opensslhandles.h"

namespace {

QString nameText(const X509_NAME *name)
{
    OpenSsl::Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || !name)
        return {};
    // RFC 2253 escaping, but UTF-8 left as it is: an admin reads these names.
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    return QString::fromUtf8(OpenSsl::bioContents(bio.get()));
}

QDateTime timeOf(const ASN1_TIME *time)
{
    std::tm parts{};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QString ipText(const ASN1_OCTET_STRING *address)
{
    const QByteArray bytes(reinterpret_cast<const char *>(ASN1_STRING_get0_data(address)), ASN1_STRING_length(address));
    if (bytes.size() == 4)
        return QStringLiteral("%1.%2.%3.%4").arg(quint8(bytes[0])).arg(quint8(bytes[1])).arg(quint8(bytes[2])).arg(quint8(bytes[3]));
    QStringList groups;
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2)
        groups << QString::number((quint8(bytes[i]) << 8) | quint8(bytes[i + 1]), 16);
    return groups.join(QLatin1Char(':'));
}

QStringList altNames(const X509 *certificate)
{
    QStringList names;
    auto *general = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (!general)
        return names;
    for (int i = 0; i < sk_GENERAL_NAME_num(general); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(general, i);
        if (name->type == GEN_DNS)
            names << QStringLiteral("DNS:") + QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(name->d.dNSName)));
        else if (name->type == GEN_IPADD)
            names << QStringLiteral("IP:") + ipText(name->d.iPAddress);
        else if (name->type == GEN_EMAIL)
            names << QStringLiteral("email:") + QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(name->d.rfc822Name)));
    }
    GENERAL_NAMES_free(general);
    return names;
}

QString serialText(const X509 *certificate)
{
    BIGNUM *number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    if (!number)
        return {};
    char *hex = BN_bn2hex(number);
    const QString text = hex ? QString::fromLatin1(hex) : QString();
    OPENSSL_free(hex);
    BN_free(number);
    return text;
}

QString isoUtc(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

}

CertificateInfo CertificateInfo::fromX509(const x509_st *certificate)
{
    CertificateInfo info;
    if (!certificate)
        return info;
    info.m_subject = nameText(X509_get_subject_name(certificate));
    info.m_issuer = nameText(X509_get_issuer_name(certificate));
    info.m_subjectAltNames = altNames(certificate);
    info.m_notBefore = timeOf(X509_get0_notBefore(certificate));
    info.m_notAfter = timeOf(X509_get0_notAfter(certificate));
    info.m_serial = serialText(certificate);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate, EVP_sha256(), digest, &length) == 1)
        info.m_fingerprint = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), length).toHex(':').toUpper());
    return info;
}

CertificateInfo CertificateInfo::fromPem(const QByteArray &pem)
{
    OpenSsl::Bio bio = OpenSsl::readOnlyBio(pem);
    const OpenSsl::Certificate certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    ERR_clear_error();
    return fromX509(certificate.get());
}

bool CertificateInfo::isValidAt(const QDateTime &when) const
{
    return !isNull() && m_notBefore <= when && when <= m_notAfter;
}

qint64 CertificateInfo::daysLeft(const QDateTime &when) const
{
    const qint64 seconds = when.secsTo(m_notAfter);
    // Floor, so that "0 days left" means "less than a day", and an expired one is negative.
    return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

QStringList CertificateInfo::describe() const
{
    return {
        QStringLiteral("subject\t") + m_subject,
        QStringLiteral("subject_alt_names\t") + m_subjectAltNames.join(QLatin1Char(',')),
        QStringLiteral("issuer\t") + m_issuer,
        QStringLiteral("not_before\t") + isoUtc(m_notBefore),
        QStringLiteral("not_after\t") + isoUtc(m_notAfter),
        QStringLiteral("sha256_fingerprint\t") + m_fingerprint,
    };
}

QString CertificateInfo::summary() const
{
    return QStringLiteral("%1, valid until %2, SHA-256 %3").arg(m_subject, isoUtc(m_notAfter), m_fingerprint);
}
