#include "deliveryagent.h"

#include "deliveryconnection.h"
#include "deliveryoutcome.h"
#include "deliveryreports.h"
#include "enginecounters.h"
#include "log.h"
#include "queuefileremover.h"
#include "queuestorage.h"
#include "queuestorageopen.h"
#include "storageerror.h"
#include "threadresolvers.h"

#include <algorithm>

namespace {

const QString kComponent = QStringLiteral("delivery");

OutboundEnvelope envelopeFor(const QueuedMessage &message, const QList<const QueuedRecipient *> &recipients)
{
    OutboundEnvelope envelope;
    envelope.reversePath = message.sender;
    envelope.size = message.size;
    envelope.eightBit = message.eightBit;
    envelope.smtpUtf8 = message.smtpUtf8;
    envelope.envelopeId = message.envelopeId;
    envelope.ret = message.ret;
    for (const QueuedRecipient *recipient : recipients) {
        OutboundEnvelope::Recipient entry;
        entry.address = recipient->address;
        entry.notify = recipient->notify;
        entry.notifyGiven = !(recipient->notify == DsnNotify{});
        entry.originalRecipient = recipient->originalRecipient;
        envelope.recipients << entry;
    }
    return envelope;
}

}

DeliveryAgent::DeliveryAgent(Dependencies dependencies, OutboundSettings settings, RoutingTable routes, QObject *parent)
    : QObject(parent), m_deps(std::move(dependencies)), m_settings(std::move(settings)), m_routes(std::move(routes))
    , m_wake(this)    // children, so they move to the delivery thread with the agent
    , m_flush(this)
    , m_dispatchSoon(this)
{
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &DeliveryAgent::dispatch);
    m_flush.setSingleShot(true);
    connect(&m_flush, &QTimer::timeout, this, &DeliveryAgent::flush);
    m_dispatchSoon.setSingleShot(true);
    connect(&m_dispatchSoon, &QTimer::timeout, this, &DeliveryAgent::dispatch);
}

DeliveryAgent::~DeliveryAgent()
{
    stop();
}

bool DeliveryAgent::start()
{
    try {
        m_storage = openQueueStorage(m_deps.database);
        // Outcomes are stored constantly; flushing each to disk would cap delivery at the disk's
        // flush rate. A crash of Postern loses none; a power cut may lose the last few, and then
        // those recipients get a second copy, never none (see QueueStorage::relaxCommits).
        m_storage->relaxCommits();
        m_fileRemover = std::make_unique<QueueFileRemover>(m_deps.queue);
        m_planner = std::make_unique<RoutePlanner>(m_deps.resolvers->forCurrentThread());
        m_planner->setTable(m_routes);
        m_reports = std::make_unique<DeliveryReports>(*m_deps.reportStore, *m_deps.directory, m_deps.queue);
    } catch (const StorageError &error) {
        Log::error(kComponent, {}, QStringLiteral("the outbound queue cannot be opened, nothing will be delivered: %1").arg(error.message()));
        return false;
    }
    rebuildTlsContexts();
    m_running = true;
    reload();
    return true;
}

void DeliveryAgent::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_wake.stop();
    // abort() reports the undecided recipients (stored as temporary), then the connection ends.
    const QList<DeliveryConnection *> connections = m_connections;
    for (DeliveryConnection *connection : connections)
        connection->abort(QStringLiteral("Postern is stopping"));
    flush();
    m_fileRemover.reset();   // removes the files still waiting
}

void DeliveryAgent::setSettings(const OutboundSettings &settings)
{
    m_settings = settings;
    rebuildTlsContexts();
    if (m_running)
        dispatch();
}

void DeliveryAgent::setRoutingTable(const RoutingTable &routes)
{
    m_routes = routes;
    m_hops.clear();
    if (m_planner)
        m_planner->setTable(routes);
}

