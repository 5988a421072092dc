#include "pgcluster.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QVersionNumber>

namespace {

constexpr int kProcessTimeoutMs = 60'000;
constexpr int kStartAttempts = 5;
// Debian's postgresql package creates this account; initdb and postgres refuse to run as root.
constexpr char kServiceUser[] = "postgres";
constexpr char kSuperuser[] = "postern";

[[nodiscard]] bool hasServerTools(const QString &directory)
{
    return !directory.isEmpty()
        && QFileInfo(directory + QLatin1String("/initdb")).isExecutable()
        && QFileInfo(directory + QLatin1String("/pg_ctl")).isExecutable();
}

[[nodiscard]] QString realDirectoryOf(const QString &executable)
{
    if (executable.isEmpty())
        return {};
    // /usr/local/bin may hold only a symlink to initdb; createdb and psql sit next to the target.
    return QFileInfo(QFileInfo(executable).canonicalFilePath()).absolutePath();
}

[[nodiscard]] QString runuserPath()
{
    QString path = QStandardPaths::findExecutable(QStringLiteral("runuser"));
    if (path.isEmpty()) {
        // root's PATH normally has sbin, but `sudo -E` or a CI image may not.
        path = QStandardPaths::findExecutable(QStringLiteral("runuser"),
            {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    }
    return path;
}

[[nodiscard]] QProcessEnvironment toolEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // A developer's PGHOST, PGDATA, PGPORT or PGSERVICE must not redirect the tools to a real server.
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("PG")))
            environment.remove(key);
    }
    // English messages, because start() looks for "could not bind" in the server log.
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("LC_MESSAGES"), QStringLiteral("C"));
    environment.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("10"));
    return environment;
}

[[nodiscard]] QString shellQuote(const QString &text)
{
    // pg_ctl hands -o to /bin/sh.
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

[[nodiscard]] quint16 freePort()
{
    // The port is free now; another process may take it before postgres binds, hence start()'s retry.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

[[nodiscard]] QString logTail(const QString &path, qint64 offset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return {};
    const QStringList lines = QString::fromLocal8Bit(file.readAll()).trimmed().split(QLatin1Char('\n'));
    return lines.mid(std::max<qsizetype>(0, lines.size() - 20)).join(QLatin1Char('\n'));
}

void killPostmaster(const QString &dataDirectory)
{
    // Last resort when pg_ctl stop fails: the pid file's first line names the postmaster.
    QFile pidFile(dataDirectory + QLatin1String("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return;
    bool ok = false;
    const pid_t pid = pidFile.readLine().trimmed().toInt(&ok);
    // A stale pid file may name a reused pid; a postmaster's working directory is its data directory.
    const QString cwd = QFileInfo(QStringLiteral("/proc/%1/cwd").arg(pid)).canonicalFilePath();
    if (!ok || pid <= 1 || cwd != QFileInfo(dataDirectory).canonicalFilePath() || ::kill(pid, SIGKILL) != 0)
        return;
    for (int i = 0; i < 100 && ::kill(pid, 0) == 0; ++i)
        QThread::msleep(100);
}

} // namespace

PgCluster::PgCluster() = default;

PgCluster::~PgCluster()
{
    stop();
}

QString PgCluster::binDirectory()
{
    if (qEnvironmentVariableIsSet("POSTERN_PG_BINDIR")) {
        const QString directory = qEnvironmentVariable("POSTERN_PG_BINDIR");
        return hasServerTools(directory) ? QDir(directory).absolutePath() : QString();
    }

    // Debian installs major versions side by side and keeps initdb off PATH.
    const QDir debian(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &version : std::as_const(versions)) {
        const QString directory = debian.filePath(version + QLatin1String("/bin"));
        if (hasServerTools(directory))
            return directory;
    }

    for (const QString &tool : {QStringLiteral("initdb"), QStringLiteral("pg_ctl")}) {
        const QString directory = realDirectoryOf(QStandardPaths::findExecutable(tool));
        if (hasServerTools(directory))
            return directory;
    }
    return {};
}

QString PgCluster::unavailableReason()
{
    if (binDirectory().isEmpty()) {
        return QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) not found in "
                              "$POSTERN_PG_BINDIR, /usr/lib/postgresql/*/bin or PATH");
    }
    if (::geteuid() != 0)
        return {};
    if (!::getpwnam(kServiceUser)) {
        return QStringLiteral("running as root, and there is no \"%1\" user to run PostgreSQL as "
                              "(initdb and postgres refuse to run as root)").arg(QLatin1String(kServiceUser));
    }
    if (runuserPath().isEmpty())
        return QStringLiteral("running as root, and runuser (util-linux) is missing");
    return {};
}

bool PgCluster::start(QString *whyNot)
{
    if (m_running) {
        if (whyNot)
            *whyNot = QStringLiteral("PgCluster::start: already running");
        return false;
    }
    const auto fail = [&](const QString &text) {
        stop();
        if (whyNot)
            *whyNot = text;
        return false;
    };

    QString reason = unavailableReason();
    if (!reason.isEmpty())
        return fail(reason);
    m_binDirectory = binDirectory();
    if (!prepareDirectory(&reason) || !initCluster(&reason))
        return fail(reason);

    for (int attempt = 1;; ++attempt) {
        const quint16 port = freePort();
        if (port == 0)
            return fail(QStringLiteral("no free TCP port on 127.0.0.1"));
        bool portTaken = false;
        if (startServer(port, &portTaken, &reason)) {
            m_port = port;
            m_running = true;
            break;
        }
        if (!portTaken || attempt == kStartAttempts) {
            return fail(QStringLiteral("PostgreSQL did not start (attempt %1 of %2, port %3): %4")
                            .arg(attempt).arg(kStartAttempts).arg(port).arg(reason));
        }
    }

    if (!createDatabase(QString::fromLatin1(kSuperuser), &reason))
        return fail(reason);
    return true;
}

bool PgCluster::isRunning() const
{
    return m_running;
}

quint16 PgCluster::port() const
{
    return m_port;
}

QString PgCluster::directory() const
{
    return m_directory ? m_directory->path() : QString();
}

QString PgCluster::url(const QString &database) const
{
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3")
        .arg(QLatin1String(kSuperuser))
        .arg(m_port)
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(database)));
}

