#pragma once

#include <QString>

#include "tlscontext.h"

class QDateTime;
class Settings;

// Which certificate and key files the server uses: the pair named by tls.cert_file and
// tls.key_file, or, when neither is set, the self-signed pair Postern keeps in DATA_DIR/tls
// (postern.crt, postern.key). The server, `postern tls show` and the tests agree through it.
class TlsFiles
{
public:
    TlsFiles() = default;
    [[nodiscard]] static TlsFiles fromSettings(const Settings &settings, const QString &dataDirectory);
    [[nodiscard]] static TlsFiles configured(const QString &certificateFile, const QString &keyFile);
    [[nodiscard]] static TlsFiles generatedIn(const QString &tlsDirectory);

    [[nodiscard]] QString certificateFile() const { return m_certificateFile; }
    [[nodiscard]] QString keyFile() const { return m_keyFile; }
    // The self-signed pair Postern makes itself (and may make again).
    [[nodiscard]] bool isGenerated() const { return m_generated; }
    // Set when only one of the two settings is set: there is no pair to load then.
    [[nodiscard]] QString error() const { return m_error; }
    // "the configured pair /a.crt, /a.key" or "the generated pair in /data/tls", for messages.
    [[nodiscard]] QString describe() const;

    // TlsContext::loadServer on these files, or the settings problem.
    [[nodiscard]] TlsContext load(const QDateTime &now, QString *error) const;

    bool operator==(const TlsFiles &other) const = default;

private:
    QString m_certificateFile;
    QString m_keyFile;
    QString m_error;
    bool m_generated = false;
};
