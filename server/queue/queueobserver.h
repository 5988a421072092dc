#pragma once

#include <QString>

// Told about each message that entered the queue, right after its rows committed (before the
// client hears 250). Called from SMTP worker threads and the delivery thread: implementations
// must be thread-safe and must not block (post to their own thread).
class QueueObserver
{
public:
    virtual ~QueueObserver() = default;
    virtual void messageQueued(const QString &id) = 0;
};
