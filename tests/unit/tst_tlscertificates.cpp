// Certificate files: the self-signed pair Postern generates, loading a pair with its checks, the
// information shown about a certificate, and which files the settings name.

#include <sys/stat.h>

#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include "certificateinfo.h"
#include "selfsignedcertificate.h"
#include "settings.h"
#include "testcertificates.h"
#include "tlscontext.h"
#include "tlsfiles.h"

namespace {

int modeOf(const QString &path)
{
    struct stat info{};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

// The key PEM again, encrypted with a passphrase.
QByteArray encryptedKey(const QByteArray &keyPem)
{
    BIO *in = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
    BIO *out = BIO_new(BIO_s_mem());
    char passphrase[] = "secret";
    PEM_write_bio_PrivateKey(out, key, EVP_aes_256_cbc(), nullptr, 0, nullptr, passphrase);
    char *data = nullptr;
    const long length = BIO_get_mem_data(out, &data);
    QByteArray result(data, qsizetype(length));
    BIO_free(out);
    EVP_PKEY_free(key);
    BIO_free(in);
    return result;
}

QString openssl()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

// Runs the openssl command line tool; its output, or "FAILED" (and a warning).
QByteArray runOpenssl(const QStringList &arguments)
{
    QProcess process;
    process.start(openssl(), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
        return QByteArrayLiteral("FAILED");
    }
    return process.readAllStandardOutput();
}

const QRegularExpression kFingerprint(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));

}

class TestTlsCertificates : public QObject
{
    Q_OBJECT

private slots:
    void generatedCertificate();
    void generatedCertificateAgreesWithOpenssl();
    void generatedFilesArePrivateAndAtomic();
    void loadsAPairAndItsChain();
    void refusesBadPairs_data();
    void refusesBadPairs();
    void foreignCertificateInfo();
    void filesFromSettings();
};

