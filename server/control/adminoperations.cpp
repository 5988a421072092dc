#include "adminoperations.h"

#include "adminjson.h"
#include "adminservice.h"
#include "filteradmin.h"
#include "storageerror.h"

#include <QHostAddress>
#include <QJsonArray>

namespace {

QString text(const QJsonObject &arguments, const char *name)
{
    return arguments.value(QLatin1String(name)).toString();
}

QStringList textList(const QJsonObject &arguments, const char *name)
{
    QStringList list;
    for (const QJsonValue &value : arguments.value(QLatin1String(name)).toArray())
        list << value.toString();
    return list;
}

AdminReply::Status statusOf(StorageError::Kind kind)
{
    switch (kind) {
    case StorageError::Kind::NotFound:
        return AdminReply::Status::NotFound;
    case StorageError::Kind::Duplicate:
        return AdminReply::Status::Duplicate;
    case StorageError::Kind::Invalid:
        return AdminReply::Status::Invalid;
    case StorageError::Kind::Unavailable:
    case StorageError::Kind::TooNew:
        break;
    }
    return AdminReply::Status::Unavailable;
}

}

AdminOperations::AdminOperations(AdminService &admin, FilterAdmin &filters, QString mailDirectory,
                                 QString dataDirectory)
    : m_admin(admin), m_filters(filters), m_mailDirectory(std::move(mailDirectory)),
      m_dataDirectory(std::move(dataDirectory))
{
    addDomainOperations();
    addAccountOperations();
    addAddressListOperations();
    addFilterOperations();
    addConfigOperations();
    addOptionsOperations();
    addOutboundOperations();
    addQueueOperations();
}

AdminReply AdminOperations::run(const AdminRequest &request)
{
    const auto handler = m_handlers.constFind(request.operation);
    if (handler == m_handlers.cend())
        return AdminReply::failure(AdminReply::Status::UnknownOperation,
                                   QStringLiteral("unknown admin operation \"%1\"").arg(request.operation));
    try {
        return (*handler)(request.arguments);
    } catch (const StorageError &error) {
        return AdminReply::failure(statusOf(error.kind()), error.message());
    }
}

QStringList AdminOperations::operationNames() const
{
    QStringList names = m_handlers.keys();
    names.sort();
    return names;
}

void AdminOperations::addDomainOperations()
{
    m_handlers.insert(QStringLiteral("domain.list"), [this](const QJsonObject &) {
        return AdminReply::success({}, QJsonArray::fromStringList(m_admin.domains()));
    });
    m_handlers.insert(QStringLiteral("domain.add"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.addDomain(text(a, "domain")));
    });
    m_handlers.insert(QStringLiteral("domain.remove"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.removeDomain(text(a, "domain")));
    });
}

void AdminOperations::addAccountOperations()
{
    m_handlers.insert(QStringLiteral("user.list"), [this](const QJsonObject &a) {
        return AdminReply::success({}, AdminJson::accounts(m_admin.users(text(a, "domain"))));
    });
    m_handlers.insert(QStringLiteral("user.add"), [this](const QJsonObject &a) {
        AdminService::NewAccount account;
        account.address = text(a, "address");
        if (a.contains(QStringLiteral("password")))
            account.password = text(a, "password");
        account.displayName = text(a, "displayName");
        account.quotaBytes = qint64(a.value(QStringLiteral("quotaBytes")).toDouble());
        return AdminReply::success(m_admin.addUser(account));
    });
    m_handlers.insert(QStringLiteral("user.remove"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.removeUser(text(a, "address")));
    });
    m_handlers.insert(QStringLiteral("user.passwd"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.setPassword(text(a, "address"), text(a, "password")));
    });
    m_handlers.insert(QStringLiteral("user.enable"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.setEnabled(text(a, "address"), a.value(QStringLiteral("enabled")).toBool()));
    });
    m_handlers.insert(QStringLiteral("user.update"), [this](const QJsonObject &a) {
        std::optional<QString> displayName;
        if (a.contains(QStringLiteral("displayName")))
            displayName = text(a, "displayName");
        std::optional<qint64> quotaBytes;
        if (a.contains(QStringLiteral("quotaBytes")))
            quotaBytes = qint64(a.value(QStringLiteral("quotaBytes")).toDouble());
        return AdminReply::success(m_admin.updateUser(text(a, "address"), displayName, quotaBytes));
    });
    m_handlers.insert(QStringLiteral("alias.list"), [this](const QJsonObject &) {
        return AdminReply::success({}, AdminJson::aliases(m_admin.aliases()));
    });
    m_handlers.insert(QStringLiteral("alias.add"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.addAlias(text(a, "alias"), textList(a, "targets")));
    });
    m_handlers.insert(QStringLiteral("alias.remove"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.removeAlias(text(a, "alias"), textList(a, "targets")));
    });
    m_handlers.insert(QStringLiteral("smtp-login.list"), [this](const QJsonObject &) {
        return AdminReply::success({}, AdminJson::smtpLogins(m_admin.smtpLogins()));
    });
    m_handlers.insert(QStringLiteral("smtp-login.add"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.addSmtpLogin(text(a, "name"), text(a, "password")));
    });
    m_handlers.insert(QStringLiteral("smtp-login.remove"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.removeSmtpLogin(text(a, "name")));
    });
}

