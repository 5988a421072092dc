#include "sqlstorage.h"

#include "databaseurl.h"
#include "schemamigrator.h"
#include "sqlcatalog.h"
#include "sqlconnection.h"
#include "storageerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QString domainOf(const QString &address)
{
    return address.section(QLatin1Char('@'), -1);
}

template <typename Record>
std::optional<Record> firstOf(const QList<Record> &rows)
{
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

}

SqlStorage::SqlStorage(const DatabaseUrl &url)
    : m_catalog(std::make_unique<SqlCatalog>(url.dialect()))
    , m_connectionName(SqlConnection::nextName(QStringLiteral("postern-storage")))
{
    m_db = SqlConnection::open(url, m_connectionName, *m_catalog);
}

SqlStorage::~SqlStorage()
{
    SqlConnection::close(m_db, m_connectionName);
}

int SqlStorage::schemaVersion()
{
    return SchemaMigrator(m_db, *m_catalog).currentVersion();
}

QSqlQuery SqlStorage::run(const QString &name, const QVariantMap &values)
{
    return SqlConnection::run(m_db, *m_catalog, name, values);
}

int SqlStorage::write(const QString &name, const QVariantMap &values)
{
    int affected = 0;
    transaction([&] { affected = run(name, values).numRowsAffected(); });
    return affected;
}

void SqlStorage::transaction(const std::function<void()> &work)
{
    if (m_transactionDepth > 0) {
        work();
        return;
    }
    // Every committed change bumps the generation once, so engines reload their configuration.
    SqlConnection::transaction(m_db, m_transactionDepth, [&] {
        work();
        run(QStringLiteral("generation_bump"));
    });
}

