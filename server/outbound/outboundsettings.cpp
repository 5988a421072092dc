#include "outboundsettings.h"

#include "settings.h"

OutboundSettings OutboundSettings::fromSettings(const Settings &settings)
{
    OutboundSettings result;
    result.maxPerDomain = int(settings.integer(QStringLiteral("outbound.max_per_domain")));
    result.maxConnections = int(settings.integer(QStringLiteral("outbound.max_connections")));
    if (const std::optional<RetrySchedule> schedule = RetrySchedule::parse(settings.text(QStringLiteral("outbound.retry_schedule"))))
        result.retrySchedule = *schedule;
    result.maxAgeSeconds = settings.integer(QStringLiteral("outbound.max_age_hours")) * 3600;
    result.delayNoticeSeconds = settings.integer(QStringLiteral("outbound.delay_notice_hours")) * 3600;
    result.heloName = settings.text(QStringLiteral("server.hostname"));
    result.caFile = settings.text(QStringLiteral("outbound.ca_file"));
    result.timeoutScale = double(settings.integer(QStringLiteral("outbound.timeout_scale_percent"))) / 100.0;
    result.connectTimeoutMs = int(settings.integer(QStringLiteral("outbound.connect_timeout_s")) * 1000);
    return result;
}