bool PgCluster::createDatabase(const QString &name, QString *error)
{
    if (!m_running) {
        if (error)
            *error = QStringLiteral("PgCluster::createDatabase: the cluster is not running");
        return false;
    }
    const Result result = run(QStringLiteral("createdb"),
        {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
         QStringLiteral("-U"), QString::fromLatin1(kSuperuser), name});
    if (!result.ok && error)
        *error = result.output;
    return result.ok;
}

void PgCluster::stop()
{
    if (m_running) {
        stopServer();
        m_running = false;
    }
    if (m_directory) {
        if (!m_directory->remove())
            qWarning("PgCluster: could not remove %s", qPrintable(m_directory->path()));
        m_directory.reset();
    }
    m_port = 0;
    m_runAsUser.clear();
}

PgCluster::Result PgCluster::run(const QString &tool, const QStringList &arguments) const
{
    QString program = m_binDirectory + QLatin1Char('/') + tool;
    QStringList programArguments = arguments;
    if (!m_runAsUser.isEmpty()) {
        programArguments = QStringList{QStringLiteral("-u"), m_runAsUser, QStringLiteral("--"), program} + arguments;
        program = runuserPath();
    }
    const QString command = tool + QLatin1Char(' ') + arguments.join(QLatin1Char(' '));

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(toolEnvironment());
    // The service user cannot enter root's working directory, and initdb complains about it.
    if (m_directory)
        process.setWorkingDirectory(m_directory->path());
    process.start(program, programArguments);

    Result result;
    if (!process.waitForStarted(kProcessTimeoutMs)) {
        result.output = QStringLiteral("%1: %2").arg(command, process.errorString());
        return result;
    }
    if (!process.waitForFinished(kProcessTimeoutMs) && process.state() != QProcess::NotRunning) {
        process.terminate(); // runuser passes SIGTERM on; SIGKILL would orphan the tool
        if (!process.waitForFinished(5'000)) {
            process.kill();
            process.waitForFinished(5'000);
        }
        result.output = QStringLiteral("%1: no exit within %2 s: %3")
                            .arg(command).arg(kProcessTimeoutMs / 1000)
                            .arg(QString::fromLocal8Bit(process.readAll()).trimmed());
        return result;
    }
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    result.output = result.ok ? output
                              : QStringLiteral("%1: exit code %2: %3").arg(command).arg(process.exitCode()).arg(output);
    return result;
}

bool PgCluster::prepareDirectory(QString *whyNot)
{
    const bool root = ::geteuid() == 0;
    // As root the service user must reach the directory, and a root TMPDIR is often 0700; /tmp is not.
    const QString base = root ? QStringLiteral("/tmp") : QDir::tempPath();
    m_directory = std::make_unique<QTemporaryDir>(base + QLatin1String("/postern-pg-XXXXXX"));
    if (!m_directory->isValid()) {
        *whyNot = QStringLiteral("cannot create a temp dir in %1: %2").arg(base, m_directory->errorString());
        return false;
    }
    if (!root)
        return true;

    struct stat baseStatus {};
    if (::stat("/tmp", &baseStatus) != 0 || (baseStatus.st_mode & S_IXOTH) == 0) {
        *whyNot = QStringLiteral("/tmp is not traversable by the \"%1\" user").arg(QLatin1String(kServiceUser));
        return false;
    }
    const passwd *user = ::getpwnam(kServiceUser);
    if (!user) {
        *whyNot = QStringLiteral("the \"%1\" user vanished").arg(QLatin1String(kServiceUser));
        return false;
    }
    const QByteArray path = QFile::encodeName(m_directory->path());
    if (::chown(path.constData(), user->pw_uid, user->pw_gid) != 0) {
        *whyNot = QStringLiteral("chown %1 to %2: %3")
                      .arg(m_directory->path(), QLatin1String(kServiceUser), QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_runAsUser = QString::fromLatin1(kServiceUser);
    return true;
}

bool PgCluster::initCluster(QString *whyNot)
{
    const QStringList common{QStringLiteral("-D"), dataDirectory(), QStringLiteral("--auth=trust"),
                             QStringLiteral("-U"), QString::fromLatin1(kSuperuser),
                             QStringLiteral("--encoding=UTF8"), QStringLiteral("--no-sync")};
    const Result utf8 = run(QStringLiteral("initdb"), common + QStringList{QStringLiteral("--locale=C.UTF-8")});
    if (utf8.ok)
        return true;
    // Not every libc ships C.UTF-8; the C locale accepts UTF8 too.
    QDir(dataDirectory()).removeRecursively();
    const Result plain = run(QStringLiteral("initdb"), common + QStringList{QStringLiteral("--no-locale")});
    if (plain.ok)
        return true;
    *whyNot = QStringLiteral("initdb failed: %1\nthen: %2").arg(utf8.output, plain.output);
    return false;
}

bool PgCluster::startServer(quint16 port, bool *portTaken, QString *whyNot)
{
    const qint64 logOffset = QFileInfo(logFile()).size();
    // Own socket directory, so parallel clusters never meet in /var/run/postgresql or /tmp.
    const QString options =
        QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            .arg(port)
            .arg(shellQuote(m_directory->path()));
    const Result result = run(QStringLiteral("pg_ctl"),
        {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
         QStringLiteral("-D"), dataDirectory(), QStringLiteral("-l"), logFile(), QStringLiteral("-o"), options});
    if (result.ok)
        return true;

    const QString log = logTail(logFile(), logOffset);
    *portTaken = log.contains(QLatin1String("could not bind")) || log.contains(QLatin1String("Address already in use"));
    // pg_ctl may give up waiting while the postmaster still comes up; never leave one behind.
    stopServer();
    *whyNot = QStringLiteral("%1\nserver log:\n%2").arg(result.output, log);
    return false;
}

void PgCluster::stopServer()
{
    // Immediate mode: the data is thrown away anyway, and a smart shutdown waits for clients.
    const Result result = run(QStringLiteral("pg_ctl"),
        {QStringLiteral("stop"), QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
         QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30")});
    if (!result.ok && QFileInfo::exists(dataDirectory() + QLatin1String("/postmaster.pid"))) {
        qWarning("PgCluster: %s; killing the postmaster", qPrintable(result.output));
        killPostmaster(dataDirectory());
    }
}

QString PgCluster::dataDirectory() const
{
    return m_directory->path() + QLatin1String("/data");
}

QString PgCluster::logFile() const
{
    return m_directory->path() + QLatin1String("/server.log");
}
