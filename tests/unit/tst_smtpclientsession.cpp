// SmtpClientSession from transcripts: "S: line" is what the peer says, "C: line" what we must
// send next (exactly), "! action" is the driver's part (tls ok|fail WHY, downgrade ok|fail WHY,
// body TEXT, next, quit, lost WHY, timeout) and "= Step" checks the step. Every row runs with the
// peer's lines fed one at a time, one byte at a time, and with consecutive lines in one chunk;
// the results must match in all three.

#include "smtpclientsession.h"

#include <QtTest>

class TestSmtpClientSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transcript_data();
    void transcript();
    void envelopeParameters_data();
    void envelopeParameters();
    void replyTextAndCodes();
    void passwordNeverInTexts();
    void bytesBeforeTlsHandshakeAreDropped();
    void hostileEndlessReplyIsBounded();
    void timeouts();
    void peerFacts();
    void resultsEmptyUntilDecided();
    void bodyInAnyChunks();
};

namespace {

enum class Feed { Lines, Bytes, Chunks };

SmtpClientOptions optionsFrom(const QString &spec)
{
    SmtpClientOptions options;
    options.heloName = QStringLiteral("me.example");
    for (const QString &word : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1String("tls=")))
            options.tls = parseOutboundTls(word.mid(4)).value();
        else if (word == QLatin1String("implicit"))
            options.implicitTls = true;
        else if (word.startsWith(QLatin1String("auth="))) {
            options.authUser = word.mid(5).section(QLatin1Char(':'), 0, 0);
            options.authPassword = word.mid(5).section(QLatin1Char(':'), 1);
        }
    }
    return options;
}

// Two recipients, 1000 octets, 7-bit; the words change that.
OutboundEnvelope envelopeFrom(const QString &spec)
{
    OutboundEnvelope envelope;
    envelope.reversePath = QStringLiteral("alice@example.org");
    envelope.size = 1000;
    QStringList recipients{QStringLiteral("bob@example.net"), QStringLiteral("carol@example.net")};
    for (const QString &word : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1String("rcpts=")))
            recipients = word.mid(6).split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (word.startsWith(QLatin1String("size=")))
            envelope.size = word.mid(5).toLongLong();
        else if (word == QLatin1String("8bit"))
            envelope.eightBit = true;
        else if (word == QLatin1String("utf8"))
            envelope.smtpUtf8 = true;
        else if (word == QLatin1String("null"))
            envelope.reversePath.clear();
    }
    for (const QString &address : std::as_const(recipients))
        envelope.recipients.append({address, {}, false, {}});
    return envelope;
}

QString stepName(SmtpClientSession::Step step)
{
    switch (step) {
    case SmtpClientSession::Step::Waiting: return QStringLiteral("Waiting");
    case SmtpClientSession::Step::StartTls: return QStringLiteral("StartTls");
    case SmtpClientSession::Step::Downgrade: return QStringLiteral("Downgrade");
    case SmtpClientSession::Step::SendBody: return QStringLiteral("SendBody");
    case SmtpClientSession::Step::Idle: return QStringLiteral("Idle");
    case SmtpClientSession::Step::Closing: return QStringLiteral("Closing");
    case SmtpClientSession::Step::Closed: return QStringLiteral("Closed");
    }
    return {};
}

// "D 250 2.0.0|T 451 4.3.0|P 0 5.3.4"
QString summary(const QList<RecipientResult> &results)
{
    QStringList parts;
    for (const RecipientResult &result : results) {
        const QChar kind = result.kind == RecipientResult::Kind::Delivered   ? QLatin1Char('D')
                           : result.kind == RecipientResult::Kind::Temporary ? QLatin1Char('T')
                                                                             : QLatin1Char('P');
        parts << QStringLiteral("%1 %2 %3").arg(kind).arg(result.code).arg(result.statusCode);
    }
    return parts.join(QLatin1Char('|'));
}

QByteArray unescape(const QString &text)
{
    return text.toUtf8().replace("\\r", "\r").replace("\\n", "\n");
}

