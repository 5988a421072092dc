#include "banlogthrottle.h"

#include "connectionlimits.h"

BanLogThrottle::BanLogThrottle(int maxAddresses, qint64 intervalMs)
    : m_maxAddresses(qMax(1, maxAddresses)), m_intervalMs(intervalMs)
{
}

bool BanLogThrottle::shouldLog(const QHostAddress &address, qint64 nowMs)
{
    const QHostAddress key = ConnectionLimits::canonical(address);
    const auto it = m_lastLogged.find(key);
    if (it != m_lastLogged.end()) {
        if (nowMs - *it < m_intervalMs) {
            ++m_suppressed;
            return false;
        }
        *it = nowMs;
        return true;
    }
    if (m_lastLogged.size() >= m_maxAddresses)
        prune(nowMs);
    if (m_lastLogged.size() >= m_maxAddresses) {
        ++m_suppressed;
        return false;
    }
    m_lastLogged.insert(key, nowMs);
    return true;
}

qint64 BanLogThrottle::takeSuppressed()
{
    return std::exchange(m_suppressed, 0);
}

void BanLogThrottle::prune(qint64 nowMs)
{
    for (auto it = m_lastLogged.begin(); it != m_lastLogged.end();) {
        if (nowMs - *it >= m_intervalMs)
            it = m_lastLogged.erase(it);
        else
            ++it;
    }
}
