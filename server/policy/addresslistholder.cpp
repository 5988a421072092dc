#include "addresslistholder.h"

AddressListHolder::AddressListHolder()
    : m_current(std::make_shared<const AddressListSnapshot>())
{
}

std::shared_ptr<const AddressListSnapshot> AddressListHolder::current() const
{
    QMutexLocker lock(&m_mutex);
    return m_current;
}

void AddressListHolder::replace(AddressListSnapshot snapshot)
{
    auto next = std::make_shared<const AddressListSnapshot>(std::move(snapshot));
    QMutexLocker lock(&m_mutex);
    m_current = std::move(next);
}

bool AddressListHolder::dropExpired(const QDateTime &now)
{
    const std::shared_ptr<const AddressListSnapshot> snapshot = current();
    const std::optional<QDateTime> next = snapshot->nextExpiry();
    if (!next || *next > now)
        return false;
    replace(snapshot->withoutExpired(now));
    return true;
}
