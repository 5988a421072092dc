#include <thread>
#include <vector>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "log.h"
#include "logentry.h"
#include "loghub.h"

// The hub that every log entry passes through, and the process-wide Log:: functions.
class TestLogHub : public QObject
{
    Q_OBJECT

private slots:
    void writeReachesRingFileAndSignal();
    void forgedLineStaysOneLine();
    void minimumLevelFilters();
    void queuedSignalDelivers();
    void concurrentWritersDoNotInterleave();
    void globalLog();

private:
    static QStringList readLines(const QString &path);
};

QStringList TestLogHub::readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

void TestLogHub::writeReachesRingFileAndSignal()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    LogHub hub;
    hub.openFiles(tmp.path(), 30);
    QSignalSpy spy(&hub, &LogHub::entryAdded);

    hub.write(LogLevel::Info, QStringLiteral("smtp"), QStringLiteral("3f2a9c"),
              QStringLiteral("connect from 127.0.0.1:5500"));

    QCOMPARE(hub.ring().size(), 1);
    const LogEntry stored = hub.ring().entriesAfter(0).first();
    QCOMPARE(stored.id, quint64(1));
    QCOMPARE(stored.level, LogLevel::Info);
    QCOMPARE(stored.component, QStringLiteral("smtp"));
    QCOMPARE(stored.session, QStringLiteral("3f2a9c"));
    QCOMPARE(stored.text, QStringLiteral("connect from 127.0.0.1:5500"));
    QVERIFY(qAbs(stored.timestamp.secsTo(QDateTime::currentDateTime())) < 60);

    QCOMPARE(spy.size(), 1);
    const LogEntry signalled = spy.first().first().value<LogEntry>();
    QCOMPARE(signalled.id, quint64(1));
    QCOMPARE(signalled.text, stored.text);

    const QString expectedPath = tmp.filePath(QStringLiteral("postern-%1.log")
        .arg(stored.timestamp.date().toString(QStringLiteral("yyyy-MM-dd"))));
    QCOMPARE(hub.currentFilePath(), expectedPath);
    const QStringList lines = readLines(expectedPath);
    QCOMPARE(lines, QStringList{formatLogLine(stored)});
    const std::optional<LogEntry> parsed = parseLogLine(lines.first());
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->session, stored.session);
    QCOMPARE(parsed->text, stored.text);
}

void TestLogHub::forgedLineStaysOneLine()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    LogHub hub;
    hub.openFiles(tmp.path(), 30);

    hub.write(LogLevel::Info, QStringLiteral("smtp"), QString(),
              QStringLiteral("HELO x\r\nFAKE 2026-11-24T10:20:59.123+01:00 INFO auth - login ok"));
    hub.write(LogLevel::Info, QStringLiteral("smtp"), QString(), QStringLiteral("after"));

    const QStringList lines = readLines(hub.currentFilePath());
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.first().contains(QStringLiteral("HELO x\\r\\nFAKE")));
    QVERIFY(lines.first().contains(QStringLiteral(" - HELO")));
    QVERIFY(lines.last().endsWith(QStringLiteral(" after")));
    QCOMPARE(hub.ring().entriesAfter(0).first().text.count(QLatin1Char('\n')), 0);
}

void TestLogHub::minimumLevelFilters()
{
    LogHub hub;
    QCOMPARE(hub.minimumLevel(), LogLevel::Info);
    QSignalSpy spy(&hub, &LogHub::entryAdded);

    hub.write(LogLevel::Debug, QStringLiteral("t"), QString(), QStringLiteral("dropped"));
    hub.write(LogLevel::Info, QStringLiteral("t"), QString(), QStringLiteral("info"));
    hub.setMinimumLevel(LogLevel::Warning);
    hub.write(LogLevel::Info, QStringLiteral("t"), QString(), QStringLiteral("dropped too"));
    hub.write(LogLevel::Warning, QStringLiteral("t"), QString(), QStringLiteral("warn"));
    hub.write(LogLevel::Error, QStringLiteral("t"), QString(), QStringLiteral("error"));
    hub.setMinimumLevel(LogLevel::Debug);
    hub.write(LogLevel::Debug, QStringLiteral("t"), QString(), QStringLiteral("debug"));

    QStringList texts;
    for (const LogEntry &entry : hub.ring().entriesAfter(0))
        texts.append(entry.text);
    QCOMPARE(texts, (QStringList{QStringLiteral("info"), QStringLiteral("warn"),
                                 QStringLiteral("error"), QStringLiteral("debug")}));
    QCOMPARE(spy.size(), 4);
    QCOMPARE(hub.ring().lastId(), quint64(4));
}

