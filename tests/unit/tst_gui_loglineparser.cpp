// LogLineParser: the fields, client address and login the log viewer reads from a line.

#include "loglineparser.h"

#include <QtTest>

class TestGuiLogLineParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
};

void TestGuiLogLineParser::parse_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("component");
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("clientIp");
    QTest::addColumn<QString>("account");

    QTest::newRow("connect v4")
        << QStringLiteral("2026-11-24T10:20:59.123+01:00 INFO smtp 3f2a9c connect from 127.0.0.5:5500 to smtp 127.0.0.1:25")
        << int(LogLevel::Info) << QStringLiteral("smtp") << QStringLiteral("3f2a9c")
        << QStringLiteral("connect from 127.0.0.5:5500 to smtp 127.0.0.1:25") << QStringLiteral("127.0.0.5") << QString();
    QTest::newRow("connect v6")
        << QStringLiteral("2026-11-24T10:20:59.123+01:00 INFO pop3 a1 connect from [::1]:41000 to pop3 [::1]:110")
        << int(LogLevel::Info) << QStringLiteral("pop3") << QStringLiteral("a1")
        << QStringLiteral("connect from [::1]:41000 to pop3 [::1]:110") << QStringLiteral("::1") << QString();
    QTest::newRow("smtp auth")
        << QStringLiteral("2026-11-24T10:21:00.000+01:00 INFO submission b2 authenticated as alice@example.org via PLAIN from 10.0.0.7")
        << int(LogLevel::Info) << QStringLiteral("submission") << QStringLiteral("b2")
        << QStringLiteral("authenticated as alice@example.org via PLAIN from 10.0.0.7") << QStringLiteral("10.0.0.7")
        << QStringLiteral("alice@example.org");
    QTest::newRow("pop3 login")
        << QStringLiteral("2026-11-24T10:21:00.000+01:00 INFO pop3 c3 login bob@example.org: 3 messages, 1200 octets")
        << int(LogLevel::Info) << QStringLiteral("pop3") << QStringLiteral("c3")
        << QStringLiteral("login bob@example.org: 3 messages, 1200 octets") << QString() << QStringLiteral("bob@example.org");
    QTest::newRow("received suffix")
        << QStringLiteral("2026-11-24T10:21:00.000+01:00 INFO smtp d4 message stored (authenticated as carol@example.org)")
        << int(LogLevel::Info) << QStringLiteral("smtp") << QStringLiteral("d4")
        << QStringLiteral("message stored (authenticated as carol@example.org)") << QString()
        << QStringLiteral("carol@example.org");
    QTest::newRow("sender is no address")
        << QStringLiteral("2026-11-24T10:21:00.000+01:00 WARN smtp e5 refused mail from <x@y.example>")
        << int(LogLevel::Warning) << QStringLiteral("smtp") << QStringLiteral("e5")
        << QStringLiteral("refused mail from <x@y.example>") << QString() << QString();
    QTest::newRow("no session")
        << QStringLiteral("2026-11-24T10:21:00.000+01:00 ERROR engine - database unavailable")
        << int(LogLevel::Error) << QStringLiteral("engine") << QString() << QStringLiteral("database unavailable")
        << QString() << QString();
    QTest::newRow("relogin is not login")
        << QStringLiteral("2026-11-24T10:21:00.000+01:00 DEBUG smtp f6 relogin x")
        << int(LogLevel::Debug) << QStringLiteral("smtp") << QStringLiteral("f6") << QStringLiteral("relogin x")
        << QString() << QString();
}

void TestGuiLogLineParser::parse()
{
    QFETCH(QString, line);
    QFETCH(int, level);
    QFETCH(QString, component);
    QFETCH(QString, session);
    QFETCH(QString, text);
    QFETCH(QString, clientIp);
    QFETCH(QString, account);

    const std::optional<LogLineParser::Line> parsed = LogLineParser::parse(line);
    QVERIFY(parsed);
    QCOMPARE(int(parsed->entry.level), level);
    QCOMPARE(parsed->entry.component, component);
    QCOMPARE(parsed->entry.session, session);
    QCOMPARE(parsed->entry.text, text);
    QCOMPARE(parsed->clientIp, clientIp);
    QCOMPARE(parsed->account, account);
    QVERIFY(parsed->entry.timestamp.isValid());
}

void TestGuiLogLineParser::rejects_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("empty") << QString();
    QTest::newRow("free text") << QStringLiteral("hello world");
    QTest::newRow("bad level") << QStringLiteral("2026-11-24T10:21:00.000+01:00 LOUD smtp a1 x");
    QTest::newRow("bad time") << QStringLiteral("yesterday INFO smtp a1 x");
}

void TestGuiLogLineParser::rejects()
{
    QFETCH(QString, line);
    QVERIFY(!LogLineParser::parse(line));
}

QTEST_GUILESS_MAIN(TestGuiLogLineParser)
#include "tst_gui_loglineparser.moc"
