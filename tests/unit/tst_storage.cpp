// SqlStorage against SQLite and PostgreSQL: the same rows, the same answers.

#include "databaseurl.h"
#include "sqlcatalog.h"
#include "sqlstorage.h"
#include "storageerror.h"
#include "testdatabases.h"

#include <QtTest>

class TestStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dialects_data();
    void statementNamesMatchAcrossDialects();
    void splitScript();
    void parseNamedBlocks();

    void domains_data() { dialects_data(); }
    void domains();
    void accounts_data() { dialects_data(); }
    void accounts();
    void aliases_data() { dialects_data(); }
    void aliases();
    void smtpLogins_data() { dialects_data(); }
    void smtpLogins();
    void banAndTrustLists_data() { dialects_data(); }
    void banAndTrustLists();
    void settings_data() { dialects_data(); }
    void settings();
    void generationSeenByOtherConnection_data() { dialects_data(); }
    void generationSeenByOtherConnection();
    void requestsAreCountedAndSeen_data() { dialects_data(); }
    void requestsAreCountedAndSeen();
    void transactionRollsBackEverything_data() { dialects_data(); }
    void transactionRollsBackEverything();
    void domainRemovalCascades_data() { dialects_data(); }
    void domainRemovalCascades();

    void databaseUrl();
    void databaseUrlRejects_data();
    void databaseUrlRejects();
    void unreachableDatabase();

private:
    static AccountRecord makeAccount(const QString &address, const QString &name = {});
    TestDatabases m_databases;
};

void TestStorage::dialects_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

AccountRecord TestStorage::makeAccount(const QString &address, const QString &name)
{
    AccountRecord account;
    account.address = address;
    account.displayName = name;
    account.quotaBytes = 1000;
    account.passwordHash = QStringLiteral("$pbkdf2-sha256$1000$salt$hash");
    return account;
}

void TestStorage::statementNamesMatchAcrossDialects()
{
    QStringList sqlite = SqlCatalog(QStringLiteral("sqlite")).statementNames();
    QStringList postgresql = SqlCatalog(QStringLiteral("postgresql")).statementNames();
    sqlite.sort();
    postgresql.sort();
    QVERIFY(!sqlite.isEmpty());
    QCOMPARE(sqlite, postgresql);
    QCOMPARE(SqlCatalog(QStringLiteral("sqlite")).latestSchemaVersion(),
             SqlCatalog(QStringLiteral("postgresql")).latestSchemaVersion());
}

void TestStorage::splitScript()
{
    const QStringList statements = SqlCatalog::splitScript(
        QStringLiteral("-- comment\nCREATE TABLE a (\n  x INTEGER\n);\n\nINSERT INTO a VALUES (1);\nSELECT 1"));
    QCOMPARE(statements.size(), 3);
    QCOMPARE(statements.at(0), QStringLiteral("CREATE TABLE a (\n  x INTEGER\n);"));
    QCOMPARE(statements.at(1), QStringLiteral("INSERT INTO a VALUES (1);"));
    QCOMPARE(statements.at(2), QStringLiteral("SELECT 1"));
}

void TestStorage::parseNamedBlocks()
{
    const auto blocks = SqlCatalog::parseNamedBlocks(
        QStringLiteral("-- header\n-- name: one\nSELECT 1;\n-- name: two\nSELECT\n  2;\n"));
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.value(QStringLiteral("one")), QStringLiteral("SELECT 1;"));
    QCOMPARE(blocks.value(QStringLiteral("two")), QStringLiteral("SELECT\n  2;"));
}

void TestStorage::domains()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QVERIFY(storage.domains().isEmpty());
    storage.addDomain(QStringLiteral("b.example"));
    storage.addDomain(QStringLiteral("a.example"));
    QCOMPARE(storage.domains(), QStringList({QStringLiteral("a.example"), QStringLiteral("b.example")}));
    QVERIFY(storage.hasDomain(QStringLiteral("a.example")));
    QVERIFY(!storage.hasDomain(QStringLiteral("c.example")));
    try {
        storage.addDomain(QStringLiteral("a.example"));
        QFAIL("duplicate domain accepted");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::Duplicate);
    }
    storage.removeDomain(QStringLiteral("a.example"));
    QCOMPARE(storage.domains(), QStringList({QStringLiteral("b.example")}));
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.removeDomain(QStringLiteral("a.example")));
}