void TestTlsCertificates::generatedCertificate()
{
    QString error;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const SelfSignedCertificate made = SelfSignedCertificate::create(QStringLiteral("mail.example.test"), &error);
    QVERIFY2(!made.isNull(), qPrintable(error));
    QVERIFY(made.certificate().startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(made.key().startsWith("-----BEGIN PRIVATE KEY-----"));   // PKCS#8, unencrypted

    const CertificateInfo info = CertificateInfo::fromPem(made.certificate());
    QCOMPARE(info.subject(), QStringLiteral("CN=mail.example.test"));
    QCOMPARE(info.issuer(), info.subject());
    QVERIFY(info.isSelfIssued());
    QCOMPARE(info.subjectAltNames(), QStringList{QStringLiteral("DNS:mail.example.test")});
    QVERIFY(info.notBefore() <= before);
    QVERIFY(info.notBefore() >= before.addSecs(-2 * 3600));
    // Seconds, not calendar days: notBefore is an hour back, so between 00:00 and 01:00 UTC the
    // two dates are kValidityDays + 1 calendar days apart.
    const qint64 validFor = info.notBefore().secsTo(info.notAfter());
    QVERIFY2(qAbs(validFor - (qint64(SelfSignedCertificate::kValidityDays) * 86400 + 3600)) <= 2, qPrintable(QString::number(validFor)));
    QVERIFY(info.isValidAt(before));
    QVERIFY2(kFingerprint.match(info.sha256Fingerprint()).hasMatch(), qPrintable(info.sha256Fingerprint()));
    QCOMPARE(info.daysLeft(before), qint64(SelfSignedCertificate::kValidityDays - 1));

    // X.509 v3 for a server only, with an ECDSA P-256 key.
    BIO *bio = BIO_new_mem_buf(made.certificate().constData(), int(made.certificate().size()));
    X509 *certificate = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    QVERIFY(certificate);
    QCOMPARE(X509_get_version(certificate), long(X509_VERSION_3));
    QCOMPARE(X509_check_ca(certificate), 0);
    QVERIFY(X509_get_extension_flags(certificate) & EXFLAG_BCONS);
    QCOMPARE(X509_get_key_usage(certificate), quint32(KU_DIGITAL_SIGNATURE));
    QCOMPARE(X509_get_extended_key_usage(certificate), quint32(XKU_SSL_SERVER));
    QCOMPARE(X509_check_host(certificate, "mail.example.test", 0, 0, nullptr), 1);
    QCOMPARE(X509_check_host(certificate, "other.example.test", 0, 0, nullptr), 0);
    const EVP_PKEY *key = X509_get0_pubkey(certificate);
    QVERIFY(EVP_PKEY_is_a(key, "EC"));
    char group[64] = {};
    QVERIFY(EVP_PKEY_get_group_name(key, group, sizeof group, nullptr) == 1);
    QCOMPARE(QByteArray(group), QByteArray("prime256v1"));
    X509_free(certificate);

    // Serials are random, so two certificates never share one.
    const SelfSignedCertificate other = SelfSignedCertificate::create(QStringLiteral("mail.example.test"), &error);
    QVERIFY(!info.serialNumber().isEmpty());
    QVERIFY(info.serialNumber() != CertificateInfo::fromPem(other.certificate()).serialNumber());
    QVERIFY(info.sha256Fingerprint() != CertificateInfo::fromPem(other.certificate()).sha256Fingerprint());
}

void TestTlsCertificates::generatedCertificateAgreesWithOpenssl()
{
    if (openssl().isEmpty())
        QSKIP("the openssl command is not installed");
    TestCertificates files;
    const TestCertificates::Pair pair = files.make(QStringLiteral("server"));
    QVERIFY(!pair.fingerprint.isEmpty());
    const QByteArray printed = runOpenssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                                           QStringLiteral("-sha256"), QStringLiteral("-in"), pair.certificateFile});
    QCOMPARE(QString::fromLatin1(printed.trimmed()).section(QLatin1Char('='), 1).toUpper(), pair.fingerprint);
    const QByteArray text = runOpenssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text"),
                                        QStringLiteral("-in"), pair.certificateFile});
    QVERIFY2(text.contains("DNS:mail.example.test"), text.constData());
    QVERIFY(text.contains("CA:FALSE"));
    QVERIFY(text.contains("TLS Web Server Authentication"));
    QVERIFY(text.contains("Digital Signature"));
    // The key is the certificate's.
    QCOMPARE(runOpenssl({QStringLiteral("pkey"), QStringLiteral("-pubout"), QStringLiteral("-in"), pair.keyFile}),
             runOpenssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-pubkey"), QStringLiteral("-in"),
                         pair.certificateFile}));
}

void TestTlsCertificates::generatedFilesArePrivateAndAtomic()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const TlsFiles files = TlsFiles::generatedIn(data.filePath(QStringLiteral("tls")));
    QString error;
    const SelfSignedCertificate first = SelfSignedCertificate::create(QStringLiteral("mail.example.test"), &error);
    QVERIFY2(first.write(files.certificateFile(), files.keyFile(), &error), qPrintable(error));
    QCOMPARE(modeOf(data.filePath(QStringLiteral("tls"))), 0700);
    QCOMPARE(modeOf(files.keyFile()), 0600);
    QCOMPARE(modeOf(files.certificateFile()), 0644);
    QCOMPARE(QDir(data.filePath(QStringLiteral("tls"))).entryList(QDir::Files),
             QStringList({QStringLiteral("postern.crt"), QStringLiteral("postern.key")}));

    // Written again: replaced whole, no temporary file left, modes kept.
    const SelfSignedCertificate second = SelfSignedCertificate::create(QStringLiteral("mail.example.test"), &error);
    QVERIFY(second.write(files.certificateFile(), files.keyFile(), &error));
    QCOMPARE(QDir(data.filePath(QStringLiteral("tls"))).entryList(QDir::Files).size(), 2);
    QCOMPARE(modeOf(files.keyFile()), 0600);
    QFile key(files.keyFile());
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), second.key());
    const TlsContext context = files.load(QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(!context.isNull(), qPrintable(error));
    QCOMPARE(context.certificate(), CertificateInfo::fromPem(second.certificate()));

    // A folder that cannot be made is reported, not ignored.
    const TlsFiles blocked = TlsFiles::generatedIn(files.keyFile() + QStringLiteral("/tls"));
    QVERIFY(!second.write(blocked.certificateFile(), blocked.keyFile(), &error));
    QVERIFY2(error.contains(QStringLiteral("folder")), qPrintable(error));
}

