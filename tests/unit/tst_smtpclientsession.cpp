// SmtpClientSession from transcripts (smtpclienttranscript.h): the whole conversation with
// every kind of peer. Every row runs with the peer's lines fed one at a time, one byte at a time,
// and with consecutive lines in one chunk; the results must match in all three.

#include "smtpclienttranscript.h"

#include <QtTest>

class TestSmtpClientSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transcript_data();
    void transcript();
};

using namespace ClientTranscript;

namespace {

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

QTEST_GUILESS_MAIN(TestSmtpClientSession)
#include "tst_smtpclientsession.moc"
