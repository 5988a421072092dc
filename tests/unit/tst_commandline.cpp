// The command-line grammar: global options anywhere, command options, usage errors.

#include "admincommands.h"
#include "commandline.h"

#include <QtTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses();
    void parseErrors_data();
    void parseErrors();
    void usage_data();
    void usage();
};

void TestCommandLine::parses()
{
    const CommandLine line = CommandLine::parse({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("a@b.example"),
                                                 QStringLiteral("--data-dir"), QStringLiteral("/tmp/x"),
                                                 QStringLiteral("--name=Bob Smith"), QStringLiteral("--password-stdin")});
    QVERIFY2(line.error().isEmpty(), qPrintable(line.error()));
    QCOMPARE(line.words(), QStringList({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("a@b.example")}));
    QCOMPARE(line.option(QStringLiteral("data-dir")), QStringLiteral("/tmp/x"));
    QCOMPARE(line.option(QStringLiteral("name")), QStringLiteral("Bob Smith"));
    QVERIFY(line.hasFlag(QStringLiteral("password-stdin")));
    QVERIFY(line.isAdminCommand());

    const CommandLine server = CommandLine::parse({QStringLiteral("--headless"), QStringLiteral("--ephemeral-ports")});
    QVERIFY(server.error().isEmpty());
    QVERIFY(!server.isAdminCommand());
    QVERIFY(server.hasFlag(QStringLiteral("headless")));

    const CommandLine dashes = CommandLine::parse({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("--"),
                                                   QStringLiteral("k"), QStringLiteral("--v")});
    QVERIFY(dashes.error().isEmpty());
    QCOMPARE(dashes.words().last(), QStringLiteral("--v"));
}

void TestCommandLine::parseErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown long") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("--frobnicate");
    QTest::newRow("unknown short") << QStringList{QStringLiteral("-x")} << QStringLiteral("-x");
    QTest::newRow("missing value") << QStringList{QStringLiteral("domain"), QStringLiteral("list"), QStringLiteral("--data-dir")}
                                   << QStringLiteral("--data-dir");
    QTest::newRow("flag with value") << QStringList{QStringLiteral("--headless=yes")} << QStringLiteral("--headless");
    QTest::newRow("twice") << QStringList{QStringLiteral("--name"), QStringLiteral("a"), QStringLiteral("--name"), QStringLiteral("b")}
                           << QStringLiteral("--name");
}

void TestCommandLine::parseErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const CommandLine line = CommandLine::parse(arguments);
    QVERIFY(!line.error().isEmpty());
    QVERIFY2(line.error().contains(named), qPrintable(line.error()));
}