void DeliveryAgent::rebuildTlsContexts()
{
    QString error;
    m_tls = TlsContext::client({}, &error);
    TlsContext::ClientOptions verifying;
    verifying.caFile = m_settings.caFile;
    verifying.useSystemStore = m_settings.caFile.isEmpty();
    verifying.checkHostName = true;
    m_verifyingTls = TlsContext::client(verifying, &error);
    if (m_tls.isNull() || m_verifyingTls.isNull())
        Log::error(kComponent, {}, QStringLiteral("outbound TLS cannot be set up: %1").arg(error));
}

void DeliveryAgent::reload()
{
    if (!m_running)
        return;
    flush();   // what is only in memory would be overwritten by what the database says
    QList<QueuedMessage> messages;
    try {
        messages = m_storage->messages();
    } catch (const StorageError &error) {
        Log::error(kComponent, {}, QStringLiteral("cannot read the outbound queue: %1").arg(error.message()));
        return;
    }
    m_messages.clear();
    m_order.clear();
    m_hops.clear();
    for (QueuedMessage &message : messages) {
        m_order << message.id;   // the storage gives them oldest first
        for (const QueuedRecipient &recipient : std::as_const(message.recipients))
            m_reloadedUpTo = std::max(m_reloadedUpTo, recipient.id);
        m_messages.insert(message.id, std::move(message));
    }
    const QStringList ids = m_order;
    for (const QString &id : ids)
        settle(id);
    dispatch();
}

void DeliveryAgent::messageQueued(const QueuedMessage &message)
{
    // The start's or an admin's reload() may have read it from the database already.
    if (!m_running || m_messages.contains(message.id) || !stillQueued(message))
        return;
    insertOrdered(message);
    m_messages.insert(message.id, message);
    // Recipients delivered locally at acceptance have their success report due already.
    settle(message.id);
    dispatchSoon();
}

bool DeliveryAgent::stillQueued(const QueuedMessage &message)
{
    // Ids above every one a reload read were committed after it. Below that, only the database
    // can tell: PostgreSQL hands out ids before commit, so a reload may have missed a lower one.
    const bool readBefore = std::any_of(message.recipients.cbegin(), message.recipients.cend(),
                                        [&](const QueuedRecipient &recipient) { return recipient.id <= m_reloadedUpTo; });
    if (!readBefore)
        return true;
    try {
        return m_storage->message(message.id).has_value();
    } catch (const StorageError &error) {
        // Taken when in doubt: a copy twice rather than none.
        Log::error(kComponent, message.id, QStringLiteral("cannot check the queued message: %1").arg(error.message()));
        return true;
    }
}

std::optional<DeliveryJob> DeliveryAgent::makeJob(const Candidate &candidate)
{
    auto message = m_messages.constFind(candidate.messageId);
    if (message == m_messages.constEnd())
        return std::nullopt;
    QList<const QueuedRecipient *> recipients;
    for (const QueuedRecipient &recipient : message->recipients) {
        if (candidate.recipientIds.contains(recipient.id))
            recipients << &recipient;
    }
    DeliveryJob job;
    job.messageId = message->id;
    job.domain = candidate.domain;
    job.nextHop = candidate.nextHop;
    for (const QueuedRecipient *recipient : std::as_const(recipients)) {
        job.recipientIds << recipient->id;
        m_inFlight.insert(recipient->id);
    }
    job.envelope = envelopeFor(*message, recipients);
    job.filePath = m_deps.queue.filePath(message->fileName);
    return job;
}

void DeliveryAgent::startJob(DeliveryJob job)
{
    ++m_active;
    ++m_activePerHop[job.nextHop];
    const QString domain = job.domain;
    m_planner->plan(domain, this, [this, job = std::move(job)](const RoutePlan &plan) mutable {
        onPlanned(std::move(job), plan);
    });
}

