#include "worker.h"

#include <algorithm>
#include <limits>

#include <unistd.h>

#include <QTimer>

#include "connection.h"
#include "connectionlimits.h"
#include "log.h"
#include "sessionfactory.h"

namespace {

// A deadline that is still due right after its connection expired (a session that set a
// timeout of 1 ms, say) is retried this much later, so the timer cannot spin.
constexpr qint64 kMinRetryMs = 10;

void closeDescriptor(qintptr descriptor)
{
    ::close(int(descriptor));
}

}

Worker::Worker()
    : m_timer(new QTimer(this)), m_stopTimer(new QTimer(this))
{
    // Children move to the worker's thread together with it.
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &Worker::expireDue);
    m_stopTimer->setSingleShot(true);
    connect(m_stopTimer, &QTimer::timeout, this, &Worker::abortAll);
}

Worker::~Worker()
{
    // Only with connections still open when the thread was stopped without a shutdown first.
    const QList<Connection *> connections = m_connections.keys();
    for (Connection *connection : connections) {
        const Tracked tracked = m_connections.take(connection);
        delete connection;
        if (tracked.limits)
            tracked.limits->release(tracked.address);
    }
    m_count.store(0);
}

void Worker::serve(qintptr descriptor, const QString &service, SessionFactory *factory, bool admitted,
                   Admission reason, const QHostAddress &peer, ConnectionLimits *limits, TlsSupport tls)
{
    const auto giveBack = [&] {
        if (admitted && limits)
            limits->release(peer);
    };
    if (m_stopping || !factory) {
        closeDescriptor(descriptor);
        giveBack();
        return;
    }
    auto *connection = new Connection(service, tls, this);
    if (!connection->attach(descriptor)) {
        delete connection;
        closeDescriptor(descriptor);
        giveBack();
        Log::warning(service, QStringLiteral("-"), QStringLiteral("cannot take over an accepted connection"));
        return;
    }
    m_connections.insert(connection, {Connection::kNoDeadline, admitted ? limits : nullptr, peer});
    m_count.fetch_add(1, std::memory_order_relaxed);
    connect(connection, &Connection::finished, this, &Worker::onFinished);
    connect(connection, &Connection::deadlineChanged, this, &Worker::onDeadlineChanged);
    if (admitted)
        connection->startSession(*factory);
    else
        connection->refuse(tls.implicit ? QByteArray() : factory->refusalLine(reason), refusalReason(reason, limits));
}

QString Worker::refusalReason(Admission reason, const ConnectionLimits *limits)
{
    switch (reason) {
    case Admission::TooManyTotal:
        return limits ? QStringLiteral("too many connections (limit %1 in total)").arg(limits->maxTotal())
                      : QStringLiteral("too many connections");
    case Admission::TooManyFromAddress:
        return limits ? QStringLiteral("too many connections from this address (limit %1 per address)")
                            .arg(limits->maxPerAddress())
                      : QStringLiteral("too many connections from this address");
    case Admission::Admitted:
        break;
    }
    return QStringLiteral("refused");
}

void Worker::stopAll(QDeadlineTimer deadline)
{
    m_stopping = true;
    if (!deadline.isForever())
        m_stopTimer->start(int(std::clamp<qint64>(deadline.remainingTime(), 0, std::numeric_limits<int>::max())));
    checkDrained();
}

void Worker::abortAll()
{
    const QList<Connection *> connections = m_connections.keys();
    if (!connections.isEmpty())
        Log::info(QStringLiteral("net"), QStringLiteral("-"),
                  QStringLiteral("shutdown grace over: aborting %1 connections").arg(connections.size()));
    for (Connection *connection : connections)
        connection->abort(QLatin1String("aborted at shutdown"));
}

void Worker::checkDrained()
{
    if (m_stopping && m_connections.isEmpty() && !m_drainedSent) {
        m_drainedSent = true;
        m_stopTimer->stop();
        Q_EMIT drained();
    }
}

void Worker::onFinished(Connection *connection)
{
    const auto found = m_connections.find(connection);
    if (found == m_connections.end())
        return;
    const Tracked tracked = found.value();
    m_connections.erase(found);
    m_count.fetch_sub(1, std::memory_order_relaxed);
    if (tracked.limits)
        tracked.limits->release(tracked.address);
    connection->deleteLater();   // we are inside its signal
    checkDrained();
}

void Worker::onDeadlineChanged(Connection *connection)
{
    const auto found = m_connections.find(connection);
    if (found != m_connections.end())
        schedule(connection, found.value(), 0);
}

void Worker::schedule(Connection *connection, Tracked &tracked, qint64 notBefore)
{
    const qint64 due = qMax(connection->deadline(), notBefore);
    // An entry at or before the new deadline already exists; when it comes up the actual
    // deadline is looked at again, so nothing needs to be queued now.
    if (due >= tracked.scheduled)
        return;
    tracked.scheduled = due;
    m_queue.push({due, connection});
    compactQueue();
    armTimer();
}

void Worker::expireDue()
{
    m_armedFor = -1;
    const qint64 now = Connection::monotonicMs();
    while (!m_queue.empty() && m_queue.top().at <= now) {
        const Due due = m_queue.top();
        m_queue.pop();
        auto found = m_connections.find(due.connection);
        if (found == m_connections.end() || found->scheduled != due.at)
            continue;   // stale: the connection is gone or has an earlier entry of its own
        found->scheduled = Connection::kNoDeadline;
        if (due.connection->deadline() <= now)
            due.connection->expire();
        // expire() may close the connection but finished() is deferred, so it is still ours;
        // look it up again all the same, as the session may have done anything.
        found = m_connections.find(due.connection);
        if (found != m_connections.end())
            schedule(due.connection, found.value(), now + kMinRetryMs);
    }
    armTimer();
}

void Worker::armTimer()
{
    if (m_queue.empty()) {
        m_timer->stop();
        m_armedFor = -1;
        return;
    }
    const qint64 next = m_queue.top().at;
    if (m_timer->isActive() && m_armedFor == next)
        return;
    m_armedFor = next;
    const qint64 wait = std::clamp<qint64>(next - Connection::monotonicMs(), 0, std::numeric_limits<int>::max());
    // A coarse timer may fire a little early; expireDue() then finds nothing due and re-arms.
    m_timer->start(int(wait));
}

void Worker::compactQueue()
{
    // Stale entries leave on their own when they come due; only a session that keeps
    // shortening its timeout could pile them up, so rebuild when they outnumber live ones.
    if (m_queue.size() <= 2 * size_t(m_connections.size()) + 64)
        return;
    std::vector<Due> live;
    live.reserve(size_t(m_connections.size()));
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (it->scheduled != Connection::kNoDeadline)
            live.push_back({it->scheduled, it.key()});
    }
    m_queue = std::priority_queue<Due, std::vector<Due>, Later>(Later{}, std::move(live));
}
