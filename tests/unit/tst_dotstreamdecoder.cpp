// DotStreamDecoder: dot-unstuffing, the end of data, bare CR/LF and the SMTP smuggling variants
// (only <CRLF>.<CRLF> ends the data), in every chunking. Every row runs whole, split in two at
// every possible point, and one byte at a time; the results must be identical.

#include "dotstreamdecoder.h"

#include <QtTest>

class TestDotStreamDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whole_data();
    void whole();
    void splitInTwo_data();
    void splitInTwo();
    void byteByByte_data();
    void byteByByte();
    void nothingAfterFinished();
    void outputIsAppended();
};

namespace {

using Mode = DotStreamDecoder::BareNewlines;

struct Result
{
    QByteArray output;
    bool finished = false;
    bool bareNewline = false;
    qsizetype consumed = 0;
};

// Feeds `pieces` in order, stopping once the decoder has finished (as the session does: the rest
// of the input is the next command). A piece that leaves the decoder unfinished must be consumed
// whole.
Result feed(Mode mode, const QList<QByteArrayView> &pieces, QString *problem)
{
    DotStreamDecoder decoder(mode);
    Result result;
    for (QByteArrayView piece : pieces) {
        if (decoder.finished())
            break;
        const qsizetype used = decoder.decode(piece, result.output);
        if (used < 0 || used > piece.size())
            *problem = QStringLiteral("consumed %1 of a %2-octet piece").arg(used).arg(piece.size());
        else if (!decoder.finished() && used != piece.size())
            *problem = QStringLiteral("unfinished, but consumed only %1 of %2 octets").arg(used).arg(piece.size());
        result.consumed += used;
    }
    result.finished = decoder.finished();
    result.bareNewline = decoder.sawBareNewline();
    return result;
}

QByteArray printable(const QByteArray &bytes)
{
    QByteArray out;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r')
            out += "<CR>";
        else if (c == '\n')
            out += "<LF>";
        else if (u < 0x20 || u >= 0x7f)
            out += "<" + QByteArray::number(u, 16) + ">";
        else
            out += c;
    }
    return out;
}

// One row: `message` is the part the decoder must consume (up to and including the terminator,
// or everything when there is none), `after` what must be left for the command parser.
void row(const char *name, Mode mode, const QByteArray &message, const QByteArray &after,
         const QByteArray &output, bool finished, bool bareNewline)
{
    QTest::newRow(name) << int(mode) << message + after << output << finished << bareNewline
                        << int(message.size());
}

}

