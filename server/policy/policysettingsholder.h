#pragma once

#include "policysettings.h"

#include <QMutex>

#include <memory>

// The PolicySettings in force. The engine replaces them whole when a setting changes; sessions on
// every worker thread take the current value at each command, so a change applies to the next
// command without a restart and no rule ever sees half of an update.
class PolicySettingsHolder
{
public:
    explicit PolicySettingsHolder(PolicySettings settings = {});

    // Never null; the caller keeps the value it got for as long as it needs it.
    [[nodiscard]] std::shared_ptr<const PolicySettings> current() const;
    void replace(const PolicySettings &settings);

private:
    mutable QMutex m_mutex;
    std::shared_ptr<const PolicySettings> m_current;
};
