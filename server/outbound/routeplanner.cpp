#include "routeplanner.h"

#include <algorithm>
#include <map>

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include "resolver.h"

namespace {

constexpr int kMaxHosts = 10;       // MX hosts tried per attempt
constexpr int kMaxAddresses = 20;   // addresses tried per attempt, all hosts together
constexpr quint16 kSmtpPort = 25;
constexpr quint16 kSubmissionsPort = 465;   // RFC 8314: implicit TLS

// A next hop before its addresses are known.
struct Candidate
{
    QString host;
    quint16 port = kSmtpPort;
    OutboundTls tls = OutboundTls::Opportunistic;
    QString authUser;
    QString authPassword;
    int preference = 0;
};

RoutePlan failure(RoutePlan::Status status, const QString &via, const QString &statusCode, const QString &error)
{
    RoutePlan plan;
    plan.status = status;
    plan.via = via;
    plan.statusCode = statusCode;
    plan.error = error;
    return plan;
}

RoutePlan temporaryDnsFailure(const QString &via, const QString &what, const DnsResult &result)
{
    const QString why = result.error.isEmpty() ? dnsStatusName(result.status) : result.error;
    return failure(RoutePlan::Status::TemporaryFailure, via, QStringLiteral("4.4.3"),
                   QStringLiteral("DNS lookup of %1 failed: %2").arg(what, why));
}

DeliveryTarget targetFor(const Candidate &candidate, const QHostAddress &address)
{
    DeliveryTarget target;
    target.host = candidate.host;
    target.address = address;
    target.port = candidate.port;
    target.tls = candidate.tls;
    target.implicitTls = candidate.port == kSubmissionsPort;
    target.authUser = candidate.authUser;
    target.authPassword = candidate.authPassword;
    target.preference = candidate.preference;
    return target;
}

// "192.0.2.1", "::1" or "[2001:db8::1]" as an address; null for a host name.
QHostAddress addressLiteral(const QString &host)
{
    QString text = host;
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')))
        text = text.mid(1, text.size() - 2);
    if (text.startsWith(QStringLiteral("IPv6:"), Qt::CaseInsensitive))
        text = text.mid(5);
    return QHostAddress(text);
}

// Runs `callback` later, in `context`'s thread, unless context dies first: the planner answers
// the same way whether or not it had to ask DNS.
void answerLater(QObject *context, const RoutePlanner::Callback &callback, RoutePlan plan)
{
    QTimer::singleShot(0, context, [callback, plan = std::move(plan)] { callback(plan); });
}

// Resolves candidates (AAAA and A of each, all at once) and answers with the targets in the
// candidates' order. Shared by the lookups' callbacks; gone with the last of them.
class AddressGathering : public std::enable_shared_from_this<AddressGathering>
{
public:
    AddressGathering(QList<Candidate> candidates, QString via, RoutePlanner::Callback callback)
        : m_candidates(std::move(candidates)), m_via(std::move(via)), m_callback(std::move(callback)),
          m_aaaa(m_candidates.size()), m_a(m_candidates.size())
    {
    }

    void start(Resolver &resolver, QObject *context)
    {
        m_pending = int(m_candidates.size()) * 2;
        for (qsizetype i = 0; i < m_candidates.size(); ++i) {
            resolver.lookupAaaa(m_candidates.at(i).host, context, [self = shared_from_this(), i](const DnsResult &result) {
                self->m_aaaa[i] = result;
                self->oneDone();
            });
            resolver.lookupA(m_candidates.at(i).host, context, [self = shared_from_this(), i](const DnsResult &result) {
                self->m_a[i] = result;
                self->oneDone();
            });
        }
    }

private:
    void oneDone()
    {
        if (--m_pending == 0)
            m_callback(result());
    }

    [[nodiscard]] RoutePlan result() const
    {
        RoutePlan plan;
        plan.via = m_via;
        bool anyTemporary = false;
        QString temporaryError;
        for (qsizetype i = 0; i < m_candidates.size(); ++i) {
            for (const DnsResult *answer : {&m_aaaa.at(i), &m_a.at(i)}) {
                if (answer->isTemporaryFailure()) {
                    anyTemporary = true;
                    temporaryError = answer->error.isEmpty() ? dnsStatusName(answer->status) : answer->error;
                }
                if (answer->status != DnsStatus::Found)
                    continue;
                for (const QHostAddress &address : answer->addresses) {
                    if (plan.targets.size() < kMaxAddresses)
                        plan.targets.append(targetFor(m_candidates.at(i), address));
                }
            }
        }
        if (!plan.targets.isEmpty()) {
            plan.status = RoutePlan::Status::Ready;
            return plan;
        }
        QStringList hosts;
        for (const Candidate &candidate : m_candidates)
            hosts << candidate.host;
        if (anyTemporary) {
            return failure(RoutePlan::Status::TemporaryFailure, m_via, QStringLiteral("4.4.3"),
                           QStringLiteral("no address found yet for %1: %2").arg(hosts.join(QStringLiteral(", ")), temporaryError));
        }
        return failure(RoutePlan::Status::PermanentFailure, m_via, QStringLiteral("5.4.4"),
                       QStringLiteral("no address for %1").arg(hosts.join(QStringLiteral(", "))));
    }

