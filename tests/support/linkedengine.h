#pragma once

#include "adminrequest.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class InProcessEngineLink;
class LogHub;
class QTcpSocket;

// A real engine for the admin dialogs' tests: a fresh data directory, every service on an
// ephemeral port of 127.0.0.1, the change poll at 200 ms, no DNS lookups of senders, the domain
// example.test with the account user@example.test, and an InProcessEngineLink to it. Every wait
// is bounded.
class LinkedEngine
{
public:
    LinkedEngine();
    ~LinkedEngine();

    // Starts serving and waits until every listener is up; false when it did not start.
    [[nodiscard]] bool start(int timeoutMs = 15000);
    [[nodiscard]] InProcessEngineLink &link() { return *m_link; }
    [[nodiscard]] quint16 port(const QString &service) const;

    // Runs one admin operation and waits for its reply (status Unavailable on timeout).
    AdminReply call(const QString &operation, const QJsonObject &arguments = {}, int timeoutMs = 10000);
    // Stores a ban as auto-ban does (source "auto", the reason as comment), for `minutes`.
    void addAutoBan(const QString &range, const QString &reason, qint64 minutes);
    // How often the engine has taken in admin changes so far: take it before pressing Apply, then
    // waitForChangesApplied(mark) (the engine says so only when something changed).
    [[nodiscard]] int changesAppliedCount() const { return m_changesApplied; }
    [[nodiscard]] bool waitForChangesApplied(int mark, int timeoutMs = 5000);

    // A connection from `source` (any 127.0.0.0/8 address: Linux routes them all locally) to the
    // service; nullptr when it could not connect.
    [[nodiscard]] std::unique_ptr<QTcpSocket> connectFrom(const QString &source, const QString &service = QStringLiteral("smtp"));
    // One whole SMTP reply (continuation lines included); empty when the server closed the
    // connection first or sent nothing in time.
    [[nodiscard]] static QByteArray readReply(QTcpSocket &socket, int timeoutMs = 5000);
    // Sends a line (CRLF added) and reads the reply.
    static QByteArray command(QTcpSocket &socket, const QByteArray &line, int timeoutMs = 5000);
    // Sends `message` (CRLF lines, no final dot) to user@example.test over SMTP from 127.0.0.1;
    // the reply to the end of data, or what went wrong before it.
    [[nodiscard]] QByteArray deliver(const QByteArray &message);

private:
    void configure();

    QTemporaryDir m_dir;
    std::unique_ptr<LogHub> m_hub;
    std::unique_ptr<InProcessEngineLink> m_link;
    int m_changesApplied = 0;
};
