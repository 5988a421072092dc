#include "adminservice.h"

#include "cidrrange.h"
#include "log.h"
#include "loginname.h"
#include "mailaddress.h"
#include "passwordhash.h"
#include "settings.h"
#include "settingsschema.h"
#include "storage.h"
#include "storageerror.h"

namespace {

// Stored for accounts created without a password: no PBKDF2 string ever equals it, so nobody
// can log in until `user passwd` sets one.
const QString kNoPassword = QStringLiteral("!");

[[noreturn]] void invalid(const QString &why)
{
    throw StorageError(StorageError::Kind::Invalid, why);
}

[[noreturn]] void notFound(const QString &why)
{
    throw StorageError(StorageError::Kind::NotFound, why);
}

QString postmasterOf(const QString &domain)
{
    return QStringLiteral("postmaster@") + domain;
}

bool hasControlCharacters(const QString &text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

}

AdminService::AdminService(Storage &storage, QString actor)
    : m_storage(storage), m_actor(std::move(actor))
{
}

void AdminService::audit(const QString &text)
{
    Log::info(QStringLiteral("admin"), m_actor, text);
}

QString AdminService::localDomainOf(const QString &address, QString *canonical)
{
    const MailAddress parsed = MailAddress::parse(address.trimmed());
    if (!parsed.isValid())
        invalid(parsed.error());
    if (!m_storage.hasDomain(parsed.domain()))
        notFound(QStringLiteral("unknown domain %1 (add it first with: postern domain add %1)").arg(parsed.domain()));
    *canonical = parsed.canonical();
    return parsed.domain();
}

QString AdminService::canonicalAccount(const QString &address)
{
    QString canonical;
    localDomainOf(address, &canonical);
    if (!m_storage.account(canonical))
        notFound(QStringLiteral("no account %1").arg(canonical));
    return canonical;
}

void AdminService::checkPassword(const QString &password)
{
    if (password.size() < kMinimumPasswordLength)
        invalid(QStringLiteral("password too short: use at least %1 characters").arg(kMinimumPasswordLength));
    if (hasControlCharacters(password))
        invalid(QStringLiteral("password contains control characters"));
}

QStringList AdminService::domains()
{
    return m_storage.domains();
}

QString AdminService::addDomain(const QString &domain)
{
    QString error;
    const QString ace = MailAddress::normalizeDomain(domain, &error);
    if (ace.isEmpty() || ace.startsWith(QLatin1Char('[')))
        invalid(error.isEmpty() ? QStringLiteral("\"%1\" is not a valid domain name").arg(domain) : error);
    if (m_storage.hasDomain(ace))
        throw StorageError(StorageError::Kind::Duplicate, QStringLiteral("domain %1 already exists").arg(ace));
    m_storage.addDomain(ace);
    audit(QStringLiteral("domain added: %1").arg(ace));
    return QStringLiteral("domain %1 added").arg(ace);
}

QString AdminService::removeDomain(const QString &domain)
{
    const QString ace = MailAddress::normalizeDomain(domain);
    if (ace.isEmpty() || !m_storage.hasDomain(ace))
        notFound(QStringLiteral("no domain %1").arg(domain));
    m_storage.transaction([&] {
        const QList<AccountRecord> accounts = m_storage.accounts(ace);
        m_storage.removeDomain(ace);
        for (const AccountRecord &account : accounts)
            dropTarget(account.address);
    });
    audit(QStringLiteral("domain removed: %1 (with its accounts and aliases; stored mail kept on disk)").arg(ace));
    return QStringLiteral("domain %1 removed with its accounts and aliases; its stored mail stays on disk").arg(ace);
}

QString AdminService::addUser(const NewAccount &account)
{
    QString canonical;
    const QString domain = localDomainOf(account.address, &canonical);
    if (m_storage.account(canonical))
        throw StorageError(StorageError::Kind::Duplicate, QStringLiteral("account %1 already exists").arg(canonical));
    // The automatic postmaster alias gives way to a real postmaster account; other aliases do not.
    const bool replacesPostmasterAlias = canonical == postmasterOf(domain) && m_storage.alias(canonical);
    if (m_storage.alias(canonical) && !replacesPostmasterAlias)
        throw StorageError(StorageError::Kind::Duplicate, QStringLiteral("%1 is already an alias").arg(canonical));
    if (hasControlCharacters(account.displayName))
        invalid(QStringLiteral("display name contains control characters"));
    if (account.quotaBytes < 0)
        invalid(QStringLiteral("quota must not be negative"));
    if (account.password)
        checkPassword(*account.password);

    AccountRecord record;
    record.address = canonical;
    record.displayName = account.displayName.trimmed();
    record.quotaBytes = account.quotaBytes;
    record.enabled = true;
    record.passwordHash = account.password ? PasswordHash::create(*account.password) : kNoPassword;
    m_storage.transaction([&] {
        if (replacesPostmasterAlias) {
            m_storage.removeAlias(canonical);
            audit(QStringLiteral("alias removed: %1 (replaced by an account of that name)").arg(canonical));
        }
        m_storage.addAccount(record);
        ensurePostmaster(domain);
    });
    audit(QStringLiteral("account added: %1 (quota %2, %3)")
              .arg(canonical)
              .arg(record.quotaBytes)
              .arg(account.password ? QStringLiteral("password set") : QStringLiteral("no password yet")));
    return account.password ? QStringLiteral("account %1 added").arg(canonical)
                            : QStringLiteral("account %1 added without a password: set one with postern user passwd %1")
                                  .arg(canonical);
}

QString AdminService::removeUser(const QString &address)
{
    const QString canonical = canonicalAccount(address);
    m_storage.transaction([&] {
        m_storage.removeAccount(canonical);
        dropTarget(canonical);
        ensurePostmaster(MailAddress::parse(canonical).domain());
    });
    audit(QStringLiteral("account removed: %1 (stored mail kept on disk)").arg(canonical));
    return QStringLiteral("account %1 removed; its stored mail stays on disk").arg(canonical);
}

QString AdminService::setPassword(const QString &address, const QString &password)
{
    const QString canonical = canonicalAccount(address);
    checkPassword(password);
    m_storage.setPasswordHash(canonical, PasswordHash::create(password));
    audit(QStringLiteral("password changed: %1").arg(canonical));
    return QStringLiteral("password of %1 changed").arg(canonical);
}

QString AdminService::setEnabled(const QString &address, bool enabled)
{
    const QString canonical = canonicalAccount(address);
    m_storage.setAccountEnabled(canonical, enabled);
    const QString state = enabled ? QStringLiteral("enabled") : QStringLiteral("disabled");
    audit(QStringLiteral("account %1: %2").arg(state, canonical));
    return QStringLiteral("account %1 %2").arg(canonical, state);
}

QString AdminService::updateUser(const QString &address, const std::optional<QString> &displayName,
                                 std::optional<qint64> quotaBytes)
{
    const QString canonical = canonicalAccount(address);
    if (displayName && hasControlCharacters(*displayName))
        invalid(QStringLiteral("display name contains control characters"));
    if (quotaBytes && *quotaBytes < 0)
        invalid(QStringLiteral("quota must not be negative"));
    const AccountRecord current = *m_storage.account(canonical);
    const QString newName = displayName ? displayName->trimmed() : current.displayName;
    const qint64 newQuota = quotaBytes.value_or(current.quotaBytes);
    m_storage.setAccountDetails(canonical, newName, newQuota);
    audit(QStringLiteral("account changed: %1 (quota %2)").arg(canonical).arg(newQuota));
    return QStringLiteral("account %1 changed").arg(canonical);
}

QList<AccountRecord> AdminService::users(const QString &domain)
{
    if (domain.isEmpty())
        return m_storage.accounts();
    const QString ace = MailAddress::normalizeDomain(domain);
    if (ace.isEmpty() || !m_storage.hasDomain(ace))
        notFound(QStringLiteral("no domain %1").arg(domain));
    return m_storage.accounts(ace);
}

QString AdminService::addAlias(const QString &alias, const QStringList &targets)
{
    QString canonical;
    localDomainOf(alias, &canonical);
    if (targets.isEmpty())
        invalid(QStringLiteral("an alias needs at least one target"));
    if (m_storage.account(canonical))
        throw StorageError(StorageError::Kind::Duplicate, QStringLiteral("%1 is an account, not an alias").arg(canonical));

    AliasRecord record = m_storage.alias(canonical).value_or(AliasRecord{canonical, {}});
    for (const QString &target : targets) {
        const MailAddress parsed = MailAddress::parse(target.trimmed());
        if (!parsed.isValid())
            invalid(QStringLiteral("target: %1").arg(parsed.error()));
        const QString targetAddress = parsed.canonical();
        if (targetAddress == canonical)
            invalid(QStringLiteral("alias %1 cannot point to itself").arg(canonical));
        if (m_storage.hasDomain(parsed.domain()) && !m_storage.account(targetAddress) && !m_storage.alias(targetAddress))
            notFound(QStringLiteral("target %1 is in a local domain but is neither an account nor an alias").arg(targetAddress));
        if (!record.targets.contains(targetAddress))
            record.targets << targetAddress;
    }
    m_storage.setAlias(record);
    audit(QStringLiteral("alias set: %1 -> %2").arg(canonical, record.targets.join(QLatin1Char(','))));
    return QStringLiteral("alias %1 -> %2").arg(canonical, record.targets.join(QStringLiteral(", ")));
}

QString AdminService::removeAlias(const QString &alias, const QStringList &targets)
{
    QString canonical;
    const QString domain = localDomainOf(alias, &canonical);
    std::optional<AliasRecord> record = m_storage.alias(canonical);
    if (!record)
        notFound(QStringLiteral("no alias %1").arg(canonical));
    for (const QString &target : targets) {
        const QString targetAddress = MailAddress::parse(target.trimmed()).canonical();
        if (!record->targets.removeOne(targetAddress))
            notFound(QStringLiteral("%1 is not a target of %2").arg(target, canonical));
    }
    const bool removeWhole = targets.isEmpty() || record->targets.isEmpty();
    if (removeWhole && canonical == postmasterOf(domain) && !m_storage.accounts(domain).isEmpty()) {
        invalid(QStringLiteral("%1 must always deliver somewhere (RFC 5321 section 4.5.1): "
                               "add another target first, or create a postmaster account")
                    .arg(canonical));
    }
    m_storage.transaction([&] {
        if (removeWhole) {
            m_storage.removeAlias(canonical);
            dropTarget(canonical);   // aliases pointing at this one must not point at nothing
        } else {
            m_storage.setAlias(*record);
        }
    });
    audit(removeWhole ? QStringLiteral("alias removed: %1").arg(canonical)
                      : QStringLiteral("alias set: %1 -> %2").arg(canonical, record->targets.join(QLatin1Char(','))));
    return removeWhole ? QStringLiteral("alias %1 removed").arg(canonical)
                       : QStringLiteral("alias %1 -> %2").arg(canonical, record->targets.join(QStringLiteral(", ")));
}

QList<AliasRecord> AdminService::aliases()
{
    return m_storage.aliases();
}

void AdminService::dropTarget(const QString &target)
{
    for (AliasRecord alias : m_storage.aliases()) {
        if (!alias.targets.removeAll(target))
            continue;
        if (alias.targets.isEmpty())
            m_storage.removeAlias(alias.address);
        else
            m_storage.setAlias(alias);
        const QString domain = MailAddress::parse(alias.address).domain();
        if (m_storage.hasDomain(domain))
            ensurePostmaster(domain);
    }
}

void AdminService::ensurePostmaster(const QString &domain)
{
    const QString postmaster = postmasterOf(domain);
    if (m_storage.account(postmaster) || m_storage.alias(postmaster))
        return;
    const QList<AccountRecord> accounts = m_storage.accounts(domain);
    if (accounts.isEmpty())
        return;
    m_storage.setAlias(AliasRecord{postmaster, {accounts.first().address}});
    audit(QStringLiteral("alias set: %1 -> %2 (postmaster must deliver, RFC 5321 section 4.5.1)")
              .arg(postmaster, accounts.first().address));
}

QString AdminService::smtpLoginName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (!LoginName::isValidLoginName(trimmed)) {
        invalid(QStringLiteral("\"%1\" is not a valid SMTP login name: use 1 to %2 letters, digits, '.', '_' or '-' "
                               "(accounts log in with their address already)")
                    .arg(name)
                    .arg(LoginName::kMaxLength));
    }
    return trimmed.toLower();
}

