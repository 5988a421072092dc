#include "caresresolver.h"

#include <algorithm>
#include <mutex>

#include <ares.h>

#include <QPointer>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include "caresanswer.h"
#include "dnsserverlist.h"
#include "settings.h"

struct CAresResolver::Pending
{
    QPointer<QObject> context;
    Callback callback;
    QTimer *deadline = nullptr;
};

struct CAresResolver::SocketNotifiers
{
    std::unique_ptr<QSocketNotifier> read;
    std::unique_ptr<QSocketNotifier> write;
};

namespace {

// What c-ares hands back to queryCallback: the resolver and the query, kept here too so that an
// answer arriving after our deadline can still be cached. Freed by the callback, which c-ares
// calls exactly once per query (with ARES_EDESTRUCTION at the latest).
struct QueryTag
{
    CAresResolver *resolver;
    quint64 id;
    DnsQueryType type;
    QString name;
};

int dnsType(DnsQueryType type)
{
    switch (type) {
    case DnsQueryType::Mx: return 15;
    case DnsQueryType::A: return 1;
    case DnsQueryType::Aaaa: return 28;
    case DnsQueryType::Ptr: return 12;
    }
    return 1;
}

// Releases a notifier safely even from inside its own activated() signal.
void retire(std::unique_ptr<QSocketNotifier> &notifier)
{
    if (!notifier)
        return;
    notifier->setEnabled(false);
    notifier.release()->deleteLater();
}

}

CAresResolver::Options CAresResolver::Options::fromSettings(const Settings &settings)
{
    Options options;
    options.servers = settings.list(QStringLiteral("dns.servers"));
    options.timeoutMs = int(settings.integer(QStringLiteral("dns.timeout_ms")));
    return options;
}

CAresResolver::CAresResolver(const Options &options, QObject *parent)
    : QObject(parent), m_timeoutMs(std::max(1, options.timeoutMs)),
      m_cache(options.cache ? options.cache : std::make_shared<SharedDnsCache>(options.cacheEntries)),
      m_caresTimer(new QTimer(this))
{
    static std::once_flag libraryInit;
    std::call_once(libraryInit, [] { ares_library_init(ARES_LIB_INIT_ALL); });
    m_caresTimer->setSingleShot(true);
    connect(m_caresTimer, &QTimer::timeout, this, [this] { process(ARES_SOCKET_BAD, ARES_SOCKET_BAD); });

    ares_options caresOptions {};
    caresOptions.sock_state_cb = &CAresResolver::socketStateCallback;
    caresOptions.sock_state_cb_data = this;
    // c-ares retries within our deadline: a few tries, each a fraction of it.
    caresOptions.tries = 3;
    caresOptions.timeout = std::max(100, m_timeoutMs / 3);
    const int mask = ARES_OPT_SOCK_STATE_CB | ARES_OPT_TRIES | ARES_OPT_TIMEOUTMS;
    ares_channel channel = nullptr;
    int status = ares_init_options(&channel, &caresOptions, mask);
    if (status != ARES_SUCCESS) {
        m_initError = QStringLiteral("c-ares: %1").arg(QString::fromLatin1(ares_strerror(status)));
        return;
    }
    if (!options.servers.isEmpty()) {
        QString why;
        const std::optional<QStringList> servers = DnsServerList::parse(options.servers.join(QLatin1Char(',')), &why);
        status = servers ? ares_set_servers_ports_csv(channel, DnsServerList::toCaresCsv(*servers).toLatin1().constData())
                         : ARES_EBADSTR;
        if (status != ARES_SUCCESS) {
            m_initError = servers ? QStringLiteral("dns.servers: %1").arg(QString::fromLatin1(ares_strerror(status)))
                                  : QStringLiteral("dns.servers: %1").arg(why);
            ares_destroy(channel);
            return;
        }
    }
    m_channel = channel;
}

CAresResolver::~CAresResolver()
{
    m_destroying = true;
    if (m_channel)
        ares_destroy(m_channel); // calls every queryCallback with ARES_EDESTRUCTION; nothing is delivered
    m_pending.clear();
    m_sockets.clear();
}

