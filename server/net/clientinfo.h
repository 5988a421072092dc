#pragma once

#include <QHostAddress>
#include <QString>

// Who is on the other end of a connection, and where they came in.
struct ClientInfo
{
    QHostAddress address;
    quint16 port = 0;
    QString service;        // smtp, submission, smtps, pop3, pop3s
    QHostAddress localAddress;
    quint16 localPort = 0;
    QString sessionId;      // short id shared by every log line of the connection
    bool tls = false;
};
