#pragma once

#include <memory>
#include <vector>

#include "resolver.h"
#include "threadresolvers.h"

// One thread's resolver for ThreadResolvers: a CAresResolver made from the shared options,
// replaced by a new one at the first lookup after the options changed. A replaced resolver is
// kept until its pending lookups have ended (each within its deadline), so a session waiting
// on it still gets its answer.
class ThreadResolver final : public Resolver
{
public:
    explicit ThreadResolver(std::shared_ptr<ThreadResolvers::Shared> shared);
    ~ThreadResolver() override;
    Q_DISABLE_COPY_MOVE(ThreadResolver)

    void lookup(DnsQueryType type, const QString &name, QObject *context, Callback callback) override;

private:
    CAresResolver &current();

    std::shared_ptr<ThreadResolvers::Shared> m_shared;
    std::unique_ptr<CAresResolver> m_resolver;
    quint64 m_generation = 0;
    std::vector<std::unique_ptr<CAresResolver>> m_retired;
};
