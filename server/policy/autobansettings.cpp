#include "autobansettings.h"

#include "settings.h"

AutoBanSettings AutoBanSettings::fromSettings(const Settings &settings)
{
    AutoBanSettings result;
    result.enabled = settings.boolean(QStringLiteral("autoban.enabled"));
    result.maxFailures = int(settings.integer(QStringLiteral("autoban.max_failures")));
    result.windowMinutes = int(settings.integer(QStringLiteral("autoban.window_minutes")));
    result.banMinutes = int(settings.integer(QStringLiteral("autoban.ban_minutes")));
    const QString never = settings.text(QStringLiteral("autoban.never"));
    // Settings are validated when stored, so a parse failure here cannot happen; the empty list
    // it would give only means "no exemption", and "none" asks for exactly that.
    if (never != QStringLiteral("none"))
        result.never = CidrRange::parseList(never).value_or(QList<CidrRange>());
    return result;
}