void TestTlsCertificates::loadsAPairAndItsChain()
{
    TestCertificates files;
    const TestCertificates::Pair leaf = files.make(QStringLiteral("leaf"));
    const TestCertificates::Pair other = files.make(QStringLiteral("other"), QStringLiteral("ca.example.test"));
    const QString chain = files.write(QStringLiteral("chain.crt"), leaf.certificatePem + other.certificatePem);
    QString error;
    const TlsContext context = TlsContext::loadServer(chain, leaf.keyFile, QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(!context.isNull(), qPrintable(error));
    QVERIFY(context.isServer());
    QCOMPARE(context.certificate().sha256Fingerprint(), leaf.fingerprint);
    STACK_OF(X509) *extra = nullptr;
    QVERIFY(SSL_CTX_get0_chain_certs(context.handle(), &extra) == 1);
    QCOMPARE(sk_X509_num(extra), 1);

    // Key and certificate in one file (as some tools write them) also works.
    const QString combined = files.write(QStringLiteral("combined.pem"), leaf.keyPem + leaf.certificatePem);
    QVERIFY(!TlsContext::loadServer(combined, combined, QDateTime::currentDateTimeUtc(), &error).isNull());
}

void TestTlsCertificates::refusesBadPairs_data()
{
    QTest::addColumn<QString>("certificate");   // a file name in the folder, or a pair to take from
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("reason");         // must appear in the error
    QTest::newRow("no certificate file") << "missing.crt" << "good.key" << "cannot read the certificate file";
    QTest::newRow("no key file") << "good.crt" << "missing.key" << "cannot read the key file";
    QTest::newRow("empty certificate") << "empty.pem" << "good.key" << "no PEM certificate";
    QTest::newRow("text, not PEM") << "text.pem" << "good.key" << "no PEM certificate";
    QTest::newRow("damaged certificate") << "damaged.crt" << "good.key" << "damaged PEM certificate";
    QTest::newRow("truncated certificate") << "truncated.crt" << "good.key" << "PEM certificate";
    QTest::newRow("certificate as key") << "good.crt" << "good.crt" << "no PEM private key";
    QTest::newRow("empty key") << "good.crt" << "empty.pem" << "no PEM private key";
    QTest::newRow("key of another certificate") << "good.crt" << "other.key" << "does not belong";
    QTest::newRow("key with a passphrase") << "good.crt" << "encrypted.key" << "passphrase";
    QTest::newRow("expired") << "expired.crt" << "expired.key" << "expired on";
    QTest::newRow("not yet valid") << "future.crt" << "future.key" << "not valid before";
}

void TestTlsCertificates::refusesBadPairs()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, reason);
    TestCertificates files;
    const TestCertificates::Pair good = files.make(QStringLiteral("good"));
    files.make(QStringLiteral("other"));
    files.make(QStringLiteral("expired"), QStringLiteral("mail.example.test"), -400, -1);
    files.make(QStringLiteral("future"), QStringLiteral("mail.example.test"), 1, 400);
    files.write(QStringLiteral("empty.pem"), {});
    files.write(QStringLiteral("text.pem"), "this is not a certificate\n");
    QByteArray damaged = good.certificatePem;
    damaged[damaged.indexOf('\n') + 10] = '!';
    files.write(QStringLiteral("damaged.crt"), damaged);
    files.write(QStringLiteral("truncated.crt"), good.certificatePem.left(good.certificatePem.size() / 2));
    files.write(QStringLiteral("encrypted.key"), encryptedKey(good.keyPem));

    QString error;
    const TlsContext context = TlsContext::loadServer(files.path(certificate), files.path(key),
                                                      QDateTime::currentDateTimeUtc(), &error);
    QVERIFY(context.isNull());
    QVERIFY2(error.contains(reason), qPrintable(error));
    // The message names what was being loaded.
    QVERIFY2(error.contains(files.path(certificate)) || error.contains(files.path(key)), qPrintable(error));
}

