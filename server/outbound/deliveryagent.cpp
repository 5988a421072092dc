#include "deliveryagent.h"

#include "deliveryconnection.h"
#include "deliveryoutcome.h"
#include "deliveryreports.h"
#include "enginecounters.h"
#include "log.h"
#include "queuestorage.h"
#include "queuestorageopen.h"
#include "storageerror.h"
#include "threadresolvers.h"

#include <algorithm>

namespace {

const QString kComponent = QStringLiteral("delivery");
// The longest the agent sleeps without looking at the queue, so a clock change or a missed
// wake-up costs at most this much delay.
constexpr qint64 kMaxSleepMs = 60 * 1000;

QString domainOf(const QString &address)
{
    return address.section(QLatin1Char('@'), -1).toLower();
}

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
    , m_wake(this)   // a child, so it moves to the delivery thread with the agent
{
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &DeliveryAgent::dispatch);
}

DeliveryAgent::~DeliveryAgent()
{
    stop();
}

bool DeliveryAgent::start()
{
    try {
        m_storage = openQueueStorage(m_deps.database);
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
    QList<QueuedMessage> messages;
    try {
        messages = m_storage->messages();
    } catch (const StorageError &error) {
        Log::error(kComponent, {}, QStringLiteral("cannot read the outbound queue: %1").arg(error.message()));
        return;
    }
    m_messages.clear();
    for (QueuedMessage &message : messages)
        m_messages.insert(message.id, std::move(message));
    const QStringList ids = m_messages.keys();
    for (const QString &id : ids)
        settle(id);
    dispatch();
}

void DeliveryAgent::messageQueued(const QString &id)
{
    if (!m_running)
        return;
    try {
        if (std::optional<QueuedMessage> message = m_storage->message(id))
            m_messages.insert(id, std::move(*message));
    } catch (const StorageError &error) {
        Log::error(kComponent, id, QStringLiteral("cannot read the queued message: %1").arg(error.message()));
        return;
    }
    dispatch();
}

QList<DeliveryAgent::Candidate> DeliveryAgent::dueCandidates(const QDateTime &now) const
{
    QList<const QueuedMessage *> ordered;
    ordered.reserve(m_messages.size());
    for (const QueuedMessage &message : m_messages)
        ordered << &message;
    std::sort(ordered.begin(), ordered.end(), [](const QueuedMessage *a, const QueuedMessage *b) {
        return a->receivedAt != b->receivedAt ? a->receivedAt < b->receivedAt : a->id < b->id;
    });
    QList<Candidate> candidates;
    for (const QueuedMessage *message : std::as_const(ordered)) {
        QList<Candidate> perDomain;
        for (const QueuedRecipient &recipient : message->recipients) {
            if (recipient.state != QueuedRecipientState::Queued || m_inFlight.contains(recipient.id) || recipient.nextAttempt > now)
                continue;
            const QString domain = domainOf(recipient.address);
            const QString hop = nextHopOf(domain);
            auto found = std::find_if(perDomain.begin(), perDomain.end(), [&](const Candidate &c) { return c.nextHop == hop; });
            if (found == perDomain.end())
                perDomain << Candidate{message->id, domain, hop, {recipient.id}};
            else
                found->recipientIds << recipient.id;
        }
        candidates << perDomain;
    }
    return candidates;
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

void DeliveryAgent::dispatch()
{
    if (!m_running)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_messages.begin(); it != m_messages.end(); ++it)
        sendDelayNotices(*it, now);
    for (const Candidate &candidate : dueCandidates(now)) {
        if (m_active >= m_settings.maxConnections)
            break;
        if (m_activePerHop.value(candidate.nextHop) >= m_settings.maxPerDomain)
            continue;
        if (std::optional<DeliveryJob> job = makeJob(candidate))
            startJob(std::move(*job));
    }
    scheduleWake(now);
}

void DeliveryAgent::scheduleWake(const QDateTime &now)
{
    QDateTime earliest = now.addMSecs(kMaxSleepMs);
    for (const QueuedMessage &message : std::as_const(m_messages)) {
        for (const QueuedRecipient &recipient : message.recipients) {
            if (recipient.state == QueuedRecipientState::Queued && !m_inFlight.contains(recipient.id) && recipient.nextAttempt > now)
                earliest = std::min(earliest, recipient.nextAttempt);
        }
    }
    // Due recipients held back by the limits are picked up when a connection ends.
    m_wake.start(int(std::clamp<qint64>(now.msecsTo(earliest), 0, kMaxSleepMs)) + 1);
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
    callbacks.jobDone = [this](const DeliveryJob &done, const QList<RecipientResult> &results, const QString &remoteMta) {
        onJobDone(done, results, remoteMta);
    };
    callbacks.nextJob = [this, hop] { return nextJobFor(hop); };
    callbacks.finished = [this, hop](DeliveryConnection *connection) { onConnectionFinished(connection, hop); };
    auto *connection = new DeliveryConnection(targets, std::move(job), options, std::move(callbacks), this);
    m_connections << connection;
    return connection;
}

QString DeliveryAgent::nextHopOf(const QString &domain) const
{
    if (const auto route = m_routes.routes.constFind(domain); route != m_routes.routes.constEnd())
        return QStringLiteral("route %1:%2").arg(route->host).arg(route->port);
    if (m_routes.smartHost)
        return QStringLiteral("smart host");
    return domain;
}

std::optional<DeliveryJob> DeliveryAgent::nextJobFor(const QString &nextHop)
{
    if (!m_running)
        return std::nullopt;
    for (const Candidate &candidate : dueCandidates(QDateTime::currentDateTimeUtc())) {
        if (candidate.nextHop == nextHop)
            return makeJob(candidate);
    }
    return std::nullopt;
}

void DeliveryAgent::onConnectionFinished(DeliveryConnection *connection, const QString &nextHop)
{
    m_connections.removeOne(connection);
    connection->deleteLater();
    --m_active;
    if (--m_activePerHop[nextHop] <= 0)
        m_activePerHop.remove(nextHop);
    dispatch();
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
    for (const QueuedRecipient &update : changed) {
        for (QueuedRecipient &recipient : message.recipients) {
            if (recipient.id == update.id)
                recipient = update;
        }
    }
    return true;
}

void DeliveryAgent::onJobDone(const DeliveryJob &job, const QList<RecipientResult> &results, const QString &remoteMta)
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
                changed << DeliveryOutcome::apply(message, recipient, results.at(i), remoteMta, m_settings, now);
        }
    }
    if (!store(message, changed))
        return;
    bool delivered = false;
    for (const QueuedRecipient &recipient : std::as_const(changed)) {
        logOutcome(message, recipient);
        delivered = delivered || recipient.state == QueuedRecipientState::Delivered;
    }
    if (delivered && m_deps.counters)
        m_deps.counters->messageRelayed();
    settle(message.id);
    scheduleWake(now);   // a deferred recipient has a new next attempt
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
    if (!store(message, changed))
        return;
    for (const QueuedRecipient &recipient : std::as_const(changed))
        logOutcome(message, recipient);
    settle(message.id);
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
    for (DsnReport::Action action : {DsnReport::Action::Failed, DsnReport::Action::Delivered}) {
        const QueuedRecipientState state = action == DsnReport::Action::Failed ? QueuedRecipientState::Failed
                                                                               : QueuedRecipientState::Delivered;
        QList<QueuedRecipient> due;
        for (const QueuedRecipient &recipient : std::as_const(message.recipients)) {
            if (recipient.state == state && recipient.report == ReportState::Due)
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
    m_deps.queue.removeFile(message.fileName);
    Log::info(kComponent, message.id, QStringLiteral("removed from the queue"));
    m_messages.erase(found);
}
