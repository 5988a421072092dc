#include "commandline.h"

namespace {

// Options that take a value; every other option is a flag.
const QStringList kValueOptions = {
    QStringLiteral("data-dir"), QStringLiteral("database"), QStringLiteral("name"), QStringLiteral("quota"),
    QStringLiteral("minutes"),  QStringLiteral("comment"),  QStringLiteral("ip"),    QStringLiteral("auth"),
    QStringLiteral("from"),     QStringLiteral("to"),       QStringLiteral("scope"), QStringLiteral("action"),
    QStringLiteral("tls"),
};
const QStringList kFlags = {
    QStringLiteral("headless"),      QStringLiteral("password-stdin"), QStringLiteral("version"),
    QStringLiteral("help"),          QStringLiteral("ephemeral-ports"), QStringLiteral("all"),
};

}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine result;
    bool onlyWords = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (onlyWords || !argument.startsWith(QStringLiteral("--")) ) {
            if (!onlyWords && argument.startsWith(QLatin1Char('-')) && argument.size() > 1 && argument != QStringLiteral("-h")) {
                result.m_error = QStringLiteral("unknown option %1").arg(argument);
                return result;
            }
            if (argument == QStringLiteral("-h"))
                result.m_flags.insert(QStringLiteral("help"));
            else
                result.m_words << argument;
            continue;
        }
        if (argument == QStringLiteral("--")) {
            onlyWords = true;
            continue;
        }
        QString name = argument.mid(2);
        QString value;
        bool hasInlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasInlineValue = true;
        }
        if (kValueOptions.contains(name)) {
            if (!hasInlineValue) {
                if (i + 1 >= arguments.size()) {
                    result.m_error = QStringLiteral("option --%1 needs a value").arg(name);
                    return result;
                }
                value = arguments.at(++i);
            }
            if (result.m_options.contains(name)) {
                result.m_error = QStringLiteral("option --%1 given twice").arg(name);
                return result;
            }
            result.m_options.insert(name, value);
        } else if (kFlags.contains(name)) {
            if (hasInlineValue) {
                result.m_error = QStringLiteral("option --%1 takes no value").arg(name);
                return result;
            }
            result.m_flags.insert(name);
        } else {
            result.m_error = QStringLiteral("unknown option --%1").arg(name);
            return result;
        }
    }
    return result;
}