void TestTlsCertificates::foreignCertificateInfo()
{
    if (openssl().isEmpty())
        QSKIP("the openssl command is not installed");
    TestCertificates files;
    const QString certificate = files.path(QStringLiteral("rsa.crt"));
    const QString key = files.path(QStringLiteral("rsa.key"));
    QVERIFY(runOpenssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                         QStringLiteral("/O=Example Mail/CN=mx.example.org"), QStringLiteral("-addext"),
                         QStringLiteral("subjectAltName=DNS:mx.example.org,DNS:mail.example.org,IP:192.0.2.7,IP:2001:db8::1"),
                         QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate})
             != "FAILED");
    QString error;
    const TlsContext context = TlsContext::loadServer(certificate, key, QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(!context.isNull(), qPrintable(error));
    const CertificateInfo info = context.certificate();
    QCOMPARE(info.subject(), QStringLiteral("CN=mx.example.org,O=Example Mail"));
    QCOMPARE(info.subjectAltNames(), QStringList({QStringLiteral("DNS:mx.example.org"), QStringLiteral("DNS:mail.example.org"),
                                                  QStringLiteral("IP:192.0.2.7"), QStringLiteral("IP:2001:db8:0:0:0:0:0:1")}));
    QVERIFY(info.daysLeft(QDateTime::currentDateTimeUtc()) >= 28);
    const QStringList lines = info.describe();
    QCOMPARE(lines.size(), 6);
    QVERIFY(lines.contains(QStringLiteral("subject_alt_names\tDNS:mx.example.org,DNS:mail.example.org,IP:192.0.2.7,"
                                          "IP:2001:db8:0:0:0:0:0:1")));
    QVERIFY(lines.contains(QStringLiteral("sha256_fingerprint\t") + info.sha256Fingerprint()));
}

void TestTlsCertificates::filesFromSettings()
{
    const auto settings = [](const QString &certificate, const QString &key) {
        QMap<QString, QString> stored;
        if (!certificate.isEmpty())
            stored.insert(QStringLiteral("tls.cert_file"), certificate);
        if (!key.isEmpty())
            stored.insert(QStringLiteral("tls.key_file"), key);
        return Settings::fromStored(stored);
    };
    const TlsFiles generated = TlsFiles::fromSettings(settings({}, {}), QStringLiteral("/srv/postern"));
    QVERIFY(generated.isGenerated());
    QCOMPARE(generated.certificateFile(), QStringLiteral("/srv/postern/tls/postern.crt"));
    QCOMPARE(generated.keyFile(), QStringLiteral("/srv/postern/tls/postern.key"));
    QVERIFY(generated.error().isEmpty());

    const TlsFiles configured =
        TlsFiles::fromSettings(settings(QStringLiteral("/etc/ssl/mail.crt"), QStringLiteral("/etc/ssl/private/mail.key")),
                               QStringLiteral("/srv/postern"));
    QVERIFY(!configured.isGenerated());
    QCOMPARE(configured.certificateFile(), QStringLiteral("/etc/ssl/mail.crt"));
    QCOMPARE(configured.keyFile(), QStringLiteral("/etc/ssl/private/mail.key"));

    const TlsFiles half = TlsFiles::fromSettings(settings(QStringLiteral("/etc/ssl/mail.crt"), {}), QStringLiteral("/srv/postern"));
    QVERIFY2(half.error().contains(QStringLiteral("tls.key_file is not set")), qPrintable(half.error()));
    QString error;
    QVERIFY(half.load(QDateTime::currentDateTimeUtc(), &error).isNull());
    QCOMPARE(error, half.error());
}

QTEST_GUILESS_MAIN(TestTlsCertificates)
#include "tst_tlscertificates.moc"
