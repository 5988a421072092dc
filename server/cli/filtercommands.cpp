#include "filtercommands.h"

#include "admincommands.h"
#include "commandline.h"
#include "filteradmin.h"

#include <QTextStream>

namespace {

const QString kDefaultScope = QStringLiteral("all");
const QString kDefaultAction = QStringLiteral("reject");

QString scopeOf(const CommandLine &command)
{
    return command.hasOption(QStringLiteral("scope")) ? command.option(QStringLiteral("scope")) : kDefaultScope;
}

QString actionOf(const CommandLine &command)
{
    return command.hasOption(QStringLiteral("action")) ? command.option(QStringLiteral("action")) : kDefaultAction;
}

}

FilterCommands::FilterCommands(FilterAdmin &admin, QTextStream &out)
    : m_admin(admin), m_out(out)
{
}

QString FilterCommands::checkArguments(const QString &group, const QString &verb, const QStringList &args,
                                       const CommandLine &command)
{
    QString error;
    if (group == QStringLiteral("filter") && verb == QStringLiteral("add"))
        error = FilterAdmin::checkFilter(args.value(0), scopeOf(command), actionOf(command));
    else if (group == QStringLiteral("filter") && verb == QStringLiteral("remove") && args.value(0).trimmed().isEmpty())
        error = QStringLiteral("the filter text is empty");
    else if (group == QStringLiteral("attachment-filter") && verb != QStringLiteral("list"))
        error = FilterAdmin::checkPattern(args.value(0));
    return error.isEmpty() ? QString() : QStringLiteral("%1 %2: %3").arg(group, verb, error);
}

int FilterCommands::run(const QString &group, const QString &verb, const QStringList &args, const CommandLine &command)
{
    return group == QStringLiteral("filter") ? runFilter(verb, args, command) : runAttachmentFilter(verb, args);
}

int FilterCommands::runFilter(const QString &verb, const QStringList &args, const CommandLine &command)
{
    if (verb == QStringLiteral("add")) {
        m_out << m_admin.addFilter(args.at(0), scopeOf(command), actionOf(command)) << Qt::endl;
    } else if (verb == QStringLiteral("remove")) {
        m_out << m_admin.removeFilter(args.at(0)) << Qt::endl;
    } else {
        for (const ContentFilterRecord &filter : m_admin.filters())
            m_out << filter.text << '\t' << filter.scope << '\t' << filter.action << '\t'
                  << filter.created.toUTC().toString(Qt::ISODate) << Qt::endl;
    }
    return AdminCommands::Success;
}

int FilterCommands::runAttachmentFilter(const QString &verb, const QStringList &args)
{
    if (verb == QStringLiteral("add")) {
        m_out << m_admin.addAttachmentFilter(args.at(0)) << Qt::endl;
    } else if (verb == QStringLiteral("remove")) {
        m_out << m_admin.removeAttachmentFilter(args.at(0)) << Qt::endl;
    } else {
        for (const AttachmentFilterRecord &filter : m_admin.attachmentFilters())
            m_out << filter.pattern << '\t' << filter.created.toUTC().toString(Qt::ISODate) << Qt::endl;
    }
    return AdminCommands::Success;
}
