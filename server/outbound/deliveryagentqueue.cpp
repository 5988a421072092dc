// DeliveryAgent's bookkeeping of the queue in memory: which recipients are due, in the order the
// messages came, grouped by next hop; and storing outcomes in batches (group commit), so the
// fsync of one commit is shared by every outcome that arrived meanwhile.
#include "deliveryagent.h"

#include "deliveryconnection.h"
#include "log.h"
#include "queuefileremover.h"
#include "queuestorage.h"
#include "storageerror.h"

#include <algorithm>

namespace {

const QString kComponent = QStringLiteral("delivery");
// The longest the agent sleeps without looking at the queue, so a clock change or a missed
// wake-up costs at most this much delay.
constexpr qint64 kMaxSleepMs = 60 * 1000;

bool olderThan(const QueuedMessage &a, const QueuedMessage &b)
{
    return a.receivedAt != b.receivedAt ? a.receivedAt < b.receivedAt : a.id < b.id;
}

}

QString DeliveryAgent::nextHopOf(const QString &domain) const
{
    if (const auto route = m_routes.routes.constFind(domain); route != m_routes.routes.constEnd())
        return QStringLiteral("route %1:%2").arg(route->host).arg(route->port);
    if (m_routes.smartHost)
        return QStringLiteral("smart host");
    return domain;
}

const QString &DeliveryAgent::hopOf(const QueuedRecipient &recipient)
{
    auto found = m_hops.find(recipient.id);
    if (found == m_hops.end())
        found = m_hops.insert(recipient.id, nextHopOf(recipient.address.section(QLatin1Char('@'), -1).toLower()));
    return *found;
}

void DeliveryAgent::insertOrdered(const QueuedMessage &message)
{
    // New mail is almost always the newest, so this is an append in practice.
    auto at = std::upper_bound(m_order.begin(), m_order.end(), message, [this](const QueuedMessage &m, const QString &id) {
        const auto other = m_messages.constFind(id);
        return other == m_messages.constEnd() || olderThan(m, *other);
    });
    m_order.insert(at, message.id);
}

std::optional<DeliveryAgent::Candidate> DeliveryAgent::candidateIn(const QueuedMessage &message, const QDateTime &now,
                                                                 const QString *onlyHop, const QSet<QString> *fullHops)
{
    std::optional<Candidate> candidate;
    for (const QueuedRecipient &recipient : message.recipients) {
        if (recipient.state != QueuedRecipientState::Queued || recipient.nextAttempt > now || m_inFlight.contains(recipient.id))
            continue;
        const QString &hop = hopOf(recipient);
        if (candidate) {
            if (hop == candidate->nextHop)
                candidate->recipientIds << recipient.id;
            continue;
        }
        if ((onlyHop && hop != *onlyHop) || (fullHops && fullHops->contains(hop)))
            continue;
        candidate = Candidate{message.id, recipient.address.section(QLatin1Char('@'), -1).toLower(), hop, {recipient.id}};
    }
    return candidate;
}

void DeliveryAgent::dispatch()
{
    if (!m_running)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Delay notices are due in hours, not milliseconds: once a second is plenty under load.
    if (!m_lastDelayCheck.isValid() || m_lastDelayCheck.msecsTo(now) >= 1000) {
        m_lastDelayCheck = now;
        for (auto it = m_messages.begin(); it != m_messages.end(); ++it)
            sendDelayNotices(*it, now);
    }
    QSet<QString> fullHops;
    const QList<QString> order = m_order;   // startJob may settle and forget messages
    for (const QString &id : order) {
        if (m_active >= m_settings.maxConnections)
            break;
        const auto message = m_messages.constFind(id);
        if (message == m_messages.constEnd())
            continue;
        while (m_active < m_settings.maxConnections) {
            const std::optional<Candidate> candidate = candidateIn(*message, now, nullptr, &fullHops);
            if (!candidate)
                break;
            if (resumeParked(candidate->nextHop, *candidate))
                continue;
            if (m_activePerHop.value(candidate->nextHop) >= m_settings.maxPerDomain) {
                fullHops.insert(candidate->nextHop);   // picked up when one of its connections ends
                continue;
            }
            std::optional<DeliveryJob> job = makeJob(*candidate);
            if (!job)
                break;
            startJob(std::move(*job));
        }
    }
    scheduleWake(now);
}

void DeliveryAgent::dispatchSoon()
{
    if (!m_dispatchSoon.isActive())
        m_dispatchSoon.start(0);
}

bool DeliveryAgent::resumeParked(const QString &nextHop, const Candidate &candidate)
{
    auto parked = m_parked.find(nextHop);
    if (parked == m_parked.end())
        return false;
    while (!parked->isEmpty()) {
        DeliveryConnection *connection = parked->takeLast();
        if (!connection->isParked())
            continue;   // it ended its wait already (timed out, or the peer spoke)
        if (parked->isEmpty())
            m_parked.erase(parked);
        if (std::optional<DeliveryJob> job = makeJob(candidate))
            connection->resume(std::move(*job));
        return true;
    }
    m_parked.erase(parked);
    return false;
}

