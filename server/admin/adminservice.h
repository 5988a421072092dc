#pragma once

#include "policyexplanation.h"

#include "records.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

class Storage;

// The admin operations on domains, accounts, aliases, SMTP-only logins, the banned and trusted
// address lists and settings, with the rules an admin
// expects (valid addresses, known domains, postmaster@ always delivers). The CLI and the GUI
// both go through it. Failures throw StorageError; nothing is half-written.
class AdminService
{
public:
    // `actor` names who acts in the audit log ("cli", "gui").
    AdminService(Storage &storage, QString actor);

    // For the admin services of other lists (FilterAdmin), which share the storage and the actor.
    [[nodiscard]] Storage &storage() const { return m_storage; }
    [[nodiscard]] QString actor() const { return m_actor; }

    [[nodiscard]] QStringList domains();
    QString addDomain(const QString &domain);
    QString removeDomain(const QString &domain);

    struct NewAccount
    {
        QString address;
        std::optional<QString> password;   // none: the account cannot log in until passwd
        QString displayName;
        qint64 quotaBytes = 0;
    };
    QString addUser(const NewAccount &account);
    QString removeUser(const QString &address);
    QString setPassword(const QString &address, const QString &password);
    QString setEnabled(const QString &address, bool enabled);
    // Changes what is given and keeps the rest (the Users dialog's edit, `user set`).
    QString updateUser(const QString &address, const std::optional<QString> &displayName,
                       std::optional<qint64> quotaBytes);
    [[nodiscard]] QList<AccountRecord> users(const QString &domain = {});

    // Adds targets to the alias, creating it when new.
    QString addAlias(const QString &alias, const QStringList &targets);
    // Removes the given targets, or the whole alias when `targets` is empty.
    QString removeAlias(const QString &alias, const QStringList &targets = {});
    [[nodiscard]] QList<AliasRecord> aliases();

    // SMTP-only logins (devices without a mailbox): names in LoginName syntax, any case, stored
    // lower-case; passwords follow the account rules.
    QString addSmtpLogin(const QString &name, const QString &password);
    QString removeSmtpLogin(const QString &name);
    [[nodiscard]] QList<SmtpLoginRecord> smtpLogins();

    // Banned Addresses: `range` is an IPv4/IPv6 address or CIDR range. minutes > 0 bans for that
    // long, 0 for good. Banning a range already banned replaces its expiry and comment.
    QString addBan(const QString &range, qint64 minutes, const QString &comment);
    QString removeBan(const QString &range);
    // Entries not yet expired, sorted by range.
    [[nodiscard]] QList<BanRecord> bans();
    // Trusted IP Addresses: clients in these ranges may relay without authenticating.
    QString addTrust(const QString &range, const QString &comment);
    QString removeTrust(const QString &range);
    [[nodiscard]] QList<TrustRecord> trusts();
    // "10.1.2.3/8" → "10.0.0.0/8"; throws StorageError(Invalid) naming a malformed range.
    [[nodiscard]] static QString canonicalRange(const QString &text);

    [[nodiscard]] QString configGet(const QString &key);
    QString configSet(const QString &key, const QString &value);
    // A dialog's OK: every value is checked before any is written, and all are written in one
    // transaction, so a running engine never takes in half of them.
    QString configSetMany(const QMap<QString, QString> &values);
    QString configReset(const QString &key);
    [[nodiscard]] QMap<QString, QString> configList();

    // Asks running servers to load their certificate and key again (they look within about a
    // second, see Storage::bumpRequest).
    void requestTlsReload();
    static constexpr char kTlsReloadRequest[] = "tls.reload";

    // `policy explain`: the rules a session with these facts meets, one line each, then the result.
    [[nodiscard]] QStringList explainPolicy(const PolicyExplanation::Request &request, const QString &mailDirectory);

    // "500M" → 524288000; throws StorageError(Invalid) naming the text.
    [[nodiscard]] static qint64 parseQuota(const QString &text);
    static constexpr int kMinimumPasswordLength = 8;
    // Ten years: far beyond any ban an admin means to expire, and far from overflowing a timestamp.
    static constexpr qint64 kMaxBanMinutes = 10LL * 366 * 24 * 60;

private:
    QString localDomainOf(const QString &address, QString *canonical);
    [[nodiscard]] QString canonicalAccount(const QString &address);
    void checkPassword(const QString &password);
    static void checkComment(const QString &comment);
    [[nodiscard]] static QString smtpLoginName(const QString &name);
    void ensurePostmaster(const QString &domain);
    void dropTarget(const QString &target);
    void audit(const QString &text);
    // The stored form of `value` for `key`; throws NotFound (unknown key) or Invalid.
    [[nodiscard]] static QString normalizedSetting(const QString &key, const QString &value);

    Storage &m_storage;
    QString m_actor;
};
