// The engine interface's outbound operations against real storage and a real secrets folder:
// route.list/add/remove, smarthost.password.set/clear/exists, the refusals with their statuses,
// the reload request, and passwords never in a reply, the database or the log.

#include "adminoperations.h"
#include "adminoperationsfixture.h"
#include "capturedlog.h"
#include "datadirectory.h"
#include "secretstore.h"
#include "sqlstorage.h"

#include <QtTest>
#include <QJsonArray>
#include <QJsonDocument>

class TestAdminOperationsOutbound : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addListRemove();
    void replaceKeepsOrDropsPassword();
    void refusals_data();
    void refusals();
    void smartHostPassword();
    void passwordsStayHidden();
    void withoutDataDirectory();

private:
    [[nodiscard]] AdminReply run(const QString &operation, const QJsonObject &arguments = {});
    [[nodiscard]] QJsonArray routes();
    [[nodiscard]] SecretStore secrets() const;

    std::unique_ptr<AdminOperationsFixture> m_fixture;
};

namespace {

const QString kSecret = QStringLiteral("Tr0ub4dor&3 horse");

QJsonObject routeArgs(const QString &domain, const QString &host, int port)
{
    return {{QStringLiteral("domain"), domain}, {QStringLiteral("host"), host}, {QStringLiteral("port"), port}};
}

}

void TestAdminOperationsOutbound::init()
{
    m_fixture = std::make_unique<AdminOperationsFixture>();
}

void TestAdminOperationsOutbound::cleanup()
{
    m_fixture.reset();
}

AdminReply TestAdminOperationsOutbound::run(const QString &operation, const QJsonObject &arguments)
{
    return m_fixture->run(operation, arguments);
}

SecretStore TestAdminOperationsOutbound::secrets() const
{
    return SecretStore(DataDirectory(m_fixture->dataDirectory()).secretsDirectory());
}

QJsonArray TestAdminOperationsOutbound::routes()
{
    const AdminReply reply = run(QStringLiteral("route.list"));
    return reply.result.toObject().value(QStringLiteral("routes")).toArray();
}

void TestAdminOperationsOutbound::addListRemove()
{
    QVERIFY(routes().isEmpty());
    const qint64 before = m_fixture->storage().requestCount(QStringLiteral("routes.changed"));
    QJsonObject args = routeArgs(QStringLiteral("B\u00fccher.Example"), QStringLiteral("Relay.Example.NET"), 587);
    args.insert(QStringLiteral("tls"), QStringLiteral("Verify"));
    args.insert(QStringLiteral("auth_user"), QStringLiteral("office"));
    args.insert(QStringLiteral("password"), kSecret);
    const AdminReply added = run(QStringLiteral("route.add"), args);
    QVERIFY2(added.ok(), qPrintable(added.message));
    QVERIFY2(added.message.contains(QStringLiteral("xn--bcher-kva.example")), qPrintable(added.message));
    QVERIFY(m_fixture->storage().requestCount(QStringLiteral("routes.changed")) > before);

    QJsonObject v6 = routeArgs(QStringLiteral("a.example"), QStringLiteral("2001:DB8::1"), 25);
    QVERIFY(run(QStringLiteral("route.add"), v6).ok());

    const QJsonArray list = routes();
    QCOMPARE(list.size(), 2);
    const QJsonObject first = list.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("domain")).toString(), QStringLiteral("a.example"));
    QCOMPARE(first.value(QStringLiteral("host")).toString(), QStringLiteral("2001:db8::1"));
    QCOMPARE(first.value(QStringLiteral("tls")).toString(), QStringLiteral("required"));
    QCOMPARE(first.value(QStringLiteral("has_password")).toBool(), false);
    const QJsonObject second = list.at(1).toObject();
    QCOMPARE(second, (QJsonObject{{QStringLiteral("domain"), QStringLiteral("xn--bcher-kva.example")},
                                  {QStringLiteral("host"), QStringLiteral("relay.example.net")},
                                  {QStringLiteral("port"), 587},
                                  {QStringLiteral("tls"), QStringLiteral("verify")},
                                  {QStringLiteral("auth_user"), QStringLiteral("office")},
                                  {QStringLiteral("has_password"), true}}));
    QCOMPARE(secrets().get(SecretStore::routeName(QStringLiteral("xn--bcher-kva.example"))), kSecret);

    const AdminReply removed = run(QStringLiteral("route.remove"), {{QStringLiteral("domain"), QStringLiteral("b\u00fccher.example")}});
    QVERIFY2(removed.ok(), qPrintable(removed.message));
    QVERIFY(!secrets().exists(SecretStore::routeName(QStringLiteral("xn--bcher-kva.example"))));
    QCOMPARE(routes().size(), 1);
    const AdminReply again = run(QStringLiteral("route.remove"), {{QStringLiteral("domain"), QStringLiteral("b\u00fccher.example")}});
    QCOMPARE(again.status, AdminReply::Status::NotFound);
    QVERIFY(m_fixture->operationNames().contains(QStringLiteral("smarthost.password.exists")));
}