// Replays `script` against `session`; returns "" or what went wrong (line number and why).
// The output is checked line by line against the C: lines; none may be left over at the end.
QString replay(SmtpClientSession &session, const QStringList &script, Feed feed)
{
    QByteArray sent;
    QByteArray chunk;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (feed == Feed::Bytes) {
            for (const char c : std::as_const(chunk))
                session.receive(QByteArrayView(&c, 1));
        } else {
            session.receive(chunk);
        }
        chunk.clear();
    };
    for (qsizetype n = 0; n < script.size(); ++n) {
        const QString &line = script[n];
        const QString rest = line.mid(3);
        if (line.startsWith(QLatin1String("S: "))) {
            chunk += unescape(rest) + "\r\n";
            if (feed != Feed::Chunks)
                flush();
            continue;
        }
        flush();
        sent += session.takeOutput();
        const QString where = QStringLiteral("line %1 (%2): ").arg(n + 1).arg(line);
        if (line.startsWith(QLatin1String("C: "))) {
            const QByteArray expected = rest.toUtf8() + "\r\n";
            const QByteArray actual = sent.left(qMax(expected.size(), sent.indexOf('\n') + 1));
            if (!sent.startsWith(expected))
                return where + QStringLiteral("sent \"%1\"").arg(QString::fromUtf8(actual.left(200)));
            sent.remove(0, expected.size());
        } else if (line.startsWith(QLatin1String("= "))) {
            if (stepName(session.step()) != line.mid(2))
                return where + QStringLiteral("step is %1").arg(stepName(session.step()));
        } else if (line.startsWith(QLatin1String("! "))) {
            const QString verb = line.mid(2).section(QLatin1Char(' '), 0, 0);
            const QString arg = line.mid(2).section(QLatin1Char(' '), 1);
            if (verb == QLatin1String("tls"))
                session.tlsStarted(arg == QLatin1String("ok"), arg.section(QLatin1Char(' '), 1));
            else if (verb == QLatin1String("downgrade"))
                session.downgradeReady(arg == QLatin1String("ok"), arg.section(QLatin1Char(' '), 1));
            else if (verb == QLatin1String("body")) {
                session.bodyBytes(unescape(arg));
                session.bodyDone();
            } else if (verb == QLatin1String("next"))
                session.startNext(envelopeFrom(arg));
            else if (verb == QLatin1String("quit"))
                session.quit();
            else if (verb == QLatin1String("lost"))
                session.connectionLost(arg);
            else if (verb == QLatin1String("timeout"))
                session.timedOut();
            else
                return where + QStringLiteral("unknown action");
        } else {
            return where + QStringLiteral("unknown line");
        }
    }
    flush();
    sent += session.takeOutput();
    if (!sent.isEmpty())
        return QStringLiteral("sent more: \"%1\"").arg(QString::fromUtf8(sent.left(200)));
    return {};
}

const QStringList ehloPlain{
    QStringLiteral("S: 220 mx.example.net ESMTP"),
    QStringLiteral("C: EHLO me.example"),
    QStringLiteral("S: 250-mx.example.net"),
    QStringLiteral("S: 250-SIZE 10000"),
    QStringLiteral("S: 250 8BITMIME"),
};

const QStringList ehloPipelining{
    QStringLiteral("S: 220 mx.example.net ESMTP"),
    QStringLiteral("C: EHLO me.example"),
    QStringLiteral("S: 250-mx.example.net"),
    QStringLiteral("S: 250-PIPELINING"),
    QStringLiteral("S: 250 8BITMIME"),
};

const QStringList deliverBoth{
    QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"),
    QStringLiteral("S: 250 2.1.0 ok"),
    QStringLiteral("C: RCPT TO:<bob@example.net>"),
    QStringLiteral("S: 250 2.1.5 ok"),
    QStringLiteral("C: RCPT TO:<carol@example.net>"),
    QStringLiteral("S: 250 2.1.5 ok"),
    QStringLiteral("C: DATA"),
    QStringLiteral("S: 354 go ahead"),
    QStringLiteral("= SendBody"),
    QStringLiteral("! body Subject: x\\r\\n\\r\\n.hi\\r\\n"),
    QStringLiteral("C: Subject: x"),
    QStringLiteral("C: "),
    QStringLiteral("C: ..hi"),
    QStringLiteral("C: ."),
    QStringLiteral("S: 250 2.0.0 queued as 1"),
    QStringLiteral("= Idle"),
};

}

