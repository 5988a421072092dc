#include "bangate.h"

#include "addresslists.h"
#include "enginecounters.h"
#include "log.h"
#include "policydecision.h"

const QString BanGate::kRuleName = QStringLiteral("Banned Addresses");

BanGate::BanGate(const AddressLists &lists, std::function<QDateTime()> clock)
    : m_lists(lists), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    m_elapsed.start();
}

PolicyDecision BanGate::check(const QHostAddress &peer, const QString &service)
{
    const std::optional<AddressListSnapshot::Ban> ban = m_lists.current()->banFor(peer, m_clock());
    if (!ban)
        return PolicyDecision::accept();
    const PolicyDecision decision = PolicyDecision::drop(kRuleName, AddressListSnapshot::describe(*ban));
    if (m_counters)
        m_counters->refused();
    if (m_throttle.shouldLog(peer, m_elapsed.elapsed())) {
        QString line = decision.logLine(QStringLiteral("connection from %1 to %2").arg(peer.toString(), service));
        if (const qint64 suppressed = m_throttle.takeSuppressed(); suppressed > 0)
            line += QStringLiteral("; %1 more banned connections not logged since the last line").arg(suppressed);
        Log::info(QStringLiteral("policy"), QStringLiteral("-"), line);
    }
    return decision;
}
