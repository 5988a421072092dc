#include "lineclient.h"

#include <QDeadlineTimer>

namespace {

constexpr int kTimeoutMs = 10000;

// An SMTP continuation line is "250-…"; anything else ends the reply.
bool isContinuation(const QByteArray &line)
{
    return line.size() >= 4 && line.at(3) == '-';
}

}

LineClient::LineClient(quint16 port, const QHostAddress &from)
{
    if (m_socket.bind(from, 0))
        m_socket.connectToHost(QHostAddress::LocalHost, port);
}

QByteArray LineClient::greeting()
{
    if (!m_socket.waitForConnected(kTimeoutMs))
        return {};
    return reply();
}

QByteArray LineClient::command(const QByteArray &line)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return {};
    m_socket.write(line + "\r\n");
    m_socket.flush();
    return reply();
}

QByteArray LineClient::reply()
{
    QDeadlineTimer deadline(kTimeoutMs);
    qsizetype start = 0;
    while (true) {
        const qsizetype end = m_buffer.indexOf("\r\n", start);
        if (end >= 0) {
            if (!isContinuation(m_buffer.mid(start, end - start))) {
                const QByteArray whole = m_buffer.left(end + 2);
                m_buffer.remove(0, end + 2);
                return whole;
            }
            start = end + 2;
            continue;
        }
        if (deadline.hasExpired() || !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return {};
        m_buffer += m_socket.readAll();
    }
}

QList<QByteArray> LineClient::conversation(const QList<QByteArray> &lines)
{
    QList<QByteArray> replies;
    if (greeting().isEmpty())
        return replies;
    for (const QByteArray &line : lines) {
        replies << command(line);
        if (replies.last().isEmpty())
            break;
    }
    return replies;
}
