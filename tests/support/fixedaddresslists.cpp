#include "fixedaddresslists.h"

FixedAddressLists::FixedAddressLists(AddressListSnapshot snapshot)
    : m_snapshot(std::make_shared<const AddressListSnapshot>(std::move(snapshot)))
{
}

FixedAddressLists::FixedAddressLists(const QList<TrustRecord> &trusts)
    : FixedAddressLists(AddressListSnapshot::fromRecords({}, trusts, QDateTime::currentDateTimeUtc()))
{
}
