#include "engine.h"

#include <unistd.h>

#include <QTimer>

#include "accountauthenticator.h"
#include "accountsendcounter.h"
#include "addresslistholder.h"
#include "autobandecision.h"
#include "autobanmonitor.h"
#include "autobansettings.h"
#include "autobanwriter.h"
#include "bangate.h"
#include "filterlistholder.h"
#include "adminservice.h"
#include "connectionlimits.h"
#include "credentialstable.h"
#include "inmemoryauthfailurerecorder.h"
#include "inmemoryloginrecorder.h"
#include "maildirmaildrop.h"
#include "passwordverifier.h"
#include "plaintextauthpolicy.h"
#include "pop3sessionfactory.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "directorysnapshot.h"
#include "enginecounters.h"
#include "enginewarnings.h"
#include "listenerset.h"
#include "localrecipientdirectory.h"
#include "log.h"
#include "loghub.h"
#include "mailboxusage.h"
#include "maildircleaner.h"
#include "maildirstore.h"
#include "outboundmessagestore.h"
#include "outboundservice.h"
#include "queuedirectory.h"
#include "queuerecovery.h"
#include "queuestorage.h"
#include "queuestorageopen.h"
#include "smtpsessionfactory.h"
#include "sqlstorage.h"
#include "storageerror.h"
#include "threadresolvers.h"
#include "tlscontextprovider.h"
#include "tlsreloader.h"
#include "tlssupport.h"
#include "workerpool.h"

namespace {
const QString kComponent = QStringLiteral("engine");
const QString kNoSession = QStringLiteral("-");
}

Engine::Engine(EngineOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
}

Engine::~Engine()
{
    // First: the delivery thread uses the resolvers, the directory and the queue store, which are
    // members destroyed before m_delivery would be.
    stopDelivery();
}

void Engine::setQueueObserver(QueueObserver *observer)
{
    m_queueObserver = observer;
    if (m_outbound)
        m_outbound->setObserver(observer);
}

void Engine::startQueue(const DatabaseUrl &url, const QueueDirectory &queue)
{
    QString error;
    if (!queue.ensureExists(&error))
        throw StorageError(StorageError::Kind::Unavailable, QStringLiteral("cannot create the queue directory: %1").arg(error));
    // Files and rows must agree before anything is delivered or accepted.
    {
        const std::unique_ptr<QueueStorage> storage = openQueueStorage(url);
        (void)QueueRecovery::run(queue, *storage);
    }
    // Each SMTP worker thread opens its own connection on its first queued message.
    m_outbound = std::make_unique<OutboundMessageStore>(*m_store, queue, [url] { return openQueueStorage(url); });
    m_outbound->setObserver(m_queueObserver);
}

