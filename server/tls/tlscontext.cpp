#include "tlscontext.h"

#include <vector>

#include <openssl/err.h>
#include <openssl/pem.h>

#include <QDateTime>
#include <QFile>

#include "opensslhandles.h"

struct TlsContext::Data
{
    OpenSsl::Context context;
    bool server = false;
    bool checkHostName = false;
    CertificateInfo certificate;
};

namespace {

// Mozilla's "intermediate" TLS 1.2 list (v5.7): ECDHE with AES-GCM or ChaCha20-Poly1305, and
// the DHE equivalents for old clients; all forward-secret AEAD. TLS 1.3 suites are all AEAD.
constexpr char kTls12Ciphers[] =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
    "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";
constexpr char kTls13Suites[] = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";
constexpr char kGroups[] = "X25519:prime256v1:secp384r1";
// Certificate and key files are small; anything larger is not one.
constexpr qint64 kMaxPemBytes = 1024 * 1024;

int protocolOf(TlsContext::Version version)
{
    switch (version) {
    case TlsContext::Version::Tls1_0:
        return TLS1_VERSION;
    case TlsContext::Version::Tls1_1:
        return TLS1_1_VERSION;
    case TlsContext::Version::Tls1_2:
        return TLS1_2_VERSION;
    case TlsContext::Version::Tls1_3:
        break;
    }
    return TLS1_3_VERSION;
}

bool readPem(const QString &path, const QString &what, QByteArray *contents, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the %1 file %2: %3").arg(what, path, file.errorString());
        return false;
    }
    if (file.size() > kMaxPemBytes) {
        *error = QStringLiteral("the %1 file %2 is too large to be PEM").arg(what, path);
        return false;
    }
    *contents = file.readAll();
    return true;
}

std::vector<OpenSsl::Certificate> readChain(const QByteArray &pem, QString *error)
{
    std::vector<OpenSsl::Certificate> chain;
    OpenSsl::Bio bio = OpenSsl::readOnlyBio(pem);
    while (X509 *certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        chain.emplace_back(certificate);
    // The loop ends on "no start line" at the end of the text; any other reason is damage.
    QStringList reasons = OpenSsl::takeErrors().split(QStringLiteral("; "), Qt::SkipEmptyParts);
    reasons.removeAll(QStringLiteral("no start line"));
    if (!reasons.isEmpty())
        *error = QStringLiteral("a damaged PEM certificate: %1").arg(reasons.join(QStringLiteral("; ")));
    else if (chain.empty())
        *error = QStringLiteral("no PEM certificate found");
    if (!error->isEmpty())
        chain.clear();
    return chain;
}

OpenSsl::Key readKey(const QByteArray &pem, QString *error)
{
    // A passphrase cannot be typed into a server that starts unattended: refuse instead of asking.
    auto noPassphrase = [](char *, int, int, void *) { return -1; };
    OpenSsl::Bio bio = OpenSsl::readOnlyBio(pem);
    OpenSsl::Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
    const QString reasons = OpenSsl::takeErrors();
    if (key)
        return key;
    if (pem.contains("ENCRYPTED"))
        *error = QStringLiteral("the key is protected by a passphrase; store it unencrypted (openssl pkey -in KEY -out NEW)");
    else
        *error = QStringLiteral("no PEM private key found%1").arg(reasons.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reasons));
    return key;
}

QString validityProblem(const CertificateInfo &info, const QDateTime &now)
{
    if (now < info.notBefore())
        return QStringLiteral("the certificate is not valid before %1").arg(info.notBefore().toString(Qt::ISODate));
    if (now > info.notAfter())
        return QStringLiteral("the certificate expired on %1").arg(info.notAfter().toString(Qt::ISODate));
    return {};
}

OpenSsl::Context newServerContext()
{
    OpenSsl::Context context(SSL_CTX_new(TLS_server_method()));
    if (!context)
        return context;
    SSL_CTX *ctx = context.get();
    bool ok = SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) == 1 && SSL_CTX_set_max_proto_version(ctx, 0) == 1
              && SSL_CTX_set_cipher_list(ctx, kTls12Ciphers) == 1 && SSL_CTX_set_ciphersuites(ctx, kTls13Suites) == 1
              && SSL_CTX_set1_groups_list(ctx, kGroups) == 1 && SSL_CTX_set_dh_auto(ctx, 1) == 1;
    // No tickets and no cache: a resumed session would save a mail client one handshake per
    // connection but cost memory per session, and TLS 1.2 tickets under a long-lived key
    // undo forward secrecy (why Mozilla switches them off).
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_TICKET);
    // Mozilla "intermediate": the client chooses; every suite offered is strong, and clients
    // know best whether they have AES hardware.
    SSL_CTX_clear_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE);
    ok = ok && SSL_CTX_set_num_tickets(ctx, 0) == 1;
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    // Idle connections give their record buffers back (about 34 KiB each).
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
    if (!ok)
        context.reset();
    return context;
}

}

