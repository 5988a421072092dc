#include "admincommands.h"

#include "adminpassword.h"
#include "adminservice.h"
#include "cidrrange.h"
#include "commandline.h"
#include "datadirectory.h"
#include "policycommands.h"
#include "filteradmin.h"
#include "filtercommands.h"
#include "routeadmin.h"
#include "routecommands.h"
#include "secretstore.h"
#include "queueadmin.h"
#include "queuecommands.h"
#include "queuestorage.h"
#include "storageerror.h"
#include "tlscommands.h"

#include <QTextStream>

namespace {

struct CommandShape
{
    const char *group;
    const char *verb;
    int minArgs;
    int maxArgs;                 // -1: no upper bound
    QStringList options;         // command options it accepts besides the global ones
};

const QList<CommandShape> &shapes()
{
    static const QList<CommandShape> table = {
        {"domain", "add", 1, 1, {}},
        {"domain", "remove", 1, 1, {}},
        {"domain", "list", 0, 0, {}},
        {"user", "add", 1, 1, {QStringLiteral("password-stdin"), QStringLiteral("name"), QStringLiteral("quota")}},
        {"user", "remove", 1, 1, {}},
        {"user", "passwd", 1, 1, {QStringLiteral("password-stdin")}},
        {"user", "enable", 1, 1, {}},
        {"user", "disable", 1, 1, {}},
        {"user", "list", 0, 1, {}},
        {"user", "set", 1, 1, {QStringLiteral("name"), QStringLiteral("quota")}},
        {"alias", "add", 2, -1, {}},
        {"alias", "remove", 1, -1, {}},
        {"alias", "list", 0, 0, {}},
        {"smtp-login", "add", 1, 1, {QStringLiteral("password-stdin")}},
        {"smtp-login", "remove", 1, 1, {}},
        {"smtp-login", "list", 0, 0, {}},
        {"ban", "add", 1, 1, {QStringLiteral("minutes"), QStringLiteral("comment")}},
        {"ban", "remove", 1, 1, {}},
        {"ban", "list", 0, 0, {}},
        {"trust", "add", 1, 1, {QStringLiteral("comment")}},
        {"trust", "remove", 1, 1, {}},
        {"trust", "list", 0, 0, {}},
        {"filter", "add", 1, 1, {QStringLiteral("scope"), QStringLiteral("action")}},
        {"filter", "remove", 1, 1, {}},
        {"filter", "list", 0, 0, {}},
        {"attachment-filter", "add", 1, 1, {}},
        {"attachment-filter", "remove", 1, 1, {}},
        {"attachment-filter", "list", 0, 0, {}},
        {"config", "get", 1, 1, {}},
        {"config", "set", 2, 2, {}},
        {"config", "reset", 1, 1, {}},
        {"config", "list", 0, 0, {}},
        {"tls", "show", 0, 0, {}},
        {"tls", "reload", 0, 0, {}},
        {"admin-password", "set", 0, 0, {QStringLiteral("password-stdin")}},
        {"admin-password", "clear", 0, 0, {}},
        {"queue", "list", 0, 0, {}},
        {"queue", "show", 1, 1, {}},
        {"queue", "retry", 0, 1, {QStringLiteral("all")}},
        {"queue", "delete", 1, 1, {}},
        {"queue", "bounce", 1, 1, {}},
        {"policy", "explain", 0, 0, {QStringLiteral("ip"), QStringLiteral("auth"), QStringLiteral("from"), QStringLiteral("to")}},
        {"route", "add", 2, 2, {QStringLiteral("tls"), QStringLiteral("auth"), QStringLiteral("password-stdin")}},
        {"route", "remove", 1, 1, {}},
        {"route", "list", 0, 0, {}},
        {"smarthost-password", "set", 0, 0, {QStringLiteral("password-stdin")}},
        {"smarthost-password", "clear", 0, 0, {}},
    };
    return table;
}

const QStringList kCommandOptions = {QStringLiteral("password-stdin"), QStringLiteral("name"), QStringLiteral("quota"),
                                     QStringLiteral("headless"), QStringLiteral("ephemeral-ports"),
                                     QStringLiteral("minutes"), QStringLiteral("comment"), QStringLiteral("ip"),
                                     QStringLiteral("auth"), QStringLiteral("from"), QStringLiteral("to"),
                                     QStringLiteral("scope"), QStringLiteral("action"), QStringLiteral("tls"), QStringLiteral("all")};

// The argument checks that need no storage: a well-formed range, a positive --minutes.
QString checkArguments(const QString &group, const QString &verb, const QStringList &args, const CommandLine &command)
{
    if (group == QStringLiteral("policy"))
        return PolicyCommands::checkUsage(command);
    if (group == QStringLiteral("filter") || group == QStringLiteral("attachment-filter"))
        return FilterCommands::checkArguments(group, verb, args, command);
    if (group == QStringLiteral("route") || group == QStringLiteral("smarthost-password"))
        return RouteCommands::checkArguments(group, verb, args, command);
    if (group == QStringLiteral("queue"))
        return QueueCommands::checkArguments(verb, args, command);
    if (group != QStringLiteral("ban") && group != QStringLiteral("trust"))
        return {};
    if (verb != QStringLiteral("list")) {
        QString error;
        if (!CidrRange::parse(args.value(0).trimmed(), &error))
            return QStringLiteral("%1 %2: %3").arg(group, verb, error);
    }
    if (command.hasOption(QStringLiteral("minutes"))) {
        const QString text = command.option(QStringLiteral("minutes"));
        bool ok = false;
        const qint64 minutes = text.toLongLong(&ok);
        if (!ok || minutes <= 0 || minutes > AdminService::kMaxBanMinutes)
            return QStringLiteral("%1 %2: --minutes needs a positive number of minutes (at most %3), not \"%4\"")
                .arg(group, verb).arg(AdminService::kMaxBanMinutes).arg(text);
    }
    return {};
}

}

