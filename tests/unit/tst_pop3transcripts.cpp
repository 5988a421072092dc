// Every POP3 transcript replayed against the pure session: whole, one byte at a time and in
// random chunks, each with an authenticator that answers at once and one that answers later. The
// session comes from the real Pop3SessionFactory with the file's @set lines applied.

#include "clientinfo.h"
#include "fakeauthenticator.h"
#include "inmemoryauthfailurerecorder.h"
#include "inmemoryloginrecorder.h"
#include "memorymailstore.h"
#include "pop3fixture.h"
#include "plaintextauthpolicy.h"
#include "pop3sessionfactory.h"
#include "protocolsession.h"
#include "settings.h"
#include "recordingtransport.h"
#include "transcript.h"
#include "transcriptreplayer.h"

#include <QtTest>
#include <QDir>

class TestPop3Transcripts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data();
    void replay();
};

void TestPop3Transcripts::replay_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("chunking");
    QTest::addColumn<bool>("deferred");
    const QDir dir(QFINDTESTDATA("../transcripts/pop3"));
    const QStringList files = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 10, "transcripts missing");
    const char *names[] = {"whole", "bytes", "random"};
    for (const QString &file : files) {
        const QString path = dir.filePath(file);
        for (int chunking = 0; chunking < 3; ++chunking) {
            QTest::addRow("%s %s sync", qPrintable(file), names[chunking]) << path << chunking << false;
            QTest::addRow("%s %s deferred", qPrintable(file), names[chunking]) << path << chunking << true;
        }
    }
}

void TestPop3Transcripts::replay()
{
    QFETCH(QString, path);
    QFETCH(int, chunking);
    QFETCH(bool, deferred);
    Transcript transcript;
    QString error;
    QVERIFY2(transcript.load(path, &error), qPrintable(error));

    QStringList problems;
    const Settings settings = Settings::fromStored(transcript.settings(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    FakeAuthenticator authenticator(deferred ? FakeAuthenticator::Mode::Deferred
                                                 : FakeAuthenticator::Mode::Synchronous);
    Pop3Fixture::addAccounts(authenticator);
    MemoryMailStore store;
    Pop3Fixture::addMessages(store);
    InMemoryLoginRecorder recorder;
    InMemoryAuthFailureRecorder failures;
    Pop3SessionFactory factory(authenticator, store.opener(), recorder, failures,
                               Pop3SessionFactory::configFrom(settings, PlaintextAuthPolicy::defaultLoopbackRanges()));

    RecordingTransport transport;
    const ClientInfo client = TranscriptReplayer::setUp(transcript, QStringLiteral("pop3"), transport, authenticator);
    const std::unique_ptr<ProtocolSession> session = factory.create(client, transport);
    QVERIFY(session);
    session->start();
    TranscriptReplayer::replay(transcript, QFileInfo(path).fileName(), *session, transport, authenticator,
                               Transcript::Chunking(chunking));
    // Whatever happened, the maildrop lock is gone once the session has closed.
    if (transport.closed())
        QCOMPARE(store.locks().lockedCount(), 0);
}

QTEST_GUILESS_MAIN(TestPop3Transcripts)
#include "tst_pop3transcripts.moc"
