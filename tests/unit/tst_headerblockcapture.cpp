// HeaderBlockCapture: the header block of a streamed message, whatever the chunking.
#include "headerblockcapture.h"

#include <QtTest>

class TestHeaderBlockCapture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void capture_data();
    void capture();
    void limit();
};

void TestHeaderBlockCapture::capture_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("block");
    QTest::newRow("crlf") << QByteArray("From: a@b.example\r\nSubject: x\r\n\r\nbody\r\n\r\nmore\r\n")
                          << QByteArray("From: a@b.example\r\nSubject: x\r\n");
    QTest::newRow("bare lf") << QByteArray("From: a@b.example\nSubject: x\n\nbody\n") << QByteArray("From: a@b.example\nSubject: x\n");
    QTest::newRow("no body") << QByteArray("From: a@b.example\r\n") << QByteArray("From: a@b.example\r\n");
    QTest::newRow("no header") << QByteArray("\r\nFrom: in the body\r\n") << QByteArray();
    QTest::newRow("folded") << QByteArray("From: A\r\n <a@b.example>\r\n\r\nbody") << QByteArray("From: A\r\n <a@b.example>\r\n");
}

void TestHeaderBlockCapture::capture()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, block);
    for (qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(7), message.size()}) {
        HeaderBlockCapture capture;
        for (qsizetype i = 0; i < message.size(); i += chunk)
            capture.feed(QByteArrayView(message).sliced(i, qMin(chunk, message.size() - i)));
        QCOMPARE(capture.block(), block);
    }
}

void TestHeaderBlockCapture::limit()
{
    HeaderBlockCapture capture(16);
    capture.feed(QByteArray("X-Long: ") + QByteArray(100, 'a') + "\r\n\r\nbody");
    QVERIFY(capture.isComplete());
    QCOMPARE(capture.block().size(), 16);
    capture.clear();
    QVERIFY(!capture.isComplete());
    capture.feed("A: b\r\n\r\n");
    QCOMPARE(capture.block(), QByteArray("A: b\r\n"));
}

QTEST_GUILESS_MAIN(TestHeaderBlockCapture)
#include "tst_headerblockcapture.moc"
