// The admin operations table (what the GUI and the admin socket ask for) against real storage,
// and the in-process link carrying a request to it and back.

#include "adminoperations.h"
#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "enginecontroller.h"
#include "filteradmin.h"
#include "inprocessenginelink.h"
#include "loghub.h"
#include "sqlstorage.h"

#include <QtTest>
#include <QJsonArray>

class TestAdminOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addsAndListsDomainsAndUsers();
    void mapsErrorsToStatuses();
    void setManyChecksEveryValueFirst();
    void listsCarryNoPasswordHashes();
    void replyRoundTripsThroughJson();
    void linkRunsRequestsAndSkipsDeadContexts();

private:
    [[nodiscard]] AdminReply run(const QString &operation, const QJsonObject &arguments = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStorage> m_storage;
    std::unique_ptr<AdminService> m_admin;
    std::unique_ptr<FilterAdmin> m_filters;
    std::unique_ptr<AdminOperations> m_operations;
};

void TestAdminOperations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_storage = std::make_unique<SqlStorage>(DatabaseUrl::sqliteFile(DataDirectory(m_dir->path()).databaseFile()));
    m_admin = std::make_unique<AdminService>(*m_storage, QStringLiteral("test"));
    m_filters = std::make_unique<FilterAdmin>(*m_storage, QStringLiteral("test"));
    m_operations = std::make_unique<AdminOperations>(*m_admin, *m_filters, m_dir->path() + QStringLiteral("/mail"));
}

void TestAdminOperations::cleanup()
{
    m_operations.reset();
    m_filters.reset();
    m_admin.reset();
    m_storage.reset();
    m_dir.reset();
}

AdminReply TestAdminOperations::run(const QString &operation, const QJsonObject &arguments)
{
    return m_operations->run(AdminRequest{operation, arguments});
}

void TestAdminOperations::addsAndListsDomainsAndUsers()
{
    QVERIFY(run(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("Example.TEST")}}).ok());
    QCOMPARE(run(QStringLiteral("domain.list")).result.toArray(), QJsonArray{QStringLiteral("example.test")});
    const AdminReply added = run(QStringLiteral("user.add"), {{QStringLiteral("address"), QStringLiteral("alice@example.test")},
                                                              {QStringLiteral("password"), QStringLiteral("correct horse")},
                                                              {QStringLiteral("quotaBytes"), 1048576}});
    QVERIFY2(added.ok(), qPrintable(added.message));
    const QJsonArray users = run(QStringLiteral("user.list")).result.toArray();
    QStringList addresses;
    for (const QJsonValue &user : users)
        addresses << user[QStringLiteral("address")].toString();
    QVERIFY(addresses.contains(QStringLiteral("alice@example.test")));
    QVERIFY(m_operations->operationNames().contains(QStringLiteral("attachment-filter.remove")));
}

void TestAdminOperations::mapsErrorsToStatuses()
{
    QCOMPARE(run(QStringLiteral("domain.remove"), {{QStringLiteral("domain"), QStringLiteral("nowhere.test")}}).status,
             AdminReply::Status::NotFound);
    QVERIFY(run(QStringLiteral("trust.add"), {{QStringLiteral("range"), QStringLiteral("192.0.2.0/24")}}).ok());
    QCOMPARE(run(QStringLiteral("filter.add"), {{QStringLiteral("text"), QString()}}).status, AdminReply::Status::Invalid);
    const AdminReply badRange = run(QStringLiteral("ban.add"), {{QStringLiteral("range"), QStringLiteral("300.1.1.1")}});
    QCOMPARE(badRange.status, AdminReply::Status::Invalid);
    QVERIFY(badRange.message.contains(QStringLiteral("300.1.1.1")));
    QCOMPARE(run(QStringLiteral("no.such")).status, AdminReply::Status::UnknownOperation);
}

