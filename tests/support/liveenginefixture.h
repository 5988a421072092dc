#pragma once

#include "adminrequest.h"
#include "engineoptions.h"
#include "loghub.h"

#include <QMap>
#include <QTemporaryDir>

#include <memory>

class InProcessEngineLink;

// A real engine for the admin GUI's tests: a temporary data directory set up for loopback and
// ephemeral ports, the in-process link to it, and bounded synchronous helpers to ask it things
// the way a dialog does. One per test function keeps the tests independent.
class LiveEngineFixture
{
public:
    LiveEngineFixture();
    ~LiveEngineFixture();

    [[nodiscard]] bool isValid() const { return m_dir.isValid(); }
    // Writes settings straight to the database: only before link() is first used.
    void configure(const QMap<QString, QString> &settings);
    [[nodiscard]] InProcessEngineLink &link();
    // Starts serving and waits until every listener listens; false on timeout.
    [[nodiscard]] bool start(int timeoutMs = 15000);
    // The operation's reply, waiting at most timeoutMs (an Unavailable reply on timeout).
    [[nodiscard]] AdminReply call(const QString &operation, const QJsonObject &arguments = {}, int timeoutMs = 10000);
    // Returns once the running engine has taken in every change stored before the call: it
    // stores one harmless change and waits for the changesApplied() that covers it.
    [[nodiscard]] bool settle(int timeoutMs = 10000);
    // A POP3 USER/PASS login over loopback; true when PASS is answered +OK.
    [[nodiscard]] bool pop3Login(const QString &user, const QString &password);
    // Sends a short message from <> over loopback SMTP; true when DATA is answered 250.
    [[nodiscard]] bool sendMail(const QString &recipient, const QByteArray &subject);
    // The real port of a service (smtp, pop3, …) once started; 0 when not listening.
    [[nodiscard]] quint16 port(const QString &service);
    [[nodiscard]] QString dataDirectory() const { return m_dir.path(); }
    [[nodiscard]] QString mailDirectory() const;

private:
    QTemporaryDir m_dir;
    LogHub m_hub;
    EngineOptions m_options;
    std::unique_ptr<InProcessEngineLink> m_link;
};