void TestDotStreamDecoder::whole_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<bool>("finished");
    QTest::addColumn<bool>("bareNewline");
    QTest::addColumn<int>("consumed");

    const Mode keep = Mode::Keep;
    const Mode normalize = Mode::Normalize;

    // The end of data. The CRLF that ended DATA counts as the first line break.
    row("empty message", keep, ".\r\n", "", "", true, false);
    row("empty message, command after", keep, ".\r\n", "QUIT\r\n", "", true, false);
    row("one line", keep, "hello\r\n.\r\n", "", "hello\r\n", true, false);
    row("headers and body", keep, "Subject: x\r\n\r\nbody\r\n.\r\n", "MAIL FROM:<a@b.example>\r\n",
        "Subject: x\r\n\r\nbody\r\n", true, false);
    row("blank line before the end", keep, "a\r\n\r\n.\r\n", "", "a\r\n\r\n", true, false);
    row("only the first terminator", keep, "a\r\n.\r\n", ".\r\n", "a\r\n", true, false);
    row("pipelined commands after", keep, "a\r\n.\r\n", "RSET\r\nQUIT\r\n", "a\r\n", true, false);
    row("8-bit and NUL octets", keep, QByteArray("\x00\xff\x80 \xc3\xa4\r\n.\r\n", 11), "",
        QByteArray("\x00\xff\x80 \xc3\xa4\r\n", 8), true, false);

    // Not (yet) the end.
    row("no terminator yet", keep, "hello\r\n", "", "hello\r\n", false, false);
    row("no line end yet", keep, "hello", "", "hello", false, false);
    row("pending CR is held back", keep, "hello\r", "", "hello", false, false);
    row("pending dot", keep, "a\r\n.", "", "a\r\n", false, false);
    row("pending dot CR", keep, "a\r\n.\r", "", "a\r\n", false, false);
    row("nothing", keep, "", "", "", false, false);

    // Dot-stuffing (RFC 5321 §4.5.2): one leading dot is removed.
    row("stuffed dot line", keep, "..\r\n.\r\n", "", ".\r\n", true, false);
    row("stuffed text", keep, "..x\r\n.\r\n", "", ".x\r\n", true, false);
    row("three dots", keep, "...\r\n.\r\n", "", "..\r\n", true, false);
    row("stuffed dot space", keep, ".. \r\n.\r\n", "", ". \r\n", true, false);
    row("unstuffed leading dot dropped", keep, ".x\r\n.\r\n", "", "x\r\n", true, false);
    row("dot space is not the end", keep, ". \r\n.\r\n", "", " \r\n", true, false);
    row("dot mid-line", keep, "a.b\r\n.\r\n", "", "a.b\r\n", true, false);
    row("dot at line end", keep, "a.\r\n.\r\n", "", "a.\r\n", true, false);
    row("stuffed command", keep, "..\r\nQUIT\r\n.\r\n", "", ".\r\nQUIT\r\n", true, false);
    row("first line stuffed", keep, "..hidden\r\n.\r\n", "", ".hidden\r\n", true, false);

    // Bare line breaks are content, flagged.
    row("bare LF", keep, "a\nb\r\n.\r\n", "", "a\nb\r\n", true, true);
    row("bare CR", keep, "a\rb\r\n.\r\n", "", "a\rb\r\n", true, true);
    row("bare CR before CRLF", keep, "a\r\r\n.\r\n", "", "a\r\r\n", true, true);
    row("LF CR", keep, "a\n\rb\r\n.\r\n", "", "a\n\rb\r\n", true, true);
    row("bare LF first", keep, "\nx\r\n.\r\n", "", "\nx\r\n", true, true);

    // SMTP smuggling: none of these ends the data.
    row("LF.LF", keep, "a\n.\nb\r\n.\r\n", "", "a\n.\nb\r\n", true, true);
    row("LF.LF alone", keep, "a\n.\nMAIL FROM:<x@y.example>\r\n", "", "a\n.\nMAIL FROM:<x@y.example>\r\n", false, true);
    row("LF.LF at the start", keep, "\n.\n", "", "\n.\n", false, true);
    row("LF.CRLF", keep, "a\n.\r\nb\r\n.\r\n", "", "a\n.\r\nb\r\n", true, true);
    row("LF.CRLF alone", keep, "a\n.\r\nRSET\r\n", "", "a\n.\r\nRSET\r\n", false, true);
    row("CR.CR", keep, "a\r.\rb\r\n.\r\n", "", "a\r.\rb\r\n", true, true);
    row("CR.CR alone", keep, "a\r.\r", "", "a\r.", false, true);
    row("CR.CRLF", keep, "a\r.\r\nb\r\n.\r\n", "", "a\r.\r\nb\r\n", true, true);
    row("CRLF.LF", keep, "a\r\n.\nb\r\n.\r\n", "", "a\r\n\nb\r\n", true, true);
    row("CRLF.LF alone", keep, "a\r\n.\nQUIT\r\n", "", "a\r\n\nQUIT\r\n", false, true);
    row("CRLF.CR", keep, "a\r\n.\rb\r\n.\r\n", "", "a\r\n\rb\r\n", true, true);
    row("CRLF.CR CRLF", keep, "a\r\n.\r\r\nb\r\n.\r\n", "", "a\r\n\r\r\nb\r\n", true, true);
    row("LF CR.CRLF", keep, "a\n\r.\r\nb\r\n.\r\n", "", "a\n\r.\r\nb\r\n", true, true);
    row("every variant", keep,
        "s\n.\nM1\r\nt\n.\r\nM2\r\nu\r.\rM3\r\nv\r\n.\nM4\r\n.\r\n", "NOOP\r\n",
        "s\n.\nM1\r\nt\n.\r\nM2\r\nu\r.\rM3\r\nv\r\n\nM4\r\n", true, true);
    row("real end after a bare LF line", keep, "a\nb\r\n.\r\n", "QUIT\r\n", "a\nb\r\n", true, true);

    // smtp.bare_newlines=normalize: bare CR and LF become CRLF, the flag is still raised, and still
    // only <CRLF>.<CRLF> ends the data.
    row("normalize clean", normalize, "a\r\n.\r\n", "", "a\r\n", true, false);
    row("normalize LF", normalize, "a\nb\r\n.\r\n", "", "a\r\nb\r\n", true, true);
    row("normalize CR", normalize, "a\rb\r\n.\r\n", "", "a\r\nb\r\n", true, true);
    row("normalize CR CRLF", normalize, "a\r\r\n.\r\n", "", "a\r\n\r\n", true, true);
    row("normalize LF.LF", normalize, "a\n.\nb\r\n.\r\n", "", "a\r\n.\r\nb\r\n", true, true);
    row("normalize LF.CRLF is not the end", normalize, "a\n.\r\n", "", "a\r\n.\r\n", false, true);
    row("normalize CR.CR", normalize, "a\r.\rb\r\n.\r\n", "", "a\r\n.\r\nb\r\n", true, true);
    row("normalize CRLF.LF", normalize, "a\r\n.\nb\r\n.\r\n", "", "a\r\n\r\nb\r\n", true, true);
    // A bare LF is not a line break on the wire (RFC 5321 §2.3.8), so the dot after it is content,
    // not stuffing, even though the LF is stored as CRLF.
    row("normalize dot after bare LF is content", normalize, "a\n..b\r\n.\r\n", "", "a\r\n..b\r\n", true, true);
    row("normalize stuffing", normalize, "..x\r\ny\n\r\n.\r\n", "", ".x\r\ny\r\n\r\n", true, true);
}