void AdminOperations::addAddressListOperations()
{
    m_handlers.insert(QStringLiteral("ban.list"), [this](const QJsonObject &) {
        return AdminReply::success({}, AdminJson::bans(m_admin.bans()));
    });
    m_handlers.insert(QStringLiteral("ban.add"), [this](const QJsonObject &a) {
        const qint64 minutes = qint64(a.value(QStringLiteral("minutes")).toDouble());
        if (minutes < 0 || minutes > AdminService::kMaxBanMinutes)
            return AdminReply::failure(AdminReply::Status::Invalid,
                                       QStringLiteral("a ban lasts 1 to %1 minutes, or 0 for good").arg(AdminService::kMaxBanMinutes));
        return AdminReply::success(m_admin.addBan(text(a, "range"), minutes, text(a, "comment")));
    });
    m_handlers.insert(QStringLiteral("ban.remove"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.removeBan(text(a, "range")));
    });
    m_handlers.insert(QStringLiteral("trust.list"), [this](const QJsonObject &) {
        return AdminReply::success({}, AdminJson::trusts(m_admin.trusts()));
    });
    m_handlers.insert(QStringLiteral("trust.add"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.addTrust(text(a, "range"), text(a, "comment")));
    });
    m_handlers.insert(QStringLiteral("trust.remove"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.removeTrust(text(a, "range")));
    });
    m_handlers.insert(QStringLiteral("policy.explain"), [this](const QJsonObject &a) {
        PolicyExplanation::Request request;
        request.client = QHostAddress(text(a, "ip"));
        if (request.client.isNull())
            return AdminReply::failure(AdminReply::Status::Invalid,
                                       QStringLiteral("\"%1\" is not an IP address").arg(text(a, "ip")));
        request.login = text(a, "auth");
        request.sender = text(a, "from");
        request.recipient = text(a, "to");
        return AdminReply::success({}, QJsonArray::fromStringList(m_admin.explainPolicy(request, m_mailDirectory)));
    });
    m_handlers.insert(QStringLiteral("tls.reload"), [this](const QJsonObject &) {
        m_admin.requestTlsReload();
        return AdminReply::success(QStringLiteral("the server will load its certificate and key again"));
    });
}

void AdminOperations::addFilterOperations()
{
    m_handlers.insert(QStringLiteral("filter.list"), [this](const QJsonObject &) {
        return AdminReply::success({}, AdminJson::filters(m_filters.filters()));
    });
    m_handlers.insert(QStringLiteral("filter.add"), [this](const QJsonObject &a) {
        const QString scope = a.contains(QStringLiteral("scope")) ? text(a, "scope") : QStringLiteral("all");
        const QString action = a.contains(QStringLiteral("action")) ? text(a, "action") : QStringLiteral("reject");
        return AdminReply::success(m_filters.addFilter(text(a, "text"), scope, action));
    });
    m_handlers.insert(QStringLiteral("filter.remove"), [this](const QJsonObject &a) {
        return AdminReply::success(m_filters.removeFilter(text(a, "text")));
    });
    m_handlers.insert(QStringLiteral("attachment-filter.list"), [this](const QJsonObject &) {
        return AdminReply::success({}, AdminJson::attachmentFilters(m_filters.attachmentFilters()));
    });
    m_handlers.insert(QStringLiteral("attachment-filter.add"), [this](const QJsonObject &a) {
        return AdminReply::success(m_filters.addAttachmentFilter(text(a, "pattern")));
    });
    m_handlers.insert(QStringLiteral("attachment-filter.remove"), [this](const QJsonObject &a) {
        return AdminReply::success(m_filters.removeAttachmentFilter(text(a, "pattern")));
    });
}

void AdminOperations::addConfigOperations()
{
    m_handlers.insert(QStringLiteral("config.list"), [this](const QJsonObject &) {
        return AdminReply::success({}, AdminJson::settings(m_admin.configList()));
    });
    m_handlers.insert(QStringLiteral("config.get"), [this](const QJsonObject &a) {
        const QString value = m_admin.configGet(text(a, "key"));
        return AdminReply::success(value, value);
    });
    m_handlers.insert(QStringLiteral("config.set"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.configSet(text(a, "key"), text(a, "value")));
    });
    m_handlers.insert(QStringLiteral("config.reset"), [this](const QJsonObject &a) {
        return AdminReply::success(m_admin.configReset(text(a, "key")));
    });
    m_handlers.insert(QStringLiteral("config.set-many"), [this](const QJsonObject &a) {
        return setMany(a.value(QStringLiteral("values")).toObject());
    });
}

AdminReply AdminOperations::setMany(const QJsonObject &values)
{
    QMap<QString, QString> settings;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        settings.insert(it.key(), it.value().toString());
    return AdminReply::success(m_admin.configSetMany(settings));
}
