#pragma once

#include "queuedirectory.h"

#include <QMutex>
#include <QStringList>
#include <QWaitCondition>

#include <memory>

class QThread;

// Removes settled messages' files from the queue in a thread of its own. Removing a file can
// block for milliseconds (a file system mounted with `discard` trims the freed blocks inside
// unlink()), which on the delivery thread would stall every connection it drives. The rows are
// gone before a name arrives here, so a file left behind by a crash is an orphan that
// QueueRecovery removes at the next start.
class QueueFileRemover
{
public:
    explicit QueueFileRemover(QueueDirectory directory);
    // Removes what is still waiting, then ends the thread.
    ~QueueFileRemover();

    QueueFileRemover(const QueueFileRemover &) = delete;
    QueueFileRemover &operator=(const QueueFileRemover &) = delete;

    void remove(const QString &fileName);
    // Returns once every file handed over so far is gone (for tests and orderly stops).
    void waitUntilIdle();

private:
    void run();

    QueueDirectory m_directory;
    QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    QStringList m_pending;
    bool m_busy = false;
    bool m_stopping = false;
    std::unique_ptr<QThread> m_thread;
};
