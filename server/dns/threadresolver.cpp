#include "threadresolver.h"

#include <algorithm>

#include "log.h"

ThreadResolver::ThreadResolver(std::shared_ptr<ThreadResolvers::Shared> shared)
    : m_shared(std::move(shared))
{
}

ThreadResolver::~ThreadResolver() = default;

void ThreadResolver::lookup(DnsQueryType type, const QString &name, QObject *context, Callback callback)
{
    current().lookup(type, name, context, std::move(callback));
}

CAresResolver &ThreadResolver::current()
{
    std::erase_if(m_retired, [](const std::unique_ptr<CAresResolver> &old) { return old->pendingQueries() == 0; });
    if (m_resolver && m_shared->generation() == m_generation)
        return *m_resolver;
    if (m_resolver)
        m_retired.push_back(std::move(m_resolver));
    const CAresResolver::Options options = m_shared->options(&m_generation);
    m_resolver = std::make_unique<CAresResolver>(options);
    if (!m_resolver->isValid())
        Log::warning(QStringLiteral("dns"), QStringLiteral("-"),
                     QStringLiteral("DNS resolver not usable, lookups fail: %1").arg(m_resolver->initError()));
    return *m_resolver;
}
