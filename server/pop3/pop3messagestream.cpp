#include "pop3messagestream.h"

#include <cstring>

#include <QIODevice>

Pop3MessageStream::Pop3MessageStream(std::unique_ptr<QIODevice> message, qint64 bodyLines)
    : m_message(std::move(message)), m_bodyLines(bodyLines)
{
}

Pop3MessageStream::~Pop3MessageStream() = default;

Pop3MessageStream::Status Pop3MessageStream::produce(QByteArray &out)
{
    if (m_finished)
        return Status::Done;
    if (m_stopped) {
        finish(out);
        return Status::Done;
    }
    if (m_block.size() != kBlockBytes)
        m_block.resize(kBlockBytes);
    const qint64 got = m_message->read(m_block.data(), kBlockBytes);
    if (got < 0)
        return Status::Failed;
    if (got == 0) {
        finish(out);
        return Status::Done;
    }
    append(out, m_block.constData(), got);
    if (m_stopped) {
        finish(out);
        return Status::Done;
    }
    return Status::More;
}

void Pop3MessageStream::append(QByteArray &out, const char *data, qint64 length)
{
    out.reserve(out.size() + length + length / 16 + 8);
    const char *p = data;
    const char *const end = data + length;
    const bool counting = m_bodyLines != kAllLines;
    while (p < end && !m_stopped) {
        if (m_atLineStart && *p == '.')
            out.append('.');
        const auto *lf = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *const segmentEnd = lf ? lf + 1 : end;
        out.append(p, segmentEnd - p);
        if (counting && m_inHeader && !m_lineHasText) {
            for (const char *q = p; q < (lf ? lf : end); ++q) {
                if (*q != '\r') {
                    m_lineHasText = true;
                    break;
                }
            }
        }
        m_sent += segmentEnd - p;
        if (segmentEnd - p >= 2) {
            m_last[0] = segmentEnd[-2];
            m_last[1] = segmentEnd[-1];
        } else {
            m_last[0] = m_last[1];
            m_last[1] = segmentEnd[-1];
        }
        p = segmentEnd;
        m_atLineStart = lf != nullptr;
        if (!lf || !counting)
            continue;
        // A whole line has been sent.
        if (m_inHeader) {
            if (!m_lineHasText) {
                m_inHeader = false;   // the blank line that ends the header
                m_stopped = m_bodyLines == 0;
            }
            m_lineHasText = false;
        } else if (++m_bodyLinesSent >= m_bodyLines) {
            m_stopped = true;
        }
    }
}

void Pop3MessageStream::finish(QByteArray &out)
{
    // The terminating "." must stand on a line of its own for every client, also after a
    // message that does not end with CRLF.
    if (m_sent > 0 && !(m_last[0] == '\r' && m_last[1] == '\n'))
        out.append("\r\n");
    out.append(".\r\n");
    m_finished = true;
    m_message.reset();
}