void Engine::start()
{
    const DataDirectory dataDir(m_options.dataDirectory);
    try {
        const DatabaseUrl url = m_options.databaseUrl.isEmpty() ? DatabaseUrl::sqliteFile(dataDir.databaseFile())
                                                                : DatabaseUrl::parse(m_options.databaseUrl);
        m_storage = std::make_unique<SqlStorage>(url);
        m_databaseUrl = std::make_unique<DatabaseUrl>(url);
        m_generation = m_storage->generation();
        m_tlsReloadRequests = m_storage->requestCount(QLatin1String(AdminService::kTlsReloadRequest));
        QStringList problems;
        m_settings = Settings::fromStored(m_storage->settings(), &problems);
        for (const QString &problem : problems)
            Log::warning(kComponent, kNoSession, problem);
        if (LogHub *hub = Log::hub())
            hub->setRetentionDays(int(m_settings.integer(QStringLiteral("log.retention_days"))));
        Log::info(kComponent, kNoSession, QStringLiteral("database %1").arg(url.redacted()));

        const MaildirLayout layout(dataDir.mailDirectory());
        const int stale = MaildirCleaner::removeStaleTmpFiles(layout.root());
        if (stale > 0)
            Log::info(kComponent, kNoSession, QStringLiteral("removed %1 unfinished message files from tmp/ folders").arg(stale));
        m_usage = std::make_unique<MailboxUsage>();
        m_store = std::make_unique<MaildirStore>(layout);
        startQueue(url, QueueDirectory(dataDir.queueDirectory()));
        m_directory = std::make_unique<LocalRecipientDirectory>(layout, *m_usage);
        m_credentials = std::make_unique<CredentialsTable>();
        m_smtpCredentials = std::make_unique<CredentialsTable>();
        m_addressLists = std::make_unique<AddressListHolder>();
        m_filterLists = std::make_unique<FilterListHolder>();
        reloadDirectory();
        reloadAddressLists();
        reloadFilterLists();
    } catch (const StorageError &error) {
        Q_EMIT startFailed(error.message());
        return;
    }
    // Makes the self-signed pair on the first start. A pair that does not load is logged and
    // leaves TLS off rather than the whole server down: plain SMTP still takes mail.
    m_tlsProvider = std::make_unique<TlsContextProvider>();
    m_tlsReloader = std::make_unique<TlsReloader>(*m_tlsProvider, dataDir.path());
    m_tlsReloader->apply(m_settings);

    QString override;
    m_loopbackRanges = PlaintextAuthPolicy::loopbackRangesFromEnvironment(&override);
    if (!override.isEmpty())
        Log::warning(kComponent, kNoSession, override);

    const qint64 fileLimit = WorkerPool::raiseFileDescriptorLimit();
    m_counters = std::make_unique<EngineCounters>();
    m_verifier = std::make_unique<PasswordVerifier>();
    m_authFailures = std::make_unique<InMemoryAuthFailureRecorder>();
    m_autoBan = std::make_unique<AutoBanMonitor>(*m_authFailures);
    // Sessions report from worker threads; the ban is written here, on the engine's connection.
    qRegisterMetaType<AutoBanDecision>();
    connect(m_autoBan.get(), &AutoBanMonitor::banDecided, this, &Engine::applyAutoBan, Qt::QueuedConnection);
    m_smtpAuth = std::make_unique<AccountAuthenticator>(*m_verifier, m_smtpCredentials->lookupFunction());
    m_smtpFactory = std::make_unique<SmtpSessionFactory>(*m_directory, *m_outbound, *m_smtpAuth, *m_autoBan);
    m_smtpFactory->setAddressLists(m_addressLists.get());
    m_smtpFactory->setFilterLists(m_filterLists.get());
    m_resolvers = std::make_unique<ThreadResolvers>(CAresResolver::Options::fromSettings(m_settings));
    m_smtpFactory->setResolvers(m_resolvers.get());
    m_smtpFactory->setCounters(m_counters.get());
    m_smtpLimits = std::make_unique<ConnectionLimits>(1000, 20);
    m_pop3Auth = std::make_unique<AccountAuthenticator>(*m_verifier, m_credentials->lookupFunction());
    m_logins = std::make_unique<InMemoryLoginRecorder>();
    m_smtpFactory->setLoginRecorder(m_logins.get());   // SMTP after POP reads the POP3 logins
    m_sendCounter = std::make_unique<AccountSendCounter>();
    m_smtpFactory->setSendCounter(m_sendCounter.get());
    m_pop3Factory = std::make_unique<Pop3SessionFactory>(*m_pop3Auth, MaildirMaildrop::opener(m_store->layout()), *m_logins,
                                                         *m_autoBan);
    m_pop3Limits = std::make_unique<ConnectionLimits>(1000, 20);
    m_pool = std::make_unique<WorkerPool>(int(m_settings.integer(QStringLiteral("server.worker_threads"))), *m_smtpLimits);
    m_banGate = std::make_unique<BanGate>(*m_addressLists);
    m_banGate->setCounters(m_counters.get());
    m_pool->setBanGate(m_banGate.get());
    connect(m_pool.get(), &WorkerPool::idle, this, &Engine::finishStop);
    applyServiceSettings();
    startDelivery();
    Log::info(kComponent, kNoSession, QStringLiteral("%1 worker threads, up to %2 open files")
                                          .arg(m_pool->workerCount()).arg(fileLimit));

    m_listeners = new ListenerSet(this);
    connect(m_listeners, &ListenerSet::connectionPending, this, &Engine::dispatch);

    const QList<ListenerState> states = m_listeners->reconcile(ListenerSet::desired(m_settings, m_options.ephemeralPorts));
    for (const ListenerState &state : states) {
        if (state.status == ListenerState::Status::Failed) {
            m_listeners->closeAll();
            Q_EMIT startFailed(state.error);
            return;
        }
    }
    logListeners({}, states);

    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(m_options.changePollMs);
    connect(m_pollTimer, &QTimer::timeout, this, &Engine::pollForChanges);
    m_pollTimer->start();
    m_housekeepingTimer = new QTimer(this);
    m_housekeepingTimer->setInterval(m_options.housekeepingMs);
    connect(m_housekeepingTimer, &QTimer::timeout, this, &Engine::housekeeping);
    m_housekeepingTimer->start();
    Q_EMIT started(states);
    reportActivity();
}

void Engine::housekeeping()
{
    if (m_stopping || !m_storage)
        return;
    m_tlsReloader->poll();   // certificate files replaced on disk, and expiry warnings
    dropExpiredBans();
    reportActivity();
}

