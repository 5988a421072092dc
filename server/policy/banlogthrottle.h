#pragma once

#include <QHash>
#include <QHostAddress>

// Decides which refused connections get a log line: at most one per address per interval, so a
// flood from banned addresses cannot fill the disk. The table is pruned and capped; when it is
// full of addresses seen within the interval, new addresses are not logged either.
class BanLogThrottle
{
public:
    explicit BanLogThrottle(int maxAddresses = 4096, qint64 intervalMs = 60 * 1000);

    // Whether to log a connection from `address` at `nowMs` (a monotonic clock); records it if so.
    [[nodiscard]] bool shouldLog(const QHostAddress &address, qint64 nowMs);
    // Connections not logged since the last call, and resets the count.
    [[nodiscard]] qint64 takeSuppressed();
    [[nodiscard]] int size() const { return int(m_lastLogged.size()); }

private:
    void prune(qint64 nowMs);

    int m_maxAddresses;
    qint64 m_intervalMs;
    QHash<QHostAddress, qint64> m_lastLogged;
    qint64 m_suppressed = 0;
};