void TestStorage::accounts()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    storage.addDomain(QStringLiteral("example.org"));
    storage.addAccount(makeAccount(QStringLiteral("zed@example.org"), QStringLiteral("Zed")));
    storage.addAccount(makeAccount(QStringLiteral("amy@example.org"), QStringLiteral("Amy Ünicode")));

    // Per domain: in the order they were added (the postmaster rule needs "the first account").
    const QList<AccountRecord> inDomain = storage.accounts(QStringLiteral("example.org"));
    QCOMPARE(inDomain.size(), 2);
    QCOMPARE(inDomain.at(0).address, QStringLiteral("zed@example.org"));
    // All accounts: sorted by address.
    QCOMPARE(storage.accounts().at(0).address, QStringLiteral("amy@example.org"));

    const auto amy = storage.account(QStringLiteral("amy@example.org"));
    QVERIFY(amy.has_value());
    QCOMPARE(amy->displayName, QStringLiteral("Amy Ünicode"));
    QCOMPARE(amy->quotaBytes, 1000);
    QVERIFY(amy->enabled);
    QVERIFY(!storage.account(QStringLiteral("nobody@example.org")).has_value());

    storage.setAccountEnabled(QStringLiteral("amy@example.org"), false);
    QVERIFY(!storage.account(QStringLiteral("amy@example.org"))->enabled);
    storage.setPasswordHash(QStringLiteral("amy@example.org"), QStringLiteral("$new$"));
    QCOMPARE(storage.account(QStringLiteral("amy@example.org"))->passwordHash, QStringLiteral("$new$"));

    QVERIFY_THROWS_EXCEPTION(StorageError, storage.addAccount(makeAccount(QStringLiteral("amy@example.org"))));
    // An account in a domain that does not exist breaks the foreign key.
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.addAccount(makeAccount(QStringLiteral("x@missing.example"))));
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.setPasswordHash(QStringLiteral("nobody@example.org"), QStringLiteral("h")));

    storage.removeAccount(QStringLiteral("zed@example.org"));
    QCOMPARE(storage.accounts().size(), 1);
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.removeAccount(QStringLiteral("zed@example.org")));
}

void TestStorage::aliases()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    storage.addDomain(QStringLiteral("example.org"));
    const QStringList targets = {QStringLiteral("z@example.org"), QStringLiteral("a@remote.example"),
                                 QStringLiteral("m@example.org")};
    storage.setAlias({QStringLiteral("team@example.org"), targets});
    QCOMPARE(storage.alias(QStringLiteral("team@example.org"))->targets, targets);   // order kept

    storage.setAlias({QStringLiteral("team@example.org"), {QStringLiteral("only@example.org")}});
    QCOMPARE(storage.alias(QStringLiteral("team@example.org"))->targets, QStringList{QStringLiteral("only@example.org")});
    QCOMPARE(storage.aliases().size(), 1);
    QCOMPARE(storage.aliases(QStringLiteral("example.org")).size(), 1);
    QCOMPARE(storage.aliases(QStringLiteral("other.example")).size(), 0);

    storage.removeAlias(QStringLiteral("team@example.org"));
    QVERIFY(!storage.alias(QStringLiteral("team@example.org")).has_value());
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.removeAlias(QStringLiteral("team@example.org")));
}

void TestStorage::banAndTrustLists()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QVERIFY(storage.bans().isEmpty());
    QVERIFY(storage.trusts().isEmpty());

    const QDateTime created = QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC);
    BanRecord permanent;
    permanent.range = QStringLiteral("2001:db8::/32");
    permanent.created = created;
    BanRecord timed;
    timed.range = QStringLiteral("192.0.2.0/24");
    timed.expires = created.addSecs(3600);
    timed.comment = QStringLiteral("scanner");
    timed.created = created;
    timed.source = QStringLiteral("auto");
    qint64 generation = storage.generation();
    storage.setBan(permanent);
    QVERIFY(storage.generation() > generation);
    storage.setBan(timed);
    QList<BanRecord> bans = storage.bans();
    QCOMPARE(bans.size(), 2);
    QCOMPARE(bans.at(0).range, QStringLiteral("192.0.2.0/24"));   // sorted by range
    QCOMPARE(bans.at(0).expires, timed.expires);
    QCOMPARE(bans.at(0).comment, QStringLiteral("scanner"));
    QCOMPARE(bans.at(0).created, created);
    QCOMPARE(bans.at(0).source, QStringLiteral("auto"));
    QVERIFY(!bans.at(1).expires);
    QCOMPARE(bans.at(1).source, QStringLiteral("manual"));
    QCOMPARE(bans.at(1).comment, QString());

    // Setting an existing range replaces it.
    timed.expires.reset();
    timed.comment = QStringLiteral("for good");
    generation = storage.generation();
    storage.setBan(timed);
    QVERIFY(storage.generation() > generation);
    QCOMPARE(storage.bans().size(), 2);
    QVERIFY(!storage.ban(QStringLiteral("192.0.2.0/24"))->expires);
    QCOMPARE(storage.ban(QStringLiteral("192.0.2.0/24"))->comment, QStringLiteral("for good"));

    generation = storage.generation();
    storage.removeBan(QStringLiteral("192.0.2.0/24"));
    QVERIFY(storage.generation() > generation);
    QVERIFY(!storage.ban(QStringLiteral("192.0.2.0/24")));
    try {
        storage.removeBan(QStringLiteral("192.0.2.0/24"));
        QFAIL("removing a range that is not banned must throw");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::NotFound);
    }

    generation = storage.generation();
    storage.setTrust(TrustRecord{QStringLiteral("10.0.0.0/8"), QStringLiteral("office")});
    QVERIFY(storage.generation() > generation);
    storage.setTrust(TrustRecord{QStringLiteral("10.0.0.0/8"), QStringLiteral("head office")});
    storage.setTrust(TrustRecord{QStringLiteral("::1/128"), {}});
    const QList<TrustRecord> trusts = storage.trusts();
    QCOMPARE(trusts.size(), 2);
    QCOMPARE(trusts.at(0).range, QStringLiteral("10.0.0.0/8"));
    QCOMPARE(trusts.at(0).comment, QStringLiteral("head office"));
    QCOMPARE(storage.trust(QStringLiteral("::1/128"))->comment, QString());
    generation = storage.generation();
    storage.removeTrust(QStringLiteral("::1/128"));
    QVERIFY(storage.generation() > generation);
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.removeTrust(QStringLiteral("::1/128")));
    QCOMPARE(storage.trusts().size(), 1);
}

