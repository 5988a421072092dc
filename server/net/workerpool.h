#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include <QObject>

#include "tlssupport.h"

class BanGate;
class ConnectionLimits;
class QThread;
class SessionFactory;
class Worker;

// The fixed set of worker threads that serve every client connection. The acceptor (the
// engine thread) hands each accepted descriptor to dispatch(); admission against the limits
// is decided there, everything else, socket I/O included, happens in a worker.
class WorkerPool : public QObject
{
    Q_OBJECT

public:
    // threads <= 0: one per core. limits must outlive the pool.
    WorkerPool(int threads, ConnectionLimits &limits, QObject *parent = nullptr);
    // Stops the threads; connections still open are dropped (call shutdown() first to be kind).
    ~WorkerPool() override;

    // In the acceptor's thread. Takes ownership of descriptor: it is served by the least
    // loaded worker, or, over a limit, answered with factory's refusal line and closed.
    // factory must stay valid as long as any connection it made is open.
    void dispatch(qintptr descriptor, const QString &service, SessionFactory *factory);
    // The same against a service's own limits (POP3 counts its connections apart from SMTP's),
    // with TLS as the service offers it. limits and tls.provider must outlive the pool.
    void dispatch(qintptr descriptor, const QString &service, SessionFactory *factory, ConnectionLimits &limits,
                  TlsSupport tls = {});
    // Connections the gate refuses are closed right after accept, before any byte or TLS
    // handshake and without taking a connection slot. gate (may be null) must outlive the pool.
    void setBanGate(BanGate *gate) { m_banGate = gate; }
    // Further descriptors are closed at once (listeners should be closed first anyway).
    void stopAccepting();
    // stopAccepting(), then lets open sessions end on their own for up to graceMs and aborts
    // the rest. idle() follows once every connection is gone.
    void shutdown(int graceMs);

    [[nodiscard]] bool isAccepting() const { return m_accepting; }
    [[nodiscard]] int workerCount() const { return int(m_workers.size()); }
    // For statistics and tests; the worker itself may only be reached by queued calls.
    [[nodiscard]] const Worker *worker(int index) const;
    // Sum over the workers; connections still being handed over are not counted.
    [[nodiscard]] int connectionCount() const;

    [[nodiscard]] static int defaultThreadCount();
    // Raises the soft RLIMIT_NOFILE to the hard limit, as every connection is a descriptor.
    // Returns the soft limit in effect afterwards (unchanged when raising is not permitted).
    static qint64 raiseFileDescriptorLimit();

Q_SIGNALS:
    void idle();

private:
    struct WorkerThread
    {
        QThread *thread = nullptr;
        Worker *worker = nullptr;
        // Handed to the worker but not yet picked up; counted as load so that a burst of
        // connections spreads over the workers instead of all going to the first idle one.
        std::atomic<int> inFlight{0};
    };

    [[nodiscard]] WorkerThread &leastLoaded();
    void onWorkerDrained();
    void declareIdle();

    ConnectionLimits &m_limits;
    BanGate *m_banGate = nullptr;
    std::vector<std::unique_ptr<WorkerThread>> m_workers;
    size_t m_nextWorker = 0;
    int m_drainedWorkers = 0;
    bool m_accepting = true;
    bool m_shuttingDown = false;
    bool m_idleSent = false;
};
