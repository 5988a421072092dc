#include "workerpool.h"

#include <limits>

#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QThread>
#include <QTimer>

#include "bangate.h"
#include "connectionlimits.h"
#include "policydecision.h"
#include "worker.h"

namespace {

// After the grace period the workers abort what is left, which takes a moment; a worker that
// does not report back by then (a session stuck in a call) must not hold up the shutdown.
constexpr int kIdleFallbackMs = 2000;

// Only the address, for the limits: no I/O on the acceptor's thread.
QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};   // already gone; the worker will find out and end it quickly
    return QHostAddress(reinterpret_cast<const sockaddr *>(&storage));
}

}

WorkerPool::WorkerPool(int threads, ConnectionLimits &limits, QObject *parent)
    : QObject(parent), m_limits(limits)
{
    const int count = threads > 0 ? threads : defaultThreadCount();
    m_workers.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        auto entry = std::make_unique<WorkerThread>();
        entry->thread = new QThread(this);
        entry->thread->setObjectName(QStringLiteral("net-worker-%1").arg(i));
        entry->worker = new Worker;
        entry->worker->moveToThread(entry->thread);
        // Destroyed in its own thread, after its event loop has ended.
        connect(entry->thread, &QThread::finished, entry->worker, &QObject::deleteLater);
        connect(entry->worker, &Worker::drained, this, &WorkerPool::onWorkerDrained);
        entry->thread->start();
        m_workers.push_back(std::move(entry));
    }
}

WorkerPool::~WorkerPool()
{
    for (const auto &entry : m_workers)
        entry->thread->quit();
    for (const auto &entry : m_workers)
        entry->thread->wait();
}

int WorkerPool::defaultThreadCount()
{
    return qMax(1, QThread::idealThreadCount());
}

const Worker *WorkerPool::worker(int index) const
{
    return index >= 0 && index < workerCount() ? m_workers[size_t(index)]->worker : nullptr;
}

int WorkerPool::connectionCount() const
{
    int total = 0;
    for (const auto &entry : m_workers)
        total += entry->worker->connectionCount();
    return total;
}

WorkerPool::WorkerThread &WorkerPool::leastLoaded()
{
    // Start the search where the last one left off, so ties rotate over the workers.
    WorkerThread *best = nullptr;
    int bestLoad = std::numeric_limits<int>::max();
    for (size_t i = 0; i < m_workers.size(); ++i) {
        WorkerThread &entry = *m_workers[(m_nextWorker + i) % m_workers.size()];
        const int load = entry.worker->connectionCount() + entry.inFlight.load(std::memory_order_relaxed);
        if (load < bestLoad) {
            best = &entry;
            bestLoad = load;
        }
    }
    m_nextWorker = (m_nextWorker + 1) % m_workers.size();
    return *best;
}

void WorkerPool::dispatch(qintptr descriptor, const QString &service, SessionFactory *factory)
{
    dispatch(descriptor, service, factory, m_limits);
}

void WorkerPool::dispatch(qintptr descriptor, const QString &service, SessionFactory *factory, ConnectionLimits &serviceLimits,
                          TlsSupport tls)
{
    if (!m_accepting || !factory) {
        ::close(int(descriptor));
        return;
    }
    const QHostAddress peer = peerOf(descriptor);
    if (m_banGate && m_banGate->check(peer, service).action() == PolicyDecision::Action::Drop) {
        ::close(int(descriptor));
        return;
    }
    const Admission admission = serviceLimits.tryAdmit(peer);
    const bool admitted = admission == Admission::Admitted;
    WorkerThread &entry = leastLoaded();
    entry.inFlight.fetch_add(1, std::memory_order_relaxed);
    Worker *worker = entry.worker;
    std::atomic<int> *inFlight = &entry.inFlight;
    ConnectionLimits *limits = &serviceLimits;
    // Runs in the worker's thread, so the socket is created there. A call still queued when
    // the thread stops is dropped with the worker; only the destructor can get there.
    QMetaObject::invokeMethod(
        worker,
        [=] {
            inFlight->fetch_sub(1, std::memory_order_relaxed);
            worker->serve(descriptor, service, factory, admitted, admission, peer, limits, tls);
        },
        Qt::QueuedConnection);
}

void WorkerPool::stopAccepting()
{
    m_accepting = false;
}

void WorkerPool::shutdown(int graceMs)
{
    stopAccepting();
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    const QDeadlineTimer deadline(qMax(0, graceMs));
    for (const auto &entry : m_workers) {
        Worker *worker = entry->worker;
        QMetaObject::invokeMethod(worker, [worker, deadline] { worker->stopAll(deadline); }, Qt::QueuedConnection);
    }
    QTimer::singleShot(qMax(0, graceMs) + kIdleFallbackMs, this, &WorkerPool::declareIdle);
}

void WorkerPool::onWorkerDrained()
{
    if (++m_drainedWorkers >= workerCount())
        declareIdle();
}

void WorkerPool::declareIdle()
{
    if (m_idleSent)
        return;
    m_idleSent = true;
    Q_EMIT idle();
}

qint64 WorkerPool::raiseFileDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur == RLIM_INFINITY)
        return std::numeric_limits<qint64>::max();
    rlimit wanted = limit;
    wanted.rlim_cur = limit.rlim_max;
    // Linux refuses "infinity" (anything above fs.nr_open); a million is its default nr_open.
    if (wanted.rlim_cur == RLIM_INFINITY)
        wanted.rlim_cur = 1024 * 1024;
    if (wanted.rlim_cur <= limit.rlim_cur || ::setrlimit(RLIMIT_NOFILE, &wanted) != 0)
        return qint64(limit.rlim_cur);
    return qint64(wanted.rlim_cur);
}
