#pragma once

#include "engineoptions.h"
#include "enginestatus.h"
#include "cidrrange.h"
#include "listenerstate.h"
#include "settings.h"

#include <QObject>

#include <memory>

class AccountAuthenticator;
class AddressListHolder;
class AutoBanMonitor;
struct AutoBanDecision;
class BanGate;
class ConnectionLimits;
class CredentialsTable;
class EngineCounters;
class FilterListHolder;
class InMemoryAuthFailureRecorder;
class InMemoryLoginRecorder;
class AccountSendCounter;
class PasswordVerifier;
class Pop3SessionFactory;
class ListenerSet;
class LocalRecipientDirectory;
class MailboxUsage;
class MaildirStore;
class DatabaseUrl;
class OutboundMessageStore;
class OutboundService;
class QueueDirectory;
class QueueObserver;
class QTimer;
class SmtpSessionFactory;
class Storage;
class TlsContextProvider;
class TlsReloader;
class ThreadResolvers;
class WorkerPool;

// The server itself, living in the engine thread: storage, listeners, the TLS certificate, and
// the watch for admin changes. Only EngineController talks to it, through queued calls and
// signals.
class Engine : public QObject
{
    Q_OBJECT

public:
    explicit Engine(EngineOptions options, QObject *parent = nullptr);
    ~Engine() override;

    // Runs in the engine thread. Emits started() or startFailed().
    void start();
    // Stops accepting, lets in-flight work finish within the grace period, emits stopped().
    void stop();

    // Told about every message the SMTP server puts into the outbound queue (the delivery
    // agent); null: nobody. Call in the engine thread, before start() or while running.
    void setQueueObserver(QueueObserver *observer);

Q_SIGNALS:
    void started(const QList<ListenerState> &listeners);
    void startFailed(const QString &reason);
    void listenersChanged(const QList<ListenerState> &listeners);
    void settingsChanged(const Settings &settings, const QStringList &changedKeys);
    // Every admin change stored before this point is in force (settings, accounts, lists).
    void changesApplied();
    // Today's counts or the warnings changed (looked at on every poll tick).
    void activityChanged(const EngineCounts &counts, const QList<EngineWarning> &warnings, bool certificateLoaded);
    void stopped();

private:
    // Creates DATA_DIR/queue, recovers it after a crash and makes the store SMTP writes into.
    // Throws StorageError.
    void startQueue(const DatabaseUrl &url, const QueueDirectory &queue);
    // Outbound delivery (enginedelivery.cpp): the agent's thread, its routes and the admins'
    // queue changes.
    void startDelivery();
    void reloadRoutes();
    void checkQueueRequest();
    void stopDelivery();
    void pollForChanges();
    void housekeeping();
    void applySettings(const Settings &settings);
    void applyServiceSettings();
    void reloadDirectory();
    void reloadAddressLists();
    void reloadFilterLists();
    void dropExpiredBans();
    void applyAutoBan(const AutoBanDecision &decision);
    void checkTlsReloadRequest();
    void reportActivity();
    void dispatch(const QString &service, qintptr descriptor);
    void logListeners(const QList<ListenerState> &before, const QList<ListenerState> &after);
    void finishStop();

    EngineOptions m_options;
    std::unique_ptr<Storage> m_storage;
    Settings m_settings;
    qint64 m_generation = -1;
    qint64 m_tlsReloadRequests = 0;
    ListenerSet *m_listeners = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_housekeepingTimer = nullptr;
    bool m_stopping = false;
    bool m_stopped = false;
    // What counts as loopback for auth.plaintext, fixed at start (see PlaintextAuthPolicy).
    QList<CidrRange> m_loopbackRanges;

    // Declared in dependency order: members are destroyed in reverse, so the worker pool (whose
    // sessions use everything above it) goes first.
    std::unique_ptr<EngineCounters> m_counters;   // the sessions count into it
    EngineCounts m_reportedCounts;
    QList<EngineWarning> m_reportedWarnings;
    bool m_reportedCertificate = false;
    std::unique_ptr<TlsContextProvider> m_tlsProvider;
    std::unique_ptr<TlsReloader> m_tlsReloader;
    std::unique_ptr<MailboxUsage> m_usage;
    std::unique_ptr<MaildirStore> m_store;
    std::unique_ptr<OutboundMessageStore> m_outbound;   // wraps m_store for the SMTP sessions
    QueueObserver *m_queueObserver = nullptr;
    std::unique_ptr<DatabaseUrl> m_databaseUrl;
    std::unique_ptr<OutboundService> m_delivery;
    qint64 m_queueRequests = 0;
    std::unique_ptr<LocalRecipientDirectory> m_directory;
    std::unique_ptr<PasswordVerifier> m_verifier;
    std::unique_ptr<InMemoryAuthFailureRecorder> m_authFailures;   // SMTP and POP3 together
    std::unique_ptr<AutoBanMonitor> m_autoBan;                     // the sessions write m_authFailures through it
    std::unique_ptr<CredentialsTable> m_smtpCredentials;           // accounts (if allowed) and SMTP-only logins
    std::unique_ptr<AccountAuthenticator> m_smtpAuth;
    std::unique_ptr<ThreadResolvers> m_resolvers;                  // DNS for each worker thread
    std::unique_ptr<SmtpSessionFactory> m_smtpFactory;
    std::unique_ptr<ConnectionLimits> m_smtpLimits;
    std::unique_ptr<CredentialsTable> m_credentials;               // accounts, for POP3
    std::unique_ptr<AccountAuthenticator> m_pop3Auth;
    std::unique_ptr<InMemoryLoginRecorder> m_logins;
    std::unique_ptr<AccountSendCounter> m_sendCounter;
    std::unique_ptr<Pop3SessionFactory> m_pop3Factory;
    std::unique_ptr<ConnectionLimits> m_pop3Limits;
    std::unique_ptr<AddressListHolder> m_addressLists;            // Banned and Trusted IP Addresses
    std::unique_ptr<FilterListHolder> m_filterLists;              // Filters and Attachment Filters
    std::unique_ptr<BanGate> m_banGate;
    std::unique_ptr<WorkerPool> m_pool;
};