void TestAdminOperationsOutbound::replaceKeepsOrDropsPassword()
{
    QJsonObject args = routeArgs(QStringLiteral("example.org"), QStringLiteral("relay.example.net"), 587);
    args.insert(QStringLiteral("auth_user"), QStringLiteral("office"));
    args.insert(QStringLiteral("password"), kSecret);
    QVERIFY(run(QStringLiteral("route.add"), args).ok());

    // Same login, no password given: the stored one stays.
    args.remove(QStringLiteral("password"));
    args.insert(QStringLiteral("port"), 2525);
    const AdminReply replaced = run(QStringLiteral("route.add"), args);
    QVERIFY2(replaced.message.startsWith(QStringLiteral("route replaced")), qPrintable(replaced.message));
    QCOMPARE(routes().at(0).toObject().value(QStringLiteral("port")).toInt(), 2525);
    QVERIFY(routes().at(0).toObject().value(QStringLiteral("has_password")).toBool());

    // No login any more: the password goes too.
    args.remove(QStringLiteral("auth_user"));
    QVERIFY(run(QStringLiteral("route.add"), args).ok());
    QCOMPARE(routes().at(0).toObject().value(QStringLiteral("auth_user")).toString(), QString());
    QVERIFY(!routes().at(0).toObject().value(QStringLiteral("has_password")).toBool());
}

void TestAdminOperationsOutbound::refusals_data()
{
    QTest::addColumn<QJsonObject>("args");
    QTest::addColumn<QString>("named");
    const auto with = [](QJsonObject base, const QString &key, const QJsonValue &value) {
        base.insert(key, value);
        return base;
    };
    const QJsonObject good = routeArgs(QStringLiteral("example.org"), QStringLiteral("relay.example.net"), 25);
    QTest::newRow("bad domain") << with(good, QStringLiteral("domain"), QStringLiteral("bad_domain!")) << QStringLiteral("bad_domain!");
    QTest::newRow("literal domain") << with(good, QStringLiteral("domain"), QStringLiteral("[192.0.2.1]")) << QStringLiteral("[192.0.2.1]");
    QTest::newRow("no port") << with(good, QStringLiteral("port"), 0) << QStringLiteral("port");
    QTest::newRow("port too big") << with(good, QStringLiteral("port"), 70000) << QStringLiteral("port");
    QTest::newRow("bad host") << with(good, QStringLiteral("host"), QStringLiteral("no such host!")) << QStringLiteral("no such host!");
    QTest::newRow("empty host") << with(good, QStringLiteral("host"), QString()) << QStringLiteral("host");
    QTest::newRow("bad tls") << with(good, QStringLiteral("tls"), QStringLiteral("sometimes")) << QStringLiteral("sometimes");
    QTest::newRow("user with space") << with(good, QStringLiteral("auth_user"), QStringLiteral("the office")) << QStringLiteral("the office");
    QTest::newRow("password without login") << with(good, QStringLiteral("password"), kSecret) << QStringLiteral("--auth");
    QTest::newRow("empty password")
        << with(with(good, QStringLiteral("auth_user"), QStringLiteral("u")), QStringLiteral("password"), QString()) << QStringLiteral("empty");
    QTest::newRow("password with newline")
        << with(with(good, QStringLiteral("auth_user"), QStringLiteral("u")), QStringLiteral("password"), QStringLiteral("a\nb"))
        << QStringLiteral("line breaks");
}

