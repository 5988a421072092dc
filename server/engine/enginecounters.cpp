#include "enginecounters.h"

EngineCounters::EngineCounters(Clock clock) : m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentDateTime(); };
    m_day = m_clock().date();
}

EngineCounts EngineCounters::snapshot(int connectionsNow)
{
    {
        const QMutexLocker lock(&m_dayMutex);
        const QDate today = m_clock().date();
        if (today != m_day) {
            m_day = today;
            for (std::atomic<qint64> *counter : {&m_received, &m_relayed, &m_logins, &m_refusals, &m_bans})
                counter->store(0, std::memory_order_relaxed);
        }
    }
    EngineCounts counts;
    counts.connectionsNow = connectionsNow;
    counts.messagesReceived = m_received.load(std::memory_order_relaxed);
    counts.messagesRelayed = m_relayed.load(std::memory_order_relaxed);
    counts.logins = m_logins.load(std::memory_order_relaxed);
    counts.refusals = m_refusals.load(std::memory_order_relaxed);
    counts.bans = m_bans.load(std::memory_order_relaxed);
    return counts;
}