void TestSmtpClientSession::transcript_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("envelope");
    QTest::addColumn<QStringList>("script");
    QTest::addColumn<QString>("results");
    QTest::addColumn<QString>("hostFailure");   // a part of it; "" = none

    const QString quit = QStringLiteral("C: QUIT");
    const QString bye = QStringLiteral("S: 221 bye");
    const QString closed = QStringLiteral("= Closed");
    const QStringList smartHostTls{
        QStringLiteral("S: 220 smart.example ESMTP"),
        QStringLiteral("C: EHLO me.example"),
        QStringLiteral("S: 250-smart.example"),
        QStringLiteral("S: 250 STARTTLS"),
        QStringLiteral("C: STARTTLS"),
        QStringLiteral("S: 220 2.0.0 ready"),
        QStringLiteral("! tls ok"),
        QStringLiteral("C: EHLO me.example"),
    };

    QTest::newRow("lock-step delivery")
        << "" << "" << ehloPlain + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000")} + deliverBoth.mid(1)
        + QStringList{QStringLiteral("! quit"), quit, QStringLiteral("= Closing"), bye, closed}
        << "D 250 2.0.0|D 250 2.0.0" << "";
    QTest::newRow("null sender, one recipient")
        << "tls=none" << "null rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220 mx ESMTP"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250 mx"),
                       QStringLiteral("C: MAIL FROM:<>"), QStringLiteral("S: 250 ok"), QStringLiteral("C: RCPT TO:<x@example.net>"),
                       QStringLiteral("S: 251 forwarded"), QStringLiteral("C: DATA"), QStringLiteral("S: 354 go"),
                       QStringLiteral("! body x"), QStringLiteral("C: x"), QStringLiteral("C: ."), QStringLiteral("S: 250 ok")}
        << "D 250 2.0.0" << "";
    QTest::newRow("multi-line greeting")
        << "" << "rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220-mx.example.net first"), QStringLiteral("S: 220 second"),
                       QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 421 4.3.2 shutting down"), quit}
        << "T 421 4.3.2" << "closing the connection";
    QTest::newRow("greeting 554")
        << "" << "" << QStringList{QStringLiteral("S: 554 5.7.1 go away"), quit, QStringLiteral("= Closing"), bye, closed}
        << "T 554 4.7.1|T 554 4.7.1" << "greeted with \"554 5.7.1 go away\"";
    QTest::newRow("greeting 421")
        << "" << "" << QStringList{QStringLiteral("S: 421 busy"), quit} << "T 421 4.0.0|T 421 4.0.0" << "busy";
    QTest::newRow("greeting 250 is wrong")
        << "" << "" << QStringList{QStringLiteral("S: 250 hi"), quit} << "T 250 4.0.0|T 250 4.0.0" << "greeted with";
    QTest::newRow("malformed greeting")
        << "" << "" << QStringList{QStringLiteral("S: hello there"), quit, QStringLiteral("= Closing")}
        << "T 0 4.4.0|T 0 4.4.0" << "protocol error";
    QTest::newRow("EHLO refused, HELO")
        << "" << "rcpts=x@example.net 8bit"
        << QStringList{QStringLiteral("S: 220 old.example"), QStringLiteral("C: EHLO me.example"),
                       QStringLiteral("S: 502 5.5.1 what"), QStringLiteral("C: HELO me.example"), QStringLiteral("S: 250 old.example"),
                       QStringLiteral("= Downgrade"), QStringLiteral("! downgrade ok"), QStringLiteral("C: MAIL FROM:<alice@example.org>"),
                       QStringLiteral("S: 250 ok"), QStringLiteral("C: RCPT TO:<x@example.net>"), QStringLiteral("S: 550 5.1.1 unknown"),
                       QStringLiteral("= Idle")}
        << "P 550 5.1.1" << "";
    QTest::newRow("EHLO 500, HELO refused")
        << "" << "" << QStringList{QStringLiteral("S: 220 x"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 500 no"),
                                   QStringLiteral("C: HELO me.example"), QStringLiteral("S: 501 no"), quit}
        << "T 501 4.0.0|T 501 4.0.0" << "refused HELO";
    QTest::newRow("EHLO 451")
        << "" << "" << QStringList{QStringLiteral("S: 220 x"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 451 later"), quit}
        << "T 451 4.0.0|T 451 4.0.0" << "refused EHLO";
    QTest::newRow("opportunistic STARTTLS")
        << "tls=opportunistic" << "rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220 mx"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250-mx"),
                       QStringLiteral("S: 250-PIPELINING"), QStringLiteral("S: 250 STARTTLS"), QStringLiteral("C: STARTTLS"),
                       QStringLiteral("S: 220 ready"), QStringLiteral("= StartTls"), QStringLiteral("! tls ok"),
                       QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250-mx"), QStringLiteral("S: 250 STARTTLS"),
                       // PIPELINING was only said in plaintext: forgotten, so lock-step.
                       QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("S: 250 ok"),
                       QStringLiteral("C: RCPT TO:<x@example.net>"), QStringLiteral("S: 450 4.2.0 greylisted"), QStringLiteral("= Idle")}
        << "T 450 4.2.0" << "";
    QTest::newRow("opportunistic, not offered")
        << "tls=opportunistic" << "rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220 mx"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250 mx"),
                       QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("S: 452 4.3.1 full"), QStringLiteral("= Idle")}
        << "T 452 4.3.1" << "";
    QTest::newRow("opportunistic, STARTTLS refused")
        << "tls=opportunistic" << "rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220 mx"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250-mx"),
                       QStringLiteral("S: 250 STARTTLS"), QStringLiteral("C: STARTTLS"), QStringLiteral("S: 454 4.7.0 no tls"),
                       QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("S: 550 5.7.1 relay denied"), QStringLiteral("= Idle")}
        << "P 550 5.7.1" << "";
    QTest::newRow("required, not offered")
        << "tls=required" << "" << QStringList{QStringLiteral("S: 220 mx"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250 mx"), quit}
        << "T 0 4.4.0|T 0 4.4.0" << "TLS required but mx does not offer STARTTLS";
    QTest::newRow("verify, STARTTLS refused")
        << "tls=verify" << "rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220 mx"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250-mx"),
                       QStringLiteral("S: 250 STARTTLS"), QStringLiteral("C: STARTTLS"), QStringLiteral("S: 454 4.7.0 no"), quit}
        << "T 454 4.7.0" << "TLS required but mx refused STARTTLS";
    QTest::newRow("verify, handshake fails")
        << "tls=verify" << "rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220 mx"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250-mx"),
                       QStringLiteral("S: 250 STARTTLS"), QStringLiteral("C: STARTTLS"), QStringLiteral("S: 220 go"),
                       QStringLiteral("! tls fail certificate name mismatch"), closed}
        << "T 0 4.7.5" << "certificate name mismatch";
    QTest::newRow("tls none ignores STARTTLS")
        << "tls=none" << "rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220 mx"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250-mx"),
                       QStringLiteral("S: 250 STARTTLS"), QStringLiteral("C: MAIL FROM:<alice@example.org>"),
                       QStringLiteral("S: 250 ok"), QStringLiteral("C: RCPT TO:<x@example.net>"), QStringLiteral("S: 250 ok"),
                       QStringLiteral("C: DATA"), QStringLiteral("S: 451 4.3.0 try later"), QStringLiteral("= Idle")}
        << "T 451 4.3.0" << "";
    QTest::newRow("implicit TLS never STARTTLS")
        << "tls=required implicit auth=u:pw" << "rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220 smart"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250-smart"),
                       QStringLiteral("S: 250-STARTTLS"), QStringLiteral("S: 250 AUTH LOGIN PLAIN"),
                       QStringLiteral("C: AUTH PLAIN AHUAcHc="), QStringLiteral("S: 235 2.7.0 ok"),
                       QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("S: 250 ok"),
                       QStringLiteral("C: RCPT TO:<x@example.net>")}
        << "" << "";
    QTest::newRow("AUTH PLAIN after STARTTLS")
        << "tls=required auth=user:secret" << "rcpts=x@example.net"
        << smartHostTls + QStringList{QStringLiteral("S: 250-smart.example"), QStringLiteral("S: 250-AUTH PLAIN LOGIN"),
                                      QStringLiteral("S: 250 SIZE 5000"), QStringLiteral("C: AUTH PLAIN AHVzZXIAc2VjcmV0"),
                                      QStringLiteral("S: 235 2.7.0 Authentication successful"),
                                      QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"), QStringLiteral("S: 250 ok"),
                                      QStringLiteral("C: RCPT TO:<x@example.net>"), QStringLiteral("S: 250 ok"), QStringLiteral("C: DATA"),
                                      QStringLiteral("S: 354 go"), QStringLiteral("! body a\\r\\n"), QStringLiteral("C: a"),
                                      QStringLiteral("C: ."), QStringLiteral("S: 250 ok"), QStringLiteral("! quit"), quit,
                                      QStringLiteral("! lost closed by peer"), closed}
        << "D 250 2.0.0" << "";
    QTest::newRow("AUTH LOGIN")
        << "tls=required auth=user:secret" << "rcpts=x@example.net"
        << smartHostTls + QStringList{QStringLiteral("S: 250-smart.example"), QStringLiteral("S: 250 AUTH LOGIN"),
                                      QStringLiteral("C: AUTH LOGIN"), QStringLiteral("S: 334 VXNlcm5hbWU6"), QStringLiteral("C: dXNlcg=="),
                                      QStringLiteral("S: 334 UGFzc3dvcmQ6"), QStringLiteral("C: c2VjcmV0"), QStringLiteral("S: 235 ok"),
                                      QStringLiteral("C: MAIL FROM:<alice@example.org>")}
        << "" << "";
    QTest::newRow("AUTH refused")
        << "tls=required auth=user:secret" << "rcpts=x@example.net"
        << smartHostTls + QStringList{QStringLiteral("S: 250-smart.example"), QStringLiteral("S: 250 AUTH PLAIN"),
                                      QStringLiteral("C: AUTH PLAIN AHVzZXIAc2VjcmV0"),
                                      QStringLiteral("S: 535 5.7.8 Authentication credentials invalid"), quit}
        << "T 535 4.7.8" << "the smart host refused the login as user: 535 5.7.8";
    QTest::newRow("AUTH not offered")
        << "tls=required auth=user:secret" << "rcpts=x@example.net"
        << smartHostTls + QStringList{QStringLiteral("S: 250 smart.example"), quit} << "T 0 4.4.0" << "does not offer AUTH";
    QTest::newRow("AUTH only unknown mechanisms")
        << "tls=required auth=user:secret" << "rcpts=x@example.net"
        << smartHostTls + QStringList{QStringLiteral("S: 250-smart.example"), QStringLiteral("S: 250 AUTH CRAM-MD5"), quit}
        << "T 0 4.4.0" << "only CRAM-MD5";
    QTest::newRow("AUTH never in plaintext")
        << "tls=opportunistic auth=user:secret" << "rcpts=x@example.net"
        << QStringList{QStringLiteral("S: 220 mx"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250-mx"),
                       QStringLiteral("S: 250 AUTH PLAIN"), quit}
        << "T 0 4.4.0" << "without TLS";
    QTest::newRow("SIZE too small: no MAIL")
        << "" << "size=20000" << ehloPlain + QStringList{QStringLiteral("= Idle"), QStringLiteral("! quit"), quit}
        << "P 0 5.3.4|P 0 5.3.4" << "";
    QTest::newRow("SMTPUTF8 missing: no MAIL")
        << "" << "utf8" << ehloPlain + QStringList{QStringLiteral("= Idle")} << "P 0 5.6.7|P 0 5.6.7" << "";
    QTest::newRow("downgrade refused")
        << "" << "8bit"
        << QStringList{QStringLiteral("S: 220 mx"), QStringLiteral("C: EHLO me.example"), QStringLiteral("S: 250 mx"),
                       QStringLiteral("= Downgrade"), QStringLiteral("! downgrade fail the header has 8-bit bytes"),
                       QStringLiteral("= Idle")}
        << "P 0 5.6.3|P 0 5.6.3" << "";
    QTest::newRow("8BITMIME offered")
        << "" << "8bit rcpts=x@example.net"
        << ehloPlain + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000 BODY=8BITMIME"),
                                   QStringLiteral("S: 550 5.7.1 no")}
        << "P 550 5.7.1" << "";
    QTest::newRow("pipelined delivery, one refused")
        << "" << "rcpts=a@x.example,b@x.example,c@x.example"
        << ehloPipelining + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("C: RCPT TO:<a@x.example>"),
                                        QStringLiteral("C: RCPT TO:<b@x.example>"), QStringLiteral("C: RCPT TO:<c@x.example>"),
                                        QStringLiteral("C: DATA"), QStringLiteral("S: 250 ok"), QStringLiteral("S: 250 ok"),
                                        QStringLiteral("S: 550 5.1.1 no such user"), QStringLiteral("S: 452 4.5.3 too many"),
                                        QStringLiteral("S: 354 go"), QStringLiteral("! body .\\r\\n"), QStringLiteral("C: .."),
                                        QStringLiteral("C: ."), QStringLiteral("S: 250 2.0.0 ok"), QStringLiteral("= Idle")}
        << "D 250 2.0.0|P 550 5.1.1|T 452 4.5.3" << "";
    QTest::newRow("pipelined, no recipient accepted")
        << "" << ""
        << ehloPipelining + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("C: RCPT TO:<bob@example.net>"),
                                        QStringLiteral("C: RCPT TO:<carol@example.net>"), QStringLiteral("C: DATA"),
                                        QStringLiteral("S: 250 ok"), QStringLiteral("S: 550 5.1.1 no"), QStringLiteral("S: 551 5.1.6 moved"),
                                        QStringLiteral("S: 554 5.5.1 no valid recipients"), QStringLiteral("= Idle"),
                                        // The transaction is still open at the server: RSET first.
                                        QStringLiteral("! next rcpts=d@x.example"), QStringLiteral("C: RSET"), QStringLiteral("S: 250 ok"),
                                        QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("C: RCPT TO:<d@x.example>"),
                                        QStringLiteral("C: DATA"), QStringLiteral("S: 250 ok"), QStringLiteral("S: 250 ok"),
                                        QStringLiteral("S: 354 go"), QStringLiteral("! body d"), QStringLiteral("C: d"), QStringLiteral("C: ."),
                                        QStringLiteral("S: 250 ok"), QStringLiteral("= Idle")}
        << "D 250 2.0.0" << "";
    QTest::newRow("pipelined, MAIL refused")
        << "" << ""
        << ehloPipelining + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("C: RCPT TO:<bob@example.net>"),
                                        QStringLiteral("C: RCPT TO:<carol@example.net>"), QStringLiteral("C: DATA"),
                                        QStringLiteral("S: 553 5.1.8 bad sender"), QStringLiteral("S: 503 5.5.1 need MAIL"),
                                        QStringLiteral("S: 503 5.5.1 need MAIL"), QStringLiteral("= Waiting"),
                                        QStringLiteral("S: 503 5.5.1 need MAIL"), QStringLiteral("= Idle")}
        << "P 553 5.1.8|P 553 5.1.8" << "";
    QTest::newRow("pipelined, DATA 354 without recipients")
        << "" << "rcpts=x@example.net"
        << ehloPipelining + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("C: RCPT TO:<x@example.net>"),
                                        QStringLiteral("C: DATA"), QStringLiteral("S: 250 ok"), QStringLiteral("S: 550 no"),
                                        QStringLiteral("S: 354 go"), QStringLiteral("C: ."), QStringLiteral("S: 250 empty"),
                                        QStringLiteral("= Idle"), QStringLiteral("! next rcpts=y@example.net"),
                                        QStringLiteral("C: MAIL FROM:<alice@example.org>"), QStringLiteral("C: RCPT TO:<y@example.net>"),
                                        QStringLiteral("C: DATA")}
        << "" << "";
    QTest::newRow("lock-step, MAIL 451")
        << "" << "" << ehloPlain + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"),
                                             QStringLiteral("S: 451 4.3.0 local error"), QStringLiteral("= Idle")}
        << "T 451 4.3.0|T 451 4.3.0" << "";
    QTest::newRow("lock-step, no recipient accepted")
        << "" << "" << ehloPlain + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"),
                                             QStringLiteral("S: 250 ok"), QStringLiteral("C: RCPT TO:<bob@example.net>"),
                                             QStringLiteral("S: 550 no"), QStringLiteral("C: RCPT TO:<carol@example.net>"),
                                             QStringLiteral("S: 450 busy"), QStringLiteral("= Idle")}
        << "P 550 5.0.0|T 450 4.0.0" << "";
    QTest::newRow("end of data refused")
        << "" << "" << ehloPlain + deliverBoth.mid(0, 14) + QStringList{QStringLiteral("S: 554 5.6.0 content rejected"),
                                                                      QStringLiteral("= Idle")}
        << "P 554 5.6.0|P 554 5.6.0" << "";
    QTest::newRow("end of data deferred, then next without RSET")
        << "" << "" << ehloPlain + deliverBoth.mid(0, 14) + QStringList{QStringLiteral("S: 452 4.3.1 disk full"),
                                                                      QStringLiteral("! next rcpts=z@example.net"),
                                                                      QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"),
                                                                      QStringLiteral("S: 250 ok"),
                                                                      QStringLiteral("C: RCPT TO:<z@example.net>")}
        << "" << "";
    QTest::newRow("two messages, one connection")
        << "" << "" << ehloPlain + deliverBoth + QStringList{QStringLiteral("! next"), QStringLiteral("= Waiting")} + deliverBoth
        << "D 250 2.0.0|D 250 2.0.0" << "";
    QTest::newRow("421 after RCPT")
        << "" << "" << ehloPlain + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"),
                                             QStringLiteral("S: 250 ok"), QStringLiteral("C: RCPT TO:<bob@example.net>"),
                                             QStringLiteral("S: 550 5.1.1 no"), QStringLiteral("C: RCPT TO:<carol@example.net>"),
                                             QStringLiteral("S: 421 4.4.2 timeout"), quit, QStringLiteral("= Closing"),
                                             QStringLiteral("! lost"), closed}
        << "P 550 5.1.1|T 421 4.4.2" << "";
    QTest::newRow("421 while idle")
        << "" << "" << ehloPlain + deliverBoth + QStringList{QStringLiteral("S: 421 idle too long"), quit}
        << "D 250 2.0.0|D 250 2.0.0" << "";
    QTest::newRow("lost after RCPT")
        << "" << "" << ehloPlain + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"),
                                             QStringLiteral("S: 250 ok"), QStringLiteral("C: RCPT TO:<bob@example.net>"),
                                             QStringLiteral("S: 250 ok"), QStringLiteral("C: RCPT TO:<carol@example.net>"),
                                             QStringLiteral("! lost reset by peer"), closed}
        << "T 0 4.4.2|T 0 4.4.2" << "";
    QTest::newRow("lost before MAIL answered")
        << "" << "" << ehloPlain + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"), QStringLiteral("! lost")}
        << "T 0 4.4.2|T 0 4.4.2" << "connection lost after MAIL";
    QTest::newRow("timeout waiting for the greeting")
        << "" << "" << QStringList{QStringLiteral("! timeout"), closed} << "T 0 4.4.7|T 0 4.4.7" << "timed out before the greeting";
    QTest::newRow("timeout after the end of data")
        << "" << "" << ehloPlain + deliverBoth.mid(0, 14) + QStringList{QStringLiteral("! timeout"), closed}
        << "T 0 4.4.7|T 0 4.4.7" << "";
    QTest::newRow("malformed reply after RCPT")
        << "" << "" << ehloPlain + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"),
                                             QStringLiteral("S: 250 ok"), QStringLiteral("C: RCPT TO:<bob@example.net>"),
                                             QStringLiteral("S: 250 ok"), QStringLiteral("C: RCPT TO:<carol@example.net>"),
                                             QStringLiteral("S: OK fine"), quit, QStringLiteral("S: 221 bye"), closed}
        << "T 0 4.4.0|T 0 4.4.0" << "protocol error with mx.example.net after RCPT: malformed reply line";
    QTest::newRow("reply out of turn while idle")
        << "" << "" << ehloPlain + deliverBoth + QStringList{QStringLiteral("S: 250 surprise"), quit}
        << "D 250 2.0.0|D 250 2.0.0" << "";
    QTest::newRow("RSET refused")
        << "" << "rcpts=x@example.net"
        << ehloPlain + QStringList{QStringLiteral("C: MAIL FROM:<alice@example.org> SIZE=1000"), QStringLiteral("S: 250 ok"),
                                   QStringLiteral("C: RCPT TO:<x@example.net>"), QStringLiteral("S: 550 no"),
                                   QStringLiteral("! next rcpts=y@example.net"), QStringLiteral("C: RSET"),
                                   QStringLiteral("S: 500 what"), quit}
        << "T 500 4.0.0" << "refused RSET";
    QTest::newRow("quit while idle, close instead of 221")
        << "" << "size=99999" << ehloPlain + QStringList{QStringLiteral("! quit"), quit, QStringLiteral("! lost"), closed}
        << "P 0 5.3.4|P 0 5.3.4" << "";
}

