// SqlStorage's outbound routes (schema 7) on SQLite and PostgreSQL alike.

#include "databaseurl.h"
#include "sqlstorage.h"
#include "storageerror.h"
#include "testdatabases.h"

#include <QtTest>

class TestRouteStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routes_data() { dialects(); }
    void routes();
    void replaceKeepsCreated_data() { dialects(); }
    void replaceKeepsCreated();
    void checkConstraintsHold_data() { dialects(); }
    void checkConstraintsHold();

private:
    static void dialects();
    TestDatabases m_databases;
};

namespace {

RouteRecord record(const QString &domain, const QString &host, quint16 port, const QString &tls,
                   const QString &user = {}, const QDateTime &created = {})
{
    RouteRecord result;
    result.domain = domain;
    result.host = host;
    result.port = port;
    result.tls = tls;
    result.authUser = user;
    result.created = created;
    return result;
}

}

void TestRouteStorage::dialects()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestRouteStorage::routes()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QVERIFY(storage.routes().isEmpty());
    QVERIFY(!storage.route(QStringLiteral("example.org")));

    const QDateTime first = QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC);
    qint64 generation = storage.generation();
    storage.setRoute(record(QStringLiteral("zz.example"), QStringLiteral("relay.example.net"), 587,
                            QStringLiteral("verify"), QStringLiteral("office"), first));
    QVERIFY(storage.generation() > generation);
    storage.setRoute(record(QStringLiteral("aa.example"), QStringLiteral("2001:db8::1"), 25, QStringLiteral("none")));

    const QList<RouteRecord> routes = storage.routes();
    QCOMPARE(routes.size(), 2);
    QCOMPARE(routes.at(0).domain, QStringLiteral("aa.example"));   // sorted by domain
    QCOMPARE(routes.at(0).host, QStringLiteral("2001:db8::1"));
    QCOMPARE(routes.at(0).tls, QStringLiteral("none"));
    QCOMPARE(routes.at(0).authUser, QString());
    QVERIFY(routes.at(0).created.secsTo(QDateTime::currentDateTimeUtc()) < 60);
    QCOMPARE(routes.at(1).domain, QStringLiteral("zz.example"));
    QCOMPARE(routes.at(1).port, quint16(587));
    QCOMPARE(routes.at(1).authUser, QStringLiteral("office"));
    QCOMPARE(routes.at(1).created, first);

    const std::optional<RouteRecord> one = storage.route(QStringLiteral("zz.example"));
    QVERIFY(one);
    QCOMPARE(one->host, QStringLiteral("relay.example.net"));
    QCOMPARE(one->tls, QStringLiteral("verify"));

    generation = storage.generation();
    storage.removeRoute(QStringLiteral("zz.example"));
    QVERIFY(storage.generation() > generation);
    QCOMPARE(storage.routes().size(), 1);
    try {
        storage.removeRoute(QStringLiteral("zz.example"));
        QFAIL("removed twice");
    } catch (const StorageError &error) {
        QCOMPARE(error.kind(), StorageError::Kind::NotFound);
        QVERIFY2(error.message().contains(QStringLiteral("zz.example")), qPrintable(error.message()));
    }
}

void TestRouteStorage::replaceKeepsCreated()
{
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    const QDateTime first = QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC);
    storage.setRoute(record(QStringLiteral("example.org"), QStringLiteral("a.example.net"), 25,
                            QStringLiteral("required"), QStringLiteral("u"), first));
    storage.setRoute(record(QStringLiteral("example.org"), QStringLiteral("b.example.net"), 2525,
                            QStringLiteral("opportunistic"), QString(), first.addDays(1)));
    const QList<RouteRecord> routes = storage.routes();
    QCOMPARE(routes.size(), 1);
    QCOMPARE(routes.at(0).host, QStringLiteral("b.example.net"));
    QCOMPARE(routes.at(0).port, quint16(2525));
    QCOMPARE(routes.at(0).tls, QStringLiteral("opportunistic"));
    QCOMPARE(routes.at(0).authUser, QString());
    QCOMPARE(routes.at(0).created, first);
}

void TestRouteStorage::checkConstraintsHold()
{
    // The schema refuses a TLS mode or port no code understands, whoever writes the row.
    QFETCH(QString, dialect);
    POSTERN_FRESH_DATABASE(m_databases, dialect, url);
    SqlStorage storage(DatabaseUrl::parse(url));
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.setRoute(record(QStringLiteral("example.org"),
                                                                   QStringLiteral("a.example.net"), 25, QStringLiteral("maybe"))));
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.setRoute(record(QStringLiteral("example.org"),
                                                                   QStringLiteral("a.example.net"), 0, QStringLiteral("none"))));
    QVERIFY(storage.routes().isEmpty());
}

QTEST_GUILESS_MAIN(TestRouteStorage)
#include "tst_routestorage.moc"