void TestLogHub::queuedSignalDelivers()
{
    LogHub hub;
    QList<LogEntry> received;
    QObject receiver;
    connect(&hub, &LogHub::entryAdded, &receiver,
            [&received](const LogEntry &entry) { received.append(entry); }, Qt::QueuedConnection);

    std::thread writer([&hub] {
        hub.write(LogLevel::Warning, QStringLiteral("pop3"), QStringLiteral("s1"),
                  QStringLiteral("from another thread"));
    });
    writer.join();
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
    QCOMPARE(received.first().text, QStringLiteral("from another thread"));
    QCOMPARE(received.first().id, quint64(1));
}

void TestLogHub::concurrentWritersDoNotInterleave()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    LogHub hub(100000);
    hub.openFiles(tmp.path(), 30);
    constexpr int kThreads = 4;
    constexpr int kPerThread = 500;
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&hub, t] {
                const QString filler(200, QLatin1Char('a' + t));
                for (int i = 0; i < kPerThread; ++i)
                    hub.write(LogLevel::Info, QStringLiteral("t%1").arg(t), QString(), filler);
            });
        }
    }
    // Files are per local day: the run may cross midnight, so read every file written.
    QStringList lines;
    for (const QString &name : QDir(tmp.path()).entryList({QStringLiteral("postern-*.log")}, QDir::Files))
        lines += readLines(tmp.filePath(name));
    QCOMPARE(lines.size(), kThreads * kPerThread);
    for (const QString &line : lines) {
        const std::optional<LogEntry> parsed = parseLogLine(line);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->text.size(), 200);
        const QChar expected = QLatin1Char('a' + parsed->component.mid(1).toInt());
        QCOMPARE(parsed->text, QString(200, expected));
    }
}

void TestLogHub::globalLog()
{
    QVERIFY(Log::hub() == nullptr);
    // Without a hub nothing crashes; warnings go to stderr.
    Log::info(QStringLiteral("core"), QString(), QStringLiteral("dropped"));
    Log::warning(QStringLiteral("core"), QString(), QStringLiteral("to stderr, no hub installed"));

    {
        LogHub hub;
        hub.setMinimumLevel(LogLevel::Debug);
        Log::install(&hub);
        QCOMPARE(Log::hub(), &hub);
        Log::debug(QStringLiteral("core"), QStringLiteral("s"), QStringLiteral("d"));
        Log::info(QStringLiteral("core"), QStringLiteral("s"), QStringLiteral("i"));
        Log::warning(QStringLiteral("core"), QStringLiteral("s"), QStringLiteral("w"));
        Log::error(QStringLiteral("core"), QStringLiteral("s"), QStringLiteral("e"));
        const QList<LogEntry> entries = hub.ring().entriesAfter(0);
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries[0].level, LogLevel::Debug);
        QCOMPARE(entries[3].level, LogLevel::Error);
        QCOMPARE(entries[3].text, QStringLiteral("e"));
    }
    // The destroyed hub uninstalled itself.
    QVERIFY(Log::hub() == nullptr);
    Log::error(QStringLiteral("core"), QString(), QStringLiteral("after hub destroyed, to stderr"));
}

QTEST_GUILESS_MAIN(TestLogHub)
#include "tst_loghub.moc"
