#pragma once

#include <QString>

class AdminService;
class QTextStream;
class TlsContext;
class TlsFiles;

// `postern tls show` and `postern tls reload`: the certificate the server uses (or would use),
// read from the files themselves, so it works without a running server; and asking running
// servers to load the pair again, through the database they watch.
class TlsCommands
{
public:
    TlsCommands(AdminService &admin, QTextStream &out, QTextStream &err, QString dataDirectory);

    // verb is "show" or "reload". Returns the process exit code (AdminCommands::ExitCode).
    int run(const QString &verb);

private:
    // The pair the settings name, loaded as the server would; null after printing why.
    [[nodiscard]] TlsContext loadConfiguredPair(TlsFiles *files);
    int show();
    int reload();

    AdminService &m_admin;
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_dataDirectory;
};