QString AdminService::addSmtpLogin(const QString &name, const QString &password)
{
    const QString canonical = smtpLoginName(name);
    if (m_storage.smtpLogin(canonical))
        throw StorageError(StorageError::Kind::Duplicate, QStringLiteral("SMTP login %1 already exists").arg(canonical));
    checkPassword(password);
    m_storage.addSmtpLogin(SmtpLoginRecord{canonical, PasswordHash::create(password)});
    audit(QStringLiteral("SMTP login added: %1").arg(canonical));
    return QStringLiteral("SMTP login %1 added").arg(canonical);
}

QString AdminService::removeSmtpLogin(const QString &name)
{
    const QString canonical = smtpLoginName(name);
    if (!m_storage.smtpLogin(canonical))
        notFound(QStringLiteral("no SMTP login %1").arg(canonical));
    m_storage.removeSmtpLogin(canonical);
    audit(QStringLiteral("SMTP login removed: %1").arg(canonical));
    return QStringLiteral("SMTP login %1 removed").arg(canonical);
}

QList<SmtpLoginRecord> AdminService::smtpLogins()
{
    return m_storage.smtpLogins();
}

QString AdminService::canonicalRange(const QString &text)
{
    QString error;
    const std::optional<CidrRange> range = CidrRange::parse(text.trimmed(), &error);
    if (!range)
        invalid(error.isEmpty() ? QStringLiteral("malformed address or CIDR range \"%1\"").arg(text) : error);
    return range->toString();
}

