#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

// Runs a throwaway PostgreSQL cluster on 127.0.0.1 so storage tests can run against a real server;
// each test owns its own cluster (own temp dir, port and socket directory), so `ctest -j` is safe.
class PgCluster
{
public:
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // Directory holding initdb and pg_ctl: $POSTERN_PG_BINDIR if set (an empty or wrong value means
    // "no PostgreSQL", which lets a test exercise the skip path), else the newest
    // /usr/lib/postgresql/*/bin, else where initdb on PATH really lives; empty when none is found.
    [[nodiscard]] static QString binDirectory();
    // Why PostgreSQL cannot run on this machine at all (no binaries; as root, no postgres user or
    // runuser), or empty. Callers skip for this reason; any other start() failure is a real failure.
    [[nodiscard]] static QString unavailableReason();

    // Creates the cluster, starts it and creates the database "postern". On failure returns false
    // and sets *whyNot to a reason fit for QSKIP.
    [[nodiscard]] bool start(QString *whyNot);
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const;
    // The temp dir holding the data directory, socket and log; empty once stopped.
    [[nodiscard]] QString directory() const;
    // postgresql://postern@127.0.0.1:PORT/DATABASE; the superuser "postern" needs no password.
    [[nodiscard]] QString url(const QString &database = QStringLiteral("postern")) const;
    [[nodiscard]] bool createDatabase(const QString &name, QString *error);
    // Idempotent; also run by the destructor so a failing test does not leak a server.
    void stop();

private:
    struct Result
    {
        bool ok = false;
        QString output;
    };

    [[nodiscard]] Result run(const QString &tool, const QStringList &arguments) const;
    [[nodiscard]] bool prepareDirectory(QString *whyNot);
    [[nodiscard]] bool initCluster(QString *whyNot);
    [[nodiscard]] bool startServer(quint16 port, bool *portTaken, QString *whyNot);
    void stopServer();
    [[nodiscard]] QString dataDirectory() const;
    [[nodiscard]] QString logFile() const;

    QString m_binDirectory;
    QString m_runAsUser; // empty: run as ourselves
    std::unique_ptr<QTemporaryDir> m_directory;
    quint16 m_port = 0;
    bool m_running = false;
};
