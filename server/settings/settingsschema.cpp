#include "settingsschema.h"

#include <algorithm>

#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QHostInfo>

#include "cidrrange.h"
#include "decimalhours.h"
#include "dnsserverlist.h"
#include "hostport.h"
#include "mailaddress.h"
#include "retryschedule.h"

namespace {

SettingSpec spec(const QString &key, SettingType type, const QString &defaultValue, qint64 minimum, qint64 maximum,
                 const QString &description, const QStringList &choices = {})
{
    SettingSpec result;
    result.key = key;
    result.type = type;
    result.defaultValue = defaultValue;
    result.minimum = minimum;
    result.maximum = maximum;
    result.description = description;
    result.choices = choices;
    return result;
}

SettingSpec port(const char *key, int defaultPort, const char *description)
{
    return spec(QLatin1String(key), SettingType::Port, QString::number(defaultPort), 0, 65535, QLatin1String(description));
}

QList<SettingSpec> buildTable()
{
    return {
        spec(QStringLiteral("server.hostname"), SettingType::HostName, QString(), 0, 0,
         QStringLiteral("Name this server gives in its greeting and Received: headers")),
        spec(QStringLiteral("listen.addresses"), SettingType::AddressList, QStringLiteral("0.0.0.0,::"), 0, 0,
         QStringLiteral("Addresses every service listens on, comma-separated")),
        port("smtp.port", 25, "SMTP port for mail from other servers (0 = off)"),
        port("submission.port", 587, "Submission port for your users' mail programs (0 = off)"),
        port("smtps.port", 465, "SMTP over implicit TLS (0 = off)"),
        port("pop3.port", 110, "POP3 port (0 = off)"),
        port("pop3s.port", 995, "POP3 over implicit TLS (0 = off)"),
        spec(QStringLiteral("message.max_size"), SettingType::Integer, QStringLiteral("26214400"), 0,
         qint64(4) * 1024 * 1024 * 1024, QStringLiteral("Largest message accepted, in bytes (0 = unlimited)")),
        spec(QStringLiteral("log.retention_days"), SettingType::Integer, QStringLiteral("30"), 1, 3650,
         QStringLiteral("Days log files are kept")),
        spec(QStringLiteral("server.worker_threads"), SettingType::Integer, QStringLiteral("0"), 0, 256,
         QStringLiteral("Threads serving connections (0 = one per processor core); applies at start")),
        spec(QStringLiteral("smtp.max_connections"), SettingType::Integer, QStringLiteral("1000"), 1, 1000000,
         QStringLiteral("SMTP connections at once, all clients together")),
        spec(QStringLiteral("smtp.max_connections_per_ip"), SettingType::Integer, QStringLiteral("20"), 1, 1000000,
         QStringLiteral("SMTP connections at once from one client address")),
        spec(QStringLiteral("pop3.max_connections"), SettingType::Integer, QStringLiteral("1000"), 1, 1000000,
         QStringLiteral("POP3 connections at once, all clients together")),
        spec(QStringLiteral("pop3.max_connections_per_ip"), SettingType::Integer, QStringLiteral("20"), 1, 1000000,
         QStringLiteral("POP3 connections at once from one client address")),
        spec(QStringLiteral("smtp.max_recipients"), SettingType::Integer, QStringLiteral("100"), 1, 100000,
         QStringLiteral("Recipients per message")),
        spec(QStringLiteral("smtp.bare_newlines"), SettingType::Choice, QStringLiteral("reject"), 0, 0,
         QStringLiteral("Messages with a bare CR or LF: reject them (550 5.6.11) or normalize to CRLF"),
         {QStringLiteral("reject"), QStringLiteral("normalize")}),
        spec(QStringLiteral("tls.cert_file"), SettingType::FilePath, QString(), 0, 0,
         QStringLiteral("PEM certificate chain (server certificate first); empty with tls.key_file: "
                        "a self-signed certificate generated in DATA_DIR/tls")),
        spec(QStringLiteral("tls.key_file"), SettingType::FilePath, QString(), 0, 0,
         QStringLiteral("PEM private key of the certificate, unencrypted; set together with tls.cert_file")),
        spec(QStringLiteral("auth.plaintext"), SettingType::Choice, QStringLiteral("loopback"), 0, 0,
         QStringLiteral("Where passwords may be sent without TLS: never, loopback (this machine), "
                        "local-networks (loopback and network.local_ranges) or always"),
         {QStringLiteral("never"), QStringLiteral("loopback"), QStringLiteral("local-networks"), QStringLiteral("always")}),
        spec(QStringLiteral("network.local_ranges"), SettingType::CidrList,
         QStringLiteral("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"), 0, 0,
         QStringLiteral("The office's own networks (CIDR ranges, comma-separated), for auth.plaintext = local-networks")),
        spec(QStringLiteral("limits.messages_per_hour_per_account"), SettingType::Integer, QStringLiteral("500"), 0, 1000000,
         QStringLiteral("Messages one login may send per hour (0 = no limit); past it MAIL FROM gets 451 4.7.1")),
        spec(QStringLiteral("smtp_after_pop.enabled"), SettingType::Boolean, QStringLiteral("false"), 0, 0,
         QStringLiteral("SMTP after POP: a successful POP3 login from an address lets that same address relay for a while")),
        spec(QStringLiteral("smtp_after_pop.minutes"), SettingType::Integer, QStringLiteral("5"), 1, 1440,
         QStringLiteral("How long after a POP3 login its address may relay (smtp_after_pop.enabled)")),
        spec(QStringLiteral("smtp.auth_use_pop3_accounts"), SettingType::Boolean, QStringLiteral("true"), 0, 0,
         QStringLiteral("Every enabled account may authenticate to SMTP with its mailbox address and password")),
        spec(QStringLiteral("smtp.require_auth_for_local_senders"), SettingType::Boolean, QStringLiteral("true"), 0, 0,
         QStringLiteral("A client that is not authenticated, not trusted and not in an SMTP-after-POP window may not "
                        "use a local domain in MAIL FROM (550 5.7.1)")),
        spec(QStringLiteral("sender_rules.local_domain_only"), SettingType::Boolean, QStringLiteral("false"), 0, 0,
         QStringLiteral("Relay only if the sender's domain is local")),
        spec(QStringLiteral("sender_rules.account_only"), SettingType::Boolean, QStringLiteral("false"), 0, 0,
         QStringLiteral("Relay only if the sender has an account")),
        spec(QStringLiteral("sender_rules.auth_must_match"), SettingType::Boolean, QStringLiteral("true"), 0, 0,
         QStringLiteral("An authenticated user may send only as its own address or an alias that delivers to it "
                        "(MAIL FROM and From:, 553 5.7.1)")),
        spec(QStringLiteral("verify.sender_domain"), SettingType::Boolean, QStringLiteral("true"), 0, 0,
         QStringLiteral("The MAIL FROM domain must have an MX or an address record (550 5.1.8; 451 4.4.3 when DNS fails)")),
        spec(QStringLiteral("verify.assume_blank_from_valid"), SettingType::Boolean, QStringLiteral("true"), 0, 0,
         QStringLiteral("Accept the blank MAIL FROM address <> that bounces use (turning this off loses bounces)")),
        spec(QStringLiteral("verify.helo_syntax"), SettingType::Boolean, QStringLiteral("false"), 0, 0,
         QStringLiteral("HELO/EHLO must name a valid host name or address literal (501 5.5.4)")),
        spec(QStringLiteral("verify.reverse_dns"), SettingType::Boolean, QStringLiteral("false"), 0, 0,
         QStringLiteral("The client's address must have a reverse DNS (PTR) record (450 4.7.25)")),
        spec(QStringLiteral("autoban.enabled"), SettingType::Boolean, QStringLiteral("true"), 0, 0,
         QStringLiteral("Auto-ban: ban an address that fails to log in or tries to relay too often")),
        // The limits follow the failure table's: it keeps 100 failures per address for an hour.
        spec(QStringLiteral("autoban.max_failures"), SettingType::Integer, QStringLiteral("10"), 1, 100,
         QStringLiteral("Failed logins (a password repeated counts once) and relay attempts that ban an address")),
        spec(QStringLiteral("autoban.window_minutes"), SettingType::Integer, QStringLiteral("10"), 1, 60,
         QStringLiteral("Minutes within which autoban.max_failures must happen")),
        spec(QStringLiteral("autoban.ban_minutes"), SettingType::Integer, QStringLiteral("60"), 1, 525600,
         QStringLiteral("How long an auto-ban lasts, in minutes")),
        // A literal list rather than "whatever network.local_ranges says": what `config list` shows
        // is what applies, and changing the office ranges for auth.plaintext cannot silently make
        // them bannable.
        spec(QStringLiteral("autoban.never"), SettingType::CidrListOrNone,
         QStringLiteral("127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"), 0, 0,
         QStringLiteral("Addresses auto-ban never bans (CIDR ranges, comma-separated, or none); "
                        "default: loopback and the private ranges")),
        spec(QStringLiteral("dns.servers"), SettingType::DnsServers, QString(), 0, 0,
         QStringLiteral("Nameservers to ask, comma-separated, each an address with an optional port "
                        "(192.0.2.1, 127.0.0.1:5353, [::1]:5353); empty: the system's (/etc/resolv.conf)")),
        spec(QStringLiteral("dns.timeout_ms"), SettingType::Integer, QStringLiteral("5000"), 100, 60000,
         QStringLiteral("Longest wait for one DNS answer, in milliseconds")),
        spec(QStringLiteral("outbound.max_per_domain"), SettingType::Integer, QStringLiteral("5"), 1, 100,
         QStringLiteral("Connections at once to one destination domain when sending mail out")),
        spec(QStringLiteral("outbound.max_connections"), SettingType::Integer, QStringLiteral("50"), 1, 1000,
         QStringLiteral("Connections at once when sending mail out, all destinations together")),
        spec(QStringLiteral("outbound.retry_schedule"), SettingType::DurationList, QStringLiteral("5m,15m,30m,1h,2h,4h"), 0, 0,
         QStringLiteral("Waits between delivery attempts, comma-separated, each a number with s, m, h or d "
                        "(at most 20); the last wait repeats")),
        spec(QStringLiteral("outbound.max_age_hours"), SettingType::Hours, QStringLiteral("120"), 1, 8760 * DecimalHours::kPerHour,
         QStringLiteral("Hours a message may wait in the queue (decimals allowed: 0.5 = 30 minutes); then it fails "
                        "and the sender gets a report")),
        spec(QStringLiteral("outbound.delay_notice_hours"), SettingType::Hours, QStringLiteral("4"), 0, 8760 * DecimalHours::kPerHour,
         QStringLiteral("Hours of waiting after which the sender is told once that the message is delayed "
                        "(decimals allowed; 0 = never)")),
        spec(QStringLiteral("outbound.tls"), SettingType::Choice, QStringLiteral("opportunistic"), 0, 0,
         QStringLiteral("Encryption when delivering to a domain's mail servers (MX): opportunistic (when offered), "
                        "required (no delivery without it) or verify (also check the certificate)"),
         {QStringLiteral("opportunistic"), QStringLiteral("required"), QStringLiteral("verify")}),
        spec(QStringLiteral("outbound.ca_file"), SettingType::FilePath, QString(), 0, 0,
         QStringLiteral("PEM file of the certificate authorities that \"verify\" trusts; empty: the system's")),
        spec(QStringLiteral("outbound.smarthost"), SettingType::HostPort, QString(), 0, 0,
         QStringLiteral("Send all outgoing mail through this server, as host:port ([IPv6]:port); "
                        "empty: deliver to each domain's own mail servers")),
        spec(QStringLiteral("outbound.smarthost_user"), SettingType::Text, QString(), 0, 255,
         QStringLiteral("User name for logging in to the smart host; empty: no login "
                        "(the password is set with postern smarthost-password set)")),
        spec(QStringLiteral("outbound.smarthost_tls"), SettingType::Choice, QStringLiteral("required"), 0, 0,
         QStringLiteral("Encryption to the smart host: none, opportunistic, required or verify; "
                        "port 465 means TLS from the first byte"),
         {QStringLiteral("none"), QStringLiteral("opportunistic"), QStringLiteral("required"), QStringLiteral("verify")}),
        spec(QStringLiteral("outbound.timeout_scale_percent"), SettingType::Integer, QStringLiteral("100"), 1, 100,
         QStringLiteral("Percentage of the standard SMTP waits used when sending (lower only for tests)")),
        spec(QStringLiteral("outbound.connect_timeout_s"), SettingType::Integer, QStringLiteral("30"), 1, 300,
         QStringLiteral("Seconds to wait for a connection to a receiving server, per address")),
        spec(QStringLiteral("outbound.mx_port"), SettingType::Integer, QStringLiteral("25"), 1, 65535,
         QStringLiteral("Port of the mail exchangers found in DNS; 25 on the Internet (other values only for "
                        "test networks)")),
    };
}

// The first dotted name on an /etc/hosts line that also names `shortName` (Debian's
// "127.0.1.1 host.example.org host"), else shortName with resolv.conf's domain, else shortName.
QString qualifyFromHostsFile(const QString &shortName)
{
    QFile hosts(QStringLiteral("/etc/hosts"));
    if (hosts.open(QIODevice::ReadOnly)) {
        while (!hosts.atEnd()) {
            const QString line = QString::fromLocal8Bit(hosts.readLine()).section(QLatin1Char('#'), 0, 0);
            const QStringList fields = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (fields.size() < 2 || !fields.mid(1).contains(shortName, Qt::CaseInsensitive))
                continue;
            for (const QString &field : fields.mid(1)) {
                if (field.startsWith(shortName + QLatin1Char('.'), Qt::CaseInsensitive))
                    return field;
            }
        }
    }
    const QString domain = QHostInfo::localDomainName();
    return domain.isEmpty() ? shortName : shortName + QLatin1Char('.') + domain;
}

bool parseBoolean(const QString &value, bool *ok)
{
    const QString v = value.trimmed().toLower();
    *ok = true;
    if (v == QStringLiteral("true") || v == QStringLiteral("on") || v == QStringLiteral("yes") || v == QStringLiteral("1"))
        return true;
    if (v == QStringLiteral("false") || v == QStringLiteral("off") || v == QStringLiteral("no") || v == QStringLiteral("0"))
        return false;
    *ok = false;
    return false;
}

}

