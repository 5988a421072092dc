#include <QTest>
#include <QTimeZone>

#include "logentry.h"
#include "logsanitizer.h"

// The file line format, its parser, and the two sanitizers that keep clients out of the logs.
class TestLogFormat : public QObject
{
    Q_OBJECT

private slots:
    void formatExample();
    void roundTrip_data();
    void roundTrip();
    void parseRejects_data();
    void parseRejects();
    void levelNames_data();
    void levelNames();
    void escapeControl_data();
    void escapeControl();
    void formatIsOneLine();
    void redactProtocolLine_data();
    void redactProtocolLine();
    void redacted();
};

void TestLogFormat::formatExample()
{
    LogEntry entry;
    entry.timestamp = QDateTime(QDate(2026, 11, 24), QTime(10, 20, 59, 123), QTimeZone(3600));
    entry.level = LogLevel::Info;
    entry.component = QStringLiteral("smtp");
    entry.session = QStringLiteral("3f2a9c");
    entry.text = QStringLiteral("connect from 127.0.0.1:5500");
    QCOMPARE(formatLogLine(entry),
             QStringLiteral("2026-11-24T10:20:59.123+01:00 INFO smtp 3f2a9c connect from 127.0.0.1:5500"));

    entry.timestamp = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), QTimeZone(-(5 * 3600 + 30 * 60)));
    entry.level = LogLevel::Warning;
    entry.session.clear();
    QCOMPARE(formatLogLine(entry),
             QStringLiteral("2026-01-02T03:04:05.006-05:30 WARN smtp - connect from 127.0.0.1:5500"));
}

void TestLogFormat::roundTrip_data()
{
    QTest::addColumn<QDateTime>("timestamp");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("component");
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("text");

    const QDateTime cet(QDate(2026, 11, 24), QTime(10, 20, 59, 123), QTimeZone(3600));
    QTest::newRow("plain") << cet << int(LogLevel::Info) << QStringLiteral("smtp")
                           << QStringLiteral("3f2a9c") << QStringLiteral("connect from 127.0.0.1:5500");
    QTest::newRow("no session") << cet << int(LogLevel::Error) << QStringLiteral("pop3")
                                << QString() << QStringLiteral("database unavailable");
    QTest::newRow("unicode") << cet << int(LogLevel::Debug) << QStringLiteral("smtp")
                             << QStringLiteral("a1") << QStringLiteral("rcpt <jürgen@exämple.de> 日本語 ✓");
    QTest::newRow("empty text") << cet << int(LogLevel::Warning) << QStringLiteral("engine")
                                << QStringLiteral("b2") << QString();
    QTest::newRow("many spaces") << cet << int(LogLevel::Info) << QStringLiteral("smtp")
                                 << QStringLiteral("c3") << QStringLiteral("  a   b  ");
    QTest::newRow("utc") << QDateTime(QDate(2025, 6, 1), QTime(0, 0), QTimeZone::utc())
                         << int(LogLevel::Info) << QStringLiteral("core") << QString()
                         << QStringLiteral("started");
    QTest::newRow("local") << QDateTime(QDate(2025, 6, 1), QTime(23, 59, 59, 999))
                           << int(LogLevel::Info) << QStringLiteral("core") << QString()
                           << QStringLiteral("midnight");
}

void TestLogFormat::roundTrip()
{
    QFETCH(QDateTime, timestamp);
    QFETCH(int, level);
    QFETCH(QString, component);
    QFETCH(QString, session);
    QFETCH(QString, text);

    LogEntry entry;
    entry.id = 42;
    entry.timestamp = timestamp;
    entry.level = static_cast<LogLevel>(level);
    entry.component = component;
    entry.session = session;
    entry.text = text;

    const QString line = formatLogLine(entry);
    QVERIFY(!line.contains(QLatin1Char('\n')));
    if (session.isEmpty())
        QVERIFY(line.contains(QStringLiteral(" - ")));

    const std::optional<LogEntry> parsed = parseLogLine(line);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->id, quint64(0));
    QCOMPARE(parsed->timestamp, timestamp);
    QCOMPARE(parsed->timestamp.offsetFromUtc(), timestamp.offsetFromUtc());
    QCOMPARE(parsed->level, entry.level);
    QCOMPARE(parsed->component, component);
    QCOMPARE(parsed->session, session);
    QCOMPARE(parsed->text, text);
    QCOMPARE(formatLogLine(*parsed), line);

    // The viewer reads lines with their terminator.
    const std::optional<LogEntry> withNewline = parseLogLine(line + QLatin1Char('\n'));
    QVERIFY(withNewline.has_value());
    QCOMPARE(withNewline->text, text);
}