void DeliveryAgent::onPlanned(DeliveryJob job, const RoutePlan &plan)
{
    if (!m_running) {
        releaseJob(job);
        return;
    }
    if (plan.status != RoutePlan::Status::Ready) {
        onPlanFailed(job, plan);
        releaseJob(job);
        dispatch();
        return;
    }
    Log::info(kComponent, job.messageId, QStringLiteral("%1 for %2: %3 address(es)").arg(plan.via, job.domain).arg(plan.targets.size()));
    DeliveryConnection *connection = newConnection(plan.targets, std::move(job));
    connection->start();
}

DeliveryConnection *DeliveryAgent::newConnection(const QList<DeliveryTarget> &targets, DeliveryJob job)
{
    DeliveryConnection::Options options;
    options.heloName = m_settings.heloName;
    options.timeoutScale = m_settings.timeoutScale;
    options.connectTimeoutMs = m_settings.connectTimeoutMs;
    options.tls = m_tls;
    options.verifyingTls = m_verifyingTls;
    const QString hop = job.nextHop;
    DeliveryConnection::Callbacks callbacks;
    callbacks.jobDone = [this](const DeliveryJob &done, const QList<RecipientResult> &results, const QString &remoteMta,
                               bool nextHopReports) { onJobDone(done, results, remoteMta, nextHopReports); };
    callbacks.nextJob = [this, hop] { return nextJobFor(hop); };
    callbacks.parked = [this, hop](DeliveryConnection *connection) { m_parked[hop] << connection; };
    callbacks.finished = [this, hop](DeliveryConnection *connection) { onConnectionFinished(connection, hop); };
    auto *connection = new DeliveryConnection(targets, std::move(job), options, std::move(callbacks), this);
    m_connections << connection;
    return connection;
}

void DeliveryAgent::onConnectionFinished(DeliveryConnection *connection, const QString &nextHop)
{
    m_connections.removeOne(connection);
    if (auto parked = m_parked.find(nextHop); parked != m_parked.end()) {
        parked->removeOne(connection);
        if (parked->isEmpty())
            m_parked.erase(parked);
    }
    connection->deleteLater();
    --m_active;
    if (--m_activePerHop[nextHop] <= 0)
        m_activePerHop.remove(nextHop);
    dispatchSoon();
}

void DeliveryAgent::releaseJob(const DeliveryJob &job)
{
    for (qint64 id : job.recipientIds)
        m_inFlight.remove(id);
    --m_active;
    if (--m_activePerHop[job.nextHop] <= 0)
        m_activePerHop.remove(job.nextHop);
}

bool DeliveryAgent::store(QueuedMessage &message, const QList<QueuedRecipient> &changed)
{
    try {
        m_storage->updateRecipients(changed);
    } catch (const StorageError &error) {
        Log::error(kComponent, message.id, QStringLiteral("cannot record the outcome: %1").arg(error.message()));
        return false;
    }
    takeIntoMemory(message, changed, false);
    return true;
}

void DeliveryAgent::onJobDone(const DeliveryJob &job, const QList<RecipientResult> &results, const QString &remoteMta,
                              bool nextHopReports)
{
    for (qint64 id : job.recipientIds)
        m_inFlight.remove(id);
    auto found = m_messages.find(job.messageId);
    if (found == m_messages.end())
        return;   // deleted by an admin meanwhile
    QueuedMessage &message = *found;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QueuedRecipient> changed;
    for (qsizetype i = 0; i < job.recipientIds.size() && i < results.size(); ++i) {
        for (const QueuedRecipient &recipient : std::as_const(message.recipients)) {
            if (recipient.id == job.recipientIds.at(i))
                changed << DeliveryOutcome::apply(message, recipient, results.at(i), remoteMta, m_settings, now, nextHopReports);
        }
    }
    record(message, changed);
    bool delivered = false;
    for (const QueuedRecipient &recipient : std::as_const(changed)) {
        logOutcome(message, recipient);
        delivered = delivered || recipient.state == QueuedRecipientState::Delivered;
    }
    if (delivered && m_deps.counters)
        m_deps.counters->messageRelayed();
}

