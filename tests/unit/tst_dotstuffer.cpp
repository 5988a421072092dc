// DotStuffer: a '.' at the start of a line is doubled (RFC 5321 §4.5.2), the data ends with
// CRLF "." CRLF (a CRLF added when missing), bare CR and LF become CRLF. Every row runs whole,
// split in two at every point, and one byte at a time; the output must be identical.

#include "dotstuffer.h"

#include <QtTest>

class TestDotStuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stuff_data();
    void stuff();
    void reusableAfterFinish();
};

namespace {

QByteArray run(const QList<QByteArrayView> &pieces)
{
    DotStuffer stuffer;
    QByteArray out;
    for (QByteArrayView piece : pieces)
        stuffer.stuff(piece, out);
    stuffer.finish(out);
    return out;
}

}

void TestDotStuffer::stuff_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("empty message") << QByteArray() << QByteArray(".\r\n");
    QTest::newRow("one line") << QByteArray("Hi\r\n") << QByteArray("Hi\r\n.\r\n");
    QTest::newRow("no final CRLF") << QByteArray("Hi") << QByteArray("Hi\r\n.\r\n");
    QTest::newRow("dot first") << QByteArray(".x\r\n") << QByteArray("..x\r\n.\r\n");
    QTest::newRow("lone dot line") << QByteArray("a\r\n.\r\nb\r\n") << QByteArray("a\r\n..\r\nb\r\n.\r\n");
    QTest::newRow("dot mid line") << QByteArray("a.b\r\n") << QByteArray("a.b\r\n.\r\n");
    QTest::newRow("two dots") << QByteArray("..\r\n") << QByteArray("...\r\n.\r\n");
    QTest::newRow("dot last without CRLF") << QByteArray("a\r\n.") << QByteArray("a\r\n..\r\n.\r\n");
    QTest::newRow("bare LF") << QByteArray("a\n.b\n") << QByteArray("a\r\n..b\r\n.\r\n");
    QTest::newRow("bare CR") << QByteArray("a\r.b") << QByteArray("a\r\n..b\r\n.\r\n");
    QTest::newRow("ends with CR") << QByteArray("a\r") << QByteArray("a\r\n.\r\n");
    QTest::newRow("CR CR LF") << QByteArray("a\r\r\n") << QByteArray("a\r\n\r\n.\r\n");
    QTest::newRow("8-bit kept") << QByteArray("\xc3\xa4\r\n") << QByteArray("\xc3\xa4\r\n.\r\n");
    QTest::newRow("smuggling attempt") << QByteArray("a\n.\r\nMAIL FROM:<x>\r\n")
                                       << QByteArray("a\r\n..\r\nMAIL FROM:<x>\r\n.\r\n");
}

void TestDotStuffer::stuff()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, sent);
    QCOMPARE(run({raw}), sent);
    for (qsizetype cut = 0; cut <= raw.size(); ++cut)
        QCOMPARE(run({QByteArrayView(raw).first(cut), QByteArrayView(raw).sliced(cut)}), sent);
    QList<QByteArrayView> bytes;
    for (qsizetype i = 0; i < raw.size(); ++i)
        bytes.append(QByteArrayView(raw).sliced(i, 1));
    QCOMPARE(run(bytes), sent);
}

void TestDotStuffer::reusableAfterFinish()
{
    DotStuffer stuffer;
    QByteArray out;
    stuffer.stuff("a", out);
    stuffer.finish(out);
    stuffer.stuff(".b\r\n", out);
    stuffer.finish(out);
    QCOMPARE(out, QByteArray("a\r\n.\r\n..b\r\n.\r\n"));
}

QTEST_GUILESS_MAIN(TestDotStuffer)
#include "tst_dotstuffer.moc"
