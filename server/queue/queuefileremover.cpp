#include "queuefileremover.h"

#include <QMutexLocker>
#include <QThread>

QueueFileRemover::QueueFileRemover(QueueDirectory directory)
    : m_directory(std::move(directory))
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("postern-unlink"));
    m_thread->start();
}

QueueFileRemover::~QueueFileRemover()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    m_wake.wakeAll();
    m_thread->wait();
}

void QueueFileRemover::remove(const QString &fileName)
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending << fileName;
    }
    m_wake.wakeOne();
}

void QueueFileRemover::waitUntilIdle()
{
    QMutexLocker lock(&m_mutex);
    while (!m_pending.isEmpty() || m_busy)
        m_idle.wait(&m_mutex);
}

void QueueFileRemover::run()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_pending.isEmpty() && !m_stopping)
            m_wake.wait(&m_mutex);
        if (m_pending.isEmpty())
            return;   // stopping, and nothing left
        const QStringList batch = std::exchange(m_pending, {});
        m_busy = true;
        lock.unlock();
        for (const QString &fileName : batch)
            m_directory.removeFile(fileName);
        lock.relock();
        m_busy = false;
        m_idle.wakeAll();
    }
}
