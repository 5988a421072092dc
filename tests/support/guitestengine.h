#pragma once

#include <functional>
#include <memory>

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QTemporaryDir>

#include "adminrequest.h"
#include "engineoptions.h"
#include "loghub.h"

class AdminService;
class InProcessEngineLink;

// A real engine on a temporary data directory, reached through InProcessEngineLink as the admin
// GUI reaches it: every listener on 127.0.0.1 with an ephemeral port, a 200 ms change poll. For
// the dialog tests, which drive a dialog and then check what the running engine does.
class GuiTestEngine
{
public:
    // `settings` are stored before the engine starts.
    explicit GuiTestEngine(const QMap<QString, QString> &settings = {});
    ~GuiTestEngine();

    // Storage changes made before start (domains, accounts), as the CLI would make them.
    void prepare(const std::function<void(AdminService &)> &steps);
    // The domain of `address` and a mailbox for it with this password.
    void addMailbox(const QString &address, const QString &password);
    // Starts serving and waits (bounded) until every listener is up.
    [[nodiscard]] bool start();

    [[nodiscard]] InProcessEngineLink &link() { return *m_link; }
    // One admin request through the link, waited for (bounded; Unavailable when it times out).
    [[nodiscard]] AdminReply call(const QString &operation, const QJsonObject &arguments = {});
    // The stored value, asked for afresh with config.get.
    [[nodiscard]] QString setting(const QString &key);
    // The real port of a service ("smtp", "pop3"), 0 when it is not listening.
    [[nodiscard]] quint16 port(const QString &service) const;

private:
    QTemporaryDir m_dir;
    LogHub m_hub;
    EngineOptions m_options;
    std::unique_ptr<InProcessEngineLink> m_link;
};
