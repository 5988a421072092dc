// SmtpReplyParser and SmtpReply: multi-line replies in any chunking, the enhanced status code,
// the joined text, and the bounds a hostile peer runs into (long lines, endless continuations).

#include "smtpreplyparser.h"

#include <QtTest>

class TestSmtpReplyParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replies_data();
    void replies();
    void errors_data();
    void errors();
    void endlessContinuationIsBounded();
    void endlessLineIsBounded();
    void clearDropsBufferedBytes();
    void statusCode_data();
    void statusCode();
    void textIsCapped();
};

namespace {

// Every reply as "code|line|line", in order; "ERROR" when the parser failed.
QStringList parseAll(const QList<QByteArrayView> &pieces)
{
    SmtpReplyParser parser;
    QStringList out;
    for (QByteArrayView piece : pieces) {
        parser.feed(piece);
        while (true) {
            SmtpReply reply;
            const SmtpReplyParser::Status status = parser.next(reply);
            if (status == SmtpReplyParser::Status::NeedMore)
                break;
            if (status == SmtpReplyParser::Status::Error)
                return out << QStringLiteral("ERROR");
            QStringList parts{QString::number(reply.code())};
            for (const QByteArray &line : reply.lines())
                parts << QString::fromUtf8(line);
            out << parts.join(QLatin1Char('|'));
        }
    }
    return out;
}

QList<QByteArrayView> bytewise(const QByteArray &bytes)
{
    QList<QByteArrayView> out;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        out.append(QByteArrayView(bytes).sliced(i, 1));
    return out;
}

}

void TestSmtpReplyParser::replies_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("one line") << QByteArray("220 mx.example.org ESMTP\r\n")
                              << QStringList{QStringLiteral("220|220 mx.example.org ESMTP")};
    QTest::newRow("multi-line") << QByteArray("250-mx.example.org\r\n250-SIZE 1000\r\n250 PIPELINING\r\n")
                                << QStringList{QStringLiteral("250|250-mx.example.org|250-SIZE 1000|250 PIPELINING")};
    QTest::newRow("code only") << QByteArray("250\r\n") << QStringList{QStringLiteral("250|250")};
    QTest::newRow("bare LF") << QByteArray("250 ok\n354 go\n")
                             << QStringList{QStringLiteral("250|250 ok"), QStringLiteral("354|354 go")};
    QTest::newRow("pipelined replies") << QByteArray("250 2.1.0 ok\r\n550 5.1.1 no\r\n354 go\r\n")
                                       << QStringList{QStringLiteral("250|250 2.1.0 ok"), QStringLiteral("550|550 5.1.1 no"),
                                                      QStringLiteral("354|354 go")};
    QTest::newRow("partial stays") << QByteArray("250 ok\r\n251") << QStringList{QStringLiteral("250|250 ok")};
}

void TestSmtpReplyParser::replies()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QCOMPARE(parseAll({input}), expected);
    QCOMPARE(parseAll(bytewise(input)), expected);
    for (qsizetype cut = 0; cut <= input.size(); ++cut)
        QCOMPARE(parseAll({QByteArrayView(input).first(cut), QByteArrayView(input).sliced(cut)}), expected);
}

void TestSmtpReplyParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");
    QTest::newRow("not a code") << QByteArray("hello\r\n") << QStringLiteral("malformed reply line \"hello\"");
    QTest::newRow("two digits") << QByteArray("25 ok\r\n") << QStringLiteral("malformed reply line \"25 ok\"");
    QTest::newRow("no separator") << QByteArray("250ok\r\n") << QStringLiteral("malformed reply line \"250ok\"");
    QTest::newRow("6xx") << QByteArray("650 ok\r\n") << QStringLiteral("malformed reply line \"650 ok\"");
    QTest::newRow("empty line") << QByteArray("\r\n") << QStringLiteral("malformed reply line \"\"");
    QTest::newRow("code changes") << QByteArray("250-a\r\n251 b\r\n")
                                  << QStringLiteral("reply code changed from 250 to 251 within one reply");
}

void TestSmtpReplyParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    SmtpReplyParser parser;
    parser.feed(input);
    SmtpReply reply;
    QCOMPARE(parser.next(reply), SmtpReplyParser::Status::Error);
    QCOMPARE(parser.error(), error);
    // It stays failed, whatever comes next.
    parser.feed("250 ok\r\n");
    QCOMPARE(parser.next(reply), SmtpReplyParser::Status::Error);
    QVERIFY(!parser.hasPendingBytes());
}

