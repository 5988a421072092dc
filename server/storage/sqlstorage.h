#pragma once

#include "storage.h"

#include <QSqlDatabase>

#include <memory>

class DatabaseUrl;
class QSqlQuery;
class SqlCatalog;

// The QtSql implementation of Storage, for SQLite and PostgreSQL alike: SQL text comes from the
// dialect's SqlCatalog. Construct it in the thread that uses it; it owns one connection.
class SqlStorage final : public Storage
{
public:
    // Opens the connection and migrates the schema. Throws StorageError.
    explicit SqlStorage(const DatabaseUrl &url);
    ~SqlStorage() override;

    [[nodiscard]] QStringList domains() override;
    [[nodiscard]] bool hasDomain(const QString &domain) override;
    void addDomain(const QString &domain) override;
    void removeDomain(const QString &domain) override;

    [[nodiscard]] QList<AccountRecord> accounts(const QString &domain = {}) override;
    [[nodiscard]] std::optional<AccountRecord> account(const QString &address) override;
    void addAccount(const AccountRecord &account) override;
    void removeAccount(const QString &address) override;
    void setPasswordHash(const QString &address, const QString &hash) override;
    void setAccountEnabled(const QString &address, bool enabled) override;
    void setAccountDetails(const QString &address, const QString &displayName, qint64 quotaBytes) override;

    [[nodiscard]] QList<AliasRecord> aliases(const QString &domain = {}) override;
    [[nodiscard]] std::optional<AliasRecord> alias(const QString &address) override;
    void setAlias(const AliasRecord &alias) override;
    void removeAlias(const QString &address) override;

    [[nodiscard]] QList<SmtpLoginRecord> smtpLogins() override;
    [[nodiscard]] std::optional<SmtpLoginRecord> smtpLogin(const QString &name) override;
    void addSmtpLogin(const SmtpLoginRecord &login) override;
    void removeSmtpLogin(const QString &name) override;

    [[nodiscard]] QList<BanRecord> bans() override;
    [[nodiscard]] std::optional<BanRecord> ban(const QString &range) override;
    void setBan(const BanRecord &ban) override;
    void removeBan(const QString &range) override;

    [[nodiscard]] QList<TrustRecord> trusts() override;
    [[nodiscard]] std::optional<TrustRecord> trust(const QString &range) override;
    void setTrust(const TrustRecord &trust) override;
    void removeTrust(const QString &range) override;

    // In sqlstoragefilters.cpp.
    [[nodiscard]] QList<ContentFilterRecord> contentFilters() override;
    void addContentFilter(const ContentFilterRecord &filter) override;
    void removeContentFilter(const QString &text) override;
    [[nodiscard]] QList<AttachmentFilterRecord> attachmentFilters() override;
    void addAttachmentFilter(const AttachmentFilterRecord &filter) override;
    void removeAttachmentFilter(const QString &pattern) override;

    // In sqlstorageroutes.cpp.
    [[nodiscard]] QList<RouteRecord> routes() override;
    [[nodiscard]] std::optional<RouteRecord> route(const QString &domain) override;
    void setRoute(const RouteRecord &route) override;
    void removeRoute(const QString &domain) override;

    [[nodiscard]] QMap<QString, QString> settings() override;
    void setSetting(const QString &key, const QString &value) override;
    void resetSetting(const QString &key) override;

    [[nodiscard]] qint64 generation() override;
    void bumpRequest(const QString &name) override;
    [[nodiscard]] qint64 requestCount(const QString &name) override;
    void transaction(const std::function<void()> &work) override;

    [[nodiscard]] int schemaVersion();

private:
    QSqlQuery run(const QString &name, const QVariantMap &values = {});
    // Runs one write statement; returns the number of rows it changed.
    int write(const QString &name, const QVariantMap &values);
    // write() for an INSERT; a unique-key violation becomes StorageError(Duplicate, duplicateMessage).
    void insert(const QString &name, const QVariantMap &values, const QString &duplicateMessage);
    [[nodiscard]] QList<AccountRecord> readAccounts(QSqlQuery &query);
    [[nodiscard]] QList<AliasRecord> readAliases(QSqlQuery &query);
    [[nodiscard]] static QList<SmtpLoginRecord> readSmtpLogins(QSqlQuery &query);
    [[nodiscard]] static QList<BanRecord> readBans(QSqlQuery &query);
    [[nodiscard]] static QList<TrustRecord> readTrusts(QSqlQuery &query);

    std::unique_ptr<SqlCatalog> m_catalog;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_transactionDepth = 0;
};
