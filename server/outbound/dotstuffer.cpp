#include "dotstuffer.h"

#include <algorithm>

void DotStuffer::stuff(QByteArrayView raw, QByteArray &out)
{
    out.reserve(out.size() + raw.size() + raw.size() / 64 + 4);
    const char *at = raw.data();
    const char *const end = at + raw.size();
    while (at < end) {
        if (m_pendingCR) {
            m_pendingCR = false;
            out.append("\r\n", 2);
            m_lineStart = true;
            if (*at == '\n') {
                ++at;
                continue;
            }
        }
        if (m_lineStart && *at == '.')
            out.append('.');
        // The rest of the line goes in one piece: appending byte by byte cost more CPU than
        // anything else on the delivery thread.
        const char *lineEnd = std::find_if(at, end, [](char c) { return c == '\r' || c == '\n'; });
        if (lineEnd != at) {
            out.append(at, lineEnd - at);
            m_lineStart = false;
            at = lineEnd;
        }
        if (at == end)
            break;
        if (*at == '\r') {
            m_pendingCR = true;   // CRLF, or a bare CR: decided by the next byte
        } else {
            out.append("\r\n", 2);   // a bare LF
            m_lineStart = true;
        }
        ++at;
    }
}

void DotStuffer::finish(QByteArray &out)
{
    if (m_pendingCR || !m_lineStart)
        out.append("\r\n", 2);
    out.append(".\r\n", 3);
    m_pendingCR = false;
    m_lineStart = true;
}
