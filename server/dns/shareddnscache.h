#pragma once

#include <optional>

#include <QElapsedTimer>
#include <QMutex>

#include "dnscache.h"

// One DnsCache for resolvers in several threads (each worker thread has its own c-ares
// channel), so a domain looked up by one session is known to all. Times come from one clock
// here, since each resolver's own clock starts at a different moment.
class SharedDnsCache
{
public:
    explicit SharedDnsCache(qsizetype maxEntries = DnsCache::DefaultMaxEntries);

    [[nodiscard]] std::optional<DnsResult> find(DnsQueryType type, const QString &name);
    void insert(const DnsResult &result);
    [[nodiscard]] qsizetype size() const;
    void clear();

private:
    mutable QMutex m_mutex;
    DnsCache m_cache;
    QElapsedTimer m_clock;
};
