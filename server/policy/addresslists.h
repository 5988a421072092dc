#pragma once

#include "addresslistsnapshot.h"

#include <memory>

// Where sessions and the acceptor read the current Banned and Trusted lists. Thread-safe: the
// engine swaps the snapshot while every worker reads it. Tests pass a fake.
class AddressLists
{
public:
    virtual ~AddressLists() = default;

    // Never null; each caller keeps the snapshot it got for as long as it needs it.
    [[nodiscard]] virtual std::shared_ptr<const AddressListSnapshot> current() const = 0;
};