void Engine::pollForChanges()
{
    if (m_stopping || !m_storage)
        return;
    try {
        const qint64 generation = m_storage->generation();
        if (generation == m_generation)
            return;
        m_generation = generation;
        // Settings first: which logins SMTP accepts depends on one of them.
        applySettings(Settings::fromStored(m_storage->settings()));
        reloadDirectory();
        reloadAddressLists();
        reloadFilterLists();
        checkTlsReloadRequest();
        reloadRoutes();
        checkQueueRequest();
        Q_EMIT changesApplied();
    } catch (const StorageError &error) {
        // A busy or briefly unreachable database must not stop the mail service; try again next tick.
        Log::warning(kComponent, kNoSession, QStringLiteral("checking for configuration changes failed: %1").arg(error.message()));
    }
}

void Engine::applySettings(const Settings &settings)
{
    const QStringList changed = settings.changedKeys(m_settings);
    if (changed.isEmpty())
        return;   // accounts or aliases changed; sessions read those from storage when needed
    m_settings = settings;
    Log::info(kComponent, kNoSession, QStringLiteral("configuration changed: %1").arg(changed.join(QStringLiteral(", "))));

    applyServiceSettings();
    m_tlsReloader->apply(settings);
    if (LogHub *hub = Log::hub())
        hub->setRetentionDays(int(settings.integer(QStringLiteral("log.retention_days"))));
    const QList<ListenerState> before = m_listeners->states();
    const QList<ListenerState> after = m_listeners->reconcile(ListenerSet::desired(settings, m_options.ephemeralPorts));
    if (before != after) {
        logListeners(before, after);
        Q_EMIT listenersChanged(after);
    }
    if (m_delivery)
        m_delivery->applySettings(settings);
    Q_EMIT settingsChanged(settings, changed);
}

void Engine::reloadDirectory()
{
    m_directory->setSnapshot(DirectorySnapshot::load(*m_storage));
    CredentialsTable::Map accounts;
    for (const AccountRecord &account : m_storage->accounts())
        accounts.insert(account.address, {account.passwordHash, account.enabled});
    // SMTP-only logins have no '@' and accounts always do, so the two never share a key.
    CredentialsTable::Map smtp = m_settings.boolean(QStringLiteral("smtp.auth_use_pop3_accounts")) ? accounts
                                                                                                  : CredentialsTable::Map();
    for (const SmtpLoginRecord &login : m_storage->smtpLogins())
        smtp.insert(login.name, {login.passwordHash, true});
    m_credentials->replace(std::move(accounts));
    m_smtpCredentials->replace(std::move(smtp));
}

void Engine::reloadAddressLists()
{
    QStringList problems;
    m_addressLists->replace(AddressListSnapshot::fromRecords(m_storage->bans(), m_storage->trusts(),
                                                             QDateTime::currentDateTimeUtc(), &problems));
    for (const QString &problem : problems)
        Log::warning(kComponent, kNoSession, problem);
}

void Engine::reloadFilterLists()
{
    QStringList problems;
    m_filterLists->replace(FilterListSnapshot::fromRecords(m_storage->contentFilters(), m_storage->attachmentFilters(),
                                                           &problems));
    for (const QString &problem : problems)
        Log::warning(kComponent, kNoSession, problem);
}

void Engine::dropExpiredBans()
{
    // Between changes the lists only change by a ban running out; the gate checks expiry on
    // every connection anyway, this keeps the snapshot from carrying dead entries.
    if (m_addressLists && m_addressLists->dropExpired(QDateTime::currentDateTimeUtc()))
        Log::info(kComponent, kNoSession, QStringLiteral("a ban expired; banned address list updated"));
}

void Engine::applyAutoBan(const AutoBanDecision &decision)
{
    if (m_stopping || !m_storage)
        return;
    try {
        // Reloaded at once rather than on the next tick, so the very next connection is refused.
        if (AutoBanWriter::write(*m_storage, *m_addressLists->current(), decision, QDateTime::currentDateTimeUtc())) {
            m_counters->banned();
            reloadAddressLists();
        }
    } catch (const StorageError &error) {
        Log::error(kComponent, kNoSession,
                   QStringLiteral("auto-ban of %1 not saved: %2").arg(decision.client.toString(), error.message()));
    }
}

