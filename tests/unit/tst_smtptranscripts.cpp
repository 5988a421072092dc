// Every SMTP transcript replayed against the pure session: whole, one byte at a time and in
// random chunks. The same files run against the real server in tests/integration.

#include "fixturedirectory.h"
#include "memorymessagestore.h"
#include "recordingtransport.h"
#include "smtpsession.h"
#include "transcript.h"

#include <QtTest>
#include <QDir>
#include <QRandomGenerator>

class TestSmtpTranscripts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data();
    void replay();
};

namespace {

SmtpSessionConfig configFor(const Transcript &transcript)
{
    SmtpSessionConfig config;
    config.hostName = QStringLiteral("mail.example.test");
    const auto &settings = transcript.settings();
    if (settings.contains(QStringLiteral("smtp.max_recipients")))
        config.maxRecipients = settings.value(QStringLiteral("smtp.max_recipients")).toInt();
    if (settings.contains(QStringLiteral("message.max_size")))
        config.maxMessageSize = settings.value(QStringLiteral("message.max_size")).toLongLong();
    config.normalizeBareNewlines = settings.value(QStringLiteral("smtp.bare_newlines")) == QStringLiteral("normalize");
    return config;
}


}

void TestSmtpTranscripts::replay_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("chunking");
    const QDir dir(QFINDTESTDATA("../transcripts/smtp"));
    const QStringList files = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 3, "transcripts missing");
    for (const QString &file : files) {
        const QString path = dir.filePath(file);
        QTest::addRow("%s whole", qPrintable(file)) << path << int(Transcript::Chunking::Whole);
        QTest::addRow("%s bytes", qPrintable(file)) << path << int(Transcript::Chunking::ByteByByte);
        QTest::addRow("%s random", qPrintable(file)) << path << int(Transcript::Chunking::Random);
    }
}

void TestSmtpTranscripts::replay()
{
    QFETCH(QString, path);
    QFETCH(int, chunking);
    Transcript transcript;
    QString error;
    QVERIFY2(transcript.load(path, &error), qPrintable(error));

    RecordingTransport transport;
    FixtureDirectory directory;
    MemoryMessageStore store;
    ClientInfo client;
    client.address = QHostAddress(QStringLiteral("127.0.0.1"));
    client.service = QStringLiteral("smtp");
    client.sessionId = QStringLiteral("test");
    SmtpSession session(configFor(transcript), client, transport, directory, store);
    QRandomGenerator random(qHash(path));

    session.start();
    int stepNumber = 0;
    for (const Transcript::Step &step : transcript.steps()) {
        ++stepNumber;
        QVERIFY2(!transport.closed(), qPrintable(QStringLiteral("step %1: the server closed too early").arg(stepNumber)));
        for (QByteArrayView piece : Transcript::split(step.clientBytes, Transcript::Chunking(chunking), random))
            session.receive(piece);
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
}

QTEST_GUILESS_MAIN(TestSmtpTranscripts)
#include "tst_smtptranscripts.moc"