void CAresResolver::lookup(DnsQueryType type, const QString &name, QObject *context, Callback callback)
{
    // c-ares' channel and our notifiers belong to this thread; other threads post to it.
    Q_ASSERT(QThread::currentThread() == thread());
    if (!context)
        context = this;
    QString ace = type == DnsQueryType::Ptr ? name.toLower() : QString::fromLatin1(QUrl::toAce(name)).toLower();
    if (ace.endsWith(QLatin1Char('.')))
        ace.chop(1);
    DnsResult failed;
    failed.type = type;
    failed.name = ace.isEmpty() ? name : ace;
    if (ace.isEmpty() || ace.size() > 253) {
        failed.status = DnsStatus::NxDomain;
        failed.error = QStringLiteral("not a valid domain name");
        deliver(context, callback, failed);
        return;
    }
    if (std::optional<DnsResult> cached = m_cache->find(type, ace)) {
        deliver(context, callback, *cached);
        return;
    }
    if (!m_channel) {
        failed.status = DnsStatus::ServerFailure;
        failed.error = m_initError;
        deliver(context, callback, failed);
        return;
    }

    const quint64 id = m_nextId++;
    auto pending = std::make_unique<Pending>();
    pending->context = context;
    pending->callback = std::move(callback);
    pending->deadline = new QTimer(this);
    pending->deadline->setSingleShot(true);
    connect(pending->deadline, &QTimer::timeout, this, [this, id, type, ace] {
        DnsResult result;
        result.type = type;
        result.name = ace;
        result.status = DnsStatus::Timeout;
        result.error = QStringLiteral("no answer within %1 ms").arg(m_timeoutMs);
        finish(id, result);
    });
    pending->deadline->start(m_timeoutMs);
    m_pending.emplace(id, std::move(pending));

    ares_query(m_channel, ace.toLatin1().constData(), 1 /* IN */, dnsType(type), &CAresResolver::queryCallback,
               new QueryTag{this, id, type, ace});
    rearmTimer();
}

void CAresResolver::socketStateCallback(void *data, int socket, int readable, int writable)
{
    static_cast<CAresResolver *>(data)->updateSocket(socket, readable != 0, writable != 0);
}

void CAresResolver::queryCallback(void *arg, int status, int /*timeouts*/, unsigned char *answer, int length)
{
    const std::unique_ptr<QueryTag> tag(static_cast<QueryTag *>(arg));
    CAresResolver *self = tag->resolver;
    if (self->m_destroying || status == ARES_EDESTRUCTION || status == ARES_ECANCELLED)
        return;
    const DnsResult result = CaresAnswer::parse(tag->type, tag->name, status, answer, length);
    self->m_cache->insert(result); // even when late: the next lookup gains
    self->finish(tag->id, result); // nothing when our deadline already answered
}

void CAresResolver::updateSocket(int socket, bool readable, bool writable)
{
    auto &entry = m_sockets[socket];
    if (!entry)
        entry = std::make_unique<SocketNotifiers>();
    const auto arm = [this, socket](std::unique_ptr<QSocketNotifier> &notifier, QSocketNotifier::Type kind, bool wanted) {
        if (!wanted) {
            retire(notifier);
            return;
        }
        if (notifier)
            return;
        notifier = std::make_unique<QSocketNotifier>(socket, kind);
        connect(notifier.get(), &QSocketNotifier::activated, this, [this, socket, kind] {
            if (kind == QSocketNotifier::Read)
                process(socket, ARES_SOCKET_BAD);
            else
                process(ARES_SOCKET_BAD, socket);
        });
    };
    arm(entry->read, QSocketNotifier::Read, readable);
    arm(entry->write, QSocketNotifier::Write, writable);
    if (!readable && !writable)
        m_sockets.erase(socket);
}

void CAresResolver::process(int readSocket, int writeSocket)
{
    if (m_channel)
        ares_process_fd(m_channel, readSocket, writeSocket);
    rearmTimer();
}

void CAresResolver::rearmTimer()
{
    if (!m_channel)
        return;
    timeval limit {};
    const timeval *next = ares_timeout(m_channel, nullptr, &limit);
    if (!next) {
        m_caresTimer->stop();
        return;
    }
    const qint64 ms = qint64(next->tv_sec) * 1000 + (next->tv_usec + 999) / 1000;
    m_caresTimer->start(int(std::clamp<qint64>(ms, 0, m_timeoutMs)));
}

void CAresResolver::finish(quint64 id, const DnsResult &result)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    std::unique_ptr<Pending> pending = std::move(it->second);
    m_pending.erase(it);
    pending->deadline->stop();
    pending->deadline->deleteLater();
    if (pending->context)
        deliver(pending->context, pending->callback, result);
}

void CAresResolver::deliver(QObject *context, const Callback &callback, const DnsResult &result)
{
    // Always through the event loop: the caller never sees its callback run inside lookup(), and
    // c-ares is never re-entered from inside its own callback.
    QTimer::singleShot(0, context, [callback, result] { callback(result); });
}
