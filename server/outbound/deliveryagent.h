#pragma once

#include "databaseurl.h"
#include "deliveryjob.h"
#include "outboundsettings.h"
#include "queuedirectory.h"
#include "queuerecords.h"
#include "routeplanner.h"
#include "tlscontext.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

class DeliveryConnection;
class DeliveryReports;
class EngineCounters;
class MessageStore;
class QueueFileRemover;
class QueueStorage;
class RecipientDirectory;
class ThreadResolvers;

// Delivers the outbound queue: keeps every queued message's state in memory (the database holds
// the truth), starts a connection per due message and domain within outbound.max_connections
// and outbound.max_per_domain, records each recipient's outcome before acting on it, sends the
// reports the senders asked for, and removes settled messages (rows, then file). Lives in a
// thread of its own; every public method is called in that thread (the engine posts to it).
class DeliveryAgent : public QObject
{
    Q_OBJECT

public:
    struct Dependencies
    {
        DatabaseUrl database;                 // its own QueueStorage connection, opened in start()
        QueueDirectory queue;
        MessageStore *reportStore = nullptr;  // where reports go: a local mailbox, or the queue
        const RecipientDirectory *directory = nullptr;
        ThreadResolvers *resolvers = nullptr;
        EngineCounters *counters = nullptr;   // may be null
    };

    DeliveryAgent(Dependencies dependencies, OutboundSettings settings, RoutingTable routes, QObject *parent = nullptr);
    ~DeliveryAgent() override;

    // Opens the queue storage, loads the queue and starts delivering. False (logged) when the
    // queue cannot be read; the agent then delivers nothing.
    bool start();
    // Ends every connection now; their undecided recipients stay queued for the next start.
    void stop();

    void setSettings(const OutboundSettings &settings);
    void setRoutingTable(const RoutingTable &routes);
    // Reads the whole queue again (an admin changed it: retry, delete, bounce).
    void reload();
    // A message the SMTP server (or this agent, for a report) just queued, as stored.
    void messageQueued(const QueuedMessage &message);

    [[nodiscard]] int activeConnections() const { return m_active; }

private:
    struct Candidate
    {
        QString messageId;
        QString domain;
        QString nextHop;
        QList<qint64> recipientIds;
    };

    // deliveryagentqueue.cpp: finding due work in queue order, and storing outcomes in batches.
    void dispatch();
    // dispatch() at the next turn of the event loop: a burst of queued messages or finished
    // connections costs one look at the queue, not one each.
    void dispatchSoon();
    // A parked connection to this hop takes the job; false when none waits.
    bool resumeParked(const QString &nextHop, const Candidate &candidate);
    // The first group of due recipients of `message` that share a next hop, skipping those in
    // flight, not due, and (when given) other hops than `onlyHop` or hops in `fullHops`.
    [[nodiscard]] std::optional<Candidate> candidateIn(const QueuedMessage &message, const QDateTime &now,
                                                       const QString *onlyHop, const QSet<QString> *fullHops);
    [[nodiscard]] const QString &hopOf(const QueuedRecipient &recipient);
    void insertOrdered(const QueuedMessage &message);
    // Takes outcomes into memory now and stores them with the next flush(): outcomes that arrive
    // together share one commit. Nothing acts on them (reports, removal) before that commit.
    void record(QueuedMessage &message, const QList<QueuedRecipient> &changed);
    // Puts changed recipients into the message in memory and into what flush() will write
    // (`toBeSaved`), or only refreshes what flush() will write when they were stored already.
    void takeIntoMemory(QueuedMessage &message, const QList<QueuedRecipient> &changed, bool toBeSaved);
    void flush();
    // Drops a message whose rows are gone: its file, and from memory.
    void forget(const QString &messageId);
    [[nodiscard]] std::optional<DeliveryJob> makeJob(const Candidate &candidate);
    void startJob(DeliveryJob job);
    void onPlanned(DeliveryJob job, const RoutePlan &plan);
    [[nodiscard]] std::optional<DeliveryJob> nextJobFor(const QString &nextHop);
    // Recipients that go to the same next hop share a transaction and count against one limit:
    // the domain for MX delivery, the route's host, or the smart host for everything else.
    [[nodiscard]] QString nextHopOf(const QString &domain) const;
    void onJobDone(const DeliveryJob &job, const QList<RecipientResult> &results, const QString &remoteMta,
                   bool nextHopReports);
    void onPlanFailed(const DeliveryJob &job, const RoutePlan &plan);
    void onConnectionFinished(DeliveryConnection *connection, const QString &nextHop);
    void releaseJob(const DeliveryJob &job);
    // Stores changed recipients and takes them into memory; false (logged) when storing failed.
    bool store(QueuedMessage &message, const QList<QueuedRecipient> &changed);
    // Sends due reports and delay notices, and removes the message once it is settled.
    void settle(const QString &messageId);
    void sendDelayNotices(QueuedMessage &message, const QDateTime &now);
    void scheduleWake(const QDateTime &now);
    // Brings the wake-up forward when one of `changed` (by message id) is due before it.
    void wakeForDeferred(const QHash<QString, QList<QueuedRecipient>> &changed);
    [[nodiscard]] DeliveryConnection *newConnection(const QList<DeliveryTarget> &targets, DeliveryJob job);
    void rebuildTlsContexts();
    void logOutcome(const QueuedMessage &message, const QueuedRecipient &recipient) const;
    // False when `message`, just announced, was read by a reload() meanwhile and is gone since
    // (settled, or deleted by an admin): taking it again would deliver or report it twice.
    [[nodiscard]] bool stillQueued(const QueuedMessage &message);

    Dependencies m_deps;
    OutboundSettings m_settings;
    RoutingTable m_routes;
    std::unique_ptr<QueueStorage> m_storage;
    std::unique_ptr<RoutePlanner> m_planner;
    std::unique_ptr<DeliveryReports> m_reports;
    std::unique_ptr<QueueFileRemover> m_fileRemover;   // settled messages' files, off this thread
    TlsContext m_tls;
    TlsContext m_verifyingTls;

    QHash<QString, QueuedMessage> m_messages;
    QSet<qint64> m_inFlight;              // recipient ids some connection or lookup is working on
    QHash<QString, QList<DeliveryConnection *>> m_parked;   // connections waiting for work, by next hop
    QHash<QString, int> m_activePerHop;   // outbound.max_per_domain counts per next hop
    int m_active = 0;
    QList<DeliveryConnection *> m_connections;
    QList<QString> m_order;                          // ids, oldest first
    QHash<qint64, QString> m_hops;                   // next hop per recipient id (cleared with the routes)
    QHash<QString, QList<QueuedRecipient>> m_unsaved;   // outcomes waiting for flush(), by message id
    QTimer m_wake;
    QTimer m_flush;
    QTimer m_dispatchSoon;
    QDateTime m_lastDelayCheck;
    qint64 m_reloadedUpTo = 0;   // the highest recipient row id any reload() has read
    bool m_running = false;
};
