#pragma once

#include <functional>
#include <memory>

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "adminrequest.h"
#include "engineoptions.h"
#include "loghub.h"

class AdminService;
class EngineLink;
class InProcessEngineLink;
class QTcpSocket;

// A real engine for the admin GUI's tests, reached as the GUI reaches it: a temporary data
// directory whose services listen on 127.0.0.1 at ephemeral ports, a 200 ms change poll and
// housekeeping, a LogHub installed for as long as the fixture lives, the in-process link (made on
// first use), and bounded helpers to set it up, ask it things and talk SMTP/POP3 to it. One per
// test function (or per init()) keeps the tests independent. Every wait is bounded.
class LiveEngineFixture
{
public:
    // `settings` are stored before anything else, after the loopback listeners.
    explicit LiveEngineFixture(const QMap<QString, QString> &settings = {});
    ~LiveEngineFixture();
    LiveEngineFixture(const LiveEngineFixture &) = delete;
    LiveEngineFixture &operator=(const LiveEngineFixture &) = delete;

    [[nodiscard]] bool isValid() const { return m_dir.isValid(); }
    [[nodiscard]] QString dataDirectory() const { return m_dir.path(); }
    [[nodiscard]] QString mailDirectory() const;
    // For a test that makes links of its own (one per "GUI session") instead of link().
    [[nodiscard]] const EngineOptions &options() const { return m_options; }
    [[nodiscard]] LogHub &hub() { return m_hub; }

    // Storage changes made straight in the database, as the CLI would make them.
    void prepare(const std::function<void(AdminService &)> &steps);
    // config.set for each value; a null value resets the key to its default.
    void configure(const QMap<QString, QString> &settings);
    // The domain of `address` (unless it exists) and a mailbox for it with this password.
    void addMailbox(const QString &address, const QString &password);
    // Stores a ban as auto-ban does (source "auto", the reason as comment), for `minutes`.
    void addAutoBan(const QString &range, const QString &reason, qint64 minutes);

    [[nodiscard]] InProcessEngineLink &link();
    // Starts serving and waits until the engine runs (its listeners are up then); false when not.
    [[nodiscard]] bool start(int timeoutMs = 15000);
    // The real port of a service ("smtp", "pop3", …), 0 when it has no listener.
    [[nodiscard]] quint16 port(const QString &service);

    // One admin request, waited for (an Unavailable reply when none came in time).
    [[nodiscard]] AdminReply call(const QString &operation, const QJsonObject &arguments = {}, int timeoutMs = 10000);
    [[nodiscard]] static AdminReply call(EngineLink &link, const QString &operation, const QJsonObject &arguments = {},
                                         int timeoutMs = 10000);
    // The stored value, asked for afresh with config.get ("<message>" when that failed).
    [[nodiscard]] QString setting(const QString &key);
    // config.list through `link`: key → value.
    [[nodiscard]] static QMap<QString, QString> settings(EngineLink &link);

    // How often link() has said changesApplied: take it before pressing Apply, then
    // waitForChangesApplied(mark) (the engine says so only when something changed).
    [[nodiscard]] int changesAppliedCount() const { return m_changesApplied; }
    [[nodiscard]] bool waitForChangesApplied(int mark, int timeoutMs = 5000);
    // Returns once the running engine has taken in every change stored before the call: it
    // stores one harmless change and waits for the changesApplied() that covers it.
    [[nodiscard]] bool settle(int timeoutMs = 10000);
    // Log lines so far that contain `text`.
    [[nodiscard]] QStringList logLines(const QString &text);
    // A port nobody listens on right now.
    [[nodiscard]] static quint16 freePort();

    // A connection from `source` (any 127.0.0.0/8 address: Linux routes them all locally) to the
    // service; nullptr when it could not connect. A source closed at once still counts as connected.
    [[nodiscard]] std::unique_ptr<QTcpSocket> connectFrom(const QString &source, const QString &service = QStringLiteral("smtp"));
    // One whole reply (SMTP continuation lines included); empty when the server closed the
    // connection first or sent nothing in time.
    [[nodiscard]] static QByteArray readReply(QTcpSocket &socket, int timeoutMs = 10000);
    // Sends a line (CRLF added) and reads the reply.
    static QByteArray command(QTcpSocket &socket, const QByteArray &line, int timeoutMs = 10000);
    // Sends `message` (CRLF lines, no final dot) over SMTP from 127.0.0.1 (`sender` empty: <>);
    // the reply to the end of data, or the step that was refused and its reply.
    [[nodiscard]] QByteArray deliver(const QString &recipient, const QByteArray &message,
                                     const QByteArray &sender = "sender@client.test");
    // A short message from <> with this subject; true when the end of data is answered 250.
    [[nodiscard]] bool sendMail(const QString &recipient, const QByteArray &subject);
    // A POP3 USER/PASS login; true when PASS is answered +OK.
    [[nodiscard]] bool pop3Login(const QString &user, const QString &password);

private:
    QTemporaryDir m_dir;
    LogHub m_hub;
    EngineOptions m_options;
    std::unique_ptr<InProcessEngineLink> m_link;
    int m_changesApplied = 0;
};
