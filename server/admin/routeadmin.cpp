#include "routeadmin.h"

#include "hostport.h"
#include "log.h"
#include "mailaddress.h"
#include "outboundtls.h"
#include "secretstore.h"
#include "settingsschema.h"
#include "storage.h"
#include "storageerror.h"

#include <QHostAddress>

namespace {

[[noreturn]] void invalid(const QString &why)
{
    throw StorageError(StorageError::Kind::Invalid, why);
}

void checkPassword(const QString &password)
{
    if (password.isEmpty())
        invalid(QStringLiteral("the password is empty"));
    if (password.contains(QLatin1Char('\n')) || password.contains(QLatin1Char('\r')) || password.contains(QChar(0)))
        invalid(QStringLiteral("the password may not hold line breaks or NUL characters"));
}

}

RouteAdmin::RouteAdmin(Storage &storage, SecretStore &secrets, QString actor)
    : m_storage(storage), m_secrets(secrets), m_actor(std::move(actor))
{
}

std::optional<RouteRecord> RouteAdmin::checkRoute(const NewRoute &route, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<RouteRecord> {
        *error = why;
        return std::nullopt;
    };
    QString why;
    const QString domain = MailAddress::normalizeDomain(route.domain, &why);
    if (domain.isEmpty() || domain.startsWith(QLatin1Char('[')))
        return fail(QStringLiteral("\"%1\" is not a domain name").arg(route.domain));
    if (route.port < 1 || route.port > 65535)
        return fail(QStringLiteral("the port must be between 1 and 65535, not %1").arg(route.port));
    QString host = route.host.trimmed();
    if (QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    const std::optional<HostPort> hostPort = HostPort::parse(host + QLatin1Char(':') + QString::number(route.port), &why);
    if (!hostPort)
        return fail(why);
    const std::optional<OutboundTls> tls = parseOutboundTls(route.tls);
    if (!tls)
        return fail(QStringLiteral("unknown TLS mode \"%1\": use none, opportunistic, required or verify").arg(route.tls));
    // A login is a word like outbound.smarthost_user: the same rule, the same message.
    QString user;
    if (!route.authUser.isEmpty()) {
        user = SettingsSchema::normalize(*SettingsSchema::find(QStringLiteral("outbound.smarthost_user")), route.authUser, &why);
        if (user.isEmpty())
            return fail(QStringLiteral("login \"%1\": spaces and control characters are not allowed, at most 255 characters")
                            .arg(route.authUser));
    }
    if (route.password && user.isEmpty())
        return fail(QStringLiteral("a password needs a login (--auth USER)"));
    RouteRecord record;
    record.domain = domain;
    record.host = hostPort->host;
    record.port = hostPort->port;
    record.tls = outboundTlsName(*tls);
    record.authUser = user;
    return record;
}

QString RouteAdmin::hostPortText(const RouteRecord &route)
{
    return HostPort{route.host, route.port}.toString();
}

QList<RouteRecord> RouteAdmin::routes()
{
    return m_storage.routes();
}

bool RouteAdmin::hasPassword(const QString &domain) const
{
    return m_secrets.exists(SecretStore::routeName(domain));
}

void RouteAdmin::storeSecret(const QString &name, const QString &password)
{
    QString error;
    if (!m_secrets.set(name, password, &error))
        throw StorageError(StorageError::Kind::Unavailable, error);
}

void RouteAdmin::changed(const QString &auditText)
{
    m_storage.bumpRequest(QLatin1String(kChangedRequest));
    Log::info(QStringLiteral("admin"), m_actor, auditText);
}

QString RouteAdmin::addRoute(const NewRoute &route)
{
    QString error;
    const std::optional<RouteRecord> record = checkRoute(route, &error);
    if (!record)
        invalid(error);
    if (route.password)
        checkPassword(*route.password);
    const QString secret = SecretStore::routeName(record->domain);
    const bool replaced = m_storage.route(record->domain).has_value();
    // The password first: a route that logs in is never stored pointing at a missing password
    // because the disk refused it.
    if (route.password) {
        storeSecret(secret, *route.password);
    } else if (record->authUser.isEmpty() && !m_secrets.clear(secret, &error)) {
        throw StorageError(StorageError::Kind::Unavailable, error);
    }
    m_storage.transaction([&] {
        m_storage.setRoute(*record);
        m_storage.bumpRequest(QLatin1String(kChangedRequest));
    });
    QString summary = QStringLiteral("%1 via %2, TLS %3").arg(record->domain, hostPortText(*record), record->tls);
    if (!record->authUser.isEmpty()) {
        summary += QStringLiteral(", login %1 (%2)")
                       .arg(record->authUser, hasPassword(record->domain) ? QStringLiteral("password stored")
                                                                           : QStringLiteral("no password stored"));
    }
    const QString message = QStringLiteral("route %1: %2").arg(replaced ? QStringLiteral("replaced") : QStringLiteral("added"), summary);
    Log::info(QStringLiteral("admin"), m_actor, message);
    return message;
}

QString RouteAdmin::removeRoute(const QString &domain)
{
    const QString ace = MailAddress::normalizeDomain(domain);
    if (ace.isEmpty() || ace.startsWith(QLatin1Char('[')))
        invalid(QStringLiteral("\"%1\" is not a domain name").arg(domain));
    m_storage.removeRoute(ace);
    QString error;
    if (!m_secrets.clear(SecretStore::routeName(ace), &error))
        Log::warning(QStringLiteral("admin"), m_actor, QStringLiteral("route for %1 removed, its password not: %2").arg(ace, error));
    changed(QStringLiteral("route removed: %1").arg(ace));
    return QStringLiteral("route for %1 removed").arg(ace);
}

QString RouteAdmin::setSmartHostPassword(const QString &password)
{
    checkPassword(password);
    storeSecret(SecretStore::smartHostName(), password);
    changed(QStringLiteral("smart host password stored"));
    return QStringLiteral("smart host password stored");
}

QString RouteAdmin::clearSmartHostPassword()
{
    const bool existed = smartHostPasswordExists();
    QString error;
    if (!m_secrets.clear(SecretStore::smartHostName(), &error))
        throw StorageError(StorageError::Kind::Unavailable, error);
    if (!existed)
        return QStringLiteral("no smart host password was stored");
    changed(QStringLiteral("smart host password removed"));
    return QStringLiteral("smart host password removed");
}

bool RouteAdmin::smartHostPasswordExists() const
{
    return m_secrets.exists(SecretStore::smartHostName());
}
