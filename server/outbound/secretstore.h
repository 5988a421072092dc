#pragma once

#include <QString>

#include <optional>

// Passwords Postern must send as given (smart host, routes): one file per name in
// DATA_DIR/secrets (directory 0700, files 0600), each replaced atomically. Never in the database,
// never logged, never shown back. Names: "smarthost" and "route:<domain>" (see routeName).
class SecretStore
{
public:
    explicit SecretStore(QString directory);

    [[nodiscard]] static QString smartHostName() { return QStringLiteral("smarthost"); }
    [[nodiscard]] static QString routeName(const QString &domain) { return QStringLiteral("route:") + domain; }

    // The stored value; nullopt when none is stored or it cannot be read (*error says which).
    [[nodiscard]] std::optional<QString> get(const QString &name, QString *error = nullptr) const;
    [[nodiscard]] bool exists(const QString &name) const;
    // Writes the value (temporary file, fsync, rename, fsync of the directory). False with *error.
    [[nodiscard]] bool set(const QString &name, const QString &value, QString *error = nullptr);
    // Removes the value; true also when there was none.
    [[nodiscard]] bool clear(const QString &name, QString *error = nullptr);

    [[nodiscard]] QString directory() const { return m_directory; }
    // The file that holds `name`, or empty for a name that cannot be stored.
    [[nodiscard]] QString fileFor(const QString &name) const;

private:
    [[nodiscard]] bool ensureDirectory(QString *error) const;

    QString m_directory;
};