void AdminService::checkComment(const QString &comment)
{
    if (hasControlCharacters(comment))
        invalid(QStringLiteral("the comment may not contain control characters (tabs, line breaks)"));
}

QString AdminService::addBan(const QString &range, qint64 minutes, const QString &comment)
{
    const QString canonical = canonicalRange(range);
    if (minutes < 0 || minutes > kMaxBanMinutes)
        invalid(QStringLiteral("a ban lasts 1 to %1 minutes, or for good; not %2").arg(kMaxBanMinutes).arg(minutes));
    checkComment(comment);
    BanRecord record;
    record.range = canonical;
    record.created = QDateTime::currentDateTimeUtc();
    record.created = QDateTime::fromSecsSinceEpoch(record.created.toSecsSinceEpoch(), Qt::UTC);
    if (minutes > 0)
        record.expires = record.created.addSecs(minutes * 60);
    record.comment = comment;
    record.source = QStringLiteral("manual");
    const bool existed = m_storage.ban(canonical).has_value();
    m_storage.setBan(record);
    const QString until = record.expires ? QStringLiteral("until %1").arg(record.expires->toString(Qt::ISODate))
                                         : QStringLiteral("without expiry");
    audit(QStringLiteral("banned %1 %2").arg(canonical, until));
    return QStringLiteral("%1 %2 %3").arg(canonical, existed ? QStringLiteral("ban updated,") : QStringLiteral("banned"), until);
}