void TestSmtpClientSession::transcript()
{
    QFETCH(QString, options);
    QFETCH(QString, envelope);
    QFETCH(QStringList, script);
    QFETCH(QString, results);
    QFETCH(QString, hostFailure);
    const QList<std::pair<Feed, const char *>> feeds{{Feed::Lines, "lines"}, {Feed::Bytes, "bytes"}, {Feed::Chunks, "chunks"}};
    for (const auto &[feed, name] : feeds) {
        SmtpClientSession session(optionsFrom(options), envelopeFrom(envelope));
        const QString problem = replay(session, script, feed);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name), problem)));
        QCOMPARE(summary(session.results()), results);
        if (hostFailure.isEmpty())
            QVERIFY2(session.hostFailure().isEmpty(), qPrintable(session.hostFailure()));
        else
            QVERIFY2(session.hostFailure().contains(hostFailure), qPrintable(session.hostFailure()));
    }
}

void TestSmtpClientSession::envelopeParameters_data()
{
    QTest::addColumn<QString>("extensions");
    QTest::addColumn<QString>("mail");
    QTest::addColumn<QString>("rcpt");
    QTest::newRow("DSN offered")
        << "DSN,SIZE 0,8BITMIME,SMTPUTF8"
        << "MAIL FROM:<alice@example.org> SIZE=2000 BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=q+2B1+3D2+20x"
        << "RCPT TO:<bob@example.net> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;bob+2Btag@example.net";
    QTest::newRow("no DSN") << "8BITMIME,SMTPUTF8" << "MAIL FROM:<alice@example.org> BODY=8BITMIME SMTPUTF8"
                            << "RCPT TO:<bob@example.net>";
}

