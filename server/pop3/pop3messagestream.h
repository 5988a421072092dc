#pragma once

#include <memory>

#include <QByteArray>

class QIODevice;

// The body of a RETR or TOP reply read from a message in blocks: byte-stuffed (a '.' doubled at
// the start of every line), cut after the header and `bodyLines` lines for TOP, and ended with
// CRLF "." CRLF. A line start is any byte after LF, bare LF included, so a message with bare
// line ends cannot end the reply early for a client that splits lines at LF.
class Pop3MessageStream
{
public:
    enum class Status { More, Done, Failed };
    static constexpr qint64 kBlockBytes = 32 * 1024;
    static constexpr qint64 kAllLines = -1;

    explicit Pop3MessageStream(std::unique_ptr<QIODevice> message, qint64 bodyLines = kAllLines);
    ~Pop3MessageStream();

    // Appends the next block (at most 2 * kBlockBytes + 5 bytes) to out. Failed: a read error;
    // the reply cannot be completed and the connection must be closed.
    [[nodiscard]] Status produce(QByteArray &out);
    [[nodiscard]] qint64 messageBytesSent() const { return m_sent; }

private:
    void append(QByteArray &out, const char *data, qint64 length);
    void finish(QByteArray &out);

    std::unique_ptr<QIODevice> m_message;
    QByteArray m_block;
    const qint64 m_bodyLines;
    qint64 m_bodyLinesSent = 0;
    qint64 m_sent = 0;
    bool m_atLineStart = true;
    bool m_lineHasText = false;   // the current line has a byte other than CR (TOP: header end)
    bool m_inHeader = true;
    bool m_stopped = false;       // TOP has sent all it should
    bool m_finished = false;
    char m_last[2] = {0, 0};      // the last two message bytes sent
};
