#pragma once

#include <chrono>
#include <functional>

#include <QHash>
#include <QMutex>

#include "loginrecorder.h"

// LoginRecorder in a pruned, size-capped table in memory: logins older than maxAge are forgotten
// and, when full, the oldest entry makes room. Addresses are compared in ConnectionLimits's
// canonical form (an IPv4-mapped IPv6 address is its IPv4 address). Thread-safe.
class InMemoryLoginRecorder final : public LoginRecorder
{
public:
    using Clock = std::function<QDateTime()>;   // default: QDateTime::currentDateTimeUtc

    explicit InMemoryLoginRecorder(std::chrono::seconds maxAge = std::chrono::hours(1), int capacity = 10000,
                                   Clock clock = {});

    void recordLogin(const QHostAddress &client, const QString &account) override;
    [[nodiscard]] std::optional<LoginRecord> lastLogin(const QHostAddress &client) const override;
    [[nodiscard]] int size() const;

private:
    [[nodiscard]] bool isExpired(const LoginRecord &record, const QDateTime &now) const;
    void pruneLocked(const QDateTime &now);

    const qint64 m_maxAgeMs;
    const int m_capacity;
    const Clock m_clock;
    mutable QMutex m_mutex;
    QHash<QHostAddress, LoginRecord> m_logins;
    int m_insertsSincePrune = 0;
};
