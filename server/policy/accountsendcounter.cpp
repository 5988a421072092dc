#include "accountsendcounter.h"

#include <numeric>

namespace {

qint64 minuteOf(const QDateTime &time)
{
    return time.toSecsSinceEpoch() / 60;
}

}

void AccountSendCounter::advance(Window &window, qint64 minute)
{
    if (minute <= window.lastMinute)
        return;
    // Clear the buckets of the minutes that passed since the last message (all, after an hour).
    const qint64 steps = std::min<qint64>(minute - window.lastMinute, qint64(window.perMinute.size()));
    for (qint64 i = 1; i <= steps; ++i)
        window.perMinute[size_t((window.lastMinute + i) % qint64(window.perMinute.size()))] = 0;
    window.lastMinute = minute;
}

int AccountSendCounter::sentInLastHour(const QString &login, const QDateTime &now) const
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_windows.constFind(login);
    if (found == m_windows.constEnd())
        return 0;
    Window window = *found;
    advance(window, minuteOf(now));
    return std::accumulate(window.perMinute.begin(), window.perMinute.end(), 0);
}

void AccountSendCounter::recordSent(const QString &login, const QDateTime &now)
{
    const qint64 minute = minuteOf(now);
    QMutexLocker lock(&m_mutex);
    prune(minute);
    Window &window = m_windows[login];
    if (window.lastMinute == 0)
        window.lastMinute = minute;
    advance(window, minute);
    ++window.perMinute[size_t(minute % qint64(window.perMinute.size()))];
}

bool AccountSendCounter::shouldWarn(const QString &login, const QDateTime &now)
{
    const qint64 minute = minuteOf(now);
    QMutexLocker lock(&m_mutex);
    Window &window = m_windows[login];
    if (window.lastMinute == 0)
        window.lastMinute = minute;
    if (minute - window.lastWarningMinute < 60)
        return false;
    window.lastWarningMinute = minute;
    return true;
}

int AccountSendCounter::loginCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_windows.size());
}

void AccountSendCounter::prune(qint64 minute)
{
    // At most once a minute: drop logins that sent nothing for an hour.
    if (minute == m_lastPruneMinute)
        return;
    m_lastPruneMinute = minute;
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (minute - it->lastMinute >= 60 && minute - it->lastWarningMinute >= 60)
            it = m_windows.erase(it);
        else
            ++it;
    }
}
