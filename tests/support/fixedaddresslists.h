#pragma once

#include "addresslists.h"

// The Banned and Trusted lists a test hands to a session or a gate in place of the engine's
// holder: one snapshot, fixed.
class FixedAddressLists final : public AddressLists
{
public:
    explicit FixedAddressLists(AddressListSnapshot snapshot);
    // Trusted ranges only, nothing banned.
    explicit FixedAddressLists(const QList<TrustRecord> &trusts);

    [[nodiscard]] std::shared_ptr<const AddressListSnapshot> current() const override { return m_snapshot; }

private:
    std::shared_ptr<const AddressListSnapshot> m_snapshot;
};
