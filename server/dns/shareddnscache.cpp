#include "shareddnscache.h"

SharedDnsCache::SharedDnsCache(qsizetype maxEntries)
    : m_cache(maxEntries)
{
    m_clock.start();
}

std::optional<DnsResult> SharedDnsCache::find(DnsQueryType type, const QString &name)
{
    QMutexLocker lock(&m_mutex);
    return m_cache.find(type, name, m_clock.elapsed());
}

void SharedDnsCache::insert(const DnsResult &result)
{
    QMutexLocker lock(&m_mutex);
    m_cache.insert(result, m_clock.elapsed());
}

qsizetype SharedDnsCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_cache.size();
}

void SharedDnsCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_cache.clear();
}
