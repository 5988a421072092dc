#include "smtpsessionfactory.h"

#include "connectionlimits.h"
#include "settings.h"
#include "smtpsession.h"

SmtpSessionFactory::SmtpSessionFactory(const RecipientDirectory &directory, MessageStore &store)
    : m_directory(directory), m_store(store)
{
}

SmtpSessionConfig SmtpSessionFactory::configFrom(const Settings &settings)
{
    SmtpSessionConfig config;
    config.hostName = settings.text(QStringLiteral("server.hostname"));
    config.maxMessageSize = settings.integer(QStringLiteral("message.max_size"));
    config.maxRecipients = int(settings.integer(QStringLiteral("smtp.max_recipients")));
    config.normalizeBareNewlines = settings.text(QStringLiteral("smtp.bare_newlines")) == QStringLiteral("normalize");
    return config;
}

void SmtpSessionFactory::applySettings(const Settings &settings)
{
    const SmtpSessionConfig config = configFrom(settings);
    QMutexLocker lock(&m_mutex);
    m_config = config;
}

std::unique_ptr<ProtocolSession> SmtpSessionFactory::create(const ClientInfo &client, SessionTransport &transport)
{
    SmtpSessionConfig config;
    {
        QMutexLocker lock(&m_mutex);
        config = m_config;
    }
    return std::make_unique<SmtpSession>(std::move(config), client, transport, m_directory, m_store);
}

QByteArray SmtpSessionFactory::refusalLine(Admission reason) const
{
    QMutexLocker lock(&m_mutex);
    const QByteArray host = m_config.hostName.toUtf8();
    if (reason == Admission::TooManyFromAddress)
        return "421 4.7.0 " + host + " Too many connections from your address, try again later\r\n";
    return "421 4.7.0 " + host + " Too many connections, try again later\r\n";
}
