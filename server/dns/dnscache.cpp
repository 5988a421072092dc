#include "dnscache.h"

#include <algorithm>

DnsCache::DnsCache(qsizetype maxEntries, qint64 maxTtlMs, qint64 negativeTtlMs)
    : m_maxEntries(std::max<qsizetype>(1, maxEntries)), m_maxTtlMs(maxTtlMs), m_negativeTtlMs(negativeTtlMs)
{
}

QString DnsCache::key(DnsQueryType type, const QString &name)
{
    return dnsQueryTypeName(type) + QLatin1Char(' ') + name.toLower();
}

std::optional<DnsResult> DnsCache::find(DnsQueryType type, const QString &name, qint64 nowMs)
{
    const auto it = m_entries.find(key(type, name));
    if (it == m_entries.end())
        return std::nullopt;
    if (it->expiresMs <= nowMs) {
        m_entries.erase(it);
        return std::nullopt;
    }
    DnsResult result = it->result;
    result.fromCache = true;
    // Report the time left, so whoever passes the answer on does not extend its life.
    if (result.status == DnsStatus::Found)
        result.ttlSeconds = quint32((it->expiresMs - nowMs + 999) / 1000);
    return result;
}

void DnsCache::insert(const DnsResult &result, qint64 nowMs)
{
    qint64 lifetimeMs = 0;
    switch (result.status) {
    case DnsStatus::Found:
        lifetimeMs = std::min<qint64>(qint64(result.ttlSeconds) * 1000, m_maxTtlMs);
        break;
    case DnsStatus::NxDomain:
    case DnsStatus::NoData:
    case DnsStatus::NullMx:
        lifetimeMs = m_negativeTtlMs;
        break;
    case DnsStatus::ServerFailure:
    case DnsStatus::Timeout:
        return; // transient: the next query should ask again
    }
    if (lifetimeMs <= 0)
        return;
    const QString k = key(result.type, result.name);
    if (!m_entries.contains(k))
        makeRoom(nowMs);
    Entry entry;
    entry.result = result;
    entry.result.fromCache = false;
    entry.expiresMs = nowMs + lifetimeMs;
    m_entries.insert(k, entry);
}

void DnsCache::makeRoom(qint64 nowMs)
{
    if (m_entries.size() < m_maxEntries)
        return;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->expiresMs <= nowMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
    while (m_entries.size() >= m_maxEntries) {
        const auto soonest = std::min_element(m_entries.begin(), m_entries.end(),
                                              [](const Entry &a, const Entry &b) { return a.expiresMs < b.expiresMs; });
        m_entries.erase(soonest);
    }
}
