#pragma once

#include <memory>

#include <QString>

#include "certificateinfo.h"

class QDateTime;
struct ssl_ctx_st;

// A shared OpenSSL context with Postern's TLS policy. A server context carries a certificate
// chain and its key; a client context (tests, and later outbound SMTP) carries the protocol
// versions it offers. Copies share one SSL_CTX, so a connection keeps the context it started
// with while a reload installs another. Immutable once made; safe to use from any thread.
class TlsContext
{
public:
    enum class Version { Tls1_0, Tls1_1, Tls1_2, Tls1_3 };
    struct ClientOptions
    {
        Version minimum = Version::Tls1_2;
        Version maximum = Version::Tls1_3;
        QString caFile;   // PEM trust anchors; empty: the server's certificate is not verified
        bool useSystemStore = false;   // without caFile: verify against the system's CA store
        bool checkHostName = false;    // the certificate must also match the channel's server name
    };

    TlsContext() = default;   // null

    // Server policy: TLS 1.2 and 1.3 only; TLS 1.2 with forward-secret AEAD suites only
    // (Mozilla "intermediate"); no compression, renegotiation, session tickets or cache; the
    // client's cipher preference. Null with *error (naming the file and the reason) when a file
    // cannot be read, holds no PEM certificate or key, the key is encrypted or does not match
    // the first certificate, or that certificate is not valid at `now`.
    [[nodiscard]] static TlsContext loadServer(const QString &certificateFile, const QString &keyFile,
                                               const QDateTime &now, QString *error);
    // The same from PEM text; *error gives the reason without file names.
    [[nodiscard]] static TlsContext serverFromPem(const QByteArray &certificatePem, const QByteArray &keyPem,
                                                  const QDateTime &now, QString *error);
    // Versions below TLS 1.2 also lower OpenSSL's security level, so tests can offer them.
    [[nodiscard]] static TlsContext client(const ClientOptions &options, QString *error = nullptr);

    [[nodiscard]] bool isNull() const { return !m_data; }
    [[nodiscard]] bool isServer() const;
    // A client context whose channels check the server name against the certificate (RFC 6125).
    [[nodiscard]] bool checksHostName() const;
    // The server's own (first) certificate; null for a client context.
    [[nodiscard]] const CertificateInfo &certificate() const;
    [[nodiscard]] ssl_ctx_st *handle() const;

private:
    struct Data;
    std::shared_ptr<const Data> m_data;
};
