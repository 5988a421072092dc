#pragma once

#include "banlogthrottle.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

#include <functional>

class AddressLists;
class EngineCounters;
class PolicyDecision;

// Rule 7, "Banned Addresses", at the door: the acceptor asks it about every accepted connection
// before any byte is sent or any session made, and closes the ones it refuses. Used from the
// acceptor's thread only.
class BanGate
{
public:
    static const QString kRuleName;

    // lists outlives the gate. clock: the wall clock for expiry (empty: now).
    explicit BanGate(const AddressLists &lists, std::function<QDateTime()> clock = {});

    // The decision for a connection from `peer` to `service`: Drop when banned, else Accept.
    // A Drop is logged, at most once per address per minute.
    [[nodiscard]] PolicyDecision check(const QHostAddress &peer, const QString &service);
    // Every Drop counts as a refusal there (logged or not); counters outlives the gate.
    void setCounters(EngineCounters *counters) { m_counters = counters; }

private:
    const AddressLists &m_lists;
    std::function<QDateTime()> m_clock;
    QElapsedTimer m_elapsed;
    BanLogThrottle m_throttle;
    EngineCounters *m_counters = nullptr;
};
