// The BDAT bare CR/LF filter: detection, normalisation, CR held across chunk boundaries.

#include "barenewlinefilter.h"

#include <QtTest>

class TestBareNewlineFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filter_data();
    void filter();
};

void TestBareNewlineFilter::filter_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("bare");
    QTest::addColumn<QByteArray>("normalized");
    QTest::newRow("crlf only") << QByteArray("a\r\nb\r\n") << false << QByteArray("a\r\nb\r\n");
    QTest::newRow("bare lf") << QByteArray("a\nb") << true << QByteArray("a\r\nb");
    QTest::newRow("bare cr") << QByteArray("a\rb") << true << QByteArray("a\r\nb");
    QTest::newRow("cr cr lf") << QByteArray("a\r\r\n") << true << QByteArray("a\r\n\r\n");
    QTest::newRow("cr at end") << QByteArray("a\r") << true << QByteArray("a\r\n");
    QTest::newRow("lf cr") << QByteArray("\n\r") << true << QByteArray("\r\n\r\n");
    QTest::newRow("empty") << QByteArray() << false << QByteArray();
    QTest::newRow("binary kept") << QByteArray("\x00\xff\r\n", 4) << false << QByteArray("\x00\xff\r\n", 4);
}

void TestBareNewlineFilter::filter()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, bare);
    QFETCH(QByteArray, normalized);
    // Every split point gives the same result: a CR at a chunk's end waits for the next chunk.
    for (qsizetype split = 0; split <= input.size(); ++split) {
        for (const bool normalize : {false, true}) {
            BareNewlineFilter filter(normalize);
            QByteArray output;
            filter.filter(QByteArrayView(input).first(split), output);
            filter.filter(QByteArrayView(input).sliced(split), output);
            filter.finish(output);
            QCOMPARE(filter.sawBareNewline(), bare);
            QCOMPARE(output, normalize ? normalized : input);
        }
    }
}

QTEST_GUILESS_MAIN(TestBareNewlineFilter)
#include "tst_barenewlinefilter.moc"