QString AdminService::removeBan(const QString &range)
{
    const QString canonical = canonicalRange(range);
    m_storage.removeBan(canonical);
    audit(QStringLiteral("ban removed: %1").arg(canonical));
    return QStringLiteral("%1 is no longer banned").arg(canonical);
}

QList<BanRecord> AdminService::bans()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<BanRecord> result;
    for (const BanRecord &ban : m_storage.bans()) {
        if (!ban.expires || *ban.expires > now)
            result << ban;
    }
    return result;
}

QString AdminService::addTrust(const QString &range, const QString &comment)
{
    const QString canonical = canonicalRange(range);
    checkComment(comment);
    const bool existed = m_storage.trust(canonical).has_value();
    m_storage.setTrust(TrustRecord{canonical, comment});
    audit(QStringLiteral("trusted %1").arg(canonical));
    return existed ? QStringLiteral("%1 trust updated").arg(canonical) : QStringLiteral("%1 trusted").arg(canonical);
}

QString AdminService::removeTrust(const QString &range)
{
    const QString canonical = canonicalRange(range);
    m_storage.removeTrust(canonical);
    audit(QStringLiteral("trust removed: %1").arg(canonical));
    return QStringLiteral("%1 is no longer trusted").arg(canonical);
}

QStringList AdminService::explainPolicy(const PolicyExplanation::Request &request, const QString &mailDirectory)
{
    return PolicyExplanation::explain(m_storage, mailDirectory, request);
}

