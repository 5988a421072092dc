#pragma once

#include "queuerecords.h"

// Told about each message that entered the queue, right after its rows committed (before the
// client hears 250), with the message as stored (recipient row ids included), so the delivery
// thread need not read it back. Called from SMTP worker threads and the delivery thread:
// implementations must be thread-safe and must not block (post to their own thread).
class QueueObserver
{
public:
    virtual ~QueueObserver() = default;
    virtual void messageQueued(const QueuedMessage &message) = 0;
};
