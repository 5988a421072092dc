#include "tlschannel.h"

#include <cstring>
#include <limits>

#include <openssl/err.h>

#include "opensslhandles.h"

namespace {

// SSL_read hands out at most one record (16 KiB of plaintext) per call.
constexpr int kRecordBytes = 16 * 1024;

}

TlsChannel::TlsChannel(const TlsContext &context, const QString &serverName)
    : m_context(context)
{
    if (context.isNull()) {
        m_state = State::Failed;
        m_error = QStringLiteral("no TLS context");
        return;
    }
    ERR_clear_error();
    m_ssl = SSL_new(context.handle());
    BIO *bio = m_ssl ? BIO_new(bioMethod()) : nullptr;
    if (!bio) {
        fail(SSL_ERROR_SSL);
        return;
    }
    BIO_set_data(bio, this);
    BIO_set_init(bio, 1);
    SSL_set_bio(m_ssl, bio, bio);   // the SSL object owns the BIO from here on
    if (context.isServer()) {
        SSL_set_accept_state(m_ssl);
    } else {
        SSL_set_connect_state(m_ssl);
        if (!serverName.isEmpty())
            SSL_set_tlsext_host_name(m_ssl, serverName.toUtf8().constData());
        // Outbound "verify": the chain alone would accept any host's valid certificate.
        if (context.checksHostName() && !serverName.isEmpty())
            SSL_set1_host(m_ssl, serverName.toUtf8().constData());
    }
}

TlsChannel::~TlsChannel()
{
    SSL_free(m_ssl);
}

bio_method_st *TlsChannel::bioMethod()
{
    // Made once and kept for the life of the process; thread-safe by static initialisation.
    static BIO_METHOD *const method = [] {
        BIO_METHOD *made = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "postern channel");
        BIO_meth_set_read(made, &TlsChannel::bioRead);
        BIO_meth_set_write(made, &TlsChannel::bioWrite);
        BIO_meth_set_ctrl(made, &TlsChannel::bioControl);
        return made;
    }();
    return method;
}

int TlsChannel::bioRead(bio_st *bio, char *data, int size)
{
    auto *channel = static_cast<TlsChannel *>(BIO_get_data(bio));
    BIO_clear_retry_flags(bio);
    if (channel->m_input.isEmpty()) {
        BIO_set_retry_read(bio);   // "come back with more", never end of stream
        return -1;
    }
    const int count = int(qMin<qsizetype>(size, channel->m_input.size()));
    memcpy(data, channel->m_input.data(), size_t(count));
    channel->m_input = channel->m_input.sliced(count);
    return count;
}

int TlsChannel::bioWrite(bio_st *bio, const char *data, int size)
{
    auto *channel = static_cast<TlsChannel *>(BIO_get_data(bio));
    BIO_clear_retry_flags(bio);
    channel->m_output.append(data, size);
    return size;
}

long TlsChannel::bioControl(bio_st *, int command, long, void *)
{
    // Flush is all OpenSSL needs from a source/sink BIO; everything else is "not supported".
    return command == BIO_CTRL_FLUSH ? 1 : 0;
}

void TlsChannel::start()
{
    if (m_state != State::Handshaking)
        return;
    ERR_clear_error();
    handshake();
}

bool TlsChannel::feed(QByteArrayView ciphertext, QByteArray *plaintext)
{
    if (m_state == State::Failed)
        return false;
    if (m_closeReceived || ciphertext.isEmpty())
        return true;
    ERR_clear_error();
    m_input = ciphertext;
    if (m_state == State::Handshaking)
        handshake();
    // The rest of the chunk may already be application data (a TLS 1.3 client can send it
    // right behind its Finished). After our own close_notify the peer's half is still open.
    if (m_state == State::Established || m_state == State::Closed)
        readApplicationData(plaintext);
    m_input = {};
    return m_state != State::Failed;
}

void TlsChannel::handshake()
{
    const int result = SSL_do_handshake(m_ssl);
    if (result == 1) {
        m_state = State::Established;
        return;
    }
    const int error = SSL_get_error(m_ssl, result);
    if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE)
        fail(error);
}

void TlsChannel::readApplicationData(QByteArray *plaintext)
{
    char block[kRecordBytes];
    for (;;) {
        size_t count = 0;
        const int result = SSL_read_ex(m_ssl, block, sizeof block, &count);
        if (result == 1) {
            plaintext->append(block, qsizetype(count));
            continue;
        }
        const int error = SSL_get_error(m_ssl, result);
        if (error == SSL_ERROR_ZERO_RETURN) {
            m_state = State::Closed;
            m_closeReceived = true;
        }
        else if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE)
            fail(error);
        return;
    }
}

bool TlsChannel::write(QByteArrayView plaintext)
{
    // After the peer's close_notify our half is still open (a reply to its last command).
    if (m_state != State::Established && (m_state != State::Closed || m_closeSent))
        return false;
    ERR_clear_error();
    while (!plaintext.isEmpty()) {
        const size_t chunk = size_t(qMin<qsizetype>(plaintext.size(), std::numeric_limits<int>::max()));
        size_t written = 0;
        const int result = SSL_write_ex(m_ssl, plaintext.data(), chunk, &written);
        if (result != 1) {
            fail(SSL_get_error(m_ssl, result));
            return false;
        }
        plaintext = plaintext.sliced(qsizetype(written));
    }
    return true;
}

void TlsChannel::close()
{
    if (m_state != State::Established && m_state != State::Closed)
        return;
    ERR_clear_error();
    // Only our half: the peer's close_notify is not waited for (RFC 8446 §6.1 allows that).
    if (!m_closeSent)
        SSL_shutdown(m_ssl);
    ERR_clear_error();
    m_state = State::Closed;
    m_closeSent = true;
}

QByteArray TlsChannel::takeOutput()
{
    return std::exchange(m_output, {});
}

void TlsChannel::fail(int sslError)
{
    QString reasons = OpenSsl::takeErrors();
    if (reasons.isEmpty()) {
        reasons = sslError == SSL_ERROR_SYSCALL ? QStringLiteral("unexpected end of the TLS stream")
                                                : QStringLiteral("TLS error %1").arg(sslError);
    }
    m_error = reasons;
    m_state = State::Failed;
}

QString TlsChannel::protocolName() const
{
    return m_ssl && m_state == State::Established ? QString::fromLatin1(SSL_get_version(m_ssl)) : QString();
}

QString TlsChannel::cipherName() const
{
    if (!m_ssl || m_state != State::Established)
        return {};
    const char *name = SSL_get_cipher_name(m_ssl);
    return name ? QString::fromLatin1(name) : QString();
}

CertificateInfo TlsChannel::peerCertificate() const
{
    return m_ssl ? CertificateInfo::fromX509(SSL_get0_peer_certificate(m_ssl)) : CertificateInfo();
}

QLatin1String TlsChannel::toString(State state)
{
    switch (state) {
    case State::Handshaking:
        return QLatin1String("handshaking");
    case State::Established:
        return QLatin1String("established");
    case State::Closed:
        return QLatin1String("closed");
    case State::Failed:
        break;
    }
    return QLatin1String("failed");
}
