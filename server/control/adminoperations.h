#pragma once

#include "adminrequest.h"

#include <QHash>
#include <QString>

#include <functional>

class AdminService;
class FilterAdmin;
class QueueAdmin;

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
//   queue.list → {messages: [message]}, oldest first; message = {id, sender ("" = <>), size,
//     received_at, age_seconds, next_attempt (earliest of the queued recipients, or null),
//     last_error (the latest recipient error, "" = none), recipients: [{address, state
//     (queued|delivered|failed), attempts, next_attempt (null unless queued), last_attempt|null,
//     last_error, status (RFC 3463, "" before an outcome)}]}; times ISO 8601 UTC
//   queue.show {id} → message + headers (the header block; "(file missing)")
//   queue.retry {id} | {all: true} → {count}   queue.delete {id}   queue.bounce {id} → {count}
//   (an unknown id is NotFound, a malformed one Invalid; without setQueueAdmin, Unavailable)
class AdminOperations
{
public:
    // mailDirectory: where the mailboxes are (policy.explain's quota check); dataDirectory: where
    // the generated certificate is (tls.info).
    AdminOperations(AdminService &admin, FilterAdmin &filters, QString mailDirectory, QString dataDirectory = {});

    // The queue.* operations act on it from then on (it must outlive this object or be unset).
    void setQueueAdmin(QueueAdmin *queue) { m_queue = queue; }

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
    void addQueueOperations();     // adminoperationsqueue.cpp
    [[nodiscard]] QueueAdmin &queue() const;
    [[nodiscard]] AdminReply setMany(const QJsonObject &values);

    AdminService &m_admin;
    FilterAdmin &m_filters;
    QString m_mailDirectory;
    QString m_dataDirectory;
    QueueAdmin *m_queue = nullptr;
    QHash<QString, Handler> m_handlers;
};
