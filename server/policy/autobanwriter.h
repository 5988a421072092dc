#pragma once

#include <QDateTime>

class AddressListSnapshot;
class Storage;
struct AutoBanDecision;

// Turns an AutoBanDecision into an entry of the Banned Addresses list (source "auto", the reason
// as its comment) and logs it as a security decision. Runs on the thread that owns `storage`'s
// database connection (the engine thread).
class AutoBanWriter
{
public:
    // Whether a ban was written. A ban already in force that lasts at least as long, or one an
    // admin made, is left alone: an auto-ban never shortens or overwrites it. Throws StorageError.
    [[nodiscard]] static bool write(Storage &storage, const AddressListSnapshot &lists, const AutoBanDecision &decision,
                                    const QDateTime &now);
};
