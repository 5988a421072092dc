#pragma once

#include "enginestatus.h"

#include <QDate>
#include <QDateTime>
#include <QMutex>

#include <atomic>
#include <functional>

// Today's activity for the main window: the sessions, the ban gate and the auto-ban writer
// add to it from any thread (one atomic increment, no lock), the engine reads it once a second.
// The day's counts start again at local midnight; the roll-over happens on the first
// snapshot() of the new day, so events in the second before it count for the day before.
class EngineCounters
{
public:
    using Clock = std::function<QDateTime()>;
    // clock: local time; empty means QDateTime::currentDateTime (tests pass their own).
    explicit EngineCounters(Clock clock = {});

    void messageReceived() { m_received.fetch_add(1, std::memory_order_relaxed); }
    void messageRelayed() { m_relayed.fetch_add(1, std::memory_order_relaxed); }
    void loginSucceeded() { m_logins.fetch_add(1, std::memory_order_relaxed); }
    void refused() { m_refusals.fetch_add(1, std::memory_order_relaxed); }
    void banned() { m_bans.fetch_add(1, std::memory_order_relaxed); }
    // The last sender-domain lookup: answered (found or not), or timed out / server failure.
    void dnsOutcome(bool answered) { m_dnsFailing.store(!answered, std::memory_order_relaxed); }
    [[nodiscard]] bool dnsFailing() const { return m_dnsFailing.load(std::memory_order_relaxed); }

    // connectionsNow is the caller's (the connection limits know it); the rest since midnight.
    [[nodiscard]] EngineCounts snapshot(int connectionsNow);

private:
    Clock m_clock;
    QMutex m_dayMutex;   // only snapshot() takes it
    QDate m_day;
    std::atomic<qint64> m_received{0};
    std::atomic<qint64> m_relayed{0};
    std::atomic<qint64> m_logins{0};
    std::atomic<qint64> m_refusals{0};
    std::atomic<qint64> m_bans{0};
    std::atomic<bool> m_dnsFailing{false};
};
