#include "inmemoryloginrecorder.h"

#include <algorithm>

#include "connectionlimits.h"

namespace {

// Expired entries are swept every this many logins, so an idle table does not keep them long
// and a busy one does not pay a full sweep per login.
constexpr int kPruneEvery = 256;

}

InMemoryLoginRecorder::InMemoryLoginRecorder(std::chrono::seconds maxAge, int capacity, Clock clock)
    : m_maxAgeMs(std::chrono::duration_cast<std::chrono::milliseconds>(maxAge).count())
    , m_capacity(std::max(1, capacity))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
}

bool InMemoryLoginRecorder::isExpired(const LoginRecord &record, const QDateTime &now) const
{
    return record.time.msecsTo(now) > m_maxAgeMs;
}

void InMemoryLoginRecorder::pruneLocked(const QDateTime &now)
{
    m_insertsSincePrune = 0;
    m_logins.removeIf([this, &now](const auto &item) { return isExpired(item.value(), now); });
}

void InMemoryLoginRecorder::recordLogin(const QHostAddress &client, const QString &account)
{
    const QDateTime now = m_clock();
    const QHostAddress key = ConnectionLimits::canonical(client);
    QMutexLocker lock(&m_mutex);
    if (++m_insertsSincePrune >= kPruneEvery)
        pruneLocked(now);
    if (!m_logins.contains(key) && m_logins.size() >= m_capacity) {
        pruneLocked(now);
        if (m_logins.size() >= m_capacity) {
            const auto oldest = std::min_element(m_logins.cbegin(), m_logins.cend(),
                                                 [](const LoginRecord &a, const LoginRecord &b) { return a.time < b.time; });
            m_logins.erase(oldest);
        }
    }
    m_logins.insert(key, LoginRecord{account, now});
}

std::optional<LoginRecord> InMemoryLoginRecorder::lastLogin(const QHostAddress &client) const
{
    const QDateTime now = m_clock();
    QMutexLocker lock(&m_mutex);
    const auto found = m_logins.constFind(ConnectionLimits::canonical(client));
    if (found == m_logins.constEnd() || isExpired(*found, now))
        return std::nullopt;
    return *found;
}

int InMemoryLoginRecorder::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_logins.size());
}
