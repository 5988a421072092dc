#pragma once

#include "records.h"

#include <QList>
#include <QString>

#include <optional>

class SecretStore;
class Storage;

// The admin operations on outbound routes and the smart host's password, for the CLI and the
// engine interface alike: a domain in lower-case ACE, a host and port that can be used, a known
// TLS mode, and passwords kept in the SecretStore (never in the database, never logged or
// echoed). Every change bumps the "routes.changed" request so a running engine reloads its
// routing table. Failures throw StorageError: Invalid for bad input, NotFound for removing what
// is not there, Unavailable when a password cannot be written.
class RouteAdmin
{
public:
    static constexpr char kChangedRequest[] = "routes.changed";

    struct NewRoute
    {
        QString domain;
        QString host;                    // name or address, "[v6]" accepted
        int port = 0;                    // 1-65535, required
        QString tls = QStringLiteral("required");
        QString authUser;                // empty: no login (and any stored password is removed)
        std::optional<QString> password; // nullopt: keep the stored one (when there is a login)
    };

    RouteAdmin(Storage &storage, SecretStore &secrets, QString actor);

    [[nodiscard]] QList<RouteRecord> routes();
    [[nodiscard]] bool hasPassword(const QString &domain) const;
    QString addRoute(const NewRoute &route);
    QString removeRoute(const QString &domain);

    QString setSmartHostPassword(const QString &password);
    QString clearSmartHostPassword();
    [[nodiscard]] bool smartHostPasswordExists() const;

    // The checks that need no storage; the normalized route, or an error message.
    [[nodiscard]] static std::optional<RouteRecord> checkRoute(const NewRoute &route, QString *error);
    // "relay.example.net:587", "[2001:db8::1]:25".
    [[nodiscard]] static QString hostPortText(const RouteRecord &route);

private:
    void storeSecret(const QString &name, const QString &password);
    void changed(const QString &auditText);

    Storage &m_storage;
    SecretStore &m_secrets;
    QString m_actor;
};
