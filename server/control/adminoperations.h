#pragma once

#include "adminrequest.h"

#include <QHash>
#include <QString>

#include <functional>

class AdminService;
class FilterAdmin;

// Runs AdminRequests against the admin services: the one table of operations the GUI (in-process
// or over the admin socket) can ask for. Names follow the CLI's words: "<group>.<verb>".
// Runs in whichever thread owns the services' storage; never throws.
//
// Operations and their arguments (contract; replies carry AdminService's message):
//   domain.list → [domain]             domain.add|remove {domain}
//   user.list {domain?} → [{address, displayName, quotaBytes, enabled}]
//   user.add {address, password?, displayName?, quotaBytes?}   user.remove {address}
//   user.passwd {address, password}    user.enable {address, enabled}
//   user.update {address, displayName?, quotaBytes?}: changes only what is given
//   alias.list → [{address, targets}]  alias.add {alias, targets}  alias.remove {alias, targets?}
//   smtp-login.list → [{name}]         smtp-login.add {name, password}  smtp-login.remove {name}
//   ban.list → [{range, expires|null, comment, created, source}]
//   ban.add {range, minutes (0 = for good), comment?}  ban.remove {range}
//   trust.list → [{range, comment}]    trust.add {range, comment?}  trust.remove {range}
//   filter.list → [{text, scope, action, created}]  filter.add {text, scope?, action?}  filter.remove {text}
//   attachment-filter.list → [{pattern, created}]  attachment-filter.add|remove {pattern}
//   config.list → [{key, value, default, description, type, minimum, maximum, choices}]
//   config.get {key} → value           config.set {key, value}  config.reset {key}
//   config.set-many {values: {key: value}}: every value is checked before any is written
//   policy.explain {ip, auth?, from, to} → [line]
//   tls.reload
//   tls.info → {subject, issuer, notAfter (ISO 8601 UTC), daysLeft, sha256, selfSigned, generated,
//               certFile, keyFile}: the pair the settings name (or the generated one)
//   admin.password.set {password} (empty clears it)   admin.password.exists → bool
//   admin.password.check {password}: Ok, or Denied (logged as a security decision)
//   route.list → {routes: [{domain, host, port, tls, auth_user, has_password}]}
//   route.add {domain, host, port, tls?, auth_user?, password?}   route.remove {domain}
//   smarthost.password.set {password}   smarthost.password.clear
//   smarthost.password.exists → {exists: bool}
class AdminOperations
{
public:
    // mailDirectory: where the mailboxes are (policy.explain's quota check); dataDirectory: where
    // the generated certificate is (tls.info).
    AdminOperations(AdminService &admin, FilterAdmin &filters, QString mailDirectory, QString dataDirectory = {});

    [[nodiscard]] AdminReply run(const AdminRequest &request);
    [[nodiscard]] QStringList operationNames() const;

private:
    using Handler = std::function<AdminReply(const QJsonObject &)>;
    void addDomainOperations();
    void addAccountOperations();
    void addAddressListOperations();
    void addFilterOperations();
    void addConfigOperations();
    void addOptionsOperations();   // adminoperationsoptions.cpp
    void addOutboundOperations();  // adminoperationsoutbound.cpp
    [[nodiscard]] AdminReply setMany(const QJsonObject &values);

    AdminService &m_admin;
    FilterAdmin &m_filters;
    QString m_mailDirectory;
    QString m_dataDirectory;
    QHash<QString, Handler> m_handlers;
};
