// The certificate in force: generated on the first start, loaded from the settings' files,
// reloaded when the files change or on request, a broken pair refused while the old one stays,
// expiry warnings, and connections keeping the context they started with.

#include <memory>

#include <QDir>
#include <QTest>

#include "log.h"
#include "loghub.h"
#include "selfsignedcertificate.h"
#include "settings.h"
#include "testcertificates.h"
#include "tlschannel.h"
#include "tlscontextprovider.h"
#include "tlsreloader.h"

namespace {

Settings settingsFor(const QString &certificate = {}, const QString &key = {})
{
    QMap<QString, QString> stored{{QStringLiteral("server.hostname"), QStringLiteral("mail.example.test")}};
    if (!certificate.isEmpty())
        stored.insert(QStringLiteral("tls.cert_file"), certificate);
    if (!key.isEmpty())
        stored.insert(QStringLiteral("tls.key_file"), key);
    return Settings::fromStored(stored);
}

QString fingerprintOf(const TlsContextProvider &provider)
{
    return provider.current().certificate().sha256Fingerprint();
}

// Pairs a and b in a temporary folder, and a reloader that has loaded a from a.crt and a.key.
struct Fixture
{
    Fixture()
        : a(files.make(QStringLiteral("a"))), b(files.make(QStringLiteral("b"))),
          reloader(provider, files.path(QStringLiteral("data")))
    {
        reloader.apply(settingsFor(a.certificateFile, a.keyFile));
    }

    // Puts a pair's text into a.crt and a.key (key first, as careful tools do).
    void replaceWith(const TestCertificates::Pair &pair)
    {
        files.write(QStringLiteral("a.key"), pair.keyPem);
        files.write(QStringLiteral("a.crt"), pair.certificatePem);
    }
    // Two ticks: the first sees a change, the second loads it once it held still.
    void settle()
    {
        reloader.poll();
        reloader.poll();
    }
    [[nodiscard]] QString fingerprint() const { return fingerprintOf(provider); }

    TestCertificates files;
    const TestCertificates::Pair a;
    const TestCertificates::Pair b;
    TlsContextProvider provider;
    TlsReloader reloader;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}

class TestTlsReloader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void generatesOnTheFirstStartAndReusesLater();
    void configuredPairIsLoaded();
    void changedFilesLoadOnceTheyHoldStill();
    void brokenPairKeepsTheOldOne();
    void brokenPairAtStartLeavesTlsOff();
    void settingsNameOtherFiles();
    void reloadRequestLoadsAgain();
    void expiryIsWarnedOnceADay();
    void generatedPairIsRenewedBeforeItExpires();
    void connectionsKeepTheContextTheyTook();

private:
    // Log lines (level and text) written since init().
    [[nodiscard]] QStringList logged(LogLevel minimum = LogLevel::Info) const;
    [[nodiscard]] int count(const QString &fragment, LogLevel minimum = LogLevel::Info) const;

    std::unique_ptr<LogHub> m_hub;
};

void TestTlsReloader::init()
{
    m_hub = std::make_unique<LogHub>();
    Log::install(m_hub.get());
}

void TestTlsReloader::cleanup()
{
    Log::install(nullptr);
    m_hub.reset();
}

QStringList TestTlsReloader::logged(LogLevel minimum) const
{
    QStringList lines;
    for (const LogEntry &entry : m_hub->ring().entriesAfter(0)) {
        if (entry.level >= minimum)
            lines << logLevelName(entry.level) + QLatin1Char(' ') + entry.text;
    }
    return lines;
}

int TestTlsReloader::count(const QString &fragment, LogLevel minimum) const
{
    const QStringList lines = logged(minimum);
    return int(std::count_if(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(fragment); }));
}