QString AdminCommands::checkUsage(const CommandLine &command)
{
    const QStringList words = command.words();
    if (words.isEmpty())
        return QStringLiteral("no command given");
    const QString group = words.at(0);
    const QString verb = words.value(1);
    bool groupKnown = false;
    for (const CommandShape &shape : shapes()) {
        if (group != QLatin1String(shape.group))
            continue;
        groupKnown = true;
        if (verb != QLatin1String(shape.verb))
            continue;
        const int args = int(words.size()) - 2;
        if (args < shape.minArgs)
            return QStringLiteral("%1 %2: missing argument").arg(group, verb);
        if (shape.maxArgs >= 0 && args > shape.maxArgs)
            return QStringLiteral("%1 %2: unexpected argument \"%3\"").arg(group, verb, words.at(2 + shape.maxArgs));
        for (const QString &option : kCommandOptions) {
            if ((command.hasFlag(option) || command.hasOption(option)) && !shape.options.contains(option))
                return QStringLiteral("%1 %2 does not take --%3").arg(group, verb, option);
        }
        return checkArguments(group, verb, words.mid(2), command);
    }
    if (!groupKnown)
        return QStringLiteral("unknown command \"%1\"").arg(group);
    return verb.isEmpty() ? QStringLiteral("%1: missing action").arg(group)
                          : QStringLiteral("%1: unknown action \"%2\"").arg(group, verb);
}

AdminCommands::AdminCommands(AdminService &admin, QTextStream &out, QTextStream &err,
                             std::function<QString()> readSecretLine, QString dataDirectory)
    : m_admin(admin), m_out(out), m_err(err), m_readSecretLine(std::move(readSecretLine)),
      m_dataDirectory(std::move(dataDirectory))
{
}

