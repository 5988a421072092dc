// Schema migrations: a fresh database reaches the newest schema (6: content and attachment filters), a schema-1
// database from the field keeps every row through the upgrade, and a newer database is refused.

#include "databaseurl.h"
#include "schemamigrator.h"
#include "sqlcatalog.h"
#include "sqlstorage.h"
#include "storageerror.h"
#include "testdatabases.h"

#include <QtTest>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseIsLatest_data();
    void freshDatabaseIsLatest();
    void schemaOneFixtureMigrates_data();
    void schemaOneFixtureMigrates();
    void newerDatabaseRefused_data();
    void newerDatabaseRefused();
    void reopeningDoesNothing();

private:
    // Runs raw SQL on the database behind `url` through its own connection.
    static void execRaw(const QString &url, const QStringList &statements);
    static void checkFixtureRows(SqlStorage &storage);
    TestDatabases m_databases;
};

namespace {
void addDialectRows()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}
}

void TestMigrations::execRaw(const QString &url, const QStringList &statements)
{
    const DatabaseUrl parsed = DatabaseUrl::parse(url);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(parsed.driver(), QStringLiteral("raw"));
        db.setDatabaseName(parsed.databaseName());
        db.setHostName(parsed.host());
        db.setPort(parsed.port());
        db.setUserName(parsed.user());
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            QVERIFY2(query.exec(statement), qPrintable(statement + QStringLiteral(": ") + query.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

void TestMigrations::freshDatabaseIsLatest_data()
{
    addDialectRows();
}

void TestMigrations::freshDatabaseIsLatest()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QCOMPARE(storage.schemaVersion(), SqlCatalog(dialect).latestSchemaVersion());
    QVERIFY(storage.schemaVersion() >= 6);
    QVERIFY(storage.smtpLogins().isEmpty());
    QVERIFY(storage.generation() > 0);
}

void TestMigrations::checkFixtureRows(SqlStorage &storage)
{
    QCOMPARE(storage.domains(), QStringList({QStringLiteral("example.org"), QStringLiteral("xn--bcher-kva.example")}));
    const QList<AccountRecord> accounts = storage.accounts(QStringLiteral("example.org"));
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(0).address, QStringLiteral("alice@example.org"));
    QCOMPARE(accounts.at(0).displayName, QStringLiteral("Alice"));
    QVERIFY(accounts.at(0).enabled);
    QVERIFY(accounts.at(0).passwordHash.startsWith(QStringLiteral("$pbkdf2-sha256$")));
    QCOMPARE(accounts.at(1).address, QStringLiteral("bob@example.org"));
    QCOMPARE(accounts.at(1).quotaBytes, 1048576);
    QVERIFY(!accounts.at(1).enabled);
    QCOMPARE(storage.alias(QStringLiteral("team@example.org"))->targets,
             QStringList({QStringLiteral("alice@example.org"), QStringLiteral("bob@example.org")}));
    QCOMPARE(storage.alias(QStringLiteral("postmaster@example.org"))->targets, QStringList{QStringLiteral("alice@example.org")});
    QCOMPARE(storage.settings().value(QStringLiteral("smtp.port")), QStringLiteral("2525"));
    QCOMPARE(storage.settings().value(QStringLiteral("log.retention_days")), QStringLiteral("7"));
}

void TestMigrations::schemaOneFixtureMigrates_data()
{
    addDialectRows();
}

void TestMigrations::schemaOneFixtureMigrates()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    if (dialect == QStringLiteral("sqlite")) {
        QVERIFY(QFile::copy(QFINDTESTDATA("../data/schema1.sqlite"), url));
        QVERIFY(QFile::setPermissions(url, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    } else {
        QFile script(QFINDTESTDATA("../data/schema1-postgresql.sql"));
        QVERIFY(script.open(QIODevice::ReadOnly));
        execRaw(url, SqlCatalog::splitScript(QString::fromUtf8(script.readAll())));
    }

    SqlStorage storage(DatabaseUrl::parse(url));
    QCOMPARE(storage.schemaVersion(), SqlCatalog(dialect).latestSchemaVersion());
    checkFixtureRows(storage);
    // Schema 2's change counter works on the migrated database.
    const qint64 before = storage.generation();
    storage.addDomain(QStringLiteral("new.example"));
    QVERIFY(storage.generation() > before);
    // So do schema 3's request counters.
    QCOMPARE(storage.requestCount(QStringLiteral("tls.reload")), 0);
    storage.bumpRequest(QStringLiteral("tls.reload"));
    QCOMPARE(storage.requestCount(QStringLiteral("tls.reload")), 1);
    // Schema 4's SMTP-only logins start empty and work.
    QVERIFY(storage.smtpLogins().isEmpty());
    storage.addSmtpLogin({QStringLiteral("scanner"), QStringLiteral("$pbkdf2-sha256$1000$a$b")});
    QCOMPARE(storage.smtpLogins().size(), 1);
    // Schema 5's address lists start empty (nothing banned, nothing trusted) and work.
    QVERIFY(storage.bans().isEmpty());
    QVERIFY(storage.trusts().isEmpty());
    storage.setTrust({QStringLiteral("192.0.2.0/24"), QStringLiteral("office")});
    QCOMPARE(storage.trusts().size(), 1);
    // Schema 6's Filters and Attachment Filters start empty (no message is scanned) and work.
    QVERIFY(storage.contentFilters().isEmpty());
    QVERIFY(storage.attachmentFilters().isEmpty());
    storage.addContentFilter({QStringLiteral("casino"), QStringLiteral("subject"), QStringLiteral("discard"), {}});
    storage.addAttachmentFilter({QStringLiteral(".exe"), {}});
    QCOMPARE(storage.contentFilters().value(0).action, QStringLiteral("discard"));
    QCOMPARE(storage.attachmentFilters().value(0).pattern, QStringLiteral(".exe"));
}

void TestMigrations::newerDatabaseRefused_data()
{
    addDialectRows();
}

void TestMigrations::newerDatabaseRefused()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    { SqlStorage storage(DatabaseUrl::parse(url)); }
    execRaw(url, {QStringLiteral("UPDATE schema_version SET version = 999")});
    try {
        SqlStorage storage(DatabaseUrl::parse(url));
        QFAIL("a newer database was opened");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::TooNew);
        QVERIFY(error.message().contains(QStringLiteral("999")));
    }
}

void TestMigrations::reopeningDoesNothing()
{
    POSTERN_FRESH_DATABASE(m_databases, QStringLiteral("sqlite"), url);
    qint64 generation = 0;
    {
        SqlStorage storage(DatabaseUrl::parse(url));
        storage.addDomain(QStringLiteral("example.org"));
        generation = storage.generation();
    }
    SqlStorage again(DatabaseUrl::parse(url));
    QCOMPARE(again.generation(), generation);
    QCOMPARE(again.domains(), QStringList{QStringLiteral("example.org")});
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
