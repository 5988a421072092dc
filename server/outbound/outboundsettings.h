#pragma once

#include "outboundtls.h"
#include "retryschedule.h"

#include <QString>

class Settings;

// The outbound.* settings the delivery agent works by, read once per change.
struct OutboundSettings
{
    int maxPerDomain = 5;
    int maxConnections = 50;
    RetrySchedule retrySchedule;
    qint64 maxAgeSeconds = 120 * 3600;
    qint64 delayNoticeSeconds = 4 * 3600;   // 0: never
    QString heloName;                        // server.hostname
    QString caFile;                          // empty: the system store, for "verify"
    double timeoutScale = 1.0;               // outbound.timeout_scale_percent / 100
    int connectTimeoutMs = 30000;

    [[nodiscard]] static OutboundSettings fromSettings(const Settings &settings);
    bool operator==(const OutboundSettings &other) const = default;
};
