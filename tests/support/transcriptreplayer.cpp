#include "transcriptreplayer.h"

#include "fakeauthenticator.h"
#include "protocolsession.h"
#include "recordingtransport.h"

#include <QRandomGenerator>
#include <QTest>

ClientInfo TranscriptReplayer::setUp(const Transcript &transcript, const QString &defaultService,
                                     RecordingTransport &transport, FakeAuthenticator &authenticator)
{
    const QString tls = transcript.directive(QStringLiteral("tls"));
    transport.setTlsAvailable(!tls.isEmpty());
    transport.setEncrypted(tls == QStringLiteral("active"));
    authenticator.setUnavailable(transcript.directive(QStringLiteral("auth")) == QStringLiteral("unavailable"));
    ClientInfo client;
    const QString address = transcript.directive(QStringLiteral("client"));
    client.address = QHostAddress(address.isEmpty() ? QStringLiteral("127.0.0.1") : address);
    const QString service = transcript.directive(QStringLiteral("service"));
    client.service = service.isEmpty() ? defaultService : service;
    client.sessionId = QStringLiteral("test");
    client.tls = tls == QStringLiteral("active");
    return client;
}

void TranscriptReplayer::replay(const Transcript &transcript, const QString &name, ProtocolSession &session,
                                RecordingTransport &transport, FakeAuthenticator &authenticator, Transcript::Chunking chunking)
{
    QRandomGenerator random(qHash(name));
    int stepNumber = 0;
    for (const Transcript::Step &step : transcript.steps()) {
        ++stepNumber;
        QVERIFY2(!transport.closed(), qPrintable(QStringLiteral("step %1: the server closed too early").arg(stepNumber)));
        for (QByteArrayView piece : Transcript::split(step.clientBytes, chunking, random)) {
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
                                    .arg(name).arg(stepNumber)
                                    .arg(lines.join(QStringLiteral(" | ")), step.expectedLines.join(QStringLiteral(" | ")));
        QVERIFY2(lines.size() == step.expectedLines.size(), qPrintable(context));
        for (int i = 0; i < lines.size(); ++i)
            QVERIFY2(Transcript::matches(step.expectedLines.at(i), lines.at(i)), qPrintable(context));
        QVERIFY2(transport.closed() == step.expectClose, qPrintable(context + QStringLiteral("\nclose expected: ") +
                                                                    (step.expectClose ? QStringLiteral("yes") : QStringLiteral("no"))));
        // Only the marker may start TLS, and at the marker TLS must have been asked for.
        QVERIFY2(transport.tlsRequested() == step.startTls,
                 qPrintable(context + (step.startTls ? QStringLiteral("\nthe session did not call startTls()")
                                                     : QStringLiteral("\nthe session called startTls() without a marker"))));
        if (step.startTls) {
            transport.completeTls();
            session.tlsStarted();
            QVERIFY2(transport.takeSent().isEmpty(), qPrintable(context + QStringLiteral("\nthe session spoke after the handshake")));
        }
    }
}
