#pragma once

#include "sessiontransport.h"

#include <QByteArray>

#include <algorithm>

// A SessionTransport that records what a session sends, for tests of the pure session.
class RecordingTransport final : public SessionTransport
{
public:
    void send(const QByteArray &bytes) override
    {
        m_sent += bytes;
        ++m_sends;
        if (m_simulateQueue) {
            m_queued += bytes.size();
            m_maxQueued = std::max(m_maxQueued, m_queued);
        }
    }
    void close() override { m_closed = true; }
    void setIdleTimeout(int milliseconds) override { m_idleTimeout = milliseconds; }
    void pauseReading() override { m_paused = true; }
    void resumeReading() override { m_paused = false; }
    // 0 unless simulateQueue(true): then everything sent since the last drainQueue().
    [[nodiscard]] qint64 queuedOutputBytes() const override { return m_queued; }
    [[nodiscard]] bool isEncrypted() const override { return m_encrypted; }
    [[nodiscard]] bool canStartTls() const override { return m_tlsAvailable; }
    // Records the request; the test completes the handshake with completeTls() and then calls the
    // session's tlsStarted().
    void startTls() override { m_tlsRequested = true; }

    void setTlsAvailable(bool available) { m_tlsAvailable = available; }
    void setEncrypted(bool encrypted) { m_encrypted = encrypted; }
    [[nodiscard]] bool tlsRequested() const { return m_tlsRequested; }
    void completeTls() { m_tlsRequested = false; m_encrypted = true; }

    // Makes sent bytes count as queued until drainQueue(), for tests of flow control.
    void simulateQueue(bool on) { m_simulateQueue = on; m_queued = 0; }
    // The peer took everything; the test then calls the session's outputDrained().
    void drainQueue() { m_queued = 0; }
    [[nodiscard]] qint64 maxQueued() const { return m_maxQueued; }
    [[nodiscard]] bool paused() const { return m_paused; }

    // Everything sent since the last call.
    [[nodiscard]] QByteArray takeSent() { return std::exchange(m_sent, {}); }
    [[nodiscard]] bool closed() const { return m_closed; }
    [[nodiscard]] int idleTimeout() const { return m_idleTimeout; }
    [[nodiscard]] int sends() const { return m_sends; }

private:
    QByteArray m_sent;
    bool m_closed = false;
    bool m_paused = false;
    int m_idleTimeout = 0;
    int m_sends = 0;
    bool m_simulateQueue = false;
    qint64 m_queued = 0;
    qint64 m_maxQueued = 0;
    bool m_encrypted = false;
    bool m_tlsAvailable = false;
    bool m_tlsRequested = false;
};