void TestCommandLine::usage_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("problem");   // empty: well-formed
    QTest::newRow("domain add") << QStringLiteral("domain add example.com") << QString();
    QTest::newRow("domain add missing") << QStringLiteral("domain add") << QStringLiteral("missing argument");
    QTest::newRow("domain list extra") << QStringLiteral("domain list extra") << QStringLiteral("\"extra\"");
    QTest::newRow("user add full") << QStringLiteral("user add a@b --password-stdin --name N --quota 5") << QString();
    QTest::newRow("user remove quota") << QStringLiteral("user remove a@b --quota 5") << QStringLiteral("--quota");
    QTest::newRow("user list domain") << QStringLiteral("user list example.com") << QString();
    QTest::newRow("alias add one target") << QStringLiteral("alias add a@b c@d") << QString();
    QTest::newRow("alias add many") << QStringLiteral("alias add a@b c@d e@f g@h") << QString();
    QTest::newRow("alias add no target") << QStringLiteral("alias add a@b") << QStringLiteral("missing argument");
    QTest::newRow("config set") << QStringLiteral("config set smtp.port 25") << QString();
    QTest::newRow("config set missing") << QStringLiteral("config set smtp.port") << QStringLiteral("missing argument");
    QTest::newRow("unknown group") << QStringLiteral("mailbox list") << QStringLiteral("\"mailbox\"");
    QTest::newRow("unknown verb") << QStringLiteral("user frob") << QStringLiteral("\"frob\"");
    QTest::newRow("missing verb") << QStringLiteral("user") << QStringLiteral("missing action");
    QTest::newRow("headless with command") << QStringLiteral("domain list --headless") << QStringLiteral("--headless");
    QTest::newRow("ban add v4") << QStringLiteral("ban add 192.0.2.7") << QString();
    QTest::newRow("ban add v6 cidr, options") << QStringLiteral("ban add 2001:db8::/32 --minutes 90 --comment scanner") << QString();
    QTest::newRow("ban add malformed") << QStringLiteral("ban add 192.0.2.300") << QStringLiteral("192.0.2.300");
    QTest::newRow("ban add bad prefix") << QStringLiteral("ban add 10.0.0.0/33") << QStringLiteral("10.0.0.0/33");
    QTest::newRow("ban add minutes zero") << QStringLiteral("ban add 192.0.2.7 --minutes 0") << QStringLiteral("\"0\"");
    QTest::newRow("ban add minutes negative") << QStringLiteral("ban add 192.0.2.7 --minutes -5") << QStringLiteral("\"-5\"");
    QTest::newRow("ban add minutes text") << QStringLiteral("ban add 192.0.2.7 --minutes soon") << QStringLiteral("\"soon\"");
    QTest::newRow("ban add minutes huge") << QStringLiteral("ban add 192.0.2.7 --minutes 99999999999") << QStringLiteral("--minutes");
    QTest::newRow("ban add missing") << QStringLiteral("ban add") << QStringLiteral("missing argument");
    QTest::newRow("ban remove") << QStringLiteral("ban remove 192.0.2.0/24") << QString();
    QTest::newRow("ban remove malformed") << QStringLiteral("ban remove nonsense") << QStringLiteral("nonsense");
    QTest::newRow("ban remove minutes") << QStringLiteral("ban remove 192.0.2.7 --minutes 5") << QStringLiteral("--minutes");
    QTest::newRow("ban list") << QStringLiteral("ban list") << QString();
    QTest::newRow("ban list extra") << QStringLiteral("ban list 192.0.2.7") << QStringLiteral("\"192.0.2.7\"");
    QTest::newRow("trust add") << QStringLiteral("trust add 10.0.0.0/8 --comment office") << QString();
    QTest::newRow("trust add minutes") << QStringLiteral("trust add 10.0.0.0/8 --minutes 5") << QStringLiteral("--minutes");
    QTest::newRow("trust add malformed") << QStringLiteral("trust add 10.0.0/8x") << QStringLiteral("10.0.0/8x");
    QTest::newRow("trust remove") << QStringLiteral("trust remove ::1") << QString();
    QTest::newRow("trust list") << QStringLiteral("trust list") << QString();
    QTest::newRow("filter add") << QStringLiteral("filter add viagra") << QString();
    QTest::newRow("filter add scope action") << QStringLiteral("filter add casino --scope subject --action discard") << QString();
    QTest::newRow("filter add scope any case") << QStringLiteral("filter add casino --scope=BODY --action=Reject") << QString();
    QTest::newRow("filter add unknown scope") << QStringLiteral("filter add casino --scope envelope") << QStringLiteral("\"envelope\"");
    QTest::newRow("filter add unknown action") << QStringLiteral("filter add casino --action bounce") << QStringLiteral("\"bounce\"");
    QTest::newRow("filter add empty") << QStringLiteral("filter add ") << QStringLiteral("filter add: the filter text is empty");
    QTest::newRow("attachment-filter add empty") << QStringLiteral("attachment-filter add ") << QStringLiteral("pattern is empty");
    QTest::newRow("filter add missing") << QStringLiteral("filter add") << QStringLiteral("missing argument");
    QTest::newRow("filter add comment") << QStringLiteral("filter add x --comment y") << QStringLiteral("--comment");
    QTest::newRow("filter remove") << QStringLiteral("filter remove viagra") << QString();
    QTest::newRow("filter remove scope") << QStringLiteral("filter remove viagra --scope body") << QStringLiteral("--scope");
    QTest::newRow("filter list") << QStringLiteral("filter list") << QString();
    QTest::newRow("filter list extra") << QStringLiteral("filter list viagra") << QStringLiteral("\"viagra\"");
    QTest::newRow("attachment-filter add") << QStringLiteral("attachment-filter add .EXE") << QString();
    QTest::newRow("attachment-filter add glob") << QStringLiteral("attachment-filter add invoice*.js") << QString();
    QTest::newRow("attachment-filter add path") << QStringLiteral("attachment-filter add a/b.exe") << QStringLiteral("a/b.exe");
    QTest::newRow("attachment-filter add dot") << QStringLiteral("attachment-filter add .") << QStringLiteral("\".\"");
    QTest::newRow("attachment-filter add action") << QStringLiteral("attachment-filter add .exe --action discard") << QStringLiteral("--action");
    QTest::newRow("attachment-filter remove") << QStringLiteral("attachment-filter remove .exe") << QString();
    QTest::newRow("attachment-filter list") << QStringLiteral("attachment-filter list") << QString();
    QTest::newRow("attachment-filter unknown verb") << QStringLiteral("attachment-filter show") << QStringLiteral("\"show\"");
    QTest::newRow("tls show") << QStringLiteral("tls show") << QString();
    QTest::newRow("tls reload") << QStringLiteral("tls reload") << QString();
    QTest::newRow("tls show extra") << QStringLiteral("tls show mail.example.com") << QStringLiteral("\"mail.example.com\"");
    QTest::newRow("tls missing verb") << QStringLiteral("tls") << QStringLiteral("missing action");
    QTest::newRow("tls unknown verb") << QStringLiteral("tls renew") << QStringLiteral("\"renew\"");
    QTest::newRow("queue list") << QStringLiteral("queue list") << QString();
    QTest::newRow("queue list extra") << QStringLiteral("queue list 0123456789AB") << QStringLiteral("\"0123456789AB\"");
    QTest::newRow("queue show") << QStringLiteral("queue show 0123456789ab") << QString();
    QTest::newRow("queue show missing") << QStringLiteral("queue show") << QStringLiteral("missing argument");
    QTest::newRow("queue show malformed") << QStringLiteral("queue show 12345") << QStringLiteral("\"12345\" is not a queue id");
    QTest::newRow("queue retry id") << QStringLiteral("queue retry 0123456789AB") << QString();
    QTest::newRow("queue retry all") << QStringLiteral("queue retry --all") << QString();
    QTest::newRow("queue retry both") << QStringLiteral("queue retry 0123456789AB --all") << QStringLiteral("not both");
    QTest::newRow("queue retry neither") << QStringLiteral("queue retry") << QStringLiteral("--all");
    QTest::newRow("queue delete all") << QStringLiteral("queue delete 0123456789AB --all") << QStringLiteral("does not take --all");
    QTest::newRow("queue delete malformed") << QStringLiteral("queue delete 0123456789AZ") << QStringLiteral("queue delete");
    QTest::newRow("queue bounce") << QStringLiteral("queue bounce 0123456789AB") << QString();
    QTest::newRow("queue unknown verb") << QStringLiteral("queue flush") << QStringLiteral("\"flush\"");
}

void TestCommandLine::usage()
{
    QFETCH(QString, command);
    QFETCH(QString, problem);
    const CommandLine line = CommandLine::parse(command.split(QLatin1Char(' ')));
    QVERIFY(line.error().isEmpty());
    const QString found = AdminCommands::checkUsage(line);
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