void TestSmtpClientSession::envelopeParameters()
{
    QFETCH(QString, extensions);
    QFETCH(QString, mail);
    QFETCH(QString, rcpt);
    OutboundEnvelope envelope;
    envelope.reversePath = QStringLiteral("alice@example.org");
    envelope.size = 2000;
    envelope.eightBit = true;
    envelope.smtpUtf8 = true;
    envelope.envelopeId = QStringLiteral("q+1=2 x");
    envelope.ret = DsnReturn::Headers;
    envelope.recipients.append({QStringLiteral("bob@example.net"), {true, false, true}, true,
                                QStringLiteral("rfc822;bob+tag@example.net")});
    envelope.recipients.append({QStringLiteral("carol@example.net"), DsnNotify::never(), true, {}});
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelope);
    session.receive("220 mx\r\n");
    QCOMPARE(session.takeOutput(), QByteArray("EHLO me.example\r\n"));
    QByteArray reply = "250-mx\r\n";
    for (const QString &line : extensions.split(QLatin1Char(',')))
        reply += "250-" + line.toUtf8() + "\r\n";
    session.receive(reply + "250 PIPELINING\r\n");
    const QList<QByteArray> lines = session.takeOutput().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], mail.toUtf8() + '\r');
    QCOMPARE(lines[1], rcpt.toUtf8() + '\r');
    const bool dsn = extensions.contains(QLatin1String("DSN"));
    QCOMPARE(lines[2], dsn ? QByteArray("RCPT TO:<carol@example.net> NOTIFY=NEVER\r") : QByteArray("RCPT TO:<carol@example.net>\r"));
    QCOMPARE(lines[3], QByteArray("DATA\r"));
    QCOMPARE(session.peerExtensions().contains(QStringLiteral("DSN")), dsn);
}

