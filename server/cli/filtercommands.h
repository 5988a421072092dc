#pragma once

#include <QString>
#include <QStringList>

class CommandLine;
class FilterAdmin;
class QTextStream;

// `postern filter …` and `postern attachment-filter …`: the Filters and Attachment Filters lists.
// Bad input (an empty text or pattern, an unknown scope or action, a duplicate, removing what is
// not listed) exits 2 with a message naming it.
class FilterCommands
{
public:
    FilterCommands(FilterAdmin &admin, QTextStream &out);

    // The checks that need no storage, for AdminCommands::checkUsage; empty when fine.
    [[nodiscard]] static QString checkArguments(const QString &group, const QString &verb, const QStringList &args,
                                                const CommandLine &command);

    // group is "filter" or "attachment-filter"; verb add, remove or list. Throws StorageError.
    int run(const QString &group, const QString &verb, const QStringList &args, const CommandLine &command);

private:
    int runFilter(const QString &verb, const QStringList &args, const CommandLine &command);
    int runAttachmentFilter(const QString &verb, const QStringList &args);

    FilterAdmin &m_admin;
    QTextStream &m_out;
};
