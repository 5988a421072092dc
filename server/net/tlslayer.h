#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "tlschannel.h"

class TlsContext;

// The TLS side of one connection: the engine, the plaintext it decrypted that the session has
// not taken yet (what one read chunk decrypts to, at most), what the session sent before the
// handshake ended, and the handshake's deadline. Holds nothing between bursts of traffic.
class TlsLayer
{
public:
    enum class Event { None, HandshakeDone, Failed };

    TlsLayer(const TlsContext &context, qint64 handshakeDeadlineMs);

    // Ciphertext from the peer. Decrypted bytes wait for takePlaintext(), records for the peer
    // (handshake messages, alerts) for takeOutput(). HandshakeDone comes once.
    [[nodiscard]] Event receive(QByteArrayView ciphertext);
    // Application data for the peer: encrypted into takeOutput() once the handshake is done,
    // held until then. False when the engine has failed.
    [[nodiscard]] bool send(QByteArrayView plaintext);
    // Queues our close_notify (when there is a session to close).
    void close();
    [[nodiscard]] QByteArray takeOutput() { return m_channel.takeOutput(); }

    [[nodiscard]] bool hasPlaintext() const { return !m_plaintext.isEmpty(); }
    // Up to maxBytes of the decrypted input, oldest first.
    [[nodiscard]] QByteArray takePlaintext(qsizetype maxBytes);

    [[nodiscard]] bool isHandshaking() const { return m_channel.state() == TlsChannel::State::Handshaking; }
    // The handshake is done (also after the peer's close_notify).
    [[nodiscard]] bool isEstablished() const { return m_established; }
    [[nodiscard]] bool peerClosed() const { return m_channel.state() == TlsChannel::State::Closed; }
    [[nodiscard]] qint64 handshakeDeadline() const { return m_handshakeDeadlineMs; }
    // "TLSv1.3, TLS_AES_128_GCM_SHA256", for the log.
    [[nodiscard]] QString description() const;
    [[nodiscard]] QString errorString() const { return m_channel.errorString(); }

private:
    TlsChannel m_channel;
    QByteArray m_plaintext;
    QByteArray m_early;
    qint64 m_handshakeDeadlineMs;
    QString m_description;   // kept: the channel forgets it once closed
    bool m_established = false;
};
