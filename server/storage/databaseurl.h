#pragma once

#include <QString>

// Where the database is and which SQL dialect it speaks, parsed from
// "postgresql://user:pass@host:port/dbname", "sqlite:///path/file.db" or a plain file path.
class DatabaseUrl
{
public:
    // Throws StorageError(Invalid) naming what is wrong with the text.
    [[nodiscard]] static DatabaseUrl parse(const QString &text);
    [[nodiscard]] static DatabaseUrl sqliteFile(const QString &path);

    [[nodiscard]] QString driver() const { return m_driver; }     // Qt SQL driver name
    [[nodiscard]] QString dialect() const { return m_dialect; }   // folder under :/sql/
    [[nodiscard]] QString databaseName() const { return m_databaseName; }
    [[nodiscard]] QString host() const { return m_host; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QString user() const { return m_user; }
    [[nodiscard]] QString password() const { return m_password; }
    [[nodiscard]] QString connectOptions() const { return m_connectOptions; }
    // For messages and logs: never contains the password.
    [[nodiscard]] QString redacted() const;

private:
    QString m_driver;
    QString m_dialect;
    QString m_databaseName;
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_password;
    QString m_connectOptions;
};