void Engine::reportActivity()
{
    if (!m_counters || !m_listeners)
        return;
    const EngineCounts counts = m_counters->snapshot(m_smtpLimits->total() + m_pop3Limits->total());
    EngineWarningFacts facts;
    const TlsContext tls = m_tlsProvider->current();
    facts.certificateLoaded = !tls.isNull();
    if (facts.certificateLoaded) {
        facts.certificateSelfSigned = tls.certificate().isSelfIssued();
        facts.certificateDaysLeft = tls.certificate().daysLeft(QDateTime::currentDateTimeUtc());
    }
    facts.blankSenderAccepted = m_settings.boolean(QStringLiteral("verify.assume_blank_from_valid"));
    facts.listeners = m_listeners->states();
    facts.senderDomainChecked = m_settings.boolean(QStringLiteral("verify.sender_domain"));
    facts.lastDnsLookupFailed = m_counters->dnsFailing();
    const QList<EngineWarning> warnings = EngineWarnings::compute(facts);
    if (counts == m_reportedCounts && warnings == m_reportedWarnings && facts.certificateLoaded == m_reportedCertificate)
        return;
    m_reportedCounts = counts;
    m_reportedWarnings = warnings;
    m_reportedCertificate = facts.certificateLoaded;
    Q_EMIT activityChanged(counts, warnings, facts.certificateLoaded);
}

void Engine::checkTlsReloadRequest()
{
    const qint64 requests = m_storage->requestCount(QLatin1String(AdminService::kTlsReloadRequest));
    if (requests == m_tlsReloadRequests)
        return;
    m_tlsReloadRequests = requests;
    m_tlsReloader->reload(QStringLiteral("postern tls reload"));
}

void Engine::applyServiceSettings()
{
    m_directory->setHostName(m_settings.text(QStringLiteral("server.hostname")));
    m_smtpFactory->applySettings(m_settings, m_loopbackRanges);
    m_autoBan->setSettings(AutoBanSettings::fromSettings(m_settings));
    m_resolvers->setOptions(CAresResolver::Options::fromSettings(m_settings));   // dns.servers, dns.timeout_ms
    Pop3SessionConfig pop3 = Pop3SessionFactory::configFrom(m_settings, m_loopbackRanges);
    pop3.counters = m_counters.get();
    m_pop3Factory->setConfig(pop3);
    m_smtpLimits->setLimits(int(m_settings.integer(QStringLiteral("smtp.max_connections"))),
                            int(m_settings.integer(QStringLiteral("smtp.max_connections_per_ip"))));
    m_pop3Limits->setLimits(int(m_settings.integer(QStringLiteral("pop3.max_connections"))),
                            int(m_settings.integer(QStringLiteral("pop3.max_connections_per_ip"))));
}

void Engine::dispatch(const QString &service, qintptr descriptor)
{
    // smtps and pop3s are SMTP and POP3 that start with the TLS handshake; the others may
    // start TLS later on the session's request (STARTTLS, STLS).
    TlsSupport tls;
    tls.provider = m_tlsProvider.get();
    tls.implicit = service == QStringLiteral("smtps") || service == QStringLiteral("pop3s");
    if (service == QStringLiteral("smtp") || service == QStringLiteral("submission") || service == QStringLiteral("smtps")) {
        m_pool->dispatch(descriptor, service, m_smtpFactory.get(), *m_smtpLimits, tls);
    } else if (service == QStringLiteral("pop3") || service == QStringLiteral("pop3s")) {
        m_pool->dispatch(descriptor, service, m_pop3Factory.get(), *m_pop3Limits, tls);
    } else {
        Log::warning(kComponent, kNoSession, QStringLiteral("connection to unknown service %1 closed").arg(service));
        ::close(int(descriptor));
    }
}

void Engine::logListeners(const QList<ListenerState> &before, const QList<ListenerState> &after)
{
    for (const ListenerState &state : before) {
        if (!after.contains(state) && state.status == ListenerState::Status::Listening)
            Log::info(kComponent, kNoSession, QStringLiteral("stopped listening %1 %2").arg(state.service, state.endpoint()));
    }
    for (const ListenerState &state : after) {
        if (before.contains(state))
            continue;
        if (state.status == ListenerState::Status::Listening)
            Log::info(kComponent, kNoSession, QStringLiteral("listening %1 %2").arg(state.service, state.endpoint()));
        else
            Log::error(kComponent, kNoSession, QStringLiteral("%1: %2").arg(state.service, state.error));
    }
}

void Engine::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_pollTimer)
        m_pollTimer->stop();
    if (m_housekeepingTimer)
        m_housekeepingTimer->stop();
    if (m_listeners)
        m_listeners->closeAll();
    Log::info(kComponent, kNoSession, QStringLiteral("stopping: no new connections accepted"));
    if (!m_pool) {
        finishStop();
        return;
    }
    // Sessions in flight get the grace period to finish; the pool aborts what is left after it.
    m_pool->shutdown(m_options.shutdownGraceMs);
}

void Engine::finishStop()
{
    if (!m_stopping || m_stopped)
        return;
    m_stopped = true;
    m_pool.reset();      // joins the worker threads; every session is gone by now
    stopDelivery();      // after the sessions: none can queue a message any more
    m_storage.reset();   // closes the database connection in the thread that opened it
    Log::info(kComponent, kNoSession, QStringLiteral("stopped"));
    Q_EMIT stopped();
}
