#pragma once

#include <QList>

#include "cidrrange.h"

class Settings;

// The autoban.* settings as one value, read once per settings change and handed to the rule.
struct AutoBanSettings
{
    bool enabled = true;
    int maxFailures = 10;
    int windowMinutes = 10;
    int banMinutes = 60;
    QList<CidrRange> never;   // never banned; empty when autoban.never is "none"

    [[nodiscard]] static AutoBanSettings fromSettings(const Settings &settings);
};
