#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

struct x509_st;

// What an administrator wants to know about a certificate: whom it names, who issued it, when
// it is valid and its SHA-256 fingerprint. A plain value, copied freely between threads.
class CertificateInfo
{
public:
    CertificateInfo() = default;
    [[nodiscard]] static CertificateInfo fromX509(const x509_st *certificate);
    // The first certificate of PEM text; null when there is none.
    [[nodiscard]] static CertificateInfo fromPem(const QByteArray &pem);

    [[nodiscard]] bool isNull() const { return m_fingerprint.isEmpty(); }
    // RFC 2253 form, e.g. "CN=mail.example.com,O=Example".
    [[nodiscard]] QString subject() const { return m_subject; }
    [[nodiscard]] QString issuer() const { return m_issuer; }
    // "DNS:mail.example.com", "IP:192.0.2.1", ... in certificate order.
    [[nodiscard]] QStringList subjectAltNames() const { return m_subjectAltNames; }
    [[nodiscard]] QDateTime notBefore() const { return m_notBefore; }
    [[nodiscard]] QDateTime notAfter() const { return m_notAfter; }
    // Colon-separated upper-case hex of the SHA-256 of the DER certificate ("AB:01:...").
    [[nodiscard]] QString sha256Fingerprint() const { return m_fingerprint; }
    [[nodiscard]] QString serialNumber() const { return m_serial; }
    [[nodiscard]] bool isSelfIssued() const { return !isNull() && m_subject == m_issuer; }
    [[nodiscard]] bool isValidAt(const QDateTime &when) const;
    // Whole days from `when` until notAfter; negative once expired.
    [[nodiscard]] qint64 daysLeft(const QDateTime &when) const;

    // "key<TAB>value" lines for `postern tls show` and the log: subject, subject_alt_names,
    // issuer, not_before, not_after, sha256_fingerprint.
    [[nodiscard]] QStringList describe() const;
    // One line for the log: subject, expiry and fingerprint.
    [[nodiscard]] QString summary() const;

    bool operator==(const CertificateInfo &other) const = default;

private:
    QString m_subject;
    QString m_issuer;
    QStringList m_subjectAltNames;
    QDateTime m_notBefore;
    QDateTime m_notAfter;
    QString m_fingerprint;
    QString m_serial;
};
