#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

class CommandLine;
class QueueAdmin;
class QTextStream;
struct QueuedMessage;

// `postern queue list|show ID|retry ID|retry --all|delete ID|bounce ID`: the outbound queue for
// the administrator. A malformed id is a usage error (exit 2); an id no longer queued (delivered
// meanwhile, or never there) exits 1, like removing a list entry that is not there.
class QueueCommands
{
public:
    QueueCommands(QueueAdmin &admin, QTextStream &out, QTextStream &err);

    // The checks that need no storage (the id's shape, ID or --all), for AdminCommands::checkUsage.
    [[nodiscard]] static QString checkArguments(const QString &verb, const QStringList &args, const CommandLine &command);

    // Returns the process exit code (AdminCommands::ExitCode). Throws StorageError but NotFound.
    int run(const QString &verb, const QStringList &args, const CommandLine &command);

    // "45 seconds", "1 minute", "3 hours", "2 days": the largest unit that fits twice, rounded down.
    [[nodiscard]] static QString plainDuration(qint64 seconds);

private:
    void printList();
    void printMessage(const QString &id);
    void printSummary(const QueuedMessage &message);
    void printRecipients(const QueuedMessage &message);
    [[nodiscard]] QString when(const QDateTime &time) const;

    QueueAdmin &m_admin;
    QTextStream &m_out;
    QTextStream &m_err;
    QDateTime m_now;
};
