#include "headerblockcapture.h"

HeaderBlockCapture::HeaderBlockCapture(qsizetype limit)
    : m_limit(limit)
{
}

void HeaderBlockCapture::clear()
{
    m_block.clear();
    m_complete = false;
}

void HeaderBlockCapture::feed(QByteArrayView bytes)
{
    if (m_complete || bytes.isEmpty())
        return;
    // Look for the empty line from just before the new bytes, as its line end may straddle them.
    const qsizetype from = qMax<qsizetype>(0, m_block.size() - 3);
    m_block += bytes.first(qMin(bytes.size(), m_limit + 4 - m_block.size()));
    if (m_block.startsWith("\r\n") || m_block.startsWith('\n')) {
        m_block.clear();   // no header at all: the body starts at once
        m_complete = true;
        return;
    }
    qsizetype end = m_block.indexOf("\r\n\r\n", from);
    qsizetype keep = end >= 0 ? end + 2 : -1;
    const qsizetype bare = m_block.indexOf("\n\n", from);
    if (bare >= 0 && (keep < 0 || bare + 1 < keep))
        keep = bare + 1;
    if (keep >= 0) {
        m_block.truncate(keep);
        m_complete = true;
    } else if (m_block.size() >= m_limit) {
        m_block.truncate(m_limit);
        m_complete = true;
    }
}