    QList<Candidate> m_candidates;
    QString m_via;
    RoutePlanner::Callback m_callback;
    QList<DnsResult> m_aaaa;
    QList<DnsResult> m_a;
    int m_pending = 0;
};

void gather(Resolver &resolver, QObject *context, QList<Candidate> candidates, const QString &via,
            RoutePlanner::Callback callback)
{
    std::make_shared<AddressGathering>(std::move(candidates), via, std::move(callback))->start(resolver, context);
}

Candidate candidateFor(const RoutingTable::Hop &hop)
{
    return Candidate{hop.host, hop.port, hop.tls, hop.authUser, hop.authPassword, 0};
}

// The MX hosts in the order to try: by preference, equal preferences shuffled, at most kMaxHosts.
QList<QString> orderedExchanges(const QList<MxRecord> &records, const RoutePlanner::Shuffle &shuffle,
                                QList<int> *preferences)
{
    std::map<quint16, QList<QString>> byPreference;
    for (const MxRecord &record : records) {
        QList<QString> &hosts = byPreference[record.preference];
        if (!record.exchange.isEmpty() && !hosts.contains(record.exchange))
            hosts.append(record.exchange);
    }
    QList<QString> ordered;
    for (auto &[preference, hosts] : byPreference) {
        if (hosts.size() > 1)
            shuffle(hosts);
        for (const QString &host : std::as_const(hosts)) {
            if (ordered.size() < kMaxHosts && !ordered.contains(host)) {
                ordered.append(host);
                preferences->append(preference);
            }
        }
    }
    return ordered;
}

}

QString DeliveryTarget::describe() const
{
    return QStringLiteral("%1[%2]:%3").arg(host, address.toString()).arg(port);
}

RoutePlanner::RoutePlanner(Resolver &resolver, Shuffle shuffle)
    : m_resolver(resolver), m_shuffle(std::move(shuffle))
{
    if (!m_shuffle) {
        m_shuffle = [](QList<QString> &hosts) { std::shuffle(hosts.begin(), hosts.end(), *QRandomGenerator::global()); };
    }
}

RoutePlanner::~RoutePlanner() = default;

void RoutePlanner::setTable(RoutingTable table)
{
    m_table = std::move(table);
}

void RoutePlanner::plan(const QString &domain, QObject *context, Callback callback)
{
    // A domain literal (RFC 5321 §4.1.3) names the host itself: no routes, no smart host, no MX.
    if (domain.startsWith(QLatin1Char('['))) {
        const QHostAddress address = addressLiteral(domain);
        if (address.isNull() || !domain.endsWith(QLatin1Char(']'))) {
            answerLater(context, callback, failure(RoutePlan::Status::PermanentFailure, QStringLiteral("address literal"),
                                                   QStringLiteral("5.1.2"),
                                                   QStringLiteral("%1 is not a valid address literal").arg(domain)));
            return;
        }
        RoutePlan plan;
        plan.status = RoutePlan::Status::Ready;
        plan.via = QStringLiteral("address literal");
        plan.targets = {targetFor(Candidate{domain, m_table.mxPort, m_table.mxTls, {}, {}, 0}, address)};
        answerLater(context, callback, std::move(plan));
        return;
    }

    std::optional<RoutingTable::Hop> hop;
    QString via;
    if (const auto route = m_table.routes.constFind(domain); route != m_table.routes.constEnd()) {
        hop = *route;
        via = QStringLiteral("route");
    } else if (m_table.smartHost) {
        hop = m_table.smartHost;
        via = QStringLiteral("smart host");
    }
    if (hop) {
        const QHostAddress address = addressLiteral(hop->host);
        if (!address.isNull()) {
            RoutePlan plan;
            plan.status = RoutePlan::Status::Ready;
            plan.via = via;
            plan.targets = {targetFor(candidateFor(*hop), address)};
            answerLater(context, callback, std::move(plan));
            return;
        }
        gather(m_resolver, context, {candidateFor(*hop)}, via, std::move(callback));
        return;
    }

    // The lookups outlive neither the context (the resolver drops their callbacks) nor need the
    // planner: everything they use is copied, so a new table or a deleted planner is harmless.
    Resolver *resolver = &m_resolver;
    const OutboundTls mxTls = m_table.mxTls;
    const quint16 mxPort = m_table.mxPort;
    m_resolver.lookupMx(domain, context, [resolver, context, domain, mxTls, mxPort, shuffle = m_shuffle,
                                          callback = std::move(callback)](const DnsResult &result) {
        const QString via = QStringLiteral("MX");
        switch (result.status) {
        case DnsStatus::NullMx:
            callback(failure(RoutePlan::Status::PermanentFailure, via, QStringLiteral("5.1.10"),
                             QStringLiteral("null MX: %1 accepts no mail").arg(domain)));
            return;
        case DnsStatus::NxDomain:
            callback(failure(RoutePlan::Status::PermanentFailure, via, QStringLiteral("5.1.2"),
                             QStringLiteral("%1: the domain does not exist").arg(domain)));
            return;
        case DnsStatus::ServerFailure:
        case DnsStatus::Timeout:
            callback(temporaryDnsFailure(via, QStringLiteral("the MX of %1").arg(domain), result));
            return;
        case DnsStatus::NoData:
            gather(*resolver, context, {Candidate{domain, mxPort, mxTls, {}, {}, 0}}, QStringLiteral("implicit MX"),
                   callback);
            return;
        case DnsStatus::Found:
            break;
        }
        QList<int> preferences;
        const QList<QString> hosts = orderedExchanges(result.mx, shuffle, &preferences);
        if (hosts.isEmpty()) {
            callback(failure(RoutePlan::Status::PermanentFailure, via, QStringLiteral("5.4.4"),
                             QStringLiteral("%1 has no usable MX host").arg(domain)));
            return;
        }
        QList<Candidate> candidates;
        for (qsizetype i = 0; i < hosts.size(); ++i)
            candidates.append(Candidate{hosts.at(i), mxPort, mxTls, {}, {}, preferences.at(i)});
        gather(*resolver, context, std::move(candidates), via, callback);
    });
}
