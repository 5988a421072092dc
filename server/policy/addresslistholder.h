#pragma once

#include "addresslists.h"

#include <QMutex>

// The engine's AddressLists: holds the snapshot in force and replaces it whole, so readers on
// other threads see either the old lists or the new ones, never a mix.
class AddressListHolder final : public AddressLists
{
public:
    AddressListHolder();

    [[nodiscard]] std::shared_ptr<const AddressListSnapshot> current() const override;
    void replace(AddressListSnapshot snapshot);
    // Swaps in the lists without the bans expired at `now`; returns whether any was dropped.
    bool dropExpired(const QDateTime &now);

private:
    mutable QMutex m_mutex;
    std::shared_ptr<const AddressListSnapshot> m_current;
};
