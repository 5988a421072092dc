// SqlStorage's Filters and Attachment Filters lists (schema 6) on SQLite and PostgreSQL alike.

#include "databaseurl.h"
#include "sqlstorage.h"
#include "storageerror.h"
#include "testdatabases.h"

#include <QtTest>

class TestFilterStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentFilters_data() { dialects(); }
    void contentFilters();
    void attachmentFilters_data() { dialects(); }
    void attachmentFilters();
    void checkConstraintsHold_data() { dialects(); }
    void checkConstraintsHold();

private:
    static void dialects();
    // Runs `write` and checks it throws StorageError of `kind` whose message names `named`.
    static void expectError(StorageError::Kind kind, const QString &named, const std::function<void()> &write);
    TestDatabases m_databases;
};

void TestFilterStorage::dialects()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestFilterStorage::expectError(StorageError::Kind kind, const QString &named, const std::function<void()> &write)
{
    try {
        write();
        QFAIL("the write succeeded");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), kind);
        QVERIFY2(error.message().contains(named), qPrintable(error.message()));
    }
}

void TestFilterStorage::contentFilters()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QVERIFY(storage.contentFilters().isEmpty());

    const QDateTime first = QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC);
    qint64 generation = storage.generation();
    storage.addContentFilter({QStringLiteral("zzz-unsubscribe.example"), QStringLiteral("body"), QStringLiteral("discard"), first});
    QVERIFY(storage.generation() > generation);
    storage.addContentFilter({QStringLiteral("Viagra \u00e9"), QStringLiteral("subject"), QStringLiteral("reject"),
                              first.addSecs(60)});
    ContentFilterRecord defaults;
    defaults.text = QStringLiteral("casino");
    storage.addContentFilter(defaults);

    const QList<ContentFilterRecord> filters = storage.contentFilters();
    QCOMPARE(filters.size(), 3);
    // Oldest first, so `filter list` shows them in the order the admin added them.
    QCOMPARE(filters.at(0).text, QStringLiteral("zzz-unsubscribe.example"));
    QCOMPARE(filters.at(0).scope, QStringLiteral("body"));
    QCOMPARE(filters.at(0).action, QStringLiteral("discard"));
    QCOMPARE(filters.at(0).created, first);
    QCOMPARE(filters.at(1).text, QStringLiteral("Viagra \u00e9"));
    QCOMPARE(filters.at(1).scope, QStringLiteral("subject"));
    QCOMPARE(filters.at(2).scope, QStringLiteral("all"));
    QCOMPARE(filters.at(2).action, QStringLiteral("reject"));
    QVERIFY(filters.at(2).created.secsTo(QDateTime::currentDateTimeUtc()) < 60);

    expectError(StorageError::Kind::Duplicate, QStringLiteral("casino"), [&] {
        storage.addContentFilter({QStringLiteral("casino"), QStringLiteral("body"), QStringLiteral("reject"), first});
    });

    generation = storage.generation();
    storage.removeContentFilter(QStringLiteral("Viagra \u00e9"));
    QVERIFY(storage.generation() > generation);
    QCOMPARE(storage.contentFilters().size(), 2);
    expectError(StorageError::Kind::NotFound, QStringLiteral("Viagra \u00e9"),
                [&] { storage.removeContentFilter(QStringLiteral("Viagra \u00e9")); });
}

void TestFilterStorage::attachmentFilters()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QVERIFY(storage.attachmentFilters().isEmpty());

    const QDateTime first = QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC);
    storage.addAttachmentFilter({QStringLiteral(".EXE"), first});
    storage.addAttachmentFilter({QStringLiteral("invoice*.js"), first.addSecs(1)});
    const QList<AttachmentFilterRecord> filters = storage.attachmentFilters();
    QCOMPARE(filters.size(), 2);
    QCOMPARE(filters.at(0).pattern, QStringLiteral(".EXE"));
    QCOMPARE(filters.at(0).created, first);
    QCOMPARE(filters.at(1).pattern, QStringLiteral("invoice*.js"));

    expectError(StorageError::Kind::Duplicate, QStringLiteral(".EXE"),
                [&] { storage.addAttachmentFilter({QStringLiteral(".EXE"), first}); });
    const qint64 generation = storage.generation();
    storage.removeAttachmentFilter(QStringLiteral(".EXE"));
    QVERIFY(storage.generation() > generation);
    QCOMPARE(storage.attachmentFilters().size(), 1);
    expectError(StorageError::Kind::NotFound, QStringLiteral(".EXE"), [&] { storage.removeAttachmentFilter(QStringLiteral(".EXE")); });
}

void TestFilterStorage::checkConstraintsHold()
{
    // The schema itself refuses a scope or action no code understands, whoever writes the row.
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.addContentFilter({QStringLiteral("x"), QStringLiteral("envelope"),
                                                                     QStringLiteral("reject"), {}}));
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.addContentFilter({QStringLiteral("x"), QStringLiteral("all"),
                                                                     QStringLiteral("bounce"), {}}));
    QVERIFY(storage.contentFilters().isEmpty());
}

QTEST_GUILESS_MAIN(TestFilterStorage)
#include "tst_filterstorage.moc"
