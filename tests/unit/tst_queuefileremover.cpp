// QueueFileRemover: settled messages' files go in a thread of their own, and none is left
// behind when it is destroyed.

#include "queuedirectory.h"
#include "queuefileremover.h"

#include <QtTest>

namespace {

bool writeFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("Subject: x\r\n\r\nx\r\n") > 0;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

}

class TestQueueFileRemover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removesHandedOverFilesOnly();
    void destructorRemovesWhatWaits();
    void missingFileIsHarmless();
};

void TestQueueFileRemover::removesHandedOverFilesOnly()
{
    QTemporaryDir dir;
    QueueDirectory queue(dir.path());
    QString error;
    QVERIFY2(queue.ensureExists(&error), qPrintable(error));
    for (int i = 0; i < 50; ++i)
        QVERIFY(writeFile(queue.filePath(QStringLiteral("m%1").arg(i, 3, 10, QLatin1Char('0')))));
    QueueFileRemover remover(queue);
    for (int i = 0; i < 50; i += 2)
        remover.remove(QStringLiteral("m%1").arg(i, 3, 10, QLatin1Char('0')));
    remover.waitUntilIdle();
    const QStringList left = filesIn(dir.path() + QStringLiteral("/new"));
    QCOMPARE(left.size(), 25);
    for (const QString &name : left)
        QVERIFY2(name.mid(1).toInt() % 2 == 1, qPrintable(name));
}

void TestQueueFileRemover::destructorRemovesWhatWaits()
{
    QTemporaryDir dir;
    QueueDirectory queue(dir.path());
    QString error;
    QVERIFY2(queue.ensureExists(&error), qPrintable(error));
    for (int i = 0; i < 200; ++i)
        QVERIFY(writeFile(queue.filePath(QStringLiteral("f%1").arg(i))));
    {
        QueueFileRemover remover(queue);
        for (int i = 0; i < 200; ++i)
            remover.remove(QStringLiteral("f%1").arg(i));
    }
    QVERIFY(filesIn(dir.path() + QStringLiteral("/new")).isEmpty());
}

void TestQueueFileRemover::missingFileIsHarmless()
{
    QTemporaryDir dir;
    QueueDirectory queue(dir.path());
    QString error;
    QVERIFY2(queue.ensureExists(&error), qPrintable(error));
    QVERIFY(writeFile(queue.filePath(QStringLiteral("kept"))));
    QueueFileRemover remover(queue);
    remover.remove(QStringLiteral("never-there"));
    remover.remove(QStringLiteral("../kept-elsewhere"));
    remover.waitUntilIdle();
    QCOMPARE(filesIn(dir.path() + QStringLiteral("/new")), QStringList{QStringLiteral("kept")});
}

QTEST_GUILESS_MAIN(TestQueueFileRemover)
#include "tst_queuefileremover.moc"