qint64 SqlStorage::generation()
{
    QSqlQuery query = run(QStringLiteral("generation_get"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

void SqlStorage::bumpRequest(const QString &name)
{
    write(QStringLiteral("request_bump"), {{QStringLiteral("name"), name}});
}

qint64 SqlStorage::requestCount(const QString &name)
{
    QSqlQuery query = run(QStringLiteral("request_get"), {{QStringLiteral("name"), name}});
    return query.next() ? query.value(0).toLongLong() : 0;
}

QStringList SqlStorage::domains()
{
    QSqlQuery query = run(QStringLiteral("domain_list"));
    QStringList result;
    while (query.next())
        result << query.value(0).toString();
    return result;
}

bool SqlStorage::hasDomain(const QString &domain)
{
    QSqlQuery query = run(QStringLiteral("domain_exists"), {{QStringLiteral("name"), domain}});
    return query.next() && query.value(0).toInt() > 0;
}

void SqlStorage::insert(const QString &name, const QVariantMap &values, const QString &duplicateMessage)
{
    try {
        write(name, values);
    } catch (const StorageError &error) {
        if (error.kind() == StorageError::Kind::Duplicate)
            throw StorageError(StorageError::Kind::Duplicate, duplicateMessage);
        throw;
    }
}

void SqlStorage::addDomain(const QString &domain)
{
    insert(QStringLiteral("domain_insert"), {{QStringLiteral("name"), domain}},
           QStringLiteral("domain %1 already exists").arg(domain));
}

void SqlStorage::removeDomain(const QString &domain)
{
    if (write(QStringLiteral("domain_delete"), {{QStringLiteral("name"), domain}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no domain %1").arg(domain));
}

QList<AccountRecord> SqlStorage::readAccounts(QSqlQuery &query)
{
    QList<AccountRecord> result;
    while (query.next()) {
        AccountRecord record;
        record.address = query.value(0).toString();
        record.displayName = query.value(1).toString();
        record.quotaBytes = query.value(2).toLongLong();
        record.enabled = query.value(3).toBool();
        record.passwordHash = query.value(4).toString();
        result << record;
    }
    return result;
}

QList<AccountRecord> SqlStorage::accounts(const QString &domain)
{
    QSqlQuery query = domain.isEmpty()
                          ? run(QStringLiteral("account_list"))
                          : run(QStringLiteral("account_list_domain"), {{QStringLiteral("domain"), domain}});
    return readAccounts(query);
}

std::optional<AccountRecord> SqlStorage::account(const QString &address)
{
    QSqlQuery query = run(QStringLiteral("account_get"), {{QStringLiteral("address"), address}});
    return firstOf(readAccounts(query));
}

void SqlStorage::addAccount(const AccountRecord &account)
{
    insert(QStringLiteral("account_insert"),
           {{QStringLiteral("address"), account.address},
            {QStringLiteral("domain"), domainOf(account.address)},
            {QStringLiteral("display_name"), account.displayName.isNull() ? QStringLiteral("") : account.displayName},
            {QStringLiteral("quota_bytes"), account.quotaBytes},
            {QStringLiteral("enabled"), account.enabled},
            {QStringLiteral("password_hash"), account.passwordHash}},
           QStringLiteral("account %1 already exists").arg(account.address));
}

void SqlStorage::removeAccount(const QString &address)
{
    if (write(QStringLiteral("account_delete"), {{QStringLiteral("address"), address}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no account %1").arg(address));
}

void SqlStorage::setPasswordHash(const QString &address, const QString &hash)
{
    if (write(QStringLiteral("account_set_password"),
              {{QStringLiteral("address"), address}, {QStringLiteral("password_hash"), hash}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no account %1").arg(address));
}

void SqlStorage::setAccountEnabled(const QString &address, bool enabled)
{
    if (write(QStringLiteral("account_set_enabled"),
              {{QStringLiteral("address"), address}, {QStringLiteral("enabled"), enabled}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no account %1").arg(address));
}

void SqlStorage::setAccountDetails(const QString &address, const QString &displayName, qint64 quotaBytes)
{
    if (write(QStringLiteral("account_set_details"),
              {{QStringLiteral("address"), address},
               {QStringLiteral("display_name"), displayName.isNull() ? QStringLiteral("") : displayName},
               {QStringLiteral("quota_bytes"), quotaBytes}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no account %1").arg(address));
}

QList<AliasRecord> SqlStorage::readAliases(QSqlQuery &query)
{
    QList<AliasRecord> result;
    while (query.next()) {
        const QString address = query.value(0).toString();
        if (result.isEmpty() || result.last().address != address)
            result.append(AliasRecord{address, {}});
        if (!query.value(1).isNull())
            result.last().targets << query.value(1).toString();
    }
    return result;
}

QList<AliasRecord> SqlStorage::aliases(const QString &domain)
{
    QSqlQuery query = domain.isEmpty()
                          ? run(QStringLiteral("alias_list"))
                          : run(QStringLiteral("alias_list_domain"), {{QStringLiteral("domain"), domain}});
    return readAliases(query);
}

std::optional<AliasRecord> SqlStorage::alias(const QString &address)
{
    QSqlQuery query = run(QStringLiteral("alias_get"), {{QStringLiteral("address"), address}});
    return firstOf(readAliases(query));
}

void SqlStorage::setAlias(const AliasRecord &alias)
{
    transaction([&] {
        if (!this->alias(alias.address)) {
            run(QStringLiteral("alias_insert"),
                {{QStringLiteral("address"), alias.address}, {QStringLiteral("domain"), domainOf(alias.address)}});
        }
        run(QStringLiteral("alias_targets_delete"), {{QStringLiteral("alias"), alias.address}});
        int position = 0;
        for (const QString &target : alias.targets) {
            run(QStringLiteral("alias_target_insert"),
                {{QStringLiteral("alias"), alias.address},
                 {QStringLiteral("position"), position++},
                 {QStringLiteral("target"), target}});
        }
    });
}

void SqlStorage::removeAlias(const QString &address)
{
    if (write(QStringLiteral("alias_delete"), {{QStringLiteral("address"), address}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no alias %1").arg(address));
}

QList<SmtpLoginRecord> SqlStorage::readSmtpLogins(QSqlQuery &query)
{
    QList<SmtpLoginRecord> result;
    while (query.next())
        result << SmtpLoginRecord{query.value(0).toString(), query.value(1).toString()};
    return result;
}

QList<SmtpLoginRecord> SqlStorage::smtpLogins()
{
    QSqlQuery query = run(QStringLiteral("smtp_login_list"));
    return readSmtpLogins(query);
}

std::optional<SmtpLoginRecord> SqlStorage::smtpLogin(const QString &name)
{
    QSqlQuery query = run(QStringLiteral("smtp_login_get"), {{QStringLiteral("name"), name}});
    return firstOf(readSmtpLogins(query));
}

void SqlStorage::addSmtpLogin(const SmtpLoginRecord &login)
{
    insert(QStringLiteral("smtp_login_insert"),
           {{QStringLiteral("name"), login.name}, {QStringLiteral("password_hash"), login.passwordHash}},
           QStringLiteral("SMTP login %1 already exists").arg(login.name));
}

void SqlStorage::removeSmtpLogin(const QString &name)
{
    if (write(QStringLiteral("smtp_login_delete"), {{QStringLiteral("name"), name}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("no SMTP login %1").arg(name));
}

QList<BanRecord> SqlStorage::readBans(QSqlQuery &query)
{
    QList<BanRecord> result;
    while (query.next()) {
        BanRecord record;
        record.range = query.value(0).toString();
        if (!query.value(1).isNull())
            record.expires = QDateTime::fromSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        record.comment = query.value(2).toString();
        record.created = QDateTime::fromSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
        record.source = query.value(4).toString();
        result << record;
    }
    return result;
}

QList<BanRecord> SqlStorage::bans()
{
    QSqlQuery query = run(QStringLiteral("ban_list"));
    return readBans(query);
}

std::optional<BanRecord> SqlStorage::ban(const QString &range)
{
    QSqlQuery query = run(QStringLiteral("ban_get"), {{QStringLiteral("cidr"), range}});
    return firstOf(readBans(query));
}

void SqlStorage::setBan(const BanRecord &ban)
{
    const QDateTime created = ban.created.isValid() ? ban.created : QDateTime::currentDateTimeUtc();
    write(QStringLiteral("ban_upsert"),
          {{QStringLiteral("cidr"), ban.range},
           {QStringLiteral("expires_at"), ban.expires ? QVariant(ban.expires->toSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>())},
           {QStringLiteral("comment"), ban.comment.isNull() ? QStringLiteral("") : ban.comment},
           {QStringLiteral("created_at"), created.toSecsSinceEpoch()},
           {QStringLiteral("source"), ban.source}});
}

void SqlStorage::removeBan(const QString &range)
{
    if (write(QStringLiteral("ban_delete"), {{QStringLiteral("cidr"), range}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("%1 is not banned").arg(range));
}

QList<TrustRecord> SqlStorage::readTrusts(QSqlQuery &query)
{
    QList<TrustRecord> result;
    while (query.next())
        result << TrustRecord{query.value(0).toString(), query.value(1).toString()};
    return result;
}

QList<TrustRecord> SqlStorage::trusts()
{
    QSqlQuery query = run(QStringLiteral("trust_list"));
    return readTrusts(query);
}

std::optional<TrustRecord> SqlStorage::trust(const QString &range)
{
    QSqlQuery query = run(QStringLiteral("trust_get"), {{QStringLiteral("cidr"), range}});
    return firstOf(readTrusts(query));
}

void SqlStorage::setTrust(const TrustRecord &trust)
{
    write(QStringLiteral("trust_upsert"),
          {{QStringLiteral("cidr"), trust.range},
           {QStringLiteral("comment"), trust.comment.isNull() ? QStringLiteral("") : trust.comment}});
}

void SqlStorage::removeTrust(const QString &range)
{
    if (write(QStringLiteral("trust_delete"), {{QStringLiteral("cidr"), range}}) == 0)
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("%1 is not trusted").arg(range));
}

QMap<QString, QString> SqlStorage::settings()
{
    QSqlQuery query = run(QStringLiteral("setting_list"));
    QMap<QString, QString> result;
    while (query.next())
        result.insert(query.value(0).toString(), query.value(1).toString());
    return result;
}

void SqlStorage::setSetting(const QString &key, const QString &value)
{
    write(QStringLiteral("setting_upsert"), {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
}

void SqlStorage::resetSetting(const QString &key)
{
    write(QStringLiteral("setting_delete"), {{QStringLiteral("key"), key}});
}
