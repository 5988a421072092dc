#include "logringbuffer.h"

#include <algorithm>

#include <QMutexLocker>

namespace {

// Reserving the whole capacity up front would cost memory for a buffer that may stay small;
// beyond this the vector grows geometrically, which is amortised O(1) too.
constexpr int kInitialReserve = 1024;

}

LogRingBuffer::LogRingBuffer(int capacity)
    : m_capacity(std::max(1, capacity))
{
    m_slots.reserve(static_cast<std::size_t>(std::min(m_capacity, kInitialReserve)));
}

quint64 LogRingBuffer::append(LogEntry entry)
{
    const QMutexLocker locker(&m_mutex);
    entry.id = ++m_lastId;
    if (m_slots.size() < static_cast<std::size_t>(m_capacity)) {
        m_slots.push_back(std::move(entry));
    } else {
        m_slots[m_oldest] = std::move(entry);
        m_oldest = (m_oldest + 1) % m_slots.size();
    }
    return m_lastId;
}

QList<LogEntry> LogRingBuffer::entriesAfter(quint64 id, int max) const
{
    const QMutexLocker locker(&m_mutex);
    QList<LogEntry> result;
    if (max <= 0 || id >= m_lastId)
        return result;

    // Ids in the buffer are contiguous, so the position of an id is arithmetic.
    const quint64 held = m_slots.size();
    const quint64 oldestId = m_lastId - held + 1;
    const quint64 firstId = std::max(id + 1, oldestId);
    const quint64 count = std::min<quint64>(m_lastId - firstId + 1, static_cast<quint64>(max));
    result.reserve(static_cast<qsizetype>(count));
    std::size_t index = (m_oldest + (firstId - oldestId)) % held;
    for (quint64 i = 0; i < count; ++i) {
        result.append(m_slots[index]);
        index = (index + 1) % held;
    }
    return result;
}

quint64 LogRingBuffer::lastId() const
{
    const QMutexLocker locker(&m_mutex);
    return m_lastId;
}

int LogRingBuffer::size() const
{
    const QMutexLocker locker(&m_mutex);
    return static_cast<int>(m_slots.size());
}
