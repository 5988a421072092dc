#include "fakeresolver.h"

#include <QTimer>

namespace {

QString keyOf(DnsQueryType type, const QString &name)
{
    return dnsQueryTypeName(type) + QLatin1Char(' ') + name.toLower();
}

}

void FakeResolver::setAnswer(DnsQueryType type, const QString &name, DnsStatus status)
{
    DnsResult result;
    result.type = type;
    result.name = name.toLower();
    result.status = status;
    if (status == DnsStatus::Found) {
        switch (type) {
        case DnsQueryType::Mx: result.mx = {MxRecord{10, QStringLiteral("mx.") + result.name}}; break;
        case DnsQueryType::A: result.addresses = {QHostAddress(QStringLiteral("192.0.2.25"))}; break;
        case DnsQueryType::Aaaa: result.addresses = {QHostAddress(QStringLiteral("2001:db8::25"))}; break;
        case DnsQueryType::Ptr: result.hostNames = {QStringLiteral("host.example.net")}; break;
        }
        result.ttlSeconds = 300;
    }
    if (status == DnsStatus::Timeout || status == DnsStatus::ServerFailure)
        result.error = QStringLiteral("fake %1").arg(dnsStatusName(status));
    setAnswer(result);
}

void FakeResolver::setAnswer(const DnsResult &result)
{
    m_answers.insert(keyOf(result.type, result.name), result);
}

DnsResult FakeResolver::answerFor(DnsQueryType type, const QString &name) const
{
    if (const auto it = m_answers.constFind(keyOf(type, name)); it != m_answers.constEnd())
        return *it;
    DnsResult result;
    result.type = type;
    result.name = name.toLower();
    result.status = DnsStatus::NxDomain;
    return result;
}

void FakeResolver::lookup(DnsQueryType type, const QString &name, QObject *context, Callback callback)
{
    m_asked.append(keyOf(type, name));
    Held held{answerFor(type, name), context ? context : this, std::move(callback)};
    if (m_mode == Mode::Held)
        m_held.append(std::move(held));
    else
        deliver(held);
}

int FakeResolver::release()
{
    const QList<Held> held = std::exchange(m_held, {});
    for (const Held &one : held)
        deliver(one);
    return int(held.size());
}

void FakeResolver::deliver(const Held &held)
{
    if (!held.context)
        return;   // the asker is gone: like the real resolver, say nothing
    QTimer::singleShot(0, held.context, [callback = held.callback, result = held.result] { callback(result); });
}
