#include "guitestengine.h"

#include <QtTest>

#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "inprocessenginelink.h"
#include "log.h"
#include "sqlstorage.h"

GuiTestEngine::GuiTestEngine(const QMap<QString, QString> &settings)
{
    Log::install(&m_hub);
    m_options.dataDirectory = m_dir.path();
    m_options.ephemeralPorts = true;
    m_options.changePollMs = 200;
    m_options.housekeepingMs = 200;
    prepare([&settings](AdminService &admin) {
        admin.configSet(QStringLiteral("listen.addresses"), QStringLiteral("127.0.0.1"));
        for (const char *service : {"smtp", "submission", "smtps", "pop3", "pop3s"})
            admin.configSet(QLatin1String(service) + QStringLiteral(".port"), QStringLiteral("0"));
        for (auto it = settings.cbegin(); it != settings.cend(); ++it)
            admin.configSet(it.key(), it.value());
    });
    m_link = std::make_unique<InProcessEngineLink>(m_options, m_hub);
}

GuiTestEngine::~GuiTestEngine()
{
    m_link.reset();
    Log::install(nullptr);
}

void GuiTestEngine::prepare(const std::function<void(AdminService &)> &steps)
{
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
    AdminService admin(storage, QStringLiteral("test"));
    steps(admin);
}

void GuiTestEngine::addMailbox(const QString &address, const QString &password)
{
    prepare([&address, &password](AdminService &admin) {
        const QString domain = address.section(QLatin1Char('@'), 1);
        if (!admin.domains().contains(domain))
            admin.addDomain(domain);
        admin.addUser(AdminService::NewAccount{address, password, {}, 0});
    });
}

bool GuiTestEngine::start()
{
    m_link->startServer();
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && !(m_link->status().running() && m_link->status().listeners.size() == 5))
        QTest::qWait(20);
    return m_link->status().running();
}

AdminReply GuiTestEngine::call(const QString &operation, const QJsonObject &arguments)
{
    std::optional<AdminReply> answer;
    QObject context;
    m_link->call(AdminRequest{operation, arguments}, &context, [&answer](const AdminReply &reply) { answer = reply; });
    QDeadlineTimer deadline(10000);
    while (!answer && !deadline.hasExpired())
        QTest::qWait(10);
    return answer.value_or(AdminReply::failure(AdminReply::Status::Unavailable, QStringLiteral("no reply within 10 s")));
}

QString GuiTestEngine::setting(const QString &key)
{
    const AdminReply reply = call(QStringLiteral("config.get"), {{QStringLiteral("key"), key}});
    return reply.ok() ? reply.result.toString() : QStringLiteral("<%1>").arg(reply.message);
}

quint16 GuiTestEngine::port(const QString &service) const
{
    for (const ListenerState &listener : m_link->status().listeners) {
        if (listener.service == service)
            return listener.port;
    }
    return 0;
}
