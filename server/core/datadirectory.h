#pragma once

#include <QString>

// The data directory and the places inside it: database, logs, mail, runtime files.
class DataDirectory
{
public:
    explicit DataDirectory(QString path);

    // /var/lib/postern for root, else $XDG_DATA_HOME/postern (~/.local/share/postern).
    [[nodiscard]] static QString defaultPath();

    // Creates the directory (mode 0700) when missing. False with *error when it cannot.
    [[nodiscard]] bool ensureExists(QString *error) const;

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString databaseFile() const;
    [[nodiscard]] QString logDirectory() const;
    [[nodiscard]] QString mailDirectory() const;
    // Where the self-signed certificate Postern generates lives (DATA_DIR/tls).
    [[nodiscard]] QString tlsDirectory() const;
    // The outbound queue (DATA_DIR/queue, Maildir-shaped: tmp/ new/, see QueueDirectory).
    [[nodiscard]] QString queueDirectory() const;
    // Passwords Postern must be able to use as given (smart host, routes): DATA_DIR/secrets, 0700.
    [[nodiscard]] QString secretsDirectory() const;

private:
    QString m_path;
};
