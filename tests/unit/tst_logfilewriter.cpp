#include <memory>

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "logentry.h"
#include "logfilewriter.h"

// Daily log files: naming, switching, retention and permissions.
class TestLogFileWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesIntoDatedFile();
    void switchesFileOnDateChange();
    void appendsToExistingFile();
    void pruneDeletesOnlyOldDatedFiles_data();
    void pruneDeletesOnlyOldDatedFiles();
    void pruneOnDayChange();
    void nonPositiveRetentionKeepsEverything();
    void modes();

private:
    static LogEntry entryAt(QDate date, const QString &text);
    static QStringList readLines(const QString &path);
    static void touch(const QString &path);
    static int mode(const QString &path);
};

LogEntry TestLogFileWriter::entryAt(QDate date, const QString &text)
{
    LogEntry entry;
    entry.timestamp = QDateTime(date, QTime(12, 0)); // local time, so the local date is `date`
    entry.level = LogLevel::Info;
    entry.component = QStringLiteral("smtp");
    entry.session = QStringLiteral("ab12");
    entry.text = text;
    return entry;
}

QStringList TestLogFileWriter::readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

void TestLogFileWriter::touch(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x\n");
}

int TestLogFileWriter::mode(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 07777);
}

void TestLogFileWriter::writesIntoDatedFile()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QDate day(2026, 11, 24);
    LogFileWriter writer(tmp.filePath(QStringLiteral("logs")), 30, [day] { return day; });
    QVERIFY(writer.currentFilePath().isEmpty());

    const LogEntry entry = entryAt(day, QStringLiteral("connect from 127.0.0.1:5500"));
    writer.write(entry);
    const QString expectedPath = tmp.filePath(QStringLiteral("logs/postern-2026-11-24.log"));
    QCOMPARE(writer.currentFilePath(), expectedPath);

    // Read back while the writer still holds the file: the line must already be on disk.
    const QStringList lines = readLines(expectedPath);
    QCOMPARE(lines, QStringList{formatLogLine(entry)});

    writer.write(entryAt(day, QStringLiteral("second")));
    QCOMPARE(readLines(expectedPath).size(), 2);
    QVERIFY(readLines(expectedPath).last().endsWith(QStringLiteral(" second")));
}

void TestLogFileWriter::switchesFileOnDateChange()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto today = std::make_shared<QDate>(2026, 11, 24);
    LogFileWriter writer(tmp.path(), 30, [today] { return *today; });

    writer.write(entryAt(*today, QStringLiteral("before midnight")));
    *today = today->addDays(1);
    writer.write(entryAt(*today, QStringLiteral("after midnight")));

    const QString first = tmp.filePath(QStringLiteral("postern-2026-11-24.log"));
    const QString second = tmp.filePath(QStringLiteral("postern-2026-11-25.log"));
    QCOMPARE(writer.currentFilePath(), second);
    QCOMPARE(readLines(first).size(), 1);
    QVERIFY(readLines(first).first().endsWith(QStringLiteral("before midnight")));
    QCOMPARE(readLines(second).size(), 1);
    QVERIFY(readLines(second).first().endsWith(QStringLiteral("after midnight")));
}

void TestLogFileWriter::appendsToExistingFile()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QDate day(2026, 11, 24);
    {
        LogFileWriter writer(tmp.path(), 30, [day] { return day; });
        writer.write(entryAt(day, QStringLiteral("first run")));
    }
    LogFileWriter writer(tmp.path(), 30, [day] { return day; });
    writer.write(entryAt(day, QStringLiteral("second run")));
    QCOMPARE(readLines(writer.currentFilePath()).size(), 2);
}

void TestLogFileWriter::pruneDeletesOnlyOldDatedFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("kept");
    // Today 2026-11-24, retention 7: the cutoff is 2026-11-17, which is kept.
    QTest::newRow("today") << QStringLiteral("postern-2026-11-24.log") << true;
    QTest::newRow("at cutoff") << QStringLiteral("postern-2026-11-17.log") << true;
    QTest::newRow("one day past") << QStringLiteral("postern-2026-11-16.log") << false;
    QTest::newRow("last year") << QStringLiteral("postern-2025-01-01.log") << false;
    QTest::newRow("future") << QStringLiteral("postern-2027-01-01.log") << true;
    QTest::newRow("other prefix") << QStringLiteral("other-2020-01-01.log") << true;
    QTest::newRow("rotated copy") << QStringLiteral("postern-2020-01-01.log.1") << true;
    QTest::newRow("compressed") << QStringLiteral("postern-2020-01-01.log.gz") << true;
    QTest::newRow("invalid date") << QStringLiteral("postern-2020-13-45.log") << true;
    QTest::newRow("not a date") << QStringLiteral("postern-old.log") << true;
    QTest::newRow("unrelated") << QStringLiteral("notes.txt") << true;
}

void TestLogFileWriter::pruneDeletesOnlyOldDatedFiles()
{
    QFETCH(QString, name);
    QFETCH(bool, kept);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(name);
    touch(path);
    QVERIFY(QFile::exists(path));

    // Prune runs at construction.
    const LogFileWriter writer(tmp.path(), 7, [] { return QDate(2026, 11, 24); });
    QCOMPARE(QFile::exists(path), kept);
}

void TestLogFileWriter::pruneOnDayChange()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto today = std::make_shared<QDate>(2026, 11, 24);
    LogFileWriter writer(tmp.path(), 2, [today] { return *today; });

    const QString old = tmp.filePath(QStringLiteral("postern-2026-11-22.log"));
    touch(old);
    writer.write(entryAt(*today, QStringLiteral("a")));
    QVERIFY(QFile::exists(old)); // exactly at the cutoff

    *today = QDate(2026, 11, 25);
    writer.write(entryAt(*today, QStringLiteral("b")));
    QVERIFY(!QFile::exists(old));
    QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("postern-2026-11-24.log"))));

    // Lowering the retention takes effect at the next prune.
    writer.setRetentionDays(0);
    QCOMPARE(writer.retentionDays(), 0);
    writer.setRetentionDays(1);
    writer.prune();
    QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("postern-2026-11-24.log"))));
    *today = QDate(2026, 11, 27);
    writer.prune();
    QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("postern-2026-11-24.log"))));
    // The file being written is never removed, however old its date.
    QVERIFY(QFile::exists(writer.currentFilePath()));
}

void TestLogFileWriter::nonPositiveRetentionKeepsEverything()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString ancient = tmp.filePath(QStringLiteral("postern-2000-01-01.log"));
    touch(ancient);
    LogFileWriter writer(tmp.path(), 0, [] { return QDate(2026, 11, 24); });
    writer.prune();
    QVERIFY(QFile::exists(ancient));
}

void TestLogFileWriter::modes()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("data/logs"));
    const QDate day(2026, 11, 24);
    LogFileWriter writer(dir, 30, [day] { return day; });
    QVERIFY(QDir(dir).exists());
    QCOMPARE(mode(dir), 0700);

    writer.write(entryAt(day, QStringLiteral("x")));
    QCOMPARE(mode(writer.currentFilePath()), 0600);
}

QTEST_GUILESS_MAIN(TestLogFileWriter)
#include "tst_logfilewriter.moc"
