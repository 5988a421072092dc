// The Options operations of AdminOperations against real storage: the admin password (hashed,
// hidden from config.list, refusals logged without the password) and tls.info.

#include "adminoperations.h"
#include "adminpassword.h"
#include "adminservice.h"
#include "capturedlog.h"
#include "certificateinfo.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "filteradmin.h"
#include "passwordhash.h"
#include "selfsignedcertificate.h"
#include "settings.h"
#include "sqlstorage.h"
#include "testcertificates.h"
#include "tlsfiles.h"

#include <QtTest>
#include <QJsonArray>
#include <QJsonDocument>

class TestAdminPassword : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void setCheckAndClear();
    void hashIsHiddenAndNotThePassword();
    void refusalIsLoggedWithoutThePassword();
    void tlsInfoOfConfiguredPair();
    void tlsInfoOfGeneratedPair();

private:
    [[nodiscard]] AdminReply run(const QString &operation, const QJsonObject &arguments = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStorage> m_storage;
    std::unique_ptr<AdminService> m_admin;
    std::unique_ptr<FilterAdmin> m_filters;
    std::unique_ptr<AdminOperations> m_operations;
};

namespace {
const QString kPassword = QStringLiteral("gate-keeper 42");
}

void TestAdminPassword::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const DataDirectory dataDir(m_dir->path());
    m_storage = std::make_unique<SqlStorage>(DatabaseUrl::sqliteFile(dataDir.databaseFile()));
    m_admin = std::make_unique<AdminService>(*m_storage, QStringLiteral("test"));
    m_filters = std::make_unique<FilterAdmin>(*m_storage, QStringLiteral("test"));
    m_operations = std::make_unique<AdminOperations>(*m_admin, *m_filters, dataDir.mailDirectory(), dataDir.path());
}

void TestAdminPassword::cleanup()
{
    m_operations.reset();
    m_filters.reset();
    m_admin.reset();
    m_storage.reset();
    m_dir.reset();
}

AdminReply TestAdminPassword::run(const QString &operation, const QJsonObject &arguments)
{
    return m_operations->run(AdminRequest{operation, arguments});
}

void TestAdminPassword::setCheckAndClear()
{
    QCOMPARE(run(QStringLiteral("admin.password.exists")).result.toBool(), false);
    // Without a password every check passes: administration mode just opens.
    QVERIFY(run(QStringLiteral("admin.password.check"), {{QStringLiteral("password"), QStringLiteral("x")}}).ok());

    const AdminReply tooShort = run(QStringLiteral("admin.password.set"), {{QStringLiteral("password"), QStringLiteral("short")}});
    QCOMPARE(tooShort.status, AdminReply::Status::Invalid);
    QVERIFY(tooShort.message.contains(QStringLiteral("at least 8")));
    QCOMPARE(run(QStringLiteral("admin.password.exists")).result.toBool(), false);

    QVERIFY(run(QStringLiteral("admin.password.set"), {{QStringLiteral("password"), kPassword}}).ok());
    QCOMPARE(run(QStringLiteral("admin.password.exists")).result.toBool(), true);
    QCOMPARE(run(QStringLiteral("admin.password.check"), {{QStringLiteral("password"), QStringLiteral("gate-keeper 43")}}).status,
             AdminReply::Status::Denied);
    QCOMPARE(run(QStringLiteral("admin.password.check"), {{QStringLiteral("password"), QString()}}).status,
             AdminReply::Status::Denied);
    QVERIFY(run(QStringLiteral("admin.password.check"), {{QStringLiteral("password"), kPassword}}).ok());

    QVERIFY(run(QStringLiteral("admin.password.set"), {{QStringLiteral("password"), QString()}}).ok());
    QCOMPARE(run(QStringLiteral("admin.password.exists")).result.toBool(), false);
    QVERIFY(run(QStringLiteral("admin.password.check"), {{QStringLiteral("password"), QString()}}).ok());
}

