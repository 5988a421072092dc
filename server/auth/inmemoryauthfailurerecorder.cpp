#include "inmemoryauthfailurerecorder.h"

#include <algorithm>

#include "connectionlimits.h"

namespace {

// Expired entries are swept every this many records, so a table nobody reads still shrinks and
// a busy one does not pay a full sweep per failure.
constexpr int kPruneEvery = 256;

}

InMemoryAuthFailureRecorder::InMemoryAuthFailureRecorder(std::chrono::seconds maxAge, int maxAddresses, int maxPerAddress,
                                                         Clock clock)
    : m_maxAgeMs(std::chrono::duration_cast<std::chrono::milliseconds>(maxAge).count())
    , m_maxAddresses(std::max(1, maxAddresses))
    , m_maxPerAddress(std::max(1, maxPerAddress))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
}

void InMemoryAuthFailureRecorder::pruneLocked(const QDateTime &now)
{
    m_recordsSincePrune = 0;
    const QDateTime oldest = now.addMSecs(-m_maxAgeMs);
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        it->removeIf([&](const AuthFailure &failure) { return failure.time < oldest; });
        it = it->isEmpty() ? m_failures.erase(it) : std::next(it);
    }
}

void InMemoryAuthFailureRecorder::evictOldestLocked()
{
    const auto oldest = std::min_element(m_failures.cbegin(), m_failures.cend(),
                                         [](const QList<AuthFailure> &a, const QList<AuthFailure> &b) {
                                             return a.last().time < b.last().time;
                                         });
    if (oldest != m_failures.cend())
        m_failures.erase(oldest);
}

void InMemoryAuthFailureRecorder::record(const AuthFailure &failure)
{
    const QHostAddress key = ConnectionLimits::canonical(failure.client);
    const QDateTime now = m_clock();
    QMutexLocker lock(&m_mutex);
    if (++m_recordsSincePrune >= kPruneEvery)
        pruneLocked(now);
    if (!m_failures.contains(key) && m_failures.size() >= m_maxAddresses) {
        pruneLocked(now);
        if (m_failures.size() >= m_maxAddresses)
            evictOldestLocked();
    }
    QList<AuthFailure> &list = m_failures[key];
    AuthFailure stored = failure;
    stored.client = key;
    stored.time = failure.time.toUTC();
    const QDateTime utc = stored.time;
    // Sessions record as they conclude, so this is nearly always the end.
    const auto at = std::upper_bound(list.begin(), list.end(), utc,
                                     [](const QDateTime &when, const AuthFailure &failure) { return when < failure.time; });
    list.insert(at, std::move(stored));
    if (list.size() > m_maxPerAddress)
        list.remove(0, list.size() - m_maxPerAddress);
}

QList<AuthFailure> InMemoryAuthFailureRecorder::failures(const QHostAddress &client, std::chrono::seconds window) const
{
    const QDateTime since = m_clock().addSecs(-window.count());
    const QDateTime oldest = m_clock().addMSecs(-m_maxAgeMs);
    QMutexLocker lock(&m_mutex);
    QList<AuthFailure> result;
    for (const AuthFailure &failure : m_failures.value(ConnectionLimits::canonical(client))) {
        if (failure.time >= since && failure.time >= oldest)
            result << failure;
    }
    return result;
}

int InMemoryAuthFailureRecorder::failureCount(const QHostAddress &client, std::chrono::seconds window) const
{
    return int(failures(client, window).size());
}

void InMemoryAuthFailureRecorder::forget(const QHostAddress &client)
{
    QMutexLocker lock(&m_mutex);
    m_failures.remove(ConnectionLimits::canonical(client));
}

int InMemoryAuthFailureRecorder::addressCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_failures.size());
}