void TestTlsReloader::generatesOnTheFirstStartAndReusesLater()
{
    QTemporaryDir data;
    TlsContextProvider provider;
    QVERIFY(!provider.hasContext());
    TlsReloader reloader(provider, data.path());
    reloader.apply(settingsFor());
    QVERIFY(provider.hasContext());
    QVERIFY(reloader.lastError().isEmpty());
    QVERIFY(reloader.files().isGenerated());
    QCOMPARE(reloader.files().certificateFile(), data.filePath(QStringLiteral("tls/postern.crt")));
    const QString fingerprint = fingerprintOf(provider);
    QCOMPARE(provider.current().certificate().subjectAltNames(), QStringList{QStringLiteral("DNS:mail.example.test")});
    QCOMPARE(count(QStringLiteral("generated a self-signed certificate for mail.example.test")), 1);
    QCOMPARE(count(fingerprint), 2);   // generated, then loaded: both lines give it
    QCOMPARE(count(QStringLiteral("WARN"), LogLevel::Warning), 0);

    // The next start uses the same files.
    TlsContextProvider again;
    TlsReloader later(again, data.path());
    later.apply(settingsFor());
    QCOMPARE(fingerprintOf(again), fingerprint);
    QCOMPARE(count(QStringLiteral("generated a self-signed")), 1);
}

void TestTlsReloader::configuredPairIsLoaded()
{
    TestCertificates files;
    const TestCertificates::Pair pair = files.make(QStringLiteral("a"));
    QTemporaryDir data;
    TlsContextProvider provider;
    TlsReloader reloader(provider, data.path());
    reloader.apply(settingsFor(pair.certificateFile, pair.keyFile));
    QCOMPARE(fingerprintOf(provider), pair.fingerprint);
    QVERIFY(!reloader.files().isGenerated());
    QVERIFY(!QDir(data.filePath(QStringLiteral("tls"))).exists());   // nothing generated
    QCOMPARE(count(QStringLiteral("loaded the configured pair ") + pair.certificateFile), 1);
}

void TestTlsReloader::changedFilesLoadOnceTheyHoldStill()
{
    Fixture fixture;
    fixture.reloader.poll();
    QCOMPARE(fixture.fingerprint(), fixture.a.fingerprint);
    QCOMPARE(count(QStringLiteral("loaded")), 1);   // unchanged files are not loaded again

    fixture.replaceWith(fixture.b);
    fixture.reloader.poll();   // seen changed: waits a tick in case more is being written
    QCOMPARE(fixture.fingerprint(), fixture.a.fingerprint);
    fixture.reloader.poll();
    QCOMPARE(fixture.fingerprint(), fixture.b.fingerprint);
    QCOMPARE(count(QStringLiteral("(the files changed)")), 1);
    fixture.reloader.poll();
    QCOMPARE(count(QStringLiteral("loaded")), 2);

    // Rewritten in place (same inode) is seen too.
    for (const auto &[path, text] : {std::pair(fixture.a.keyFile, fixture.a.keyPem),
                                     std::pair(fixture.a.certificateFile, fixture.a.certificatePem)}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(text), text.size());
    }
    fixture.settle();
    QCOMPARE(fixture.fingerprint(), fixture.a.fingerprint);
}

