#include "guitestfixture.h"

#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "enginelink.h"
#include "log.h"
#include "logringbuffer.h"
#include "sqlstorage.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QTcpServer>
#include <QTimer>

GuiTestFixture::GuiTestFixture()
{
    Log::install(&m_hub);
    m_options.dataDirectory = m_dir.path();
    m_options.ephemeralPorts = true;
    m_options.changePollMs = 200;
    m_options.housekeepingMs = 200;
    QMap<QString, QString> zeroPorts{{QStringLiteral("listen.addresses"), QStringLiteral("127.0.0.1")}};
    for (const char *service : {"smtp", "submission", "smtps", "pop3", "pop3s"})
        zeroPorts.insert(QLatin1String(service) + QStringLiteral(".port"), QStringLiteral("0"));
    configure(zeroPorts);
}

GuiTestFixture::~GuiTestFixture()
{
    Log::install(nullptr);
}

void GuiTestFixture::configure(const QMap<QString, QString> &settings)
{
    SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_dir.path()).databaseFile()));
    AdminService admin(storage, QStringLiteral("test"));
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        if (it.value().isNull())
            admin.configReset(it.key());
        else
            admin.configSet(it.key(), it.value());
    }
}

AdminReply GuiTestFixture::call(EngineLink &link, const QString &operation, const QJsonObject &arguments)
{
    QObject context;
    QEventLoop loop;
    AdminReply result = AdminReply::failure(AdminReply::Status::Unavailable, QStringLiteral("no reply within 10 s"));
    link.call(AdminRequest{operation, arguments}, &context, [&](const AdminReply &reply) {
        result = reply;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

QMap<QString, QString> GuiTestFixture::settings(EngineLink &link)
{
    QMap<QString, QString> values;
    for (const QJsonValue &setting : call(link, QStringLiteral("config.list")).result.toArray())
        values.insert(setting[QStringLiteral("key")].toString(), setting[QStringLiteral("value")].toString());
    return values;
}

quint16 GuiTestFixture::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QStringList GuiTestFixture::logLines(const QString &text)
{
    QStringList lines;
    for (const LogEntry &entry : m_hub.ring().entriesAfter(0)) {
        if (entry.text.contains(text))
            lines << entry.text;
    }
    return lines;
}
