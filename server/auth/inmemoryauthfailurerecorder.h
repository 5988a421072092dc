#pragma once

#include <functional>

#include <QHash>
#include <QMutex>

#include "authfailurerecorder.h"

// AuthFailureRecorder in a pruned, size-capped table in memory: failures older than maxAge are
// forgotten, each address keeps at most maxPerAddress (the newest), and when maxAddresses are
// known the address whose latest failure is oldest makes room. A flood of guesses from many
// addresses therefore costs bounded memory. Addresses are compared in ConnectionLimits's
// canonical form. Thread-safe.
class InMemoryAuthFailureRecorder final : public AuthFailureRecorder
{
public:
    using Clock = std::function<QDateTime()>;   // default: QDateTime::currentDateTimeUtc

    explicit InMemoryAuthFailureRecorder(std::chrono::seconds maxAge = std::chrono::hours(1), int maxAddresses = 10000,
                                         int maxPerAddress = 100, Clock clock = {});

    void record(const AuthFailure &failure) override;
    [[nodiscard]] QList<AuthFailure> failures(const QHostAddress &client, std::chrono::seconds window) const override;
    [[nodiscard]] int failureCount(const QHostAddress &client, std::chrono::seconds window) const override;
    void forget(const QHostAddress &client) override;

    // Addresses with at least one remembered failure.
    [[nodiscard]] int addressCount() const;

private:
    void pruneLocked(const QDateTime &now);
    void evictOldestLocked();

    const qint64 m_maxAgeMs;
    const int m_maxAddresses;
    const int m_maxPerAddress;
    const Clock m_clock;
    mutable QMutex m_mutex;
    QHash<QHostAddress, QList<AuthFailure>> m_failures;   // each list oldest first
    int m_recordsSincePrune = 0;
};
