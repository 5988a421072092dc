#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include "tlsfiles.h"

class Settings;
class TlsContextProvider;

// Keeps the server's certificate current, for the engine: loads the pair TlsFiles names into
// the provider (making the self-signed pair first when it is missing, unusable or about to
// expire), and loads it again when the files change on disk, when the settings name other
// files, or on request. A pair that does not load is refused with a log line and the one in
// use stays. A certificate that expires within 14 days is logged once a day. Not thread-safe:
// it lives in the engine thread; only the provider is shared.
class TlsReloader
{
public:
    static constexpr int kExpiryWarningDays = 14;

    TlsReloader(TlsContextProvider &provider, QString dataDirectory);

    // The settings at start and after every change: loads when they name other files than
    // before (or on the first call).
    void apply(const Settings &settings, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Loads the pair again although the files look unchanged (`postern tls reload`). True when
    // the pair loaded and is in use now.
    bool reload(const QString &reason, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Every engine tick (about once a second): files that changed and then held still for a
    // tick are loaded (a copy in progress is not), and the expiry is looked at.
    void poll(const QDateTime &now = QDateTime::currentDateTimeUtc());

    [[nodiscard]] const TlsFiles &files() const { return m_files; }
    // Why the last load was refused; empty when it worked.
    [[nodiscard]] QString lastError() const { return m_lastError; }

private:
    struct FileStamp
    {
        bool exists = false;
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = 0;
        qint64 modifiedNs = 0;
        qint64 changedNs = 0;
        bool operator==(const FileStamp &other) const = default;
    };
    struct PairStamp
    {
        FileStamp certificate;
        FileStamp key;
        bool operator==(const PairStamp &other) const = default;
    };

    [[nodiscard]] static FileStamp stampOf(const QString &path);
    [[nodiscard]] PairStamp stampFiles() const;
    bool load(const QString &reason, const QDateTime &now);
    bool generate(const QDateTime &now, QString *error);
    void checkExpiry(const QDateTime &now);

    TlsContextProvider &m_provider;
    QString m_dataDirectory;
    QString m_hostName;
    TlsFiles m_files;         // what the settings name
    TlsFiles m_loadedFiles;   // where the context in use came from
    bool m_applied = false;
    PairStamp m_loadedStamp;  // the files when last loaded or refused: not tried again unchanged
    PairStamp m_seenStamp;    // the files on the last tick: a change waits until it holds still
    QString m_lastError;
    QDate m_lastExpiryNotice;
};