void TestStorage::smtpLogins()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QVERIFY(storage.smtpLogins().isEmpty());
    const qint64 before = storage.generation();
    storage.addSmtpLogin({QStringLiteral("scanner"), QStringLiteral("$pbkdf2-sha256$1000$a$b")});
    storage.addSmtpLogin({QStringLiteral("printer-2"), QStringLiteral("$pbkdf2-sha256$1000$c$d")});
    QVERIFY(storage.generation() > before);   // a running engine reloads its credentials
    const QList<SmtpLoginRecord> logins = storage.smtpLogins();
    QCOMPARE(logins.size(), 2);
    QCOMPARE(logins.at(0).name, QStringLiteral("printer-2"));   // sorted by name
    QCOMPARE(logins.at(1).name, QStringLiteral("scanner"));
    QCOMPARE(logins.at(1).passwordHash, QStringLiteral("$pbkdf2-sha256$1000$a$b"));
    QCOMPARE(storage.smtpLogin(QStringLiteral("scanner"))->passwordHash, QStringLiteral("$pbkdf2-sha256$1000$a$b"));
    QVERIFY(!storage.smtpLogin(QStringLiteral("fax")).has_value());
    try {
        storage.addSmtpLogin({QStringLiteral("scanner"), QStringLiteral("$x$")});
        QFAIL("duplicate SMTP login accepted");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::Duplicate);
    }
    storage.removeSmtpLogin(QStringLiteral("scanner"));
    QCOMPARE(storage.smtpLogins().size(), 1);
    try {
        storage.removeSmtpLogin(QStringLiteral("scanner"));
        QFAIL("removed a login twice");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::NotFound);
    }
}

void TestStorage::settings()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QVERIFY(storage.settings().isEmpty());
    storage.setSetting(QStringLiteral("smtp.port"), QStringLiteral("2525"));
    storage.setSetting(QStringLiteral("smtp.port"), QStringLiteral("2526"));
    storage.setSetting(QStringLiteral("pop3.port"), QStringLiteral("0"));
    QCOMPARE(storage.settings().value(QStringLiteral("smtp.port")), QStringLiteral("2526"));
    QCOMPARE(storage.settings().size(), 2);
    storage.resetSetting(QStringLiteral("smtp.port"));
    QVERIFY(!storage.settings().contains(QStringLiteral("smtp.port")));
}

void TestStorage::generationSeenByOtherConnection()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage writer(DatabaseUrl::parse(url));
    SqlStorage reader(DatabaseUrl::parse(url));
    const qint64 before = reader.generation();
    (void)reader.domains();
    QCOMPARE(reader.generation(), before);   // reads do not count as changes
    writer.addDomain(QStringLiteral("example.org"));
    QVERIFY(reader.generation() > before);
    const qint64 afterOne = reader.generation();
    writer.transaction([&] {
        writer.addDomain(QStringLiteral("a.example"));
        writer.addDomain(QStringLiteral("b.example"));
    });
    QCOMPARE(reader.generation(), afterOne + 1);   // one transaction, one step
    QCOMPARE(reader.domains().size(), 3);
}

