#pragma once

#include <climits>
#include <vector>

#include <QList>
#include <QMutex>

#include "logentry.h"

// The newest log entries in memory, numbered with increasing ids, so the GUI can poll
// "everything after the last id I have" without missing or repeating lines. Thread-safe.
class LogRingBuffer
{
public:
    explicit LogRingBuffer(int capacity = 10000);

    // Stores the entry with the next id (the first is 1), dropping the oldest when full.
    quint64 append(LogEntry entry);

    // Entries with an id greater than `id` that are still held, oldest first, at most `max`.
    [[nodiscard]] QList<LogEntry> entriesAfter(quint64 id, int max = INT_MAX) const;
    // 0 while nothing was appended.
    [[nodiscard]] quint64 lastId() const;
    [[nodiscard]] int size() const;
    [[nodiscard]] int capacity() const { return m_capacity; }

private:
    mutable QMutex m_mutex;
    const int m_capacity;
    // Grows to m_capacity once, then slots are overwritten in place: append stays O(1).
    std::vector<LogEntry> m_slots;
    std::size_t m_oldest = 0;   // index of the oldest entry once the buffer is full
    quint64 m_lastId = 0;
};