std::optional<DeliveryJob> DeliveryAgent::nextJobFor(const QString &nextHop)
{
    if (!m_running)
        return std::nullopt;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : std::as_const(m_order)) {
        const auto message = m_messages.constFind(id);
        if (message == m_messages.constEnd())
            continue;
        if (const std::optional<Candidate> candidate = candidateIn(*message, now, &nextHop, nullptr))
            return makeJob(*candidate);
    }
    return std::nullopt;
}

void DeliveryAgent::scheduleWake(const QDateTime &now)
{
    QDateTime earliest = now.addMSecs(kMaxSleepMs);
    for (const QueuedMessage &message : std::as_const(m_messages)) {
        for (const QueuedRecipient &recipient : message.recipients) {
            if (recipient.state == QueuedRecipientState::Queued && recipient.nextAttempt > now && !m_inFlight.contains(recipient.id))
                earliest = std::min(earliest, recipient.nextAttempt);
        }
    }
    // Due recipients held back by the limits are picked up when a connection ends.
    m_wake.start(int(std::clamp<qint64>(now.msecsTo(earliest), 0, kMaxSleepMs)) + 1);
}

void DeliveryAgent::wakeForDeferred(const QHash<QString, QList<QueuedRecipient>> &changed)
{
    // Only the changed recipients can bring the wake-up forward; looking at the whole queue after
    // every commit would cost O(queue) per event-loop turn under load.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime earliest;
    for (const QList<QueuedRecipient> &recipients : changed) {
        for (const QueuedRecipient &recipient : recipients) {
            if (recipient.state == QueuedRecipientState::Queued && recipient.nextAttempt > now
                && (!earliest.isValid() || recipient.nextAttempt < earliest))
                earliest = recipient.nextAttempt;
        }
    }
    if (!earliest.isValid())
        return;
    const int wait = int(std::clamp<qint64>(now.msecsTo(earliest), 0, kMaxSleepMs)) + 1;
    if (!m_wake.isActive() || wait < m_wake.remainingTime())
        m_wake.start(wait);
}

void DeliveryAgent::takeIntoMemory(QueuedMessage &message, const QList<QueuedRecipient> &changed, bool toBeSaved)
{
    const auto pending = m_unsaved.find(message.id);
    QList<QueuedRecipient> *unsaved = pending != m_unsaved.end() ? &*pending : (toBeSaved ? &m_unsaved[message.id] : nullptr);
    for (const QueuedRecipient &update : changed) {
        for (QueuedRecipient &recipient : message.recipients) {
            if (recipient.id == update.id)
                recipient = update;
        }
        if (!unsaved)
            continue;
        // A version waiting for flush() is replaced by the newer one, so flush() never writes
        // an older state over one stored meanwhile (a delay notice's mark, say).
        auto same = std::find_if(unsaved->begin(), unsaved->end(), [&](const QueuedRecipient &r) { return r.id == update.id; });
        if (same != unsaved->end())
            *same = update;
        else if (toBeSaved)
            *unsaved << update;
    }
}

void DeliveryAgent::record(QueuedMessage &message, const QList<QueuedRecipient> &changed)
{
    takeIntoMemory(message, changed, true);
    if (!m_flush.isActive())
        m_flush.start(0);   // the next turn of the event loop: whatever else arrived by then joins
}

void DeliveryAgent::flush()
{
    if (m_unsaved.isEmpty() || !m_storage)
        return;
    const QHash<QString, QList<QueuedRecipient>> batch = std::exchange(m_unsaved, {});
    QStringList finished;   // every recipient final, nothing to report: the rows go in this commit
    try {
        m_storage->transaction([&] {
            for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
                const auto message = m_messages.constFind(it.key());
                if (message == m_messages.constEnd())
                    continue;   // deleted by an admin meanwhile
                if (message->isSettled()) {
                    m_storage->remove(it.key());
                    finished << it.key();
                } else {
                    m_storage->updateRecipients(it.value());
                }
            }
        });
    } catch (const StorageError &error) {
        // Memory is ahead of the database now: read the truth again (those recipients are
        // tried again, which at worst sends a copy twice, never loses one).
        Log::error(kComponent, {}, QStringLiteral("cannot record delivery outcomes: %1").arg(error.message()));
        reload();
        return;
    }
    for (const QString &id : std::as_const(finished))
        forget(id);
    for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
        if (!finished.contains(it.key()))
            settle(it.key());
    }
    if (m_running)
        wakeForDeferred(batch);   // deferred recipients have new next attempts
}

void DeliveryAgent::forget(const QString &messageId)
{
    const auto message = m_messages.constFind(messageId);
    if (message == m_messages.constEnd())
        return;
    if (m_fileRemover)
        m_fileRemover->remove(message->fileName);
    else
        m_deps.queue.removeFile(message->fileName);
    for (const QueuedRecipient &recipient : message->recipients)
        m_hops.remove(recipient.id);
    Log::info(kComponent, messageId, QStringLiteral("removed from the queue"));
    m_messages.erase(message);
    m_order.removeOne(messageId);
}