void TestAdminPassword::hashIsHiddenAndNotThePassword()
{
    QVERIFY(run(QStringLiteral("admin.password.set"), {{QStringLiteral("password"), kPassword}}).ok());
    const QString stored = m_storage->settings().value(QLatin1String(AdminPassword::kStorageKey));
    QVERIFY(PasswordHash::isValid(stored));
    QVERIFY(!stored.contains(kPassword));
    QVERIFY(PasswordHash::verify(stored, kPassword));

    const QByteArray listed = QJsonDocument(run(QStringLiteral("config.list")).result.toArray()).toJson();
    QVERIFY(!listed.contains("secret."));
    QVERIFY(!listed.contains(stored.toUtf8()));
    QVERIFY(!listed.contains(kPassword.toUtf8()));
    // Neither config.get nor config.set reach it.
    QCOMPARE(run(QStringLiteral("config.get"), {{QStringLiteral("key"), QLatin1String(AdminPassword::kStorageKey)}}).status,
             AdminReply::Status::NotFound);
    QVERIFY(!run(QStringLiteral("config.set"), {{QStringLiteral("key"), QLatin1String(AdminPassword::kStorageKey)},
                                               {QStringLiteral("value"), QStringLiteral("x")}})
                 .ok());
    // The engine does not report it as an unknown setting either.
    QStringList problems;
    (void)Settings::fromStored(m_storage->settings(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestAdminPassword::refusalIsLoggedWithoutThePassword()
{
    QVERIFY(run(QStringLiteral("admin.password.set"), {{QStringLiteral("password"), kPassword}}).ok());
    CapturedLog log;
    const QString wrong = QStringLiteral("not-the-password");
    QCOMPARE(run(QStringLiteral("admin.password.check"), {{QStringLiteral("password"), wrong}}).status,
             AdminReply::Status::Denied);
    QTRY_VERIFY_WITH_TIMEOUT(log.text().contains(QStringLiteral("wrong admin password")), 2000);
    QVERIFY(!log.text().contains(wrong));
    QVERIFY(run(QStringLiteral("admin.password.set"), {{QStringLiteral("password"), kPassword}}).ok());
    QVERIFY(!log.text().contains(kPassword));
}

void TestAdminPassword::tlsInfoOfConfiguredPair()
{
    TestCertificates certificates;
    const TestCertificates::Pair pair = certificates.make(QStringLiteral("office"), QStringLiteral("mail.office.test"));
    QVERIFY(!pair.fingerprint.isEmpty());
    // Only one of the two files named: no pair.
    QVERIFY(run(QStringLiteral("config.set"), {{QStringLiteral("key"), QStringLiteral("tls.cert_file")},
                                              {QStringLiteral("value"), pair.certificateFile}})
                .ok());
    QCOMPARE(run(QStringLiteral("tls.info")).status, AdminReply::Status::Invalid);
    QVERIFY(run(QStringLiteral("config.set"), {{QStringLiteral("key"), QStringLiteral("tls.key_file")},
                                              {QStringLiteral("value"), pair.keyFile}})
                .ok());
    const AdminReply info = run(QStringLiteral("tls.info"));
    QVERIFY2(info.ok(), qPrintable(info.message));
    const QJsonObject result = info.result.toObject();
    QCOMPARE(result[QStringLiteral("sha256")].toString(), pair.fingerprint);
    QVERIFY(result[QStringLiteral("subject")].toString().contains(QStringLiteral("mail.office.test")));
    QCOMPARE(result[QStringLiteral("certFile")].toString(), pair.certificateFile);
    QCOMPARE(result[QStringLiteral("keyFile")].toString(), pair.keyFile);
    QCOMPARE(result[QStringLiteral("generated")].toBool(), false);
    QVERIFY(result[QStringLiteral("daysLeft")].toInt() > 300);
    QVERIFY(QDateTime::fromString(result[QStringLiteral("notAfter")].toString(), Qt::ISODate).isValid());
}

void TestAdminPassword::tlsInfoOfGeneratedPair()
{
    const DataDirectory dataDir(m_dir->path());
    QCOMPARE(run(QStringLiteral("tls.info")).status, AdminReply::Status::NotFound);
    QString error;
    const SelfSignedCertificate generated = SelfSignedCertificate::create(QStringLiteral("gate.example.test"), &error);
    QVERIFY2(!generated.isNull(), qPrintable(error));
    QVERIFY(QDir().mkpath(dataDir.tlsDirectory()));
    const TlsFiles files = TlsFiles::generatedIn(dataDir.tlsDirectory());
    QVERIFY2(generated.write(files.certificateFile(), files.keyFile(), &error), qPrintable(error));
    const QJsonObject result = run(QStringLiteral("tls.info")).result.toObject();
    QCOMPARE(result[QStringLiteral("generated")].toBool(), true);
    QCOMPARE(result[QStringLiteral("selfSigned")].toBool(), true);
    QCOMPARE(result[QStringLiteral("sha256")].toString(), CertificateInfo::fromPem(generated.certificate()).sha256Fingerprint());
}

QTEST_GUILESS_MAIN(TestAdminPassword)
#include "tst_adminpassword.moc"
