// Every SMTP transcript replayed against the pure session: whole, one byte at a time and in
// random chunks, each with an authenticator that answers at once and one that answers later. The
// session comes from the real SmtpSessionFactory with the file's @set lines applied to the
// default settings, so a file means the same here as against the running server
// (tests/integration), where the files without TLS run too.

#include "fakeauthenticator.h"
#include "fixturedirectory.h"
#include "inmemoryauthfailurerecorder.h"
#include "memorymessagestore.h"
#include "plaintextauthpolicy.h"
#include "protocolsession.h"
#include "recordingtransport.h"
#include "settings.h"
#include "smtpsessionfactory.h"
#include "smtpsessionharness.h"
#include "transcript.h"
#include "transcriptreplayer.h"

#include <QtTest>
#include <QDir>

class TestSmtpTranscripts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data();
    void replay();
};

void TestSmtpTranscripts::replay_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("chunking");
    QTest::addColumn<bool>("deferred");
    const QDir dir(QFINDTESTDATA("../transcripts/smtp"));
    const QStringList files = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 3, "transcripts missing");
    const char *names[] = {"whole", "bytes", "random"};
    for (const QString &file : files) {
        const QString path = dir.filePath(file);
        for (int chunking = 0; chunking < 3; ++chunking) {
            QTest::addRow("%s %s sync", qPrintable(file), names[chunking]) << path << chunking << false;
            QTest::addRow("%s %s deferred", qPrintable(file), names[chunking]) << path << chunking << true;
        }
    }
}

void TestSmtpTranscripts::replay()
{
    QFETCH(QString, path);
    QFETCH(int, chunking);
    QFETCH(bool, deferred);
    Transcript transcript;
    QString error;
    QVERIFY2(transcript.load(path, &error), qPrintable(error));

    QMap<QString, QString> stored = transcript.settings();
    stored.insert(QStringLiteral("server.hostname"), QStringLiteral("mail.example.test"));
    QStringList problems;
    const Settings settings = Settings::fromStored(stored, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    FakeAuthenticator authenticator(deferred ? FakeAuthenticator::Mode::Deferred : FakeAuthenticator::Mode::Synchronous);
    SmtpSessionTest::addLogins(authenticator, settings.boolean(QStringLiteral("smtp.auth_use_pop3_accounts")));
    InMemoryAuthFailureRecorder failures;
    FixtureDirectory directory;
    MemoryMessageStore store;
    SmtpSessionFactory factory(directory, store, authenticator, failures);
    factory.applySettings(settings, PlaintextAuthPolicy::defaultLoopbackRanges());

    RecordingTransport transport;
    const ClientInfo client = TranscriptReplayer::setUp(transcript, QStringLiteral("smtp"), transport, authenticator);
    const std::unique_ptr<ProtocolSession> session = factory.create(client, transport);
    QVERIFY(session);
    session->start();
    TranscriptReplayer::replay(transcript, QFileInfo(path).fileName(), *session, transport, authenticator,
                               Transcript::Chunking(chunking));
}

QTEST_GUILESS_MAIN(TestSmtpTranscripts)
#include "tst_smtptranscripts.moc"