void TestTlsReloader::brokenPairKeepsTheOldOne()
{
    Fixture fixture;
    // The new certificate arrives without its key.
    fixture.files.write(QStringLiteral("a.crt"), fixture.b.certificatePem);
    fixture.settle();
    QCOMPARE(fixture.fingerprint(), fixture.a.fingerprint);
    QVERIFY2(fixture.reloader.lastError().contains(QStringLiteral("does not belong")), qPrintable(fixture.reloader.lastError()));
    QCOMPARE(count(QStringLiteral("refused the configured pair"), LogLevel::Error), 1);
    QCOMPARE(count(QStringLiteral("still using the configured pair"), LogLevel::Error), 1);
    // Not tried again while the files stay as they are.
    fixture.settle();
    QCOMPARE(count(QStringLiteral("refused"), LogLevel::Error), 1);

    // Damaged text is refused the same way.
    fixture.files.write(QStringLiteral("a.crt"), "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
    fixture.settle();
    QCOMPARE(fixture.fingerprint(), fixture.a.fingerprint);
    QCOMPARE(count(QStringLiteral("refused"), LogLevel::Error), 2);

    // Then the key comes too: the pair is whole and is taken.
    fixture.replaceWith(fixture.b);
    fixture.settle();
    QCOMPARE(fixture.fingerprint(), fixture.b.fingerprint);
    QVERIFY(fixture.reloader.lastError().isEmpty());
}

void TestTlsReloader::brokenPairAtStartLeavesTlsOff()
{
    TestCertificates files;
    const TestCertificates::Pair expired = files.make(QStringLiteral("old"), QStringLiteral("mail.example.test"), -400, -1);
    const TestCertificates::Pair fresh = files.make(QStringLiteral("new"));
    TlsContextProvider provider;
    TlsReloader reloader(provider, files.path(QStringLiteral("data")));
    reloader.apply(settingsFor(expired.certificateFile, expired.keyFile));
    QVERIFY(!provider.hasContext());
    QVERIFY(reloader.lastError().contains(QStringLiteral("expired")));
    QCOMPARE(count(QStringLiteral("TLS is off until it is fixed"), LogLevel::Error), 1);
    // A configured pair is never replaced by a generated one.
    QVERIFY(!QDir(files.path(QStringLiteral("data/tls"))).exists());

    files.write(QStringLiteral("old.crt"), fresh.certificatePem);
    files.write(QStringLiteral("old.key"), fresh.keyPem);
    reloader.poll();
    reloader.poll();
    QCOMPARE(fingerprintOf(provider), fresh.fingerprint);
}

void TestTlsReloader::settingsNameOtherFiles()
{
    Fixture fixture;
    fixture.reloader.apply(settingsFor(fixture.a.certificateFile, fixture.a.keyFile));   // the same: nothing happens
    QCOMPARE(count(QStringLiteral("loaded")), 1);

    fixture.reloader.apply(settingsFor(fixture.b.certificateFile, fixture.b.keyFile));
    QCOMPARE(fixture.fingerprint(), fixture.b.fingerprint);
    QCOMPARE(count(QStringLiteral("(the settings changed)")), 1);

    // Half a pair (one setting reset) is refused, the pair in use stays.
    fixture.reloader.apply(settingsFor(fixture.b.certificateFile));
    QCOMPARE(fixture.fingerprint(), fixture.b.fingerprint);
    QVERIFY2(fixture.reloader.lastError().contains(QStringLiteral("must be set together")),
             qPrintable(fixture.reloader.lastError()));

    // Both reset: the generated pair.
    fixture.reloader.apply(settingsFor());
    QVERIFY(fixture.reloader.files().isGenerated());
    QVERIFY(fixture.fingerprint() != fixture.b.fingerprint);
    QVERIFY(QFile::exists(fixture.files.path(QStringLiteral("data/tls/postern.key"))));
}

void TestTlsReloader::reloadRequestLoadsAgain()
{
    TlsContextProvider idle;
    TlsReloader notApplied(idle, QStringLiteral("/nonexistent"));
    QVERIFY(!notApplied.reload(QStringLiteral("too early")));   // nothing to reload yet

    Fixture fixture;
    QVERIFY(fixture.reloader.reload(QStringLiteral("requested by test")));
    QCOMPARE(count(QStringLiteral("(requested by test)")), 1);

    // Changed under the poll's nose (no tick in between): the request loads it at once.
    fixture.replaceWith(fixture.b);
    QVERIFY(fixture.reloader.reload(QStringLiteral("requested by test")));
    QCOMPARE(fixture.fingerprint(), fixture.b.fingerprint);

    fixture.files.write(QStringLiteral("a.key"), "garbage");
    QVERIFY(!fixture.reloader.reload(QStringLiteral("requested by test")));
    QCOMPARE(fixture.fingerprint(), fixture.b.fingerprint);
    QVERIFY(fixture.reloader.lastError().contains(QStringLiteral("no PEM private key")));
}

void TestTlsReloader::expiryIsWarnedOnceADay()
{
    TestCertificates files;
    const TestCertificates::Pair soon = files.make(QStringLiteral("soon"), QStringLiteral("mail.example.test"), -30, 5);
    TlsContextProvider provider;
    TlsReloader reloader(provider, files.path(QStringLiteral("data")));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    reloader.apply(settingsFor(soon.certificateFile, soon.keyFile), now);
    QVERIFY(provider.hasContext());
    QCOMPARE(count(QStringLiteral("expires on"), LogLevel::Warning), 1);
    QCOMPARE(count(QStringLiteral("in 4 days"), LogLevel::Warning), 1);
    reloader.poll(now);
    reloader.poll(now.addSecs(1));
    QCOMPARE(count(QStringLiteral("expires on"), LogLevel::Warning), 1);
    reloader.poll(now.addDays(1));
    QCOMPARE(count(QStringLiteral("expires on"), LogLevel::Warning), 2);
    reloader.poll(now.addDays(1).addSecs(60));
    QCOMPARE(count(QStringLiteral("expires on"), LogLevel::Warning), 2);
    // Still served after it expired (clients decide), but said louder.
    reloader.poll(now.addDays(6));
    QCOMPARE(count(QStringLiteral("expired on"), LogLevel::Error), 1);
    QCOMPARE(fingerprintOf(provider), soon.fingerprint);

    // A certificate with time left is not mentioned.
    const TestCertificates::Pair fine = files.make(QStringLiteral("fine"), QStringLiteral("mail.example.test"), -1, 60);
    TlsContextProvider other;
    TlsReloader quiet(other, files.path(QStringLiteral("data")));
    quiet.apply(settingsFor(fine.certificateFile, fine.keyFile), now);
    quiet.poll(now.addDays(40));
    QCOMPARE(count(QStringLiteral("expires on"), LogLevel::Warning), 2);
    quiet.poll(now.addDays(50));
    QCOMPARE(count(QStringLiteral("expires on"), LogLevel::Warning), 3);
}

void TestTlsReloader::generatedPairIsRenewedBeforeItExpires()
{
    QTemporaryDir data;
    TlsContextProvider provider;
    TlsReloader reloader(provider, data.path());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    reloader.apply(settingsFor(), now);
    const QString first = fingerprintOf(provider);
    const QByteArray firstFile = readFile(reloader.files().certificateFile());
    reloader.poll(now.addDays(SelfSignedCertificate::kValidityDays - 30));
    QCOMPARE(fingerprintOf(provider), first);
    reloader.poll(now.addDays(SelfSignedCertificate::kValidityDays - 10));
    QVERIFY(fingerprintOf(provider) != first);
    QVERIFY(readFile(reloader.files().certificateFile()) != firstFile);
    QCOMPARE(count(QStringLiteral("(the generated certificate was about to expire)")), 1);
    QCOMPARE(count(QStringLiteral("expires on"), LogLevel::Warning), 0);
}

void TestTlsReloader::connectionsKeepTheContextTheyTook()
{
    Fixture fixture;
    const TlsContext taken = fixture.provider.current();   // a connection starting TLS
    fixture.reloader.apply(settingsFor(fixture.b.certificateFile, fixture.b.keyFile));

    const auto handshake = [](const TlsContext &server) {
        TlsChannel serverSide(server);
        TlsChannel clientSide(TlsContext::client({}));
        clientSide.start();
        QByteArray ignored;
        for (int round = 0; round < 10 && (clientSide.hasOutput() || serverSide.hasOutput()); ++round) {
            serverSide.feed(clientSide.takeOutput(), &ignored);
            clientSide.feed(serverSide.takeOutput(), &ignored);
        }
        return serverSide.isEstablished() ? clientSide.peerCertificate().sha256Fingerprint() : QString();
    };
    QCOMPARE(handshake(taken), fixture.a.fingerprint);
    QCOMPARE(handshake(fixture.provider.current()), fixture.b.fingerprint);
}

QTEST_GUILESS_MAIN(TestTlsReloader)
#include "tst_tlsreloader.moc"