QString CommandLine::usage()
{
    return QStringLiteral(
        "Usage:\n"
        "  postern [--data-dir DIR] [--database URL] [--headless] [--ephemeral-ports]\n"
        "  postern [--data-dir DIR] domain add|remove|list [DOMAIN]\n"
        "  postern [--data-dir DIR] user add ADDRESS [--password-stdin] [--name NAME] [--quota BYTES]\n"
        "  postern [--data-dir DIR] user remove|passwd|enable|disable ADDRESS      (passwd reads stdin)\n"
        "  postern [--data-dir DIR] user set ADDRESS [--name NAME] [--quota BYTES]\n"
        "  postern [--data-dir DIR] user list [DOMAIN]\n"
        "  postern [--data-dir DIR] alias add ALIAS TARGET... | alias remove ALIAS [TARGET...] | alias list\n"
        "  postern [--data-dir DIR] smtp-login add NAME [--password-stdin]            (reads the password from stdin)\n"
        "  postern [--data-dir DIR] smtp-login remove NAME | smtp-login list\n"
        "  postern [--data-dir DIR] ban add CIDR [--minutes N] [--comment TEXT] | ban remove CIDR | ban list\n"
        "  postern [--data-dir DIR] trust add CIDR [--comment TEXT] | trust remove CIDR | trust list\n"
        "  postern [--data-dir DIR] filter add TEXT [--scope subject|headers|body|all] [--action reject|discard]\n"
        "  postern [--data-dir DIR] filter remove TEXT | filter list\n"
        "  postern [--data-dir DIR] attachment-filter add PATTERN | attachment-filter remove PATTERN | attachment-filter list\n"
        "  postern [--data-dir DIR] config get KEY | config set KEY VALUE | config reset KEY | config list\n"
        "  postern [--data-dir DIR] tls show | tls reload\n"
        "  postern [--data-dir DIR] admin-password set [--password-stdin] | admin-password clear\n"
        "  postern [--data-dir DIR] queue list | queue show ID | queue retry ID | queue retry --all\n"
        "  postern [--data-dir DIR] queue delete ID | queue bounce ID\n"
        "  postern [--data-dir DIR] policy explain --ip IP [--auth USER] --from ADDR --to ADDR\n"
        "  postern [--data-dir DIR] route add DOMAIN HOST:PORT [--tls none|opportunistic|required|verify]\n"
        "                           [--auth USER [--password-stdin]] | route remove DOMAIN | route list\n"
        "  postern [--data-dir DIR] smarthost-password set [--password-stdin] | smarthost-password clear\n"
        "  postern --version | --help\n"
        "\n"
        "Options:\n"
        "  --data-dir DIR     data directory (default /var/lib/postern as root, else ~/.local/share/postern)\n"
        "  --database URL     postgresql://user:pass@host:port/dbname (default: SQLite in the data directory;\n"
        "                     the POSTERN_DATABASE environment variable does the same)\n"
        "  --headless         run the server without a window even when a display is present\n"
        "  --ephemeral-ports  for tests: a service whose port is 0 listens on a free port instead of being off\n"
        "  --password-stdin   read the new account's or SMTP login's password from standard input\n"
        "  --name NAME        the account's display name\n"
        "  --quota BYTES      mailbox quota, e.g. 500M or 2G; 0 = unlimited\n"
        "  --minutes N        ban add: the ban expires after N minutes (default: never)\n"
        "  --comment TEXT     ban add, trust add: a note shown by the list\n"
        "  --ip, --auth, --from, --to  policy explain: the client address, its login (if it\n"
        "                     authenticates), MAIL FROM (\"<>\" for the blank sender) and RCPT TO\n"
        "  --scope SCOPE      filter add: where to look: subject, headers, body or all (default all)\n"
        "  --action ACTION    filter add: reject (550, the default) or discard (250, then dropped)\n"
        "  --tls MODE         route add: none, opportunistic, required (the default) or verify\n"
        "  --all              queue retry: every queued message\n"
        "\n"
        "\n"
        "ban: connections from a banned address or CIDR range (192.0.2.7, 2001:db8::/32) are closed\n"
        "at once on every service. trust: SMTP clients from a trusted range may relay without AUTH.\n"
        "ban list and trust list print range, expiry (or \"never\"), source and comment, tab-separated.\n"
        "\n"
        "filter: mail whose decoded text holds TEXT (any case) is refused with 550 5.7.1 at the end of\n"
        "DATA, or accepted and dropped with --action discard. attachment-filter: mail with an attachment\n"
        "whose name matches PATTERN (.EXE, .E*, .E?E, *.exe, invoice*.js; * and ?, any case) is refused.\n"
        "Both apply to every sender and whatever message.max_size is. filter list prints text, scope,\n"
        "action and creation time; attachment-filter list pattern and creation time, tab-separated.\n"
        "Running servers see changes within about a second.\n"
        "\n"
        "queue: mail waiting to leave for other domains. list shows each message (ID, age, size,\n"
        "sender, next attempt) and its recipients (state, attempts, last error); show ID adds the\n"
        "headers. retry tries now instead of waiting; delete drops a message without telling anyone;\n"
        "bounce gives up and sends the sender a failure report (5.0.0). IDs are the 12 hex digits\n"
        "list shows (any case).\n"
        "\n"
        "policy explain prints the security rules such a session would meet and what each decides,\n"
        "without sending anything: the answer to \"why was this refused?\".\n"
        "\n"
        "route: mail for DOMAIN goes to HOST:PORT ([IPv6]:PORT) instead of the domain's MX hosts;\n"
        "--auth USER logs in there, --password-stdin reads its password from standard input (kept in\n"
        "DATA_DIR/secrets, never shown). route list prints domain, host:port, TLS, login (or -) and\n"
        "\"password\" when one is stored (or -), tab-separated. smarthost-password: the password for\n"
        "outbound.smarthost_user at outbound.smarthost; set reads it from standard input.\n"
        "--tls: none = never encrypt; opportunistic = when offered; required = encrypt or do not\n"
        "deliver; verify = also check the certificate. Port 465 means TLS from the first byte.\n"
        "\n"
        "admin-password: the password the desktop window asks for before settings can be changed\n"
        "(administration mode); set reads it from standard input, clear removes it.\n"
        "\n"
        "tls show prints the certificate the server uses (tls.cert_file and tls.key_file, or the\n"
        "self-signed one it generates in DATA_DIR/tls); tls reload makes a running server load\n"
        "the files again (it also does by itself when they change).\n"
        "\n"
        "Exit codes: 0 success, 1 runtime failure, 2 usage or validation error.\n");
}
