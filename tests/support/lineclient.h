#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpSocket>

// A blocking line client for SMTP and POP3 tests run from the test's thread against a server in
// other threads: connects from a chosen loopback address (127.0.0.31 is not 127.0.0.1 to the
// policy), sends a command and returns the whole reply. Every wait is bounded.
class LineClient
{
public:
    LineClient(quint16 port, const QHostAddress &from = QHostAddress(QHostAddress::LocalHost));

    // The greeting, or empty when the server closed the connection or said nothing in time.
    [[nodiscard]] QByteArray greeting();
    // Sends `line` with CRLF and returns the reply: all lines of a multi-line SMTP reply
    // ("250-…" up to "250 …"), one line for POP3. Empty on close or timeout.
    QByteArray command(const QByteArray &line);
    // The greeting, then each line in turn: their replies, in order (without the greeting),
    // stopping early when one comes back empty.
    QList<QByteArray> conversation(const QList<QByteArray> &lines);

private:
    [[nodiscard]] QByteArray reply();

    QTcpSocket m_socket;
    QByteArray m_buffer;
};