int AdminCommands::run(const CommandLine &command)
{
    const QStringList words = command.words();
    const QString group = words.at(0);
    const QString verb = words.at(1);
    const QStringList args = words.mid(2);
    try {
        if (group == QStringLiteral("domain"))
            return runDomain(verb, args);
        if (group == QStringLiteral("user"))
            return runUser(verb, args, command);
        if (group == QStringLiteral("alias"))
            return runAlias(verb, args);
        if (group == QStringLiteral("tls"))
            return TlsCommands(m_admin, m_out, m_err, m_dataDirectory).run(verb);
        if (group == QStringLiteral("smtp-login"))
            return runSmtpLogin(verb, args);
        if (group == QStringLiteral("admin-password"))
            return runAdminPassword(verb);
        if (group == QStringLiteral("ban"))
            return runBan(verb, args, command);
        if (group == QStringLiteral("trust"))
            return runTrust(verb, args, command);
        if (group == QStringLiteral("policy"))
            return PolicyCommands(m_admin, m_out, m_dataDirectory).explain(command);
        if (group == QStringLiteral("filter") || group == QStringLiteral("attachment-filter")) {
            FilterAdmin filters(m_admin.storage(), m_admin.actor());
            return FilterCommands(filters, m_out).run(group, verb, args, command);
        }
        if (group == QStringLiteral("route") || group == QStringLiteral("smarthost-password")) {
            SecretStore secrets(DataDirectory(m_dataDirectory).secretsDirectory());
            RouteAdmin routes(m_admin.storage(), secrets, m_admin.actor());
            return RouteCommands(routes, m_out, m_err, [this] { return readPassword(); }).run(group, verb, args, command);
        }
        if (group == QStringLiteral("queue"))
            return runQueue(verb, args, command);
        return runConfig(verb, args);
    } catch (const StorageError &error) {
        m_err << "postern: error: " << error.message() << Qt::endl;
        const bool runtime = error.kind() == StorageError::Kind::Unavailable || error.kind() == StorageError::Kind::TooNew;
        return runtime ? RuntimeFailure : UsageError;
    }
}

int AdminCommands::runDomain(const QString &verb, const QStringList &args)
{
    if (verb == QStringLiteral("add"))
        m_out << m_admin.addDomain(args.at(0)) << Qt::endl;
    else if (verb == QStringLiteral("remove"))
        m_out << m_admin.removeDomain(args.at(0)) << Qt::endl;
    else
        for (const QString &domain : m_admin.domains())
            m_out << domain << Qt::endl;
    return Success;
}

QString AdminCommands::readPassword()
{
    QString password = m_readSecretLine();
    while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    return password;
}

int AdminCommands::runUser(const QString &verb, const QStringList &args, const CommandLine &command)
{
    if (verb == QStringLiteral("add")) {
        AdminService::NewAccount account;
        account.address = args.at(0);
        account.displayName = command.option(QStringLiteral("name"));
        if (command.hasOption(QStringLiteral("quota")))
            account.quotaBytes = AdminService::parseQuota(command.option(QStringLiteral("quota")));
        if (command.hasFlag(QStringLiteral("password-stdin")))
            account.password = readPassword();
        m_out << m_admin.addUser(account) << Qt::endl;
    } else if (verb == QStringLiteral("remove")) {
        m_out << m_admin.removeUser(args.at(0)) << Qt::endl;
    } else if (verb == QStringLiteral("passwd")) {
        m_out << m_admin.setPassword(args.at(0), readPassword()) << Qt::endl;
    } else if (verb == QStringLiteral("set")) {
        std::optional<QString> displayName;
        if (command.hasOption(QStringLiteral("name")))
            displayName = command.option(QStringLiteral("name"));
        std::optional<qint64> quotaBytes;
        if (command.hasOption(QStringLiteral("quota")))
            quotaBytes = AdminService::parseQuota(command.option(QStringLiteral("quota")));
        m_out << m_admin.updateUser(args.at(0), displayName, quotaBytes) << Qt::endl;
    } else if (verb == QStringLiteral("enable") || verb == QStringLiteral("disable")) {
        m_out << m_admin.setEnabled(args.at(0), verb == QStringLiteral("enable")) << Qt::endl;
    } else {
        for (const AccountRecord &account : m_admin.users(args.value(0))) {
            m_out << account.address << '\t' << account.displayName << '\t' << account.quotaBytes << '\t'
                  << (account.enabled ? "enabled" : "disabled") << Qt::endl;
        }
    }
    return Success;
}

int AdminCommands::runAlias(const QString &verb, const QStringList &args)
{
    if (verb == QStringLiteral("add"))
        m_out << m_admin.addAlias(args.at(0), args.mid(1)) << Qt::endl;
    else if (verb == QStringLiteral("remove"))
        m_out << m_admin.removeAlias(args.at(0), args.mid(1)) << Qt::endl;
    else
        for (const AliasRecord &alias : m_admin.aliases())
            m_out << alias.address << '\t' << alias.targets.join(QLatin1Char(',')) << Qt::endl;
    return Success;
}

