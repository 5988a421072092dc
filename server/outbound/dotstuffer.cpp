#include "dotstuffer.h"

void DotStuffer::stuff(QByteArrayView raw, QByteArray &out)
{
    out.reserve(out.size() + raw.size() + raw.size() / 64 + 4);
    for (const char c : raw) {
        if (m_pendingCR) {
            m_pendingCR = false;
            out.append("\r\n", 2);
            m_lineStart = true;
            if (c == '\n')
                continue;
        }
        if (c == '\r') {
            m_pendingCR = true;
            continue;
        }
        if (c == '\n') {
            out.append("\r\n", 2);
            m_lineStart = true;
            continue;
        }
        if (m_lineStart && c == '.')
            out.append('.');
        m_lineStart = false;
        out.append(c);
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