void TestSmtpReplyParser::endlessContinuationIsBounded()
{
    SmtpReplyParser parser;
    SmtpReply reply;
    SmtpReplyParser::Status status = SmtpReplyParser::Status::NeedMore;
    int fed = 0;
    for (; fed < 10000 && status == SmtpReplyParser::Status::NeedMore; ++fed) {
        parser.feed("250-again and again and again\r\n");
        status = parser.next(reply);
    }
    QCOMPARE(status, SmtpReplyParser::Status::Error);
    QCOMPARE(fed, SmtpReplyParser::MaxLines + 1);
    QCOMPARE(parser.error(), QStringLiteral("reply longer than 100 lines"));
}

void TestSmtpReplyParser::endlessLineIsBounded()
{
    SmtpReplyParser parser;
    SmtpReply reply;
    SmtpReplyParser::Status status = SmtpReplyParser::Status::NeedMore;
    int fed = 0;
    for (; fed < 10000 && status == SmtpReplyParser::Status::NeedMore; ++fed) {
        parser.feed(fed == 0 ? QByteArray("250 ") : QByteArray(100, 'x'));
        status = parser.next(reply);
    }
    QCOMPARE(status, SmtpReplyParser::Status::Error);
    QVERIFY(fed <= SmtpReplyParser::MaxLineLength / 100 + 2);
    QCOMPARE(parser.error(), QStringLiteral("reply line longer than 2048 octets"));
    // A long line that arrives whole is refused too.
    SmtpReplyParser whole;
    whole.feed("250 " + QByteArray(3000, 'y') + "\r\n");
    QCOMPARE(whole.next(reply), SmtpReplyParser::Status::Error);
}

void TestSmtpReplyParser::clearDropsBufferedBytes()
{
    SmtpReplyParser parser;
    parser.feed("220 go ahead\r\n250-injected\r\n250 ");
    SmtpReply reply;
    QCOMPARE(parser.next(reply), SmtpReplyParser::Status::Reply);
    QVERIFY(parser.hasPendingBytes());
    parser.clear();
    QVERIFY(!parser.hasPendingBytes());
    parser.feed("250 fresh\r\n");
    QCOMPARE(parser.next(reply), SmtpReplyParser::Status::Reply);
    QCOMPARE(reply.lines(), QList<QByteArray>{"250 fresh"});
}

void TestSmtpReplyParser::statusCode_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("status");
    QTest::newRow("given") << QByteArray("550 5.1.1 <x>: User unknown") << QStringLiteral("5.1.1");
    QTest::newRow("three digits") << QByteArray("452 4.5.302 too many") << QStringLiteral("4.5.302");
    QTest::newRow("absent 2xx") << QByteArray("250 ok") << QStringLiteral("2.0.0");
    QTest::newRow("absent 4xx") << QByteArray("451 later") << QStringLiteral("4.0.0");
    QTest::newRow("absent 5xx") << QByteArray("554") << QStringLiteral("5.0.0");
    QTest::newRow("class mismatch") << QByteArray("550 4.1.1 odd") << QStringLiteral("5.0.0");
    QTest::newRow("not a code") << QByteArray("550 5.1 short") << QStringLiteral("5.0.0");
    QTest::newRow("glued") << QByteArray("550 5.1.1x") << QStringLiteral("5.0.0");
    QTest::newRow("354 has none") << QByteArray("354 go") << QString();
}

void TestSmtpReplyParser::statusCode()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, status);
    QCOMPARE(SmtpReply(line.left(3).toInt(), {line}).statusCode(), status);
}

void TestSmtpReplyParser::textIsCapped()
{
    const SmtpReply reply(550, {"550-5.1.1 first", "550 5.1.1 second\x01"});
    QCOMPARE(reply.text(), QStringLiteral("550-5.1.1 first 550 5.1.1 second?"));
    QCOMPARE(reply.texts(), (QList<QByteArray>{"5.1.1 first", "5.1.1 second\x01"}));
    QList<QByteArray> many;
    for (int i = 0; i < 50; ++i)
        many.append("550-" + QByteArray(100, 'z'));
    QCOMPARE(SmtpReply(550, many).text().size(), SmtpReply::MaxTextLength);
}

QTEST_GUILESS_MAIN(TestSmtpReplyParser)
#include "tst_smtpreplyparser.moc"
