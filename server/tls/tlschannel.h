#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1String>
#include <QString>

#include "certificateinfo.h"
#include "tlscontext.h"

struct bio_st;
struct bio_method_st;
struct ssl_st;

// One TLS conversation over OpenSSL with no socket inside: the owner feeds in what came from
// the peer and sends on what comes out, so the same engine runs over a socket in the server
// and over another channel in memory in the tests. Server or client as its context is. Keeps
// no buffer between calls (OpenSSL's own are released while idle), so an idle TLS connection
// costs little more than OpenSSL's session state.
class TlsChannel
{
public:
    enum class State {
        Handshaking,   // keys not agreed yet
        Established,   // application data flows both ways
        Closed,        // the peer sent close_notify, or close() sent ours (each half closes alone)
        Failed,        // a fatal error; errorString() says which
    };

    // serverName: the SNI name a client sends; a server ignores it.
    explicit TlsChannel(const TlsContext &context, const QString &serverName = {});
    ~TlsChannel();
    TlsChannel(const TlsChannel &) = delete;
    TlsChannel &operator=(const TlsChannel &) = delete;

    // A client produces its ClientHello (see takeOutput()); a server waits for the peer's.
    void start();
    // Ciphertext from the peer, in any chunking; all of it is consumed. Decrypted application
    // data is appended to *plaintext, and the records to send back (handshake messages,
    // alerts) wait in takeOutput(). False once the channel has failed (also when it failed
    // before); input after the peer's close_notify is ignored, input after our own is read.
    bool feed(QByteArrayView ciphertext, QByteArray *plaintext);
    // Encrypts application data into takeOutput(). False unless established (or closed by the
    // peer only: our half stays open until close()).
    bool write(QByteArrayView plaintext);
    // Queues our close_notify: nothing more is written; the peer may still send until its own.
    void close();
    // The ciphertext produced since the last call, for the peer.
    [[nodiscard]] QByteArray takeOutput();
    [[nodiscard]] bool hasOutput() const { return !m_output.isEmpty(); }

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isEstablished() const { return m_state == State::Established; }
    // OpenSSL's reasons for the failure, e.g. "unsupported protocol" or "wrong version number".
    [[nodiscard]] QString errorString() const { return m_error; }
    // "TLSv1.3", and the suite in OpenSSL's naming ("TLS_AES_128_GCM_SHA256",
    // "ECDHE-ECDSA-AES128-GCM-SHA256"); empty until established.
    [[nodiscard]] QString protocolName() const;
    [[nodiscard]] QString cipherName() const;
    // The certificate the peer presented (a client sees the server's).
    [[nodiscard]] CertificateInfo peerCertificate() const;
    [[nodiscard]] static QLatin1String toString(State state);

private:
    // The BIO under the SSL object reads from m_input and appends to m_output.
    [[nodiscard]] static bio_method_st *bioMethod();
    static int bioRead(bio_st *bio, char *data, int size);
    static int bioWrite(bio_st *bio, const char *data, int size);
    static long bioControl(bio_st *bio, int command, long number, void *pointer);

    void handshake();
    void readApplicationData(QByteArray *plaintext);
    void fail(int sslError);

    TlsContext m_context;   // the SSL object refers to its SSL_CTX
    ssl_st *m_ssl = nullptr;
    QByteArrayView m_input;   // only set during feed()
    QByteArray m_output;
    QString m_error;
    State m_state = State::Handshaking;
    bool m_closeSent = false;
    bool m_closeReceived = false;
};