int AdminCommands::runSmtpLogin(const QString &verb, const QStringList &args)
{
    if (verb == QStringLiteral("add")) {
        // A login exists only to log in, so the password is always read (from standard input, as
        // for user passwd); --password-stdin says the same, for scripts written like user add.
        m_out << m_admin.addSmtpLogin(args.at(0), readPassword()) << Qt::endl;
    } else if (verb == QStringLiteral("remove")) {
        m_out << m_admin.removeSmtpLogin(args.at(0)) << Qt::endl;
    } else {
        for (const SmtpLoginRecord &login : m_admin.smtpLogins())
            m_out << login.name << Qt::endl;
    }
    return Success;
}

int AdminCommands::runAdminPassword(const QString &verb)
{
    // Always read from standard input, never an argument: arguments show up in `ps`.
    const QString password = verb == QStringLiteral("set") ? readPassword() : QString();
    if (verb == QStringLiteral("set") && password.isEmpty())
        throw StorageError(StorageError::Kind::Invalid,
                           QStringLiteral("admin-password set: no password on standard input (admin-password clear removes it)"));
    m_out << AdminPassword(m_admin.storage(), m_admin.actor()).set(password) << Qt::endl;
    return Success;
}

int AdminCommands::removeListEntry(const std::function<QString()> &remove)
{
    // Removing an entry that is not there is a runtime failure (exit 1), not bad usage: the
    // command was well-formed, the list just did not hold it.
    try {
        m_out << remove() << Qt::endl;
    } catch (const StorageError &error) {
        if (error.kind() != StorageError::Kind::NotFound)
            throw;
        m_err << "postern: error: " << error.message() << Qt::endl;
        return RuntimeFailure;
    }
    return Success;
}

int AdminCommands::runBan(const QString &verb, const QStringList &args, const CommandLine &command)
{
    if (verb == QStringLiteral("add")) {
        const QString minutes = command.option(QStringLiteral("minutes"));
        m_out << m_admin.addBan(args.at(0), minutes.isEmpty() ? 0 : minutes.toLongLong(),
                                command.option(QStringLiteral("comment")))
              << Qt::endl;
    } else if (verb == QStringLiteral("remove")) {
        return removeListEntry([&] { return m_admin.removeBan(args.at(0)); });
    } else {
        for (const BanRecord &ban : m_admin.bans()) {
            m_out << ban.range << '\t'
                  << (ban.expires ? ban.expires->toUTC().toString(Qt::ISODate) : QStringLiteral("never")) << '\t'
                  << ban.source << '\t' << ban.comment << Qt::endl;
        }
    }
    return Success;
}

int AdminCommands::runTrust(const QString &verb, const QStringList &args, const CommandLine &command)
{
    if (verb == QStringLiteral("add")) {
        m_out << m_admin.addTrust(args.at(0), command.option(QStringLiteral("comment"))) << Qt::endl;
    } else if (verb == QStringLiteral("remove")) {
        return removeListEntry([&] { return m_admin.removeTrust(args.at(0)); });
    } else {
        for (const TrustRecord &trust : m_admin.trusts())
            m_out << trust.range << '\t' << trust.comment << Qt::endl;
    }
    return Success;
}

int AdminCommands::runConfig(const QString &verb, const QStringList &args)
{
    if (verb == QStringLiteral("get")) {
        m_out << m_admin.configGet(args.at(0)) << Qt::endl;
    } else if (verb == QStringLiteral("set")) {
        m_out << m_admin.configSet(args.at(0), args.at(1)) << Qt::endl;
    } else if (verb == QStringLiteral("reset")) {
        m_out << m_admin.configReset(args.at(0)) << Qt::endl;
    } else {
        const QMap<QString, QString> values = m_admin.configList();
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            m_out << it.key() << '\t' << it.value() << Qt::endl;
    }
    return Success;
}

int AdminCommands::runQueue(const QString &verb, const QStringList &args, const CommandLine &command)
{
    if (!m_openQueueStorage) {
        m_err << "postern: error: the queue is not available to this command" << Qt::endl;
        return RuntimeFailure;
    }
    const std::unique_ptr<QueueStorage> queue = m_openQueueStorage();
    QueueAdmin admin(*queue, QueueDirectory(DataDirectory(m_dataDirectory).queueDirectory()), m_admin.storage(),
                     m_admin.actor());
    return QueueCommands(admin, m_out, m_err).run(verb, args, command);
}