TlsContext TlsContext::loadServer(const QString &certificateFile, const QString &keyFile, const QDateTime &now,
                                  QString *error)
{
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!readPem(certificateFile, QStringLiteral("certificate"), &certificatePem, error)
        || !readPem(keyFile, QStringLiteral("key"), &keyPem, error)) {
        return {};
    }
    QString problem;
    TlsContext context = serverFromPem(certificatePem, keyPem, now, &problem);
    if (context.isNull())
        *error = QStringLiteral("%1 with %2: %3").arg(certificateFile, keyFile, problem);
    return context;
}

TlsContext TlsContext::serverFromPem(const QByteArray &certificatePem, const QByteArray &keyPem, const QDateTime &now,
                                     QString *error)
{
    ERR_clear_error();
    QString problem;
    std::vector<OpenSsl::Certificate> chain = readChain(certificatePem, &problem);
    OpenSsl::Key key = chain.empty() ? OpenSsl::Key() : readKey(keyPem, &problem);
    if (!key) {
        *error = problem;
        return {};
    }
    if (X509_check_private_key(chain.front().get(), key.get()) != 1) {
        ERR_clear_error();
        *error = QStringLiteral("the key does not belong to the (first) certificate");
        return {};
    }
    const CertificateInfo info = CertificateInfo::fromX509(chain.front().get());
    if (const QString invalid = validityProblem(info, now); !invalid.isEmpty()) {
        *error = invalid;
        return {};
    }
    OpenSsl::Context context = newServerContext();
    bool ok = context && SSL_CTX_use_certificate(context.get(), chain.front().get()) == 1
              && SSL_CTX_use_PrivateKey(context.get(), key.get()) == 1;
    for (size_t i = 1; ok && i < chain.size(); ++i)
        ok = SSL_CTX_add1_chain_cert(context.get(), chain[i].get()) == 1;
    if (!ok || SSL_CTX_check_private_key(context.get()) != 1) {
        // For example an RSA key below OpenSSL's security level ("ee key too small").
        *error = QStringLiteral("OpenSSL refused the pair: %1").arg(OpenSsl::takeErrors());
        return {};
    }
    auto data = std::make_shared<Data>();
    data->context = std::move(context);
    data->server = true;
    data->certificate = info;
    TlsContext result;
    result.m_data = std::move(data);
    return result;
}

TlsContext TlsContext::client(const ClientOptions &options, QString *error)
{
    ERR_clear_error();
    OpenSsl::Context context(SSL_CTX_new(TLS_client_method()));
    bool ok = context && SSL_CTX_set_min_proto_version(context.get(), protocolOf(options.minimum)) == 1
              && SSL_CTX_set_max_proto_version(context.get(), protocolOf(options.maximum)) == 1;
    if (ok && options.minimum < Version::Tls1_2) {
        // OpenSSL 3 refuses TLS 1.0 and 1.1 (SHA-1 signatures) above security level 0.
        SSL_CTX_set_security_level(context.get(), 0);
        ok = SSL_CTX_set_cipher_list(context.get(), "DEFAULT:@SECLEVEL=0") == 1;
    }
    if (ok && !options.caFile.isEmpty()) {
        ok = SSL_CTX_load_verify_locations(context.get(), QFile::encodeName(options.caFile).constData(), nullptr) == 1;
        SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER, nullptr);
    } else if (ok && options.useSystemStore) {
        ok = SSL_CTX_set_default_verify_paths(context.get()) == 1;
        SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER, nullptr);
    } else if (ok) {
        SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);
    }
    if (ok)
        SSL_CTX_set_mode(context.get(), SSL_MODE_RELEASE_BUFFERS);
    if (!ok) {
        if (error)
            *error = QStringLiteral("cannot set up a TLS client: %1").arg(OpenSsl::takeErrors());
        return {};
    }
    auto data = std::make_shared<Data>();
    data->context = std::move(context);
    data->checkHostName = options.checkHostName;
    TlsContext result;
    result.m_data = std::move(data);
    return result;
}

bool TlsContext::checksHostName() const
{
    return m_data && m_data->checkHostName;
}

bool TlsContext::isServer() const
{
    return m_data && m_data->server;
}

const CertificateInfo &TlsContext::certificate() const
{
    static const CertificateInfo none;
    return m_data ? m_data->certificate : none;
}

ssl_ctx_st *TlsContext::handle() const
{
    return m_data ? m_data->context.get() : nullptr;
}