void TestDotStreamDecoder::whole()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, output);
    QFETCH(bool, finished);
    QFETCH(bool, bareNewline);
    QFETCH(int, consumed);

    QString problem;
    const Result result = feed(Mode(mode), {QByteArrayView(input)}, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(printable(result.output), printable(output));
    QCOMPARE(result.finished, finished);
    QCOMPARE(result.bareNewline, bareNewline);
    QCOMPARE(result.consumed, qsizetype(consumed));
}

void TestDotStreamDecoder::splitInTwo_data()
{
    whole_data();
}

void TestDotStreamDecoder::splitInTwo()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, output);
    QFETCH(bool, finished);
    QFETCH(bool, bareNewline);
    QFETCH(int, consumed);

    for (qsizetype at = 0; at <= input.size(); ++at) {
        const QByteArrayView bytes(input);
        QString problem;
        const Result result = feed(Mode(mode), {bytes.first(at), bytes.sliced(at)}, &problem);
        const QByteArray where = "split after " + QByteArray::number(at) + " octets: ";
        QVERIFY2(problem.isEmpty(), (where + problem.toUtf8()).constData());
        QVERIFY2(result.output == output, (where + printable(result.output) + " != " + printable(output)).constData());
        QVERIFY2(result.finished == finished, (where + "finished differs").constData());
        QVERIFY2(result.bareNewline == bareNewline, (where + "bare-newline flag differs").constData());
        QVERIFY2(result.consumed == consumed, (where + "consumed " + QByteArray::number(result.consumed)).constData());
    }
}

void TestDotStreamDecoder::byteByByte_data()
{
    whole_data();
}

void TestDotStreamDecoder::byteByByte()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, output);
    QFETCH(bool, finished);
    QFETCH(bool, bareNewline);
    QFETCH(int, consumed);

    QList<QByteArrayView> pieces;
    for (qsizetype i = 0; i < input.size(); ++i)
        pieces << QByteArrayView(input).sliced(i, 1);
    QString problem;
    const Result result = feed(Mode(mode), pieces, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(printable(result.output), printable(output));
    QCOMPARE(result.finished, finished);
    QCOMPARE(result.bareNewline, bareNewline);
    QCOMPARE(result.consumed, qsizetype(consumed));
}

void TestDotStreamDecoder::nothingAfterFinished()
{
    DotStreamDecoder decoder;
    QByteArray output;
    QCOMPARE(decoder.decode("x\r\n.\r\nMAIL FROM:<a@b.example>\r\n", output), qsizetype(6));
    QVERIFY(decoder.finished());
    QCOMPARE(decoder.decode("more\r\n.\r\n", output), qsizetype(0));
    QCOMPARE(output, QByteArray("x\r\n"));
    QVERIFY(decoder.finished());
}

void TestDotStreamDecoder::outputIsAppended()
{
    DotStreamDecoder decoder;
    QByteArray output = "kept:";
    QCOMPARE(decoder.decode("a\r\n", output), qsizetype(3));
    QCOMPARE(decoder.decode("..b\r\n.\r\n", output), qsizetype(8));
    QCOMPARE(output, QByteArray("kept:a\r\n.b\r\n"));
}

QTEST_GUILESS_MAIN(TestDotStreamDecoder)
#include "tst_dotstreamdecoder.moc"