void TestLogFormat::parseRejects_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("hello world");
    QTest::newRow("bad timestamp") << QStringLiteral("yesterday INFO smtp - text");
    QTest::newRow("bad level") << QStringLiteral("2026-11-24T10:20:59.123+01:00 LOUD smtp - text");
    QTest::newRow("too few fields") << QStringLiteral("2026-11-24T10:20:59.123+01:00 INFO smtp");
    QTest::newRow("double space") << QStringLiteral("2026-11-24T10:20:59.123+01:00  INFO smtp - x");
}

void TestLogFormat::parseRejects()
{
    QFETCH(QString, line);
    QVERIFY(!parseLogLine(line).has_value());
}

void TestLogFormat::levelNames_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("name");
    QTest::newRow("debug") << int(LogLevel::Debug) << QStringLiteral("DEBUG");
    QTest::newRow("info") << int(LogLevel::Info) << QStringLiteral("INFO");
    QTest::newRow("warning") << int(LogLevel::Warning) << QStringLiteral("WARN");
    QTest::newRow("error") << int(LogLevel::Error) << QStringLiteral("ERROR");
}

void TestLogFormat::levelNames()
{
    QFETCH(int, level);
    QFETCH(QString, name);
    QCOMPARE(logLevelName(static_cast<LogLevel>(level)), name);
    QCOMPARE(logLevelFromName(name), std::optional<LogLevel>(static_cast<LogLevel>(level)));
    QCOMPARE(logLevelFromName(name.toLower()), std::optional<LogLevel>(static_cast<LogLevel>(level)));
    QCOMPARE(logLevelFromName(QStringLiteral("warning")), std::optional<LogLevel>(LogLevel::Warning));
    QVERIFY(!logLevelFromName(QStringLiteral("verbose")).has_value());
    QVERIFY(!logLevelFromName(QString()).has_value());
}

void TestLogFormat::escapeControl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("MAIL FROM:<a@b>") << QStringLiteral("MAIL FROM:<a@b>");
    QTest::newRow("CR LF") << QStringLiteral("x\r\nFAKE") << QStringLiteral("x\\r\\nFAKE");
    QTest::newRow("bare LF") << QStringLiteral("a\nb") << QStringLiteral("a\\nb");
    QTest::newRow("NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))
                         << QStringLiteral("a\\x00b");
    QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("a\\tb");
    QTest::newRow("ESC") << QStringLiteral("\x1b[31mred") << QStringLiteral("\\x1b[31mred");
    QTest::newRow("DEL") << QStringLiteral("a\x7f") << QStringLiteral("a\\x7f");
    QTest::newRow("C1 NEL") << QString(QChar(0x85)) << QStringLiteral("\\x85");
    QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("\\u2028");
    QTest::newRow("bidi override") << QString(QChar(0x202e)) << QStringLiteral("\\u202e");
    QTest::newRow("unicode kept") << QStringLiteral("Grüße 日本 ✓ 😀") << QStringLiteral("Grüße 日本 ✓ 😀");
    QTest::newRow("backslash kept") << QStringLiteral("C:\\path \\n") << QStringLiteral("C:\\path \\n");
    QTest::newRow("empty") << QString() << QString();
}

void TestLogFormat::escapeControl()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString escaped = LogSanitizer::escapeControl(input);
    QCOMPARE(escaped, expected);
    // Idempotent, so the hub and formatLogLine may both apply it.
    QCOMPARE(LogSanitizer::escapeControl(escaped), escaped);
}