void TestAdminOperations::setManyChecksEveryValueFirst()
{
    const AdminReply refused = run(QStringLiteral("config.set-many"),
                                   {{QStringLiteral("values"), QJsonObject{{QStringLiteral("autoban.max_failures"), QStringLiteral("5")},
                                                                           {QStringLiteral("autoban.window_minutes"), QStringLiteral("999")}}}});
    QCOMPARE(refused.status, AdminReply::Status::Invalid);
    QVERIFY(refused.message.contains(QStringLiteral("autoban.window_minutes")));
    QCOMPARE(m_admin->configGet(QStringLiteral("autoban.max_failures")), QStringLiteral("10"));   // nothing written

    QVERIFY(run(QStringLiteral("config.set-many"),
                {{QStringLiteral("values"), QJsonObject{{QStringLiteral("autoban.max_failures"), QStringLiteral("5")},
                                                        {QStringLiteral("autoban.window_minutes"), QStringLiteral("30")}}}}).ok());
    QCOMPARE(m_admin->configGet(QStringLiteral("autoban.max_failures")), QStringLiteral("5"));
    QCOMPARE(m_admin->configGet(QStringLiteral("autoban.window_minutes")), QStringLiteral("30"));
    bool listed = false;
    for (const QJsonValue &setting : run(QStringLiteral("config.list")).result.toArray()) {
        if (setting[QStringLiteral("key")].toString() == QStringLiteral("autoban.max_failures")) {
            listed = true;
            QCOMPARE(setting[QStringLiteral("value")].toString(), QStringLiteral("5"));
            QCOMPARE(setting[QStringLiteral("default")].toString(), QStringLiteral("10"));
            QCOMPARE(setting[QStringLiteral("maximum")].toInt(), 100);
        }
    }
    QVERIFY(listed);
}

void TestAdminOperations::listsCarryNoPasswordHashes()
{
    QVERIFY(run(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("example.test")}}).ok());
    QVERIFY(run(QStringLiteral("smtp-login.add"), {{QStringLiteral("name"), QStringLiteral("scanner")},
                                                   {QStringLiteral("password"), QStringLiteral("long enough")}}).ok());
    for (const QString &operation : {QStringLiteral("user.list"), QStringLiteral("smtp-login.list")}) {
        const QByteArray json = QJsonDocument(run(operation).result.toArray()).toJson();
        QVERIFY2(!json.contains("pbkdf2") && !json.contains("assword"), json.constData());
    }
}

void TestAdminOperations::replyRoundTripsThroughJson()
{
    const AdminReply reply = AdminReply::failure(AdminReply::Status::Duplicate, QStringLiteral("already there"));
    const AdminReply back = AdminReply::fromJson(reply.toJson());
    QCOMPARE(back.status, AdminReply::Status::Duplicate);
    QCOMPARE(back.message, reply.message);
    QCOMPARE(AdminReply::fromJson(QJsonObject{{QStringLiteral("status"), QStringLiteral("bogus")}}).status,
             AdminReply::Status::Unavailable);
    const AdminRequest request{QStringLiteral("ban.add"), {{QStringLiteral("range"), QStringLiteral("192.0.2.1")}}};
    QCOMPARE(AdminRequest::fromJson(request.toJson()).arguments, request.arguments);
}

void TestAdminOperations::linkRunsRequestsAndSkipsDeadContexts()
{
    LogHub hub;
    EngineOptions options;
    options.dataDirectory = m_dir->path();
    InProcessEngineLink link(options, hub);
    QObject context;
    std::optional<AdminReply> reply;
    link.call(AdminRequest{QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("linked.test")}}}, &context,
              [&](const AdminReply &answer) { reply = answer; });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 10000);
    QVERIFY2(reply->ok(), qPrintable(reply->message));
    QVERIFY(m_admin->domains().contains(QStringLiteral("linked.test")));

    int calls = 0;
    auto doomed = std::make_unique<QObject>();
    link.call(AdminRequest{QStringLiteral("domain.list"), {}}, doomed.get(), [&](const AdminReply &) { ++calls; });
    doomed.reset();
    bool last = false;
    link.call(AdminRequest{QStringLiteral("domain.list"), {}}, &context, [&](const AdminReply &) { last = true; });
    QTRY_VERIFY_WITH_TIMEOUT(last, 10000);   // requests run in order: the doomed one was answered first
    QCOMPARE(calls, 0);
}

QTEST_GUILESS_MAIN(TestAdminOperations)
#include "tst_adminoperations.moc"
