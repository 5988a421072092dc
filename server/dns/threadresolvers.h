#pragma once

#include <memory>

#include <QMutex>
#include <QThreadStorage>

#include "caresresolver.h"

class ThreadResolver;

// The DNS resolvers of the worker threads. A c-ares channel and its socket notifiers belong to
// one thread and sessions must never block or hop threads for an answer, so each thread that
// asks gets its own CAresResolver, made in that thread on first use and deleted when the thread
// finishes. All of them share one answer cache and take the same options (dns.servers,
// dns.timeout_ms); a change applies to each thread's next lookup. Outbound delivery can use
// forCurrentThread() the same way.
class ThreadResolvers
{
public:
    // What every thread's resolver reads: the options in force and a number that changes with them.
    class Shared
    {
    public:
        explicit Shared(CAresResolver::Options options);
        void setOptions(CAresResolver::Options options);
        // The options with the shared cache filled in, and their generation.
        [[nodiscard]] CAresResolver::Options options(quint64 *generation) const;
        [[nodiscard]] quint64 generation() const;
        [[nodiscard]] SharedDnsCache &cache() { return *m_cache; }

    private:
        mutable QMutex m_mutex;
        CAresResolver::Options m_options;
        quint64 m_generation = 1;
        std::shared_ptr<SharedDnsCache> m_cache;
    };

    explicit ThreadResolvers(CAresResolver::Options options);
    ~ThreadResolvers();
    Q_DISABLE_COPY_MOVE(ThreadResolvers)

    // Thread-safe. Servers or deadline that differ from the current ones start a new
    // generation; the cache is emptied, since the new servers may answer differently.
    void setOptions(const CAresResolver::Options &options);
    // The calling thread's resolver; valid until that thread finishes.
    [[nodiscard]] Resolver &forCurrentThread();
    [[nodiscard]] SharedDnsCache &cache() { return m_shared->cache(); }

private:
    std::shared_ptr<Shared> m_shared;
    QThreadStorage<ThreadResolver *> m_perThread;
};
