#pragma once

#include <memory>
#include <unordered_map>

#include <QObject>
#include <QStringList>

#include "resolver.h"
#include "shareddnscache.h"

class QSocketNotifier;
class QTimer;
class Settings;
struct ares_channeldata;

// Resolver on c-ares, driven by this thread's Qt event loop: a QSocketNotifier for each socket
// c-ares uses and a timer for its retransmissions. Each query also has its own deadline, so a
// lookup ends within timeoutMs whatever c-ares' retries would do. Answers are cached
// (SharedDnsCache, possibly shared with the resolvers of other threads).
class CAresResolver : public QObject, public Resolver
{
    Q_OBJECT

public:
    struct Options
    {
        QStringList servers;    // DnsServerList entries; empty = the system's (/etc/resolv.conf)
        int timeoutMs = 5000;
        qsizetype cacheEntries = DnsCache::DefaultMaxEntries;
        // Shared with other resolvers (one per worker thread); null: a cache of its own.
        std::shared_ptr<SharedDnsCache> cache;

        // dns.servers and dns.timeout_ms.
        [[nodiscard]] static Options fromSettings(const Settings &settings);
    };

    explicit CAresResolver(const Options &options, QObject *parent = nullptr);
    ~CAresResolver() override;

    // False when c-ares could not start or the servers were refused; lookups then fail with
    // ServerFailure and initError() says why.
    [[nodiscard]] bool isValid() const { return m_channel != nullptr; }
    [[nodiscard]] QString initError() const { return m_initError; }
    [[nodiscard]] qsizetype pendingQueries() const { return qsizetype(m_pending.size()); }
    [[nodiscard]] SharedDnsCache &cache() { return *m_cache; }

    void lookup(DnsQueryType type, const QString &name, QObject *context, Callback callback) override;

private:
    struct Pending;
    struct SocketNotifiers;

    static void socketStateCallback(void *data, int socket, int readable, int writable);
    static void queryCallback(void *arg, int status, int timeouts, unsigned char *answer, int length);

    void updateSocket(int socket, bool readable, bool writable);
    void process(int readSocket, int writeSocket);
    void rearmTimer();
    void finish(quint64 id, const DnsResult &result);
    void deliver(QObject *context, const Callback &callback, const DnsResult &result);

    ares_channeldata *m_channel = nullptr;
    QString m_initError;
    int m_timeoutMs;
    std::shared_ptr<SharedDnsCache> m_cache;
    QTimer *m_caresTimer = nullptr;
    std::unordered_map<int, std::unique_ptr<SocketNotifiers>> m_sockets;
    std::unordered_map<quint64, std::unique_ptr<Pending>> m_pending;
    quint64 m_nextId = 1;
    bool m_destroying = false;
};