void TestAdminOperationsOutbound::refusals()
{
    QFETCH(QJsonObject, args);
    QFETCH(QString, named);
    const AdminReply reply = run(QStringLiteral("route.add"), args);
    QCOMPARE(reply.status, AdminReply::Status::Invalid);
    QVERIFY2(reply.message.contains(named), qPrintable(reply.message));
    QVERIFY(routes().isEmpty());
    QCOMPARE(m_fixture->storage().requestCount(QStringLiteral("routes.changed")), 0);
    QVERIFY(!run(QStringLiteral("route.remove"), {{QStringLiteral("domain"), QStringLiteral("bad_domain!")}}).ok());
}

void TestAdminOperationsOutbound::smartHostPassword()
{
    const auto exists = [this] {
        return run(QStringLiteral("smarthost.password.exists")).result.toObject().value(QStringLiteral("exists")).toBool();
    };
    QVERIFY(!exists());
    const AdminReply set = run(QStringLiteral("smarthost.password.set"), {{QStringLiteral("password"), kSecret}});
    QVERIFY2(set.ok(), qPrintable(set.message));
    QVERIFY(exists());
    QCOMPARE(m_fixture->storage().requestCount(QStringLiteral("routes.changed")), 1);
    QCOMPARE(secrets().get(SecretStore::smartHostName()), kSecret);

    QCOMPARE(run(QStringLiteral("smarthost.password.set"), {{QStringLiteral("password"), QString()}}).status,
             AdminReply::Status::Invalid);
    QVERIFY(exists());
    QVERIFY(run(QStringLiteral("smarthost.password.clear")).ok());
    QVERIFY(!exists());
    QCOMPARE(m_fixture->storage().requestCount(QStringLiteral("routes.changed")), 2);
    const AdminReply twice = run(QStringLiteral("smarthost.password.clear"));
    QVERIFY(twice.ok());
    QVERIFY2(twice.message.contains(QStringLiteral("no smart host password")), qPrintable(twice.message));
}

void TestAdminOperationsOutbound::passwordsStayHidden()
{
    CapturedLog log;
    QJsonObject args = routeArgs(QStringLiteral("example.org"), QStringLiteral("relay.example.net"), 587);
    args.insert(QStringLiteral("auth_user"), QStringLiteral("office"));
    args.insert(QStringLiteral("password"), kSecret);
    QStringList replies;
    for (const AdminReply &reply : {run(QStringLiteral("route.add"), args), run(QStringLiteral("route.list")),
                                    run(QStringLiteral("smarthost.password.set"), {{QStringLiteral("password"), kSecret}}),
                                    run(QStringLiteral("smarthost.password.exists"))}) {
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        replies << QString::fromUtf8(QJsonDocument(reply.toJson()).toJson());
    }
    QVERIFY(!replies.join(QLatin1Char('\n')).contains(kSecret));
    QVERIFY(log.text().contains(QStringLiteral("route added")));
    QVERIFY(!log.text().contains(kSecret));
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile database(DataDirectory(m_fixture->dataDirectory()).databaseFile() + suffix);
        if (database.open(QIODevice::ReadOnly))
            QVERIFY(!database.readAll().contains(kSecret.toUtf8()));
    }
}

void TestAdminOperationsOutbound::withoutDataDirectory()
{
    AdminOperations operations(m_fixture->admin(), m_fixture->filters(), m_fixture->dataDirectory() + QStringLiteral("/mail"));
    const AdminReply reply = operations.run(AdminRequest{QStringLiteral("smarthost.password.set"), {{QStringLiteral("password"), kSecret}}});
    QCOMPARE(reply.status, AdminReply::Status::Unavailable);
}

QTEST_GUILESS_MAIN(TestAdminOperationsOutbound)
#include "tst_adminoperationsoutbound.moc"
