#include "queuecommands.h"

#include "admincommands.h"
#include "commandline.h"
#include "queueadmin.h"
#include "queuerecords.h"
#include "storageerror.h"

#include <QTextStream>

namespace {

QString plural(qint64 count, const char *unit)
{
    return QStringLiteral("%1 %2%3").arg(count).arg(QLatin1String(unit)).arg(count == 1 ? QString() : QStringLiteral("s"));
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

}

QueueCommands::QueueCommands(QueueAdmin &admin, QTextStream &out, QTextStream &err)
    : m_admin(admin), m_out(out), m_err(err), m_now(QDateTime::currentDateTimeUtc())
{
}

QString QueueCommands::checkArguments(const QString &verb, const QStringList &args, const CommandLine &command)
{
    if (verb == QStringLiteral("list"))
        return {};
    if (verb == QStringLiteral("retry")) {
        const bool all = command.hasFlag(QStringLiteral("all"));
        if (all && !args.isEmpty())
            return QStringLiteral("queue retry: give an ID or --all, not both");
        if (!all && args.isEmpty())
            return QStringLiteral("queue retry: missing argument (a queue ID, or --all)");
        if (all)
            return {};
    }
    try {
        (void)QueueAdmin::normalizedId(args.value(0));
    } catch (const StorageError &error) {
        return QStringLiteral("queue %1: %2").arg(verb, error.message());
    }
    return {};
}

QString QueueCommands::plainDuration(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    if (seconds < 2 * 60)
        return plural(seconds, "second");
    if (seconds < 2 * 3600)
        return plural(seconds / 60, "minute");
    if (seconds < 2 * 86400)
        return plural(seconds / 3600, "hour");
    return plural(seconds / 86400, "day");
}

QString QueueCommands::when(const QDateTime &time) const
{
    const qint64 seconds = m_now.secsTo(time);
    if (seconds <= 0)
        return QStringLiteral("%1 (due now)").arg(timestamp(time));
    return QStringLiteral("%1 (in %2)").arg(timestamp(time), plainDuration(seconds));
}

int QueueCommands::run(const QString &verb, const QStringList &args, const CommandLine &command)
{
    try {
        if (verb == QStringLiteral("list")) {
            printList();
        } else if (verb == QStringLiteral("show")) {
            printMessage(args.at(0));
        } else if (verb == QStringLiteral("retry") && command.hasFlag(QStringLiteral("all"))) {
            const int count = m_admin.retryAll();
            if (count == 0)
                m_out << "Nothing in the queue is waiting for a retry." << Qt::endl;
            else
                m_out << plural(count, "recipient") << " will be tried now." << Qt::endl;
        } else if (verb == QStringLiteral("retry")) {
            const int count = m_admin.retry(args.at(0));
            const QString id = QueueAdmin::normalizedId(args.at(0));
            if (count == 0)
                m_out << id << ": no recipient is waiting for a retry (all are delivered or failed)." << Qt::endl;
            else
                m_out << id << ": " << plural(count, "recipient") << " will be tried now." << Qt::endl;
        } else if (verb == QStringLiteral("delete")) {
            const QueuedMessage message = m_admin.remove(args.at(0));
            m_out << message.id << " deleted (from " << QueueAdmin::senderText(message.sender) << ", "
                  << plural(message.recipients.size(), "recipient") << "); nobody is told." << Qt::endl;
        } else {
            const int count = m_admin.bounce(args.at(0));
            const QString id = QueueAdmin::normalizedId(args.at(0));
            if (count == 0)
                m_out << id << ": no recipient is waiting (all are delivered or failed already)." << Qt::endl;
            else
                m_out << id << ": " << plural(count, "recipient") << " returned to the sender; the failure report "
                      << "goes out with the next delivery run." << Qt::endl;
        }
    } catch (const StorageError &error) {
        if (error.kind() != StorageError::Kind::NotFound)
            throw;
        m_err << "postern: error: " << error.message() << Qt::endl;
        return AdminCommands::RuntimeFailure;
    }
    return AdminCommands::Success;
}

void QueueCommands::printList()
{
    const QList<QueuedMessage> messages = m_admin.list();
    if (messages.isEmpty()) {
        m_out << "The queue is empty." << Qt::endl;
        return;
    }
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (i > 0)
            m_out << Qt::endl;
        printSummary(messages.at(i));
        printRecipients(messages.at(i));
    }
}

void QueueCommands::printSummary(const QueuedMessage &message)
{
    const QDateTime next = QueueAdmin::nextAttempt(message);
    m_out << message.id << "  " << plainDuration(message.receivedAt.secsTo(m_now)) << " old  "
          << plural(message.size, "byte") << "  from " << QueueAdmin::senderText(message.sender) << Qt::endl;
    m_out << "  next attempt: " << (next.isNull() ? QStringLiteral("none (every recipient is done)") : when(next))
          << Qt::endl;
}

void QueueCommands::printRecipients(const QueuedMessage &message)
{
    for (const QueuedRecipient &recipient : message.recipients) {
        m_out << "  " << recipient.address << ": " << queuedRecipientStateName(recipient.state) << ", "
              << plural(recipient.attempts, "attempt");
        if (!recipient.statusCode.isEmpty() && recipient.isFinal())
            m_out << ", status " << recipient.statusCode;
        if (!recipient.lastError.isEmpty())
            m_out << ", last error: " << recipient.lastError;
        m_out << Qt::endl;
    }
}

void QueueCommands::printMessage(const QString &id)
{
    const QueueAdmin::Details details = m_admin.show(id);
    const QueuedMessage &message = details.message;
    printSummary(message);
    m_out << "  received: " << timestamp(message.receivedAt)
          << (message.origin.isEmpty() ? QString() : QStringLiteral(" from ") + message.origin) << Qt::endl;
    if (!message.envelopeId.isEmpty())
        m_out << "  envelope id: " << message.envelopeId << Qt::endl;
    m_out << "  file: " << message.fileName << Qt::endl;
    m_out << "recipients:" << Qt::endl;
    printRecipients(message);
    m_out << "headers:" << Qt::endl << details.headers;
    if (!details.headers.endsWith(QLatin1Char('\n')))
        m_out << Qt::endl;
    m_out.flush();
}
