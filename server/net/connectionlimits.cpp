#include "connectionlimits.h"

#include <QMutexLocker>

ConnectionLimits::ConnectionLimits(int maxTotal, int maxPerAddress)
    : m_maxTotal(maxTotal), m_maxPerAddress(maxPerAddress)
{
}

void ConnectionLimits::setLimits(int maxTotal, int maxPerAddress)
{
    const QMutexLocker lock(&m_mutex);
    m_maxTotal = maxTotal;
    m_maxPerAddress = maxPerAddress;
}

QHostAddress ConnectionLimits::canonical(const QHostAddress &address)
{
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    if (isIPv4)
        return QHostAddress(ipv4);
    if (address.scopeId().isEmpty())
        return address;
    QHostAddress unscoped(address);
    unscoped.setScopeId(QString());
    return unscoped;
}

Admission ConnectionLimits::tryAdmit(const QHostAddress &address)
{
    const QHostAddress key = canonical(address);
    const QMutexLocker lock(&m_mutex);
    if (m_maxTotal > 0 && m_total >= m_maxTotal)
        return Admission::TooManyTotal;
    // Look up before inserting so a refused address leaves no zero entry behind.
    const auto found = m_perAddress.find(key);
    const int current = found == m_perAddress.end() ? 0 : found.value();
    if (m_maxPerAddress > 0 && current >= m_maxPerAddress)
        return Admission::TooManyFromAddress;
    if (found == m_perAddress.end())
        m_perAddress.insert(key, 1);
    else
        ++found.value();
    ++m_total;
    return Admission::Admitted;
}

void ConnectionLimits::release(const QHostAddress &address)
{
    const QHostAddress key = canonical(address);
    const QMutexLocker lock(&m_mutex);
    const auto found = m_perAddress.find(key);
    // A release without a matching admit is a caller bug; ignoring it keeps the counts from
    // going negative and letting more clients in than the limit allows.
    if (found == m_perAddress.end())
        return;
    if (--found.value() <= 0)
        m_perAddress.erase(found);
    if (m_total > 0)
        --m_total;
    // QHash keeps its bucket array after a burst; give it back once the burst has passed.
    if (m_perAddress.isEmpty() && m_perAddress.capacity() > 1024)
        m_perAddress.squeeze();
}

int ConnectionLimits::total() const
{
    const QMutexLocker lock(&m_mutex);
    return m_total;
}

int ConnectionLimits::fromAddress(const QHostAddress &address) const
{
    const QHostAddress key = canonical(address);
    const QMutexLocker lock(&m_mutex);
    return m_perAddress.value(key, 0);
}

int ConnectionLimits::maxTotal() const
{
    const QMutexLocker lock(&m_mutex);
    return m_maxTotal;
}

int ConnectionLimits::maxPerAddress() const
{
    const QMutexLocker lock(&m_mutex);
    return m_maxPerAddress;
}

int ConnectionLimits::addressCount() const
{
    const QMutexLocker lock(&m_mutex);
    return int(m_perAddress.size());
}
