#pragma once

#include "sessiontransport.h"

#include <QByteArray>

// A SessionTransport that records what a session sends, for tests of the pure session.
class RecordingTransport final : public SessionTransport
{
public:
    void send(const QByteArray &bytes) override { m_sent += bytes; ++m_sends; }
    void close() override { m_closed = true; }
    void setIdleTimeout(int milliseconds) override { m_idleTimeout = milliseconds; }
    void pauseReading() override { m_paused = true; }
    void resumeReading() override { m_paused = false; }

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
};
