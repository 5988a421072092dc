#include "outboundsettings.h"

#include "decimalhours.h"
#include "settings.h"

OutboundSettings OutboundSettings::fromSettings(const Settings &settings)
{
    OutboundSettings result;
    result.maxPerDomain = int(settings.integer(QStringLiteral("outbound.max_per_domain")));
    result.maxConnections = int(settings.integer(QStringLiteral("outbound.max_connections")));
    if (const std::optional<RetrySchedule> schedule = RetrySchedule::parse(settings.text(QStringLiteral("outbound.retry_schedule"))))
        result.retrySchedule = *schedule;
    // Decimal hours ("0.5"); the schema let only valid ones into the snapshot.
    const auto seconds = [&settings](const char *key) {
        return DecimalHours::toSeconds(DecimalHours::parse(settings.text(QLatin1String(key))).value_or(0));
    };
    result.maxAgeSeconds = seconds("outbound.max_age_hours");
    result.delayNoticeSeconds = seconds("outbound.delay_notice_hours");
    result.heloName = settings.text(QStringLiteral("server.hostname"));
    result.caFile = settings.text(QStringLiteral("outbound.ca_file"));
    result.timeoutScale = double(settings.integer(QStringLiteral("outbound.timeout_scale_percent"))) / 100.0;
    result.connectTimeoutMs = int(settings.integer(QStringLiteral("outbound.connect_timeout_s")) * 1000);
    return result;
}
