#pragma once

#include "records.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The one interface to persistent state: domains, accounts, aliases, SMTP-only logins, the banned
// and trusted address lists, the content and attachment filters, and settings.
// Implementations are used from a single thread each; every method either completes or throws
// StorageError and leaves nothing half-written. Every write bumps generation().
class Storage
{
public:
    virtual ~Storage() = default;

    [[nodiscard]] virtual QStringList domains() = 0;
    [[nodiscard]] virtual bool hasDomain(const QString &domain) = 0;
    virtual void addDomain(const QString &domain) = 0;
    // Removes the domain with its accounts and aliases (stored mail stays on disk).
    virtual void removeDomain(const QString &domain) = 0;

    [[nodiscard]] virtual QList<AccountRecord> accounts(const QString &domain = {}) = 0;
    [[nodiscard]] virtual std::optional<AccountRecord> account(const QString &address) = 0;
    virtual void addAccount(const AccountRecord &account) = 0;
    virtual void removeAccount(const QString &address) = 0;
    virtual void setPasswordHash(const QString &address, const QString &hash) = 0;
    virtual void setAccountEnabled(const QString &address, bool enabled) = 0;
    virtual void setAccountDetails(const QString &address, const QString &displayName, qint64 quotaBytes) = 0;

    [[nodiscard]] virtual QList<AliasRecord> aliases(const QString &domain = {}) = 0;
    [[nodiscard]] virtual std::optional<AliasRecord> alias(const QString &address) = 0;
    // Creates the alias or replaces its targets.
    virtual void setAlias(const AliasRecord &alias) = 0;
    virtual void removeAlias(const QString &address) = 0;

    // Logins that may only authenticate to SMTP (devices without a mailbox), sorted by name.
    [[nodiscard]] virtual QList<SmtpLoginRecord> smtpLogins() = 0;
    [[nodiscard]] virtual std::optional<SmtpLoginRecord> smtpLogin(const QString &name) = 0;
    virtual void addSmtpLogin(const SmtpLoginRecord &login) = 0;
    virtual void removeSmtpLogin(const QString &name) = 0;

    // The Banned Addresses list, expired entries included, sorted by range. setBan() adds the
    // entry or replaces the one with the same range.
    [[nodiscard]] virtual QList<BanRecord> bans() = 0;
    [[nodiscard]] virtual std::optional<BanRecord> ban(const QString &range) = 0;
    virtual void setBan(const BanRecord &ban) = 0;
    virtual void removeBan(const QString &range) = 0;

    // The Trusted IP Addresses list, sorted by range; setTrust() adds or replaces.
    [[nodiscard]] virtual QList<TrustRecord> trusts() = 0;
    [[nodiscard]] virtual std::optional<TrustRecord> trust(const QString &range) = 0;
    virtual void setTrust(const TrustRecord &trust) = 0;
    virtual void removeTrust(const QString &range) = 0;

    // The Filters and Attachment Filters lists, in the order they were added. add*() throws
    // Duplicate for a text or pattern already stored byte for byte; remove*() throws NotFound.
    [[nodiscard]] virtual QList<ContentFilterRecord> contentFilters() = 0;
    virtual void addContentFilter(const ContentFilterRecord &filter) = 0;
    virtual void removeContentFilter(const QString &text) = 0;
    [[nodiscard]] virtual QList<AttachmentFilterRecord> attachmentFilters() = 0;
    virtual void addAttachmentFilter(const AttachmentFilterRecord &filter) = 0;
    virtual void removeAttachmentFilter(const QString &pattern) = 0;

    // Per-domain routes for outbound mail (postern route), sorted by domain. setRoute() adds or
    // replaces (keeping the first created time); removeRoute() throws NotFound.
    [[nodiscard]] virtual QList<RouteRecord> routes() = 0;
    [[nodiscard]] virtual std::optional<RouteRecord> route(const QString &domain) = 0;
    virtual void setRoute(const RouteRecord &route) = 0;
    virtual void removeRoute(const QString &domain) = 0;

    // Only settings that were set explicitly; defaults live in SettingsSchema.
    [[nodiscard]] virtual QMap<QString, QString> settings() = 0;
    virtual void setSetting(const QString &key, const QString &value) = 0;
    virtual void resetSetting(const QString &key) = 0;

    // Increases with every committed write by any process; pollers compare it to see changes.
    [[nodiscard]] virtual qint64 generation() = 0;

    // Requests to running servers, by name ("tls.reload"): bumping one is a write like any other,
    // so generation() moves and the servers look; each acts when the count differs from the last
    // it saw. 0 for a request never made.
    virtual void bumpRequest(const QString &name) = 0;
    [[nodiscard]] virtual qint64 requestCount(const QString &name) = 0;

    // Runs `work` so that all of its writes commit together or not at all. Nests.
    virtual void transaction(const std::function<void()> &work) = 0;
};