void TestStorage::requestsAreCountedAndSeen()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage cli(DatabaseUrl::parse(url));
    SqlStorage server(DatabaseUrl::parse(url));
    QCOMPARE(server.requestCount(QStringLiteral("tls.reload")), 0);
    const qint64 before = server.generation();
    cli.bumpRequest(QStringLiteral("tls.reload"));
    // A request is a write: the server's once-a-second look at the generation notices it.
    QCOMPARE(server.generation(), before + 1);
    QCOMPARE(server.requestCount(QStringLiteral("tls.reload")), 1);
    cli.bumpRequest(QStringLiteral("tls.reload"));
    QCOMPARE(server.requestCount(QStringLiteral("tls.reload")), 2);
    QCOMPARE(server.requestCount(QStringLiteral("other")), 0);
}

void TestStorage::transactionRollsBackEverything()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    const qint64 before = storage.generation();
    try {
        storage.transaction([&] {
            storage.addDomain(QStringLiteral("example.org"));
            storage.addAccount(makeAccount(QStringLiteral("a@example.org")));
            throw StorageError(StorageError::Kind::Invalid, QStringLiteral("changed my mind"));
        });
        QFAIL("exception swallowed");
    } catch (const StorageError &error) {
        QCOMPARE(error.message(), QStringLiteral("changed my mind"));
    }
    QVERIFY(storage.domains().isEmpty());
    QVERIFY(storage.accounts().isEmpty());
    QCOMPARE(storage.generation(), before);
    storage.addDomain(QStringLiteral("example.org"));   // the connection is usable afterwards
    QCOMPARE(storage.domains().size(), 1);
}

void TestStorage::domainRemovalCascades()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    storage.addDomain(QStringLiteral("example.org"));
    storage.addDomain(QStringLiteral("keep.example"));
    storage.addAccount(makeAccount(QStringLiteral("a@example.org")));
    storage.addAccount(makeAccount(QStringLiteral("k@keep.example")));
    storage.setAlias({QStringLiteral("team@example.org"), {QStringLiteral("a@example.org")}});
    storage.removeDomain(QStringLiteral("example.org"));
    QCOMPARE(storage.accounts().size(), 1);
    QCOMPARE(storage.accounts().at(0).address, QStringLiteral("k@keep.example"));
    QVERIFY(storage.aliases().isEmpty());
}

void TestStorage::databaseUrl()
{
    const DatabaseUrl pg = DatabaseUrl::parse(QStringLiteral("postgresql://mail:s%40cret@db.example:6543/postern"));
    QCOMPARE(pg.driver(), QStringLiteral("QPSQL"));
    QCOMPARE(pg.dialect(), QStringLiteral("postgresql"));
    QCOMPARE(pg.host(), QStringLiteral("db.example"));
    QCOMPARE(pg.port(), 6543);
    QCOMPARE(pg.user(), QStringLiteral("mail"));
    QCOMPARE(pg.password(), QStringLiteral("s@cret"));
    QCOMPARE(pg.databaseName(), QStringLiteral("postern"));
    QVERIFY(!pg.redacted().contains(QStringLiteral("cret")));

    QCOMPARE(DatabaseUrl::parse(QStringLiteral("postgresql://h/db")).port(), 5432);
    const DatabaseUrl file = DatabaseUrl::parse(QStringLiteral("/var/lib/postern/postern.db"));
    QCOMPARE(file.driver(), QStringLiteral("QSQLITE"));
    QCOMPARE(file.databaseName(), QStringLiteral("/var/lib/postern/postern.db"));
    QCOMPARE(DatabaseUrl::parse(QStringLiteral("sqlite:///tmp/x.db")).databaseName(), QStringLiteral("/tmp/x.db"));
}

void TestStorage::databaseUrlRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("unknown scheme") << QStringLiteral("mysql://h/db");
    QTest::newRow("no database") << QStringLiteral("postgresql://h/");
    QTest::newRow("no host") << QStringLiteral("postgresql:///db");
    QTest::newRow("two path parts") << QStringLiteral("postgresql://h/a/b");
}

void TestStorage::databaseUrlRejects()
{
    QFETCH(QString, text);
    try {
        (void)DatabaseUrl::parse(text);
        QFAIL("accepted");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::Invalid);
        QVERIFY(error.message().contains(QStringLiteral("--database")));
    }
}

void TestStorage::unreachableDatabase()
{
    try {
        SqlStorage storage(DatabaseUrl::parse(QStringLiteral("postgresql://postern:pw@127.0.0.1:1/postern")));
        QFAIL("opened a database on a closed port");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::Unavailable);
        QVERIFY(!error.message().contains(QStringLiteral(":pw@")));
    }
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
