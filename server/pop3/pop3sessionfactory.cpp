#include "pop3sessionfactory.h"

#include "connectionlimits.h"
#include "pop3session.h"
#include "settings.h"

Pop3SessionFactory::Pop3SessionFactory(Authenticator &authenticator, MaildropOpener opener, LoginRecorder &recorder,
                                       AuthFailureRecorder &failures, Pop3SessionConfig config)
    : m_authenticator(authenticator)
    , m_opener(std::move(opener))
    , m_recorder(recorder)
    , m_failures(failures)
    , m_config(std::move(config))
{
}

Pop3SessionConfig Pop3SessionFactory::configFrom(const Settings &settings, const QList<CidrRange> &loopbackRanges)
{
    Pop3SessionConfig config;
    config.plaintextPolicy = PlaintextAuthPolicy::fromSettings(settings, loopbackRanges);
    return config;
}

void Pop3SessionFactory::setConfig(const Pop3SessionConfig &config)
{
    QMutexLocker lock(&m_mutex);
    m_config = config;
}

std::unique_ptr<ProtocolSession> Pop3SessionFactory::create(const ClientInfo &client, SessionTransport &transport)
{
    Pop3SessionConfig config;
    {
        QMutexLocker lock(&m_mutex);
        config = m_config;
    }
    return std::make_unique<Pop3Session>(config, client, transport, m_authenticator, m_opener, m_recorder, m_failures);
}

QByteArray Pop3SessionFactory::refusalLine(Admission reason) const
{
    // RFC 2449 §8: [SYS/TEMP] tells the client to try again later; [IN-USE] is only for a
    // locked maildrop, which a connection limit is not.
    if (reason == Admission::TooManyFromAddress)
        return "-ERR [SYS/TEMP] Too many connections from your address, try again later\r\n";
    return "-ERR [SYS/TEMP] Too many connections, try again later\r\n";
}
