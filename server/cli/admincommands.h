#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class AdminService;
class CommandLine;
class QTextStream;
class QueueStorage;

// Runs one `postern <group> <verb> …` admin command against an AdminService and prints its
// result: lists one item per line, tab-separated; messages to `out`, errors to `err`.
class AdminCommands
{
public:
    enum ExitCode { Success = 0, RuntimeFailure = 1, UsageError = 2 };

    // Checks the words and options without touching storage; empty when they are well-formed.
    [[nodiscard]] static QString checkUsage(const CommandLine &command);

    // dataDirectory: where the server keeps its generated certificate (for `tls`).
    AdminCommands(AdminService &admin, QTextStream &out, QTextStream &err,
                  std::function<QString()> readSecretLine, QString dataDirectory = {});

    // How `queue` commands reach the queue's rows (openQueueStorage for the command's database);
    // opened only when a queue command runs. Without one, queue commands fail with exit 1.
    using QueueStorageOpener = std::function<std::unique_ptr<QueueStorage>()>;
    void setQueueStorageOpener(QueueStorageOpener opener) { m_openQueueStorage = std::move(opener); }

    // Precondition: checkUsage(command) is empty. Returns the process exit code.
    int run(const CommandLine &command);

private:
    int runDomain(const QString &verb, const QStringList &args);
    int runUser(const QString &verb, const QStringList &args, const CommandLine &command);
    int runAlias(const QString &verb, const QStringList &args);
    int runSmtpLogin(const QString &verb, const QStringList &args);
    int runAdminPassword(const QString &verb);
    int runBan(const QString &verb, const QStringList &args, const CommandLine &command);
    int runTrust(const QString &verb, const QStringList &args, const CommandLine &command);
    int removeListEntry(const std::function<QString()> &remove);
    int runConfig(const QString &verb, const QStringList &args);
    int runQueue(const QString &verb, const QStringList &args, const CommandLine &command);
    [[nodiscard]] QString readPassword();

    AdminService &m_admin;
    QTextStream &m_out;
    QTextStream &m_err;
    std::function<QString()> m_readSecretLine;
    QString m_dataDirectory;
    QueueStorageOpener m_openQueueStorage;
};
