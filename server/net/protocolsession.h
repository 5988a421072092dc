#pragma once

#include <QByteArrayView>

// A protocol state machine (SMTP, POP3) as the network layer drives it: bytes in, replies out
// through its SessionTransport. No socket, clock, disk or DNS inside.
class ProtocolSession
{
public:
    virtual ~ProtocolSession() = default;

    // Sends the greeting.
    virtual void start() = 0;
    // Bytes as they arrived, in any chunking.
    virtual void receive(QByteArrayView bytes) = 0;
    // The idle deadline set through the transport passed without input.
    virtual void timedOut() = 0;
    // The peer closed or the connection broke; release what the session holds. No more calls follow.
    virtual void disconnected() = 0;
    // The transport's queued output fell from above 64 KiB to below 16 KiB: a session that stopped
    // producing a long reply (see SessionTransport::queuedOutputBytes) may go on. Never called from
    // inside one of the session's own calls.
    virtual void outputDrained() {}
    // The TLS handshake the session asked for (SessionTransport::startTls) has completed; input
    // from now on is the decrypted stream.
    virtual void tlsStarted() {}
};
