// user.update (the Users dialog's edit, `postern user set`): changes only what it is given.

#include "adminoperations.h"
#include "adminservice.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "filteradmin.h"
#include "sqlstorage.h"

#include <QtTest>
#include <QJsonArray>

class TestUserUpdate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void changesOnlyWhatIsGiven();
    void refusesBadValues();

private:
    [[nodiscard]] AdminReply run(const QString &operation, const QJsonObject &arguments = {});
    [[nodiscard]] QJsonObject user(const QString &address);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStorage> m_storage;
    std::unique_ptr<AdminService> m_admin;
    std::unique_ptr<FilterAdmin> m_filters;
    std::unique_ptr<AdminOperations> m_operations;
};

void TestUserUpdate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_storage = std::make_unique<SqlStorage>(DatabaseUrl::sqliteFile(DataDirectory(m_dir->path()).databaseFile()));
    m_admin = std::make_unique<AdminService>(*m_storage, QStringLiteral("test"));
    m_filters = std::make_unique<FilterAdmin>(*m_storage, QStringLiteral("test"));
    m_operations = std::make_unique<AdminOperations>(*m_admin, *m_filters, m_dir->path() + QStringLiteral("/mail"));
    QVERIFY(run(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("example.test")}}).ok());
    QVERIFY(run(QStringLiteral("user.add"), {{QStringLiteral("address"), QStringLiteral("bob@example.test")},
                                             {QStringLiteral("password"), QStringLiteral("bob's secret")},
                                             {QStringLiteral("displayName"), QStringLiteral("Bob")},
                                             {QStringLiteral("quotaBytes"), 1024}}).ok());
}

void TestUserUpdate::cleanup()
{
    m_operations.reset();
    m_filters.reset();
    m_admin.reset();
    m_storage.reset();
    m_dir.reset();
}

AdminReply TestUserUpdate::run(const QString &operation, const QJsonObject &arguments)
{
    return m_operations->run(AdminRequest{operation, arguments});
}

QJsonObject TestUserUpdate::user(const QString &address)
{
    for (const QJsonValue &entry : run(QStringLiteral("user.list")).result.toArray()) {
        if (entry[QStringLiteral("address")].toString() == address)
            return entry.toObject();
    }
    return {};
}

void TestUserUpdate::changesOnlyWhatIsGiven()
{
    const QString passwordHash = m_storage->account(QStringLiteral("bob@example.test"))->passwordHash;
    const AdminReply renamed = run(QStringLiteral("user.update"), {{QStringLiteral("address"), QStringLiteral("Bob@Example.test")},
                                                                   {QStringLiteral("displayName"), QStringLiteral(" Robert ")}});
    QVERIFY2(renamed.ok(), qPrintable(renamed.message));
    QCOMPARE(user(QStringLiteral("bob@example.test"))[QStringLiteral("displayName")].toString(), QStringLiteral("Robert"));
    QCOMPARE(user(QStringLiteral("bob@example.test"))[QStringLiteral("quotaBytes")].toInteger(), 1024);

    QVERIFY(run(QStringLiteral("user.update"), {{QStringLiteral("address"), QStringLiteral("bob@example.test")},
                                                {QStringLiteral("quotaBytes"), 5 * 1048576}}).ok());
    QCOMPARE(user(QStringLiteral("bob@example.test"))[QStringLiteral("displayName")].toString(), QStringLiteral("Robert"));
    QCOMPARE(user(QStringLiteral("bob@example.test"))[QStringLiteral("quotaBytes")].toInteger(), 5 * 1048576);
    // The password is not touched by an edit.
    QCOMPARE(m_storage->account(QStringLiteral("bob@example.test"))->passwordHash, passwordHash);
}

void TestUserUpdate::refusesBadValues()
{
    QCOMPARE(run(QStringLiteral("user.update"), {{QStringLiteral("address"), QStringLiteral("nobody@example.test")},
                                                 {QStringLiteral("quotaBytes"), 1}}).status,
             AdminReply::Status::NotFound);
    QCOMPARE(run(QStringLiteral("user.update"), {{QStringLiteral("address"), QStringLiteral("bob@example.test")},
                                                 {QStringLiteral("quotaBytes"), -1}}).status,
             AdminReply::Status::Invalid);
    QCOMPARE(run(QStringLiteral("user.update"), {{QStringLiteral("address"), QStringLiteral("bob@example.test")},
                                                 {QStringLiteral("displayName"), QStringLiteral("a\nb")}}).status,
             AdminReply::Status::Invalid);
    QCOMPARE(user(QStringLiteral("bob@example.test"))[QStringLiteral("displayName")].toString(), QStringLiteral("Bob"));
    QCOMPARE(user(QStringLiteral("bob@example.test"))[QStringLiteral("quotaBytes")].toInteger(), 1024);
}

QTEST_GUILESS_MAIN(TestUserUpdate)
#include "tst_userupdate.moc"
