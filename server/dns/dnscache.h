#pragma once

#include <optional>

#include <QHash>
#include <QString>

#include "dnsresult.h"

// Answers kept for reuse: found records for their TTL (capped), NXDOMAIN / no data / null MX for
// a short fixed time; SERVFAIL and timeouts are never kept. Bounded: when full, the entry that
// expires first goes. Times are milliseconds on a monotonic clock the caller supplies.
class DnsCache
{
public:
    static constexpr qint64 DefaultMaxTtlMs = 3600 * 1000;
    static constexpr qint64 DefaultNegativeTtlMs = 60 * 1000;
    static constexpr qsizetype DefaultMaxEntries = 10000;

    explicit DnsCache(qsizetype maxEntries = DefaultMaxEntries, qint64 maxTtlMs = DefaultMaxTtlMs,
                      qint64 negativeTtlMs = DefaultNegativeTtlMs);

    [[nodiscard]] std::optional<DnsResult> find(DnsQueryType type, const QString &name, qint64 nowMs);
    void insert(const DnsResult &result, qint64 nowMs);
    [[nodiscard]] qsizetype size() const { return m_entries.size(); }
    void clear() { m_entries.clear(); }

private:
    struct Entry
    {
        DnsResult result;
        qint64 expiresMs = 0;
    };

    [[nodiscard]] static QString key(DnsQueryType type, const QString &name);
    void makeRoom(qint64 nowMs);

    QHash<QString, Entry> m_entries;
    qsizetype m_maxEntries;
    qint64 m_maxTtlMs;
    qint64 m_negativeTtlMs;
};
