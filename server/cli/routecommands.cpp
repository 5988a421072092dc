#include "routecommands.h"

#include "admincommands.h"
#include "commandline.h"
#include "hostport.h"
#include "routeadmin.h"
#include "storageerror.h"

#include <QTextStream>

#include <optional>

namespace {

// The route `route add` describes, before any password is read; nullopt with *error.
std::optional<RouteAdmin::NewRoute> newRoute(const QStringList &args, const CommandLine &command, QString *error)
{
    const std::optional<HostPort> hostPort = HostPort::parse(args.value(1), error);
    if (!hostPort)
        return std::nullopt;
    RouteAdmin::NewRoute route;
    route.domain = args.value(0);
    route.host = hostPort->host;
    route.port = hostPort->port;
    if (command.hasOption(QStringLiteral("tls")))
        route.tls = command.option(QStringLiteral("tls"));
    route.authUser = command.option(QStringLiteral("auth"));
    if (command.hasOption(QStringLiteral("auth")) && route.authUser.isEmpty()) {
        *error = QStringLiteral("--auth needs a login name");
        return std::nullopt;
    }
    if (command.hasFlag(QStringLiteral("password-stdin")))
        route.password = QString();   // read later; here only "a password will come"
    if (!RouteAdmin::checkRoute(route, error))
        return std::nullopt;
    return route;
}

}

RouteCommands::RouteCommands(RouteAdmin &admin, QTextStream &out, QTextStream &err, std::function<QString()> readPassword)
    : m_admin(admin), m_out(out), m_err(err), m_readPassword(std::move(readPassword))
{
}

QString RouteCommands::checkArguments(const QString &group, const QString &verb, const QStringList &args,
                                      const CommandLine &command)
{
    QString error;
    if (group == QStringLiteral("route") && verb == QStringLiteral("add")) {
        if (newRoute(args, command, &error))
            error.clear();
    } else if (group == QStringLiteral("route") && verb == QStringLiteral("remove")) {
        RouteAdmin::NewRoute probe;
        probe.domain = args.value(0);
        probe.host = QStringLiteral("localhost");
        probe.port = 25;
        if (RouteAdmin::checkRoute(probe, &error))
            error.clear();
    }
    return error.isEmpty() ? QString() : QStringLiteral("%1 %2: %3").arg(group, verb, error);
}

int RouteCommands::run(const QString &group, const QString &verb, const QStringList &args, const CommandLine &command)
{
    return group == QStringLiteral("route") ? runRoute(verb, args, command) : runSmartHostPassword(verb);
}

int RouteCommands::runRoute(const QString &verb, const QStringList &args, const CommandLine &command)
{
    if (verb == QStringLiteral("add")) {
        QString error;
        std::optional<RouteAdmin::NewRoute> route = newRoute(args, command, &error);
        if (!route)
            throw StorageError(StorageError::Kind::Invalid, QStringLiteral("route add: %1").arg(error));
        if (route->password)
            route->password = m_readPassword();
        m_out << m_admin.addRoute(*route) << Qt::endl;
    } else if (verb == QStringLiteral("remove")) {
        try {
            m_out << m_admin.removeRoute(args.at(0)) << Qt::endl;
        } catch (const StorageError &error) {
            // Well-formed, but the table did not hold it: a runtime failure, as for ban remove.
            if (error.kind() != StorageError::Kind::NotFound)
                throw;
            m_err << "postern: error: " << error.message() << Qt::endl;
            return AdminCommands::RuntimeFailure;
        }
    } else {
        for (const RouteRecord &route : m_admin.routes()) {
            m_out << route.domain << '\t' << RouteAdmin::hostPortText(route) << '\t' << route.tls << '\t'
                  << (route.authUser.isEmpty() ? QStringLiteral("-") : route.authUser) << '\t'
                  << (m_admin.hasPassword(route.domain) ? "password" : "-") << Qt::endl;
        }
    }
    return AdminCommands::Success;
}

int RouteCommands::runSmartHostPassword(const QString &verb)
{
    if (verb == QStringLiteral("set")) {
        // Always from standard input, never an argument: arguments show up in `ps`.
        const QString password = m_readPassword();
        if (password.isEmpty())
            throw StorageError(StorageError::Kind::Invalid,
                               QStringLiteral("smarthost-password set: no password on standard input "
                                              "(smarthost-password clear removes it)"));
        m_out << m_admin.setSmartHostPassword(password) << Qt::endl;
    } else {
        m_out << m_admin.clearSmartHostPassword() << Qt::endl;
    }
    return AdminCommands::Success;
}
