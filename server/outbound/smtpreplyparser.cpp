#include "smtpreplyparser.h"

#include <utility>

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

}

void SmtpReplyParser::feed(QByteArrayView bytes)
{
    if (!m_error.isEmpty())
        return;
    if (m_offset > 0 && m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    }
    m_buffer.append(bytes.data(), bytes.size());
}

bool SmtpReplyParser::hasPendingBytes() const
{
    return m_error.isEmpty() && (m_offset < m_buffer.size() || !m_lines.isEmpty());
}

void SmtpReplyParser::clear()
{
    m_buffer.clear();
    m_offset = 0;
    m_lines.clear();
    m_code = 0;
}

SmtpReplyParser::Status SmtpReplyParser::fail(const QString &error)
{
    m_error = error;
    clear();
    return Status::Error;
}

SmtpReplyParser::Status SmtpReplyParser::next(SmtpReply &reply)
{
    if (!m_error.isEmpty())
        return Status::Error;
    while (true) {
        const qsizetype end = m_buffer.indexOf('\n', m_offset);
        if (end < 0) {
            if (m_buffer.size() - m_offset > MaxLineLength)
                return fail(QStringLiteral("reply line longer than %1 octets").arg(MaxLineLength));
            // Compact so the buffer holds at most one partial line.
            if (m_offset > 0) {
                m_buffer.remove(0, m_offset);
                m_offset = 0;
            }
            return Status::NeedMore;
        }
        QByteArray line = m_buffer.mid(m_offset, end - m_offset);
        m_offset = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > MaxLineLength)
            return fail(QStringLiteral("reply line longer than %1 octets").arg(MaxLineLength));
        const bool wellFormed = line.size() >= 3 && line[0] >= '1' && line[0] <= '5' && isDigit(line[1])
                                && isDigit(line[2]) && (line.size() == 3 || line[3] == ' ' || line[3] == '-');
        if (!wellFormed)
            return fail(QStringLiteral("malformed reply line \"%1\"").arg(QString::fromUtf8(line.left(80))));
        const int code = line.left(3).toInt();
        if (!m_lines.isEmpty() && code != m_code)
            return fail(QStringLiteral("reply code changed from %1 to %2 within one reply").arg(m_code).arg(code));
        if (m_lines.size() >= MaxLines)
            return fail(QStringLiteral("reply longer than %1 lines").arg(MaxLines));
        m_code = code;
        const bool last = line.size() == 3 || line[3] == ' ';
        m_lines.append(std::move(line));
        if (last) {
            reply = SmtpReply(m_code, std::exchange(m_lines, {}));
            m_code = 0;
            return Status::Reply;
        }
    }
}
