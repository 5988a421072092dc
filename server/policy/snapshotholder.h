#pragma once

#include <QMutex>

#include <memory>

// Holds an immutable snapshot that one thread replaces whole while others read it: a reader gets
// the old value or the new one, never a mix, and keeps its copy for as long as it needs it.
template <typename Snapshot>
class SnapshotHolder
{
public:
    SnapshotHolder() : m_current(std::make_shared<const Snapshot>()) {}

    // Never null.
    [[nodiscard]] std::shared_ptr<const Snapshot> current() const
    {
        QMutexLocker lock(&m_mutex);
        return m_current;
    }

    void replace(Snapshot snapshot)
    {
        auto next = std::make_shared<const Snapshot>(std::move(snapshot));
        QMutexLocker lock(&m_mutex);
        m_current = std::move(next);
    }

private:
    mutable QMutex m_mutex;
    std::shared_ptr<const Snapshot> m_current;
};
