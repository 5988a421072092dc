// RoutingTableLoader: settings, routes and stored passwords into one RoutingTable; what cannot
// be used is left out with a problem that never contains a password.

#include "routingtableloader.h"
#include "secretstore.h"
#include "settings.h"

#include <QtTest>

class TestRoutingTableLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void smartHost();
    void smartHostWithoutPassword();
    void routes();
};

namespace {

RouteRecord route(const QString &domain, const QString &host, quint16 port, const QString &tls, const QString &user = {})
{
    RouteRecord record;
    record.domain = domain;
    record.host = host;
    record.port = port;
    record.tls = tls;
    record.authUser = user;
    return record;
}

}

void TestRoutingTableLoader::defaults()
{
    QTemporaryDir dir;
    SecretStore secrets(dir.filePath(QStringLiteral("secrets")));
    QStringList problems;
    const RoutingTable table = RoutingTableLoader::build(Settings::fromStored({}), {}, secrets, &problems);
    QVERIFY(!table.smartHost);
    QVERIFY(table.routes.isEmpty());
    QCOMPARE(table.mxTls, OutboundTls::Opportunistic);
    QVERIFY(problems.isEmpty());
}

void TestRoutingTableLoader::smartHost()
{
    QTemporaryDir dir;
    SecretStore secrets(dir.filePath(QStringLiteral("secrets")));
    QVERIFY(secrets.set(SecretStore::smartHostName(), QStringLiteral("hunter2")));
    const Settings settings = Settings::fromStored({{QStringLiteral("outbound.smarthost"), QStringLiteral("[2001:db8::9]:465")},
                                                    {QStringLiteral("outbound.smarthost_user"), QStringLiteral("office")},
                                                    {QStringLiteral("outbound.smarthost_tls"), QStringLiteral("verify")},
                                                    {QStringLiteral("outbound.tls"), QStringLiteral("required")}});
    QStringList problems;
    const RoutingTable table = RoutingTableLoader::build(settings, {}, secrets, &problems);
    QVERIFY(problems.isEmpty());
    QVERIFY(table.smartHost);
    QCOMPARE(table.smartHost->host, QStringLiteral("2001:db8::9"));
    QCOMPARE(table.smartHost->port, quint16(465));
    QCOMPARE(table.smartHost->tls, OutboundTls::Verify);
    QCOMPARE(table.smartHost->authUser, QStringLiteral("office"));
    QCOMPARE(table.smartHost->authPassword, QStringLiteral("hunter2"));
    QCOMPARE(table.mxTls, OutboundTls::Required);

    // Without a login the stored password is not used.
    const RoutingTable anonymous = RoutingTableLoader::build(
        Settings::fromStored({{QStringLiteral("outbound.smarthost"), QStringLiteral("relay.example.net:25")}}), {}, secrets);
    QVERIFY(anonymous.smartHost);
    QCOMPARE(anonymous.smartHost->tls, OutboundTls::Required);
    QVERIFY(anonymous.smartHost->authUser.isEmpty());
    QVERIFY(anonymous.smartHost->authPassword.isEmpty());
}

void TestRoutingTableLoader::smartHostWithoutPassword()
{
    QTemporaryDir dir;
    SecretStore secrets(dir.filePath(QStringLiteral("secrets")));
    const Settings settings = Settings::fromStored({{QStringLiteral("outbound.smarthost"), QStringLiteral("relay.example.net:587")},
                                                    {QStringLiteral("outbound.smarthost_user"), QStringLiteral("office")}});
    QStringList problems;
    const RoutingTable table = RoutingTableLoader::build(settings, {}, secrets, &problems);
    QVERIFY(table.smartHost);
    QVERIFY(table.smartHost->authPassword.isEmpty());
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.at(0).contains(QStringLiteral("smarthost-password set")), qPrintable(problems.at(0)));
}

void TestRoutingTableLoader::routes()
{
    QTemporaryDir dir;
    SecretStore secrets(dir.filePath(QStringLiteral("secrets")));
    QVERIFY(secrets.set(SecretStore::routeName(QStringLiteral("b.example")), QStringLiteral("routepw")));
    QVERIFY(secrets.set(SecretStore::routeName(QStringLiteral("a.example")), QStringLiteral("unused")));
    const QList<RouteRecord> records = {
        route(QStringLiteral("a.example"), QStringLiteral("192.0.2.1"), 25, QStringLiteral("none")),
        route(QStringLiteral("b.example"), QStringLiteral("relay.example.net"), 587, QStringLiteral("verify"), QStringLiteral("bee")),
        route(QStringLiteral("c.example"), QStringLiteral("relay.example.net"), 587, QStringLiteral("required"), QStringLiteral("sea")),
        route(QStringLiteral("d.example"), QStringLiteral("relay.example.net"), 25, QStringLiteral("sometimes")),
    };
    QStringList problems;
    const RoutingTable table = RoutingTableLoader::build(Settings::fromStored({}), records, secrets, &problems);
    QCOMPARE(table.routes.size(), 3);
    QCOMPARE(table.routes.value(QStringLiteral("a.example")).tls, OutboundTls::None);
    QCOMPARE(table.routes.value(QStringLiteral("a.example")).authPassword, QString());
    QCOMPARE(table.routes.value(QStringLiteral("b.example")).port, quint16(587));
    QCOMPARE(table.routes.value(QStringLiteral("b.example")).tls, OutboundTls::Verify);
    QCOMPARE(table.routes.value(QStringLiteral("b.example")).authUser, QStringLiteral("bee"));
    QCOMPARE(table.routes.value(QStringLiteral("b.example")).authPassword, QStringLiteral("routepw"));
    QVERIFY(table.routes.value(QStringLiteral("c.example")).authPassword.isEmpty());
    QVERIFY(!table.routes.contains(QStringLiteral("d.example")));
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.at(0).contains(QStringLiteral("c.example")));
    QVERIFY(problems.at(1).contains(QStringLiteral("d.example")));
    QVERIFY(!problems.join(QLatin1Char(' ')).contains(QStringLiteral("routepw")));
}

QTEST_GUILESS_MAIN(TestRoutingTableLoader)
#include "tst_routingtableloader.moc"
