#pragma once

#include <QByteArray>

// What a protocol session may ask of its connection. The network layer implements it over a
// socket; tests implement it over a buffer. The session never sees the socket itself.
class SessionTransport
{
public:
    virtual ~SessionTransport() = default;

    // Queue bytes for the client. Sessions send once per batch of input, so replies to a
    // pipelined group leave together.
    virtual void send(const QByteArray &bytes) = 0;
    // Close after everything queued has been sent.
    virtual void close() = 0;
    // Re-arm the inactivity deadline: the connection calls ProtocolSession::timedOut() when no
    // byte arrives for this long. Sessions change it between command and data phases.
    virtual void setIdleTimeout(int milliseconds) = 0;
    // Stop delivering input until resumeReading(): the session is waiting for slow work
    // (delivery, password check) and must not buffer an unbounded pipeline meanwhile.
    virtual void pauseReading() = 0;
    virtual void resumeReading() = 0;
    // Bytes sent but still waiting in user space for the peer to take them. A session producing
    // a long reply (a POP3 RETR) stops while this is large and waits for outputDrained().
    [[nodiscard]] virtual qint64 queuedOutputBytes() const = 0;

    // TLS. Whether the connection is encrypted now (implicit TLS, or after startTls()).
    [[nodiscard]] virtual bool isEncrypted() const = 0;
    // Whether startTls() can work: a certificate and key are loaded. SMTP answers STARTTLS with
    // 454 4.7.0 (POP3 STLS with -ERR) when not.
    [[nodiscard]] virtual bool canStartTls() const = 0;
    // Called right after the session queued its "go ahead" reply (SMTP 220, POP3 +OK): that reply
    // leaves in clear text, every input byte after the command that asked for TLS is discarded
    // unread (CVE-2011-0411), and the handshake follows. The session gets tlsStarted() when the
    // handshake is done; a failed handshake closes the connection without another session call.
    virtual void startTls() = 0;
};
