#include "smtpsessionfactory.h"

#include "connectionlimits.h"
#include "settings.h"
#include "smtpsession.h"
#include "threadresolvers.h"

SmtpSessionFactory::SmtpSessionFactory(const RecipientDirectory &directory, MessageStore &store,
                                       Authenticator &authenticator, AuthFailureRecorder &failures)
    : m_directory(directory), m_store(store), m_authenticator(authenticator), m_failures(failures)
{
}

SmtpSessionConfig SmtpSessionFactory::configFrom(const Settings &settings, const QList<CidrRange> &loopbackRanges)
{
    SmtpSessionConfig config;
    config.hostName = settings.text(QStringLiteral("server.hostname"));
    config.maxMessageSize = settings.integer(QStringLiteral("message.max_size"));
    config.maxRecipients = int(settings.integer(QStringLiteral("smtp.max_recipients")));
    config.normalizeBareNewlines = settings.text(QStringLiteral("smtp.bare_newlines")) == QStringLiteral("normalize");
    config.plaintextPolicy = PlaintextAuthPolicy::fromSettings(settings, loopbackRanges);
    return config;
}

void SmtpSessionFactory::applySettings(const Settings &settings, const QList<CidrRange> &loopbackRanges)
{
    const SmtpSessionConfig config = configFrom(settings, loopbackRanges);
    m_policy.replace(PolicySettings::fromSettings(settings));
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
    // Message submission, on 587 (RFC 6409) and over implicit TLS on 465 (RFC 8314), is for the
    // server's own users; port 25 takes mail for local recipients from anyone.
    config.policy = &m_policy;
    config.addressLists = m_addressLists;
    config.filterLists = m_filterLists;
    config.popLogins = m_popLogins;
    config.sendCounter = m_sendCounter;
    config.counters = m_counters;
    config.relayAttempts = &m_failures;
    config.resolver = m_resolvers ? &m_resolvers->forCurrentThread() : nullptr;   // create() runs in the worker thread
    config.requireAuthentication = client.service == QStringLiteral("submission") || client.service == QStringLiteral("smtps");
    return std::make_unique<SmtpSession>(std::move(config), client, transport, m_directory, m_store, m_authenticator,
                                         m_failures);
}

QByteArray SmtpSessionFactory::refusalLine(Admission reason) const
{
    QMutexLocker lock(&m_mutex);
    const QByteArray host = m_config.hostName.toUtf8();
    if (reason == Admission::TooManyFromAddress)
        return "421 4.7.0 " + host + " Too many connections from your address, try again later\r\n";
    return "421 4.7.0 " + host + " Too many connections, try again later\r\n";
}