void TestLogFormat::formatIsOneLine()
{
    LogEntry entry;
    entry.timestamp = QDateTime::currentDateTime();
    entry.component = QStringLiteral("sm tp\n");
    entry.session = QStringLiteral("a b");
    entry.text = QStringLiteral("hi\r\n2026-11-24T10:20:59.123+01:00 INFO smtp - FAKE");
    const QString line = formatLogLine(entry);
    QVERIFY(!line.contains(QLatin1Char('\n')));
    QVERIFY(!line.contains(QLatin1Char('\r')));
    const std::optional<LogEntry> parsed = parseLogLine(line);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->component, QStringLiteral("sm_tp\\n"));
    QCOMPARE(parsed->session, QStringLiteral("a_b"));
    QVERIFY(parsed->text.startsWith(QStringLiteral("hi\\r\\n2026")));
}

void TestLogFormat::redactProtocolLine_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("auth plain ir") << QStringLiteral("AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=")
                                   << QStringLiteral("AUTH PLAIN ***");
    QTest::newRow("auth lower ir") << QStringLiteral("auth plain dGVzdAB0ZXN0AHRlc3Q=")
                                   << QStringLiteral("auth plain ***");
    QTest::newRow("auth empty ir") << QStringLiteral("AUTH PLAIN =") << QStringLiteral("AUTH PLAIN ***");
    QTest::newRow("auth login ir") << QStringLiteral("AUTH LOGIN Ym9i") << QStringLiteral("AUTH LOGIN ***");
    QTest::newRow("auth login") << QStringLiteral("auth login") << QStringLiteral("auth login");
    QTest::newRow("auth plain") << QStringLiteral("AUTH PLAIN") << QStringLiteral("AUTH PLAIN");
    QTest::newRow("auth") << QStringLiteral("AUTH") << QStringLiteral("AUTH");
    QTest::newRow("auth extra blanks") << QStringLiteral("AUTH  PLAIN\tc2VjcmV0")
                                       << QStringLiteral("AUTH  PLAIN\t***");
    QTest::newRow("auth crlf") << QStringLiteral("AUTH PLAIN c2VjcmV0\r\n")
                               << QStringLiteral("AUTH PLAIN ***\r\n");
    QTest::newRow("pass") << QStringLiteral("PASS secret") << QStringLiteral("PASS ***");
    QTest::newRow("pass spaces") << QStringLiteral("pass secret with spaces") << QStringLiteral("pass ***");
    QTest::newRow("pass leading space") << QStringLiteral("PASS  secret") << QStringLiteral("PASS ***");
    QTest::newRow("pass only") << QStringLiteral("PASS") << QStringLiteral("PASS");
    QTest::newRow("apop") << QStringLiteral("APOP bob 0123abcd") << QStringLiteral("APOP bob ***");
    QTest::newRow("apop lower") << QStringLiteral("apop bob 0123abcd") << QStringLiteral("apop bob ***");
    QTest::newRow("apop no digest") << QStringLiteral("APOP bob") << QStringLiteral("APOP bob");
    QTest::newRow("mail from") << QStringLiteral("MAIL FROM:<a@b>") << QStringLiteral("MAIL FROM:<a@b>");
    QTest::newRow("user") << QStringLiteral("USER bob") << QStringLiteral("USER bob");
    QTest::newRow("password word") << QStringLiteral("PASSWORD x") << QStringLiteral("PASSWORD x");
    QTest::newRow("authx") << QStringLiteral("AUTHX PLAIN x") << QStringLiteral("AUTHX PLAIN x");
    QTest::newRow("empty") << QString() << QString();
}

void TestLogFormat::redactProtocolLine()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(LogSanitizer::redactProtocolLine(input), expected);
}

void TestLogFormat::redacted()
{
    QCOMPARE(LogSanitizer::redacted(), QStringLiteral("***"));
}

QTEST_GUILESS_MAIN(TestLogFormat)
#include "tst_logformat.moc"
