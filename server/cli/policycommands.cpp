#include "policycommands.h"

#include <QHostAddress>
#include <QTextStream>

#include "adminservice.h"
#include "commandline.h"
#include "datadirectory.h"

namespace {

// "<>" and "" both mean the blank sender; "<a@b>" is taken as "a@b".
QString bareAddress(QString text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1Char('<')) && text.endsWith(QLatin1Char('>')))
        text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

}

PolicyCommands::PolicyCommands(AdminService &admin, QTextStream &out, QString dataDirectory)
    : m_admin(admin), m_out(out), m_dataDirectory(std::move(dataDirectory))
{
}

QString PolicyCommands::checkUsage(const CommandLine &command)
{
    for (const char *required : {"ip", "from", "to"}) {
        if (!command.hasOption(QLatin1String(required)))
            return QStringLiteral("policy explain: --%1 is required").arg(QLatin1String(required));
    }
    const QString ip = command.option(QStringLiteral("ip")).trimmed();
    if (QHostAddress(ip).isNull())
        return QStringLiteral("policy explain: --ip needs an IPv4 or IPv6 address, not \"%1\"").arg(ip);
    if (bareAddress(command.option(QStringLiteral("to"))).isEmpty())
        return QStringLiteral("policy explain: --to needs a recipient address");
    if (command.hasOption(QStringLiteral("auth")) && command.option(QStringLiteral("auth")).trimmed().isEmpty())
        return QStringLiteral("policy explain: --auth needs a login name");
    return {};
}

int PolicyCommands::explain(const CommandLine &command)
{
    PolicyExplanation::Request request;
    request.client = QHostAddress(command.option(QStringLiteral("ip")).trimmed());
    request.login = command.option(QStringLiteral("auth")).trimmed();
    request.sender = bareAddress(command.option(QStringLiteral("from")));
    request.recipient = bareAddress(command.option(QStringLiteral("to")));
    const QString mailDirectory = DataDirectory(m_dataDirectory).mailDirectory();
    for (const QString &line : m_admin.explainPolicy(request, mailDirectory))
        m_out << line << '\n';
    m_out.flush();
    return 0;
}