const QList<SettingSpec> &SettingsSchema::all()
{
    static const QList<SettingSpec> table = buildTable();
    return table;
}

const SettingSpec *SettingsSchema::find(const QString &key)
{
    for (const SettingSpec &spec : all()) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}

QString SettingsSchema::machineHostName()
{
    // Computed once and without DNS: a server must start the same on a machine with no network.
    static const QString cached = [] {
        char name[256] = {};
        if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0')
            return QStringLiteral("localhost.localdomain");
        QString host = QString::fromLocal8Bit(name);
        if (!host.contains(QLatin1Char('.')))
            host = qualifyFromHostsFile(host);
        const QString normalized = MailAddress::normalizeDomain(host);
        return normalized.isEmpty() ? QStringLiteral("localhost.localdomain") : normalized;
    }();
    return cached;
}

QString SettingsSchema::defaultValue(const SettingSpec &spec)
{
    if (spec.key == QStringLiteral("server.hostname"))
        return machineHostName();
    return spec.defaultValue;
}

QString SettingsSchema::normalize(const SettingSpec &spec, const QString &value, QString *error)
{
    const auto fail = [&](const QString &why) {
        *error = QStringLiteral("invalid value \"%1\" for %2: %3").arg(value, spec.key, why);
        return QString();
    };
    const QString trimmed = value.trimmed();
    switch (spec.type) {
    case SettingType::HostName: {
        const QString ace = MailAddress::normalizeDomain(trimmed);
        if (ace.isEmpty() || ace.startsWith(QLatin1Char('[')))
            return fail(QStringLiteral("not a valid host name"));
        return ace;
    }
    case SettingType::Integer:
    case SettingType::Port: {
        bool ok = false;
        const qint64 number = trimmed.toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("not a whole number"));
        if (number < spec.minimum || number > spec.maximum)
            return fail(QStringLiteral("must be between %1 and %2").arg(spec.minimum).arg(spec.maximum));
        return QString::number(number);
    }
    case SettingType::Boolean: {
        bool ok = false;
        const bool flag = parseBoolean(trimmed, &ok);
        if (!ok)
            return fail(QStringLiteral("use true or false"));
        return flag ? QStringLiteral("true") : QStringLiteral("false");
    }
    case SettingType::Choice: {
        const QString lower = trimmed.toLower();
        if (!spec.choices.contains(lower))
            return fail(QStringLiteral("use one of %1").arg(spec.choices.join(QStringLiteral(", "))));
        return lower;
    }
    case SettingType::FilePath: {
        // Absolute, because the server and the CLI do not share a working folder.
        if (trimmed.isEmpty())
            return fail(QStringLiteral("an empty path is not a file (config reset %1 clears it)").arg(spec.key));
        if (!trimmed.startsWith(QLatin1Char('/')))
            return fail(QStringLiteral("use an absolute path (starting with /)"));
        if (std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.category() == QChar::Other_Control; }))
            return fail(QStringLiteral("control characters are not allowed in a path"));
        return QDir::cleanPath(trimmed);
    }
    case SettingType::AddressList: {
        QStringList addresses;
        for (const QString &part : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QHostAddress address(part.trimmed());
            if (address.isNull())
                return fail(QStringLiteral("\"%1\" is not an IP address").arg(part.trimmed()));
            const QString text = address.toString();
            if (!addresses.contains(text))
                addresses << text;
        }
        if (addresses.isEmpty())
            return fail(QStringLiteral("at least one address is needed"));
        return addresses.join(QLatin1Char(','));
    }
    case SettingType::CidrList:
    case SettingType::CidrListOrNone: {
        if (spec.type == SettingType::CidrListOrNone
            && (trimmed.isEmpty() || trimmed.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0))
            return QStringLiteral("none");
        QString why;
        const std::optional<QList<CidrRange>> ranges = CidrRange::parseList(trimmed, &why);
        if (!ranges)
            return fail(why);
        // An empty value would read as "invalid" to every caller; to trust no network, choose an
        // auth.plaintext mode that does not use the ranges.
        if (ranges->isEmpty())
            return fail(QStringLiteral("at least one range is needed"));
        QStringList texts;
        for (const CidrRange &range : *ranges)
            texts << range.toString();
        return texts.join(QLatin1Char(','));
    }
    case SettingType::DnsServers: {
        QString why;
        const std::optional<QStringList> servers = DnsServerList::parse(trimmed, &why);
        if (!servers)
            return fail(why);
        // Empty reads as "invalid" to every caller; the empty default (the system's) is one reset away.
        if (servers->isEmpty())
            return fail(QStringLiteral("at least one server is needed (config reset %1 uses the system's)").arg(spec.key));
        return servers->join(QLatin1Char(','));
    }
    case SettingType::DurationList: {
        QString why;
        const std::optional<RetrySchedule> schedule = RetrySchedule::parse(trimmed, &why);
        return schedule ? schedule->toString() : fail(why);
    }
    case SettingType::HostPort: {
        if (trimmed.isEmpty())
            return QString();
        QString why;
        const std::optional<HostPort> hostPort = HostPort::parse(trimmed, &why);
        return hostPort ? hostPort->toString() : fail(why);
    }
    case SettingType::Hours: {
        QString why;
        const std::optional<qint64> thousandths = DecimalHours::parse(trimmed, &why);
        if (!thousandths)
            return fail(why);
        if (*thousandths < spec.minimum || *thousandths > spec.maximum)
            return fail(QStringLiteral("must be between %1 and %2 hours")
                            .arg(DecimalHours::toText(spec.minimum), DecimalHours::toText(spec.maximum)));
        return DecimalHours::toText(*thousandths);
    }
    case SettingType::Text: {
        if (trimmed.size() > spec.maximum)
            return fail(QStringLiteral("at most %1 characters").arg(spec.maximum));
        if (std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return !c.isPrint() || c.isSpace(); }))
            return fail(QStringLiteral("spaces and control characters are not allowed"));
        return trimmed;
    }
    }
    return fail(QStringLiteral("unknown type"));
}
