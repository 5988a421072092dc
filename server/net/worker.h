#pragma once

#include <atomic>
#include <queue>
#include <vector>

#include <QDeadlineTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>

#include "tlssupport.h"

class Connection;
class ConnectionLimits;
class QTimer;
class SessionFactory;
enum class Admission;

// Serves many connections in one thread: makes each socket from the descriptor handed over,
// enforces every connection's deadlines with one timer, and gives connection slots back when
// connections end. Lives in its own QThread; the pool calls it only through queued calls,
// except connectionCount(), which any thread may read.
class Worker : public QObject
{
    Q_OBJECT

public:
    Worker();   // no parent: it is moved to its thread
    ~Worker() override;

    // Runs in the worker's thread. admitted: serve the protocol; otherwise send the factory's
    // refusal line for reason and close (implicit TLS: close without a word, as nothing may go
    // out in clear text). peer and limits: the slot that tryAdmit() took, given back with
    // limits->release(peer) when the connection ends (only when admitted).
    void serve(qintptr descriptor, const QString &service, SessionFactory *factory, bool admitted,
               Admission reason, const QHostAddress &peer = {}, ConnectionLimits *limits = nullptr,
               TlsSupport tls = {});
    // Graceful stop: no new connections; open ones run on until they end or the deadline
    // passes, then they are aborted. drained() follows when none is left.
    void stopAll(QDeadlineTimer deadline);

    // Open connections, refused ones still closing included.
    [[nodiscard]] int connectionCount() const { return m_count.load(std::memory_order_relaxed); }

Q_SIGNALS:
    void drained();

private:
    struct Tracked
    {
        qint64 scheduled;          // due time of this connection's live queue entry
        ConnectionLimits *limits;  // null when no slot is held
        QHostAddress address;
    };
    struct Due
    {
        qint64 at;
        Connection *connection;
    };
    struct Later
    {
        bool operator()(const Due &a, const Due &b) const { return a.at > b.at; }
    };

    void onFinished(Connection *connection);
    void onDeadlineChanged(Connection *connection);
    void schedule(Connection *connection, Tracked &tracked, qint64 notBefore);
    void expireDue();
    void armTimer();
    void compactQueue();
    void abortAll();
    void checkDrained();
    [[nodiscard]] static QString refusalReason(Admission reason, const ConnectionLimits *limits);

    QHash<Connection *, Tracked> m_connections;
    // Earliest deadline first. Entries are lazy: a deadline that moved later (input arrived)
    // is noticed when its entry comes up, so traffic costs no queue work; an entry whose
    // due time no longer matches Tracked::scheduled is stale and skipped.
    std::priority_queue<Due, std::vector<Due>, Later> m_queue;
    QTimer *m_timer;
    QTimer *m_stopTimer;
    qint64 m_armedFor = -1;
    std::atomic<int> m_count{0};
    bool m_stopping = false;
    bool m_drainedSent = false;
};
