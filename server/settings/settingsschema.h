#pragma once

#include "settingspec.h"

#include <QList>
#include <QString>

// Every setting Postern knows, with validation. Later features add rows to the table in the .cpp.
class SettingsSchema
{
public:
    [[nodiscard]] static const QList<SettingSpec> &all();
    [[nodiscard]] static const SettingSpec *find(const QString &key);
    // The default, with machine-dependent ones (server.hostname) computed.
    [[nodiscard]] static QString defaultValue(const SettingSpec &spec);
    // The canonical stored form of `value`, or an empty string with *error set (naming key and
    // value) when it is not valid for the setting.
    [[nodiscard]] static QString normalize(const SettingSpec &spec, const QString &value, QString *error);
    // The machine's fully-qualified name, or "localhost.localdomain" when it has none.
    [[nodiscard]] static QString machineHostName();
};
