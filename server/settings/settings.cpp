#include "settings.h"

#include "settingsschema.h"

Settings Settings::fromStored(const QMap<QString, QString> &stored, QStringList *problems)
{
    Settings settings;
    for (const SettingSpec &spec : SettingsSchema::all()) {
        QString value = SettingsSchema::defaultValue(spec);
        const auto it = stored.constFind(spec.key);
        if (it != stored.cend()) {
            QString error;
            const QString normalized = SettingsSchema::normalize(spec, *it, &error);
            if (!normalized.isEmpty())
                value = normalized;
            else if (problems)
                *problems << error;
        }
        settings.m_values.insert(spec.key, value);
    }
    if (problems) {
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            if (!SettingsSchema::find(it.key()) && !it.key().startsWith(QLatin1String(kSecretPrefix)))
                *problems << QStringLiteral("unknown setting %1 ignored").arg(it.key());
        }
    }
    return settings;
}

QString Settings::text(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "Settings", "unknown setting key");
    return m_values.value(key);
}

qint64 Settings::integer(const QString &key) const
{
    return text(key).toLongLong();
}

bool Settings::boolean(const QString &key) const
{
    return text(key) == QStringLiteral("true");
}

QStringList Settings::list(const QString &key) const
{
    return text(key).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QStringList Settings::changedKeys(const Settings &other) const
{
    QStringList changed;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (other.m_values.value(it.key()) != it.value())
            changed << it.key();
    }
    return changed;
}
