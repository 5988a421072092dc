#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

// An immutable snapshot of every setting's effective value (stored value or default), shared by
// value between threads.
class Settings
{
public:
    // Stored keys with this prefix (the admin password's hash) live beside the settings without
    // being settings: never listed, never reported as unknown.
    static constexpr char kSecretPrefix[] = "secret.";

    Settings() = default;
    // Builds a snapshot from the explicitly stored values; unknown or invalid stored values fall
    // back to the default (and are reported through `problems`).
    [[nodiscard]] static Settings fromStored(const QMap<QString, QString> &stored, QStringList *problems = nullptr);

    [[nodiscard]] QString text(const QString &key) const;
    [[nodiscard]] qint64 integer(const QString &key) const;
    [[nodiscard]] bool boolean(const QString &key) const;
    [[nodiscard]] QStringList list(const QString &key) const;
    [[nodiscard]] QMap<QString, QString> values() const { return m_values; }
    [[nodiscard]] QStringList changedKeys(const Settings &other) const;

    bool operator==(const Settings &other) const { return m_values == other.m_values; }

private:
    QMap<QString, QString> m_values;
};