void TestSmtpClientSession::replyTextAndCodes()
{
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelopeFrom(QStringLiteral("rcpts=x@example.net")));
    session.receive("220 mx\r\n250 mx\r\n");
    session.receive("250 ok\r\n550-5.1.1 <x@example.net>: no such user\r\n550 5.1.1 see https://example.net/" + QByteArray(1200, 'q')
                    + "\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::Idle);
    QCOMPARE(session.results().size(), 1);
    const RecipientResult &result = session.results().first();
    QCOMPARE(result.kind, RecipientResult::Kind::Permanent);
    QCOMPARE(result.code, 550);
    QCOMPARE(result.statusCode, QStringLiteral("5.1.1"));
    QVERIFY(result.reply.startsWith(QStringLiteral("550-5.1.1 <x@example.net>: no such user 550 5.1.1 see https://")));
    QCOMPARE(result.reply.size(), 1000);
    QVERIFY(session.takeOutput().endsWith("RCPT TO:<x@example.net>\r\n"));
}

void TestSmtpClientSession::passwordNeverInTexts()
{
    const QString password = QStringLiteral("hunter2-very-secret");
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=required implicit auth=user:") + password),
                              envelopeFrom(QStringLiteral("rcpts=x@example.net")));
    session.receive("220 smart\r\n250-smart\r\n250 AUTH LOGIN\r\n334 VXNlcm5hbWU6\r\n334 UGFzc3dvcmQ6\r\n");
    QVERIFY(session.takeOutput().contains(password.toUtf8().toBase64()));
    session.receive("535 5.7.8 bad credentials\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::Closing);
    QVERIFY(!session.hostFailure().isEmpty());
    QVERIFY(!session.hostFailure().contains(password));
    QVERIFY(!session.hostFailure().contains(QString::fromLatin1(password.toUtf8().toBase64())));
    for (const RecipientResult &result : session.results()) {
        QCOMPARE(result.kind, RecipientResult::Kind::Temporary);
        QVERIFY(!result.reply.contains(password));
    }
}

