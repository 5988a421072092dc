// SecretStore: set/get/exists/clear, the 0700 directory and 0600 files, names that cannot
// escape the directory, replacement without leftovers, refusals with reasons.

#include "secretstore.h"

#include <sys/stat.h>

#include <QtTest>

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void modes();
    void tightensLooseDirectory();
    void names_data();
    void names();
    void refusals();
    void replaceLeavesNoTemporaryFiles();
};

namespace {

mode_t modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

}

void TestSecretStore::roundTrip()
{
    QTemporaryDir dir;
    SecretStore store(dir.filePath(QStringLiteral("secrets")));
    QVERIFY(!store.exists(SecretStore::smartHostName()));
    QString error;
    QVERIFY(!store.get(SecretStore::smartHostName(), &error));
    QVERIFY2(error.contains(QStringLiteral("no smarthost password")), qPrintable(error));

    QVERIFY2(store.set(SecretStore::smartHostName(), QStringLiteral("s3cret p\u00e4ss"), &error), qPrintable(error));
    QVERIFY(store.exists(SecretStore::smartHostName()));
    QCOMPARE(store.get(SecretStore::smartHostName()), QStringLiteral("s3cret p\u00e4ss"));

    const QString route = SecretStore::routeName(QStringLiteral("example.org"));
    QCOMPARE(route, QStringLiteral("route:example.org"));
    QVERIFY(store.set(route, QStringLiteral("other")));
    QCOMPARE(store.get(route), QStringLiteral("other"));
    QVERIFY(store.set(route, QStringLiteral("changed")));
    QCOMPARE(store.get(route), QStringLiteral("changed"));
    QCOMPARE(store.get(SecretStore::smartHostName()), QStringLiteral("s3cret p\u00e4ss"));

    QVERIFY(store.clear(route));
    QVERIFY(!store.exists(route));
    QVERIFY(store.clear(route));   // nothing to clear is fine
    QVERIFY(store.exists(SecretStore::smartHostName()));
}

void TestSecretStore::modes()
{
    QTemporaryDir dir;
    const QString secrets = dir.filePath(QStringLiteral("secrets"));
    SecretStore store(secrets);
    QVERIFY(store.set(SecretStore::smartHostName(), QStringLiteral("pw")));
    QCOMPARE(modeOf(secrets), mode_t(0700));
    QCOMPARE(modeOf(store.fileFor(SecretStore::smartHostName())), mode_t(0600));
    QVERIFY(store.fileFor(SecretStore::smartHostName()).startsWith(secrets + QLatin1Char('/')));
}

void TestSecretStore::tightensLooseDirectory()
{
    QTemporaryDir dir;
    const QString secrets = dir.filePath(QStringLiteral("secrets"));
    QVERIFY(QDir().mkdir(secrets));
    QVERIFY(::chmod(QFile::encodeName(secrets).constData(), 0755) == 0);
    SecretStore store(secrets);
    QVERIFY(store.set(SecretStore::routeName(QStringLiteral("a.example")), QStringLiteral("pw")));
    QCOMPARE(modeOf(secrets), mode_t(0700));
}

void TestSecretStore::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("route") << QStringLiteral("route:example.org");
    QTest::newRow("slash") << QStringLiteral("route:../../etc/passwd");
    QTest::newRow("idn") << QStringLiteral("route:b\u00fccher.example");
    QTest::newRow("space") << QStringLiteral("a b");
}

void TestSecretStore::names()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString secrets = dir.filePath(QStringLiteral("secrets"));
    SecretStore store(secrets);
    QVERIFY(store.set(name, QStringLiteral("value")));
    const QString file = store.fileFor(name);
    QCOMPARE(QFileInfo(file).absolutePath(), secrets);
    QVERIFY(QFile::exists(file));
    QCOMPARE(QDir(secrets).entryList(QDir::Files | QDir::Hidden).size(), 1);
    QCOMPARE(store.get(name), QStringLiteral("value"));
}

void TestSecretStore::refusals()
{
    QTemporaryDir dir;
    SecretStore store(dir.filePath(QStringLiteral("secrets")));
    QString error;
    QVERIFY(!store.set(QString(), QStringLiteral("x"), &error));
    QVERIFY2(error.contains(QStringLiteral("name")), qPrintable(error));
    QVERIFY(!store.set(QStringLiteral(".tmp-1"), QStringLiteral("x"), &error));
    QVERIFY(!store.set(QString(201, QLatin1Char('a')), QStringLiteral("x"), &error));
    QVERIFY(!store.set(SecretStore::smartHostName(), QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("empty")), qPrintable(error));
    QVERIFY(!store.set(SecretStore::smartHostName(), QString(5000, QLatin1Char('x')), &error));
    QVERIFY2(error.contains(QStringLiteral("longer")), qPrintable(error));
    // The value is never part of a message.
    QVERIFY(!error.contains(QStringLiteral("xxxx")));

    // A file where the directory should be.
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    SecretStore blocked(blocker.fileName());
    QVERIFY(!blocked.set(SecretStore::smartHostName(), QStringLiteral("hunter2"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!error.contains(QStringLiteral("hunter2")));
}

void TestSecretStore::replaceLeavesNoTemporaryFiles()
{
    QTemporaryDir dir;
    const QString secrets = dir.filePath(QStringLiteral("secrets"));
    SecretStore store(secrets);
    for (int i = 0; i < 5; ++i)
        QVERIFY(store.set(SecretStore::smartHostName(), QStringLiteral("pw%1").arg(i)));
    QCOMPARE(QDir(secrets).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("smarthost")});
    QCOMPARE(store.get(SecretStore::smartHostName()), QStringLiteral("pw4"));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
