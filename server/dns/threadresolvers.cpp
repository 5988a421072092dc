#include "threadresolvers.h"

#include "threadresolver.h"

ThreadResolvers::Shared::Shared(CAresResolver::Options options)
    : m_options(std::move(options)), m_cache(std::make_shared<SharedDnsCache>(m_options.cacheEntries))
{
}

void ThreadResolvers::Shared::setOptions(CAresResolver::Options options)
{
    QMutexLocker lock(&m_mutex);
    if (options.servers == m_options.servers && options.timeoutMs == m_options.timeoutMs)
        return;
    m_options = std::move(options);
    ++m_generation;
    m_cache->clear();
}

CAresResolver::Options ThreadResolvers::Shared::options(quint64 *generation) const
{
    QMutexLocker lock(&m_mutex);
    *generation = m_generation;
    CAresResolver::Options options = m_options;
    options.cache = m_cache;
    return options;
}

quint64 ThreadResolvers::Shared::generation() const
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

ThreadResolvers::ThreadResolvers(CAresResolver::Options options)
    : m_shared(std::make_shared<Shared>(std::move(options)))
{
}

ThreadResolvers::~ThreadResolvers()
{
    // QThreadStorage leaks what is left when it goes; the calling thread's resolver can go now.
    // Threads still running keep theirs (and the shared state) until they finish.
    if (m_perThread.hasLocalData())
        m_perThread.setLocalData(nullptr);
}

void ThreadResolvers::setOptions(const CAresResolver::Options &options)
{
    m_shared->setOptions(options);
}

Resolver &ThreadResolvers::forCurrentThread()
{
    // QThreadStorage deletes the value in its own thread when the thread finishes, after the
    // thread's deferred deletes (the worker and its sessions) have run.
    if (!m_perThread.hasLocalData())
        m_perThread.setLocalData(new ThreadResolver(m_shared));
    return *m_perThread.localData();
}