void TestSmtpClientSession::bytesBeforeTlsHandshakeAreDropped()
{
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=required")), envelopeFrom(QStringLiteral("rcpts=x@example.net")));
    session.receive("220 mx\r\n250-mx\r\n250 STARTTLS\r\n");
    QCOMPARE(session.takeOutput(), QByteArray("EHLO me.example\r\nSTARTTLS\r\n"));
    // A man in the middle appends a plaintext EHLO reply to the 220; it must not count.
    session.receive("220 go ahead\r\n250-mx\r\n250 PIPELINING\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::StartTls);
    QVERIFY(!session.usedTls());
    session.receive("250 more\r\n");
    session.tlsStarted(true, {});
    QVERIFY(session.usedTls());
    QVERIFY(session.peerExtensions().isEmpty());
    QCOMPARE(session.takeOutput(), QByteArray("EHLO me.example\r\n"));
    QCOMPARE(session.step(), SmtpClientSession::Step::Waiting);
    session.receive("250-mx\r\n250 SIZE 10\r\n");
    QCOMPARE(session.peerExtensions(), QStringList{QStringLiteral("SIZE")});
    QCOMPARE(session.step(), SmtpClientSession::Step::Idle);
    QCOMPARE(session.results().first().statusCode, QStringLiteral("5.3.4"));
}

void TestSmtpClientSession::hostileEndlessReplyIsBounded()
{
    SmtpClientSession session(optionsFrom({}), envelopeFrom({}));
    session.receive("220 mx\r\n");
    (void)session.takeOutput();
    int fed = 0;
    while (session.step() == SmtpClientSession::Step::Waiting && fed < 100000) {
        session.receive("250-X-ENDLESS continuation line\r\n");
        ++fed;
    }
    QVERIFY(fed <= 101);
    QCOMPARE(session.step(), SmtpClientSession::Step::Closing);
    QVERIFY(session.hostFailure().contains(QStringLiteral("protocol error")));
    QCOMPARE(session.takeOutput(), QByteArray("QUIT\r\n"));
    session.receive("250-more\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::Closed);
}

void TestSmtpClientSession::timeouts()
{
    constexpr int minute = 60 * 1000;
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=opportunistic")), envelopeFrom(QStringLiteral("8bit")));
    QCOMPARE(session.timeoutMs(), 5 * minute);   // greeting
    session.receive("220 mx\r\n");
    QCOMPARE(session.timeoutMs(), 5 * minute);   // EHLO
    session.receive("250-mx\r\n250 STARTTLS\r\n");
    QCOMPARE(session.timeoutMs(), 5 * minute);   // STARTTLS
    session.receive("220 go\r\n");
    QCOMPARE(session.timeoutMs(), 0);            // the driver's handshake
    session.tlsStarted(true, {});
    session.receive("250 mx\r\n");
    QCOMPARE(session.step(), SmtpClientSession::Step::Downgrade);
    QCOMPARE(session.timeoutMs(), 0);
    session.downgradeReady(true);
    QCOMPARE(session.timeoutMs(), 5 * minute);   // MAIL
    session.receive("250 ok\r\n");
    QCOMPARE(session.timeoutMs(), 5 * minute);   // RCPT
    session.receive("250 ok\r\n250 ok\r\n");
    QCOMPARE(session.timeoutMs(), 2 * minute);   // DATA
    session.receive("354 go\r\n");
    QCOMPARE(session.timeoutMs(), 3 * minute);   // a data block
    session.bodyDone();
    QCOMPARE(session.timeoutMs(), 10 * minute);  // end of data
    session.setTimeoutScale(0.01);
    QCOMPARE(session.timeoutMs(), 6000);
    session.receive("250 ok\r\n");
    QCOMPARE(session.timeoutMs(), 0);            // idle
    QCOMPARE(summary(session.results()), QStringLiteral("D 250 2.0.0|D 250 2.0.0"));
    QVERIFY(session.takeOutput().contains("MAIL FROM:<alice@example.org>\r\n"));
    session.quit();
    QCOMPARE(session.timeoutMs(), 600);          // QUIT, scaled
    session.timedOut();
    QCOMPARE(session.step(), SmtpClientSession::Step::Closed);
    QCOMPARE(session.timeoutMs(), 0);
    QCOMPARE(summary(session.results()), QStringLiteral("D 250 2.0.0|D 250 2.0.0"));
}

void TestSmtpClientSession::peerFacts()
{
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelopeFrom({}));
    QVERIFY(session.peerName().isEmpty());
    session.receive("220 mx1.example.net ESMTP Postfix\r\n250-mx1.example.net\r\n250-size 1000000\r\n250-DSN\r\n250 ENHANCEDSTATUSCODES\r\n");
    QCOMPARE(session.peerName(), QStringLiteral("mx1.example.net"));
    QCOMPARE(session.peerExtensions(), (QStringList{QStringLiteral("SIZE"), QStringLiteral("DSN"), QStringLiteral("ENHANCEDSTATUSCODES")}));
    QVERIFY(!session.usedTls());
    SmtpClientSession implicit(optionsFrom(QStringLiteral("implicit")), envelopeFrom({}));
    QVERIFY(implicit.usedTls());
}

void TestSmtpClientSession::resultsEmptyUntilDecided()
{
    SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelopeFrom({}));
    session.receive("220 mx\r\n250 mx\r\n250 ok\r\n250 ok\r\n");
    QVERIFY(session.results().isEmpty());
    session.receive("250 ok\r\n354 go\r\n");
    QVERIFY(session.results().isEmpty());
    session.bodyBytes("x");
    session.bodyDone();
    session.receive("250 ok\r\n");
    QCOMPARE(session.results().size(), 2);
    session.startNext(envelopeFrom(QStringLiteral("rcpts=z@example.net")));
    QVERIFY(session.results().isEmpty());
    session.connectionLost(QStringLiteral("peer closed"));
    QCOMPARE(session.results().size(), 1);
    QCOMPARE(session.results().first().reply, QStringLiteral("connection lost after MAIL: peer closed"));
    QVERIFY(!session.hostFailure().isEmpty());
}

void TestSmtpClientSession::bodyInAnyChunks()
{
    const QByteArray raw = "Subject: dots\r\n\r\n.\r\n..x\r\nend.";
    const QByteArray stuffed = "Subject: dots\r\n\r\n..\r\n...x\r\nend.\r\n.\r\n";
    for (qsizetype size = 1; size <= raw.size(); ++size) {
        SmtpClientSession session(optionsFrom(QStringLiteral("tls=none")), envelopeFrom(QStringLiteral("rcpts=x@example.net")));
        session.receive("220 mx\r\n250 mx\r\n250 ok\r\n250 ok\r\n354 go\r\n");
        QCOMPARE(session.step(), SmtpClientSession::Step::SendBody);
        (void)session.takeOutput();
        for (qsizetype at = 0; at < raw.size(); at += size)
            session.bodyBytes(QByteArrayView(raw).sliced(at, qMin(size, raw.size() - at)));
        session.bodyDone();
        QCOMPARE(session.takeOutput(), stuffed);
        QCOMPARE(session.step(), SmtpClientSession::Step::Waiting);
    }
}

QTEST_GUILESS_MAIN(TestSmtpClientSession)
#include "tst_smtpclientsession.moc"