void DeliveryAgent::onPlanFailed(const DeliveryJob &job, const RoutePlan &plan)
{
    for (qint64 id : job.recipientIds)
        m_inFlight.remove(id);
    auto found = m_messages.find(job.messageId);
    if (found == m_messages.end())
        return;
    QueuedMessage &message = *found;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QueuedRecipient> changed;
    for (const QueuedRecipient &recipient : std::as_const(message.recipients)) {
        if (!job.recipientIds.contains(recipient.id))
            continue;
        if (plan.status == RoutePlan::Status::PermanentFailure) {
            changed << DeliveryOutcome::fail(message, recipient, plan.statusCode, plan.error, now);
        } else {
            RecipientResult result;
            result.kind = RecipientResult::Kind::Temporary;
            result.statusCode = plan.statusCode.isEmpty() ? QStringLiteral("4.4.3") : plan.statusCode;
            result.reply = plan.error;
            changed << DeliveryOutcome::apply(message, recipient, result, QString(), m_settings, now);
        }
    }
    record(message, changed);
    for (const QueuedRecipient &recipient : std::as_const(changed))
        logOutcome(message, recipient);
}

void DeliveryAgent::logOutcome(const QueuedMessage &message, const QueuedRecipient &recipient) const
{
    const QString to = QStringLiteral("to=<%1>").arg(recipient.address);
    switch (recipient.state) {
    case QueuedRecipientState::Delivered:
        Log::info(kComponent, message.id, QStringLiteral("%1 delivered via %2 (%3)").arg(to, recipient.remoteMta, recipient.diagnostic));
        return;
    case QueuedRecipientState::Failed:
        Log::warning(kComponent, message.id, QStringLiteral("%1 failed %2: %3").arg(to, recipient.statusCode, recipient.lastError));
        return;
    case QueuedRecipientState::Queued:
        Log::info(kComponent, message.id, QStringLiteral("%1 deferred %2: %3; next attempt %4")
                                              .arg(to, recipient.statusCode, recipient.lastError,
                                                   recipient.nextAttempt.toString(Qt::ISODate)));
        return;
    }
}

void DeliveryAgent::sendDelayNotices(QueuedMessage &message, const QDateTime &now)
{
    QList<QueuedRecipient> due;
    for (const QueuedRecipient &recipient : std::as_const(message.recipients)) {
        if (DeliveryOutcome::delayNoticeDue(message, recipient, m_settings, now)) {
            QueuedRecipient marked = recipient;
            marked.delayReported = true;
            due << marked;
        }
    }
    // Marked first: a crash after this loses one notice, never sends two.
    if (due.isEmpty() || !store(message, due))
        return;
    m_reports->send(message, due, DsnReport::Action::Delayed, m_settings.heloName, now, m_settings.maxAgeSeconds);
}

void DeliveryAgent::settle(const QString &messageId)
{
    auto found = m_messages.find(messageId);
    if (found == m_messages.end())
        return;
    QueuedMessage &message = *found;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    using Action = DsnReport::Action;
    for (Action action : {Action::Failed, Action::Delivered, Action::Relayed}) {
        QList<QueuedRecipient> due;
        for (const QueuedRecipient &recipient : std::as_const(message.recipients)) {
            if (recipient.isFinal() && recipient.report == ReportState::Due
                && DeliveryOutcome::reportAction(recipient) == action)
                due << recipient;
        }
        if (due.isEmpty() || !m_reports->send(message, due, action, m_settings.heloName, now, m_settings.maxAgeSeconds))
            continue;
        for (QueuedRecipient &recipient : due)
            recipient.report = ReportState::Sent;
        store(message, due);
    }
    if (!message.isSettled())
        return;
    try {
        m_storage->remove(message.id);
    } catch (const StorageError &error) {
        Log::error(kComponent, message.id, QStringLiteral("cannot remove the settled message: %1").arg(error.message()));
        return;
    }
    forget(message.id);
}