QList<TrustRecord> AdminService::trusts()
{
    return m_storage.trusts();
}

QString AdminService::configGet(const QString &key)
{
    const QMap<QString, QString> values = configList();
    const auto it = values.constFind(key);
    if (it == values.cend())
        notFound(QStringLiteral("unknown setting %1 (see: postern config list)").arg(key));
    return *it;
}

QString AdminService::normalizedSetting(const QString &key, const QString &value)
{
    const SettingSpec *spec = SettingsSchema::find(key);
    if (!spec)
        notFound(QStringLiteral("unknown setting %1 (see: postern config list)").arg(key));
    QString error;
    const QString normalized = SettingsSchema::normalize(*spec, value, &error);
    if (normalized.isEmpty())
        invalid(error);
    return normalized;
}

QString AdminService::configSet(const QString &key, const QString &value)
{
    return configSetMany({{key, value}});
}

QString AdminService::configSetMany(const QMap<QString, QString> &values)
{
    QMap<QString, QString> normalized;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        normalized.insert(it.key(), normalizedSetting(it.key(), it.value()));
    m_storage.transaction([&] {
        for (auto it = normalized.cbegin(); it != normalized.cend(); ++it)
            m_storage.setSetting(it.key(), it.value());
    });
    QStringList lines;
    for (auto it = normalized.cbegin(); it != normalized.cend(); ++it) {
        audit(QStringLiteral("setting changed: %1 = %2").arg(it.key(), it.value()));
        lines << QStringLiteral("%1 = %2").arg(it.key(), it.value());
    }
    return lines.join(QLatin1Char('\n'));
}

QString AdminService::configReset(const QString &key)
{
    const SettingSpec *spec = SettingsSchema::find(key);
    if (!spec)
        notFound(QStringLiteral("unknown setting %1 (see: postern config list)").arg(key));
    m_storage.resetSetting(key);
    const QString value = SettingsSchema::defaultValue(*spec);
    audit(QStringLiteral("setting reset: %1 = %2 (default)").arg(key, value));
    return QStringLiteral("%1 = %2 (default)").arg(key, value);
}

QMap<QString, QString> AdminService::configList()
{
    return Settings::fromStored(m_storage.settings()).values();
}

void AdminService::requestTlsReload()
{
    m_storage.bumpRequest(QLatin1String(kTlsReloadRequest));
    audit(QStringLiteral("TLS certificate reload requested"));
}

qint64 AdminService::parseQuota(const QString &text)
{
    QString digits = text.trimmed().toUpper();
    qint64 unit = 1;
    if (digits.endsWith(QLatin1Char('B')))
        digits.chop(1);
    const QString suffixes = QStringLiteral("KMGT");
    if (!digits.isEmpty() && suffixes.contains(digits.back())) {
        for (int i = 0; i <= suffixes.indexOf(digits.back()); ++i)
            unit *= 1024;
        digits.chop(1);
    }
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    if (!ok || number < 0 || number > std::numeric_limits<qint64>::max() / unit)
        invalid(QStringLiteral("invalid --quota \"%1\": use bytes, or a number with K, M, G or T").arg(text));
    return number * unit;
}
