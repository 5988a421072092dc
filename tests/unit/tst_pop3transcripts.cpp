// Every POP3 transcript replayed against the pure session: whole, one byte at a time and in
// random chunks, each with an authenticator that answers at once and one that answers later.

#include "fakeauthenticator.h"
#include "inmemoryloginrecorder.h"
#include "memorymailstore.h"
#include "pop3fixture.h"
#include "pop3session.h"
#include "recordingtransport.h"
#include "transcript.h"

#include <QtTest>
#include <QDir>
#include <QRandomGenerator>

class TestPop3Transcripts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data();
    void replay();
};

namespace {


}

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

    RecordingTransport transport;
    FakeAuthenticator authenticator(deferred ? FakeAuthenticator::Mode::Deferred
                                                 : FakeAuthenticator::Mode::Synchronous);
    Pop3Fixture::addAccounts(authenticator);
    MemoryMailStore store;
    Pop3Fixture::addMessages(store);
    InMemoryLoginRecorder recorder;
    ClientInfo client;
    client.address = QHostAddress(QStringLiteral("127.0.0.1"));
    client.service = QStringLiteral("pop3");
    client.sessionId = QStringLiteral("test");
    Pop3Session session(Pop3SessionConfig(), client, transport, authenticator, store.opener(), recorder);
    QRandomGenerator random(qHash(path));

    session.start();
    int stepNumber = 0;
    for (const Transcript::Step &step : transcript.steps()) {
        ++stepNumber;
        QVERIFY2(!transport.closed(), qPrintable(QStringLiteral("step %1: the server closed too early").arg(stepNumber)));
        for (QByteArrayView piece : Transcript::split(step.clientBytes, Transcript::Chunking(chunking), random)) {
            // A real connection delivers nothing while reading is paused.
            while (transport.paused() && authenticator.hasPending())
                authenticator.runPending();
            if (transport.closed())
                break;
            QVERIFY2(!transport.paused(), qPrintable(QStringLiteral("step %1: paused with nothing pending").arg(stepNumber)));
            session.receive(piece);
        }
        while (authenticator.hasPending())
            authenticator.runPending();
        const QByteArray sent = transport.takeSent();
        QVERIFY2(sent.isEmpty() || sent.endsWith("\r\n"), qPrintable(QStringLiteral("step %1: reply not ended by CRLF").arg(stepNumber)));
        QStringList lines = QString::fromUtf8(sent).split(QStringLiteral("\r\n"));
        lines.removeLast();
        const QString context = QStringLiteral("%1 step %2\n got: %3\nwant: %4")
                                    .arg(QFileInfo(path).fileName()).arg(stepNumber)
                                    .arg(lines.join(QStringLiteral(" | ")), step.expectedLines.join(QStringLiteral(" | ")));
        QVERIFY2(lines.size() == step.expectedLines.size(), qPrintable(context));
        for (int i = 0; i < lines.size(); ++i)
            QVERIFY2(Transcript::matches(step.expectedLines.at(i), lines.at(i)), qPrintable(context));
        QVERIFY2(transport.closed() == step.expectClose, qPrintable(context + QStringLiteral("\nclose expected: ") +
                                                                    (step.expectClose ? QStringLiteral("yes") : QStringLiteral("no"))));
    }
    // Whatever happened, the maildrop lock is gone once the session has closed.
    if (transport.closed())
        QCOMPARE(store.locks().lockedCount(), 0);
}

QTEST_GUILESS_MAIN(TestPop3Transcripts)
#include "tst_pop3transcripts.moc"
