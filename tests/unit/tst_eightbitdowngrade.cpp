// The 8-bit downgrade (RFC 6152 §3): quoted-printable encoding (RFC 2045 §6.7) checked against
// our decoder and Python's quopri, every 8-bit leaf converted through multiparts and attached
// messages, 7-bit and base64 parts left byte for byte, 8-bit headers refused.

#include "eightbitdowngrade.h"
#include "mimeheader.h"
#include "mimepart.h"
#include "mimevisitor.h"
#include "mimewalker.h"
#include "pythonprobe.h"
#include "quotedprintable.h"
#include "transferdecoder.h"

#include <QRandomGenerator>
#include <QtTest>

namespace {

// Every part as "depth type" plus its transfer-decoded body: what a reader sees.
class LeafCollector : public MimeVisitor
{
public:
    void partStarted(const MimePart &part) override
    {
        m_leaves.append({QByteArray::number(part.depth()) + ' ' + part.contentType(), {}});
    }
    void bodyData(QByteArrayView decoded) override { m_leaves.last().second.append(decoded); }
    void bodyFinished() override {}
    QList<std::pair<QByteArray, QByteArray>> leaves() const { return m_leaves; }

private:
    QList<std::pair<QByteArray, QByteArray>> m_leaves;
};

QList<std::pair<QByteArray, QByteArray>> readerView(const QByteArray &message)
{
    LeafCollector collector;
    MimeWalker walker(collector);
    walker.feed(message);
    walker.finish();
    return collector.leaves();
}

QByteArray decodeQp(const QByteArray &encoded)
{
    TransferDecoder decoder(TransferDecoder::Encoding::QuotedPrintable);
    QByteArray out;
    decoder.decode(encoded, out);
    decoder.finish(out);
    return out;
}

void verifySevenBitLines(const QByteArray &bytes)
{
    QVERIFY(!EightBitDowngrade::hasEightBit(bytes));
    for (const QByteArray &line : bytes.split('\n'))
        QVERIFY2(line.size() <= 998, line.left(80).constData());
}

QByteArray headerOf(const QByteArray &message)
{
    return message.first(message.indexOf("\r\n\r\n") + 2);
}

const QByteArray kUmlauts = "Gr\xc3\xbc\xc3\x9f""e aus K\xc3\xb6ln, 100 \xe2\x82\xac = viel Geld \r\n";

const QByteArray kMultipart =
    "From: a@example.com\r\n"
    "Subject: mixed\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
    "\r\n"
    "Preamble with \xc3\xa9\r\n"
    "--outer\r\n"
    "Content-Type: text/plain; charset=us-ascii\r\n"
    "\r\n"
    "plain ascii stays\r\n"
    "--outer\r\n"
    "Content-Type: application/octet-stream\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "AAECAwQFBgcICQ==\r\n"
    "--outer\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    + kUmlauts + "second line\r\n"
    "--outer--\r\n"
    "Epilogue \xc3\xa9\r\n";

const QByteArray kNested =
    "From: a@example.com\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=b1\r\n"
    "\r\n"
    "--b1\r\n"
    "Content-Type: multipart/alternative; boundary=\"b2\"\r\n"
    "\r\n"
    "--b2\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    + kUmlauts
    + "--b2\r\n"
      "Content-Type: text/html; charset=utf-8\r\n"
      "\r\n"
      "<p>"
    + kUmlauts
    + "</p>\r\n"
      "--b2--\r\n"
      "--b1\r\n"
      "Content-Type: message/rfc822\r\n"
      "Content-Transfer-Encoding: 8bit\r\n"
      "\r\n"
      "From: c@example.net\r\n"
      "Subject: forwarded\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=b3\r\n"
      "\r\n"
      "--b3\r\n"
      "Content-Type: text/plain; charset=iso-8859-1\r\n"
      "Content-Transfer-Encoding: binary\r\n"
      "\r\n"
      "caf\xe9 cr\xe8me\r\n"
      "--b3\r\n"
      "Content-Type: text/plain\r\n"
      "\r\n"
      "seven bit inside\r\n"
      "--b3--\r\n"
      "\r\n"
      "--b1--\r\n";

const char *const kPythonDecoder = R"PY(
import sys, email, quopri
from email import policy
data = sys.stdin.buffer.read()
if data.startswith(b"QP:"):
    sys.stdout.buffer.write(quopri.decodestring(data[3:]))
else:
    msg = email.message_from_bytes(data, policy=policy.compat32)
    out = b""
    for part in msg.walk():
        if not part.is_multipart() and part.get_content_type() != "message/rfc822":
            out += part.get_content_type().encode() + b":" + part.get_payload(decode=True) + b"\x00"
    sys.stdout.buffer.write(out)
)PY";

} // namespace

class TestEightBitDowngrade : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotedPrintable_data();
    void quotedPrintable();
    void quotedPrintableRoundTrip();
    void sevenBitUntouched();
    void singlePart_data();
    void singlePart();
    void multipart();
    void nesting();
    void strayEightBitInEncodedParts();
    void eightBitHeaders_data();
    void eightBitHeaders();
    void malformedMultipart();
    void readByPython();
};

void TestEightBitDowngrade::quotedPrintable_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("abc def") << QByteArray("abc def");
    QTest::newRow("equals") << QByteArray("a=b") << QByteArray("a=3Db");
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9") << QByteArray("caf=C3=A9");
    QTest::newRow("trailing space and tab") << QByteArray("end \r\nnext\t") << QByteArray("end=20\r\nnext=09");
    QTest::newRow("hard breaks kept") << QByteArray("one\r\ntwo\r\n") << QByteArray("one\r\ntwo\r\n");
    QTest::newRow("bare lf and cr") << QByteArray("a\nb\rc") << QByteArray("a=0Ab=0Dc");
    QTest::newRow("control") << QByteArray("a\x01\x7f") << QByteArray("a=01=7F");
    QTest::newRow("76 fit") << QByteArray(76, 'a') << QByteArray(76, 'a');
    QTest::newRow("77 break") << QByteArray(77, 'a') << QByteArray(75, 'a') + "=\r\naa";
    QTest::newRow("escape not split") << QByteArray(74, 'a') + "\xe9" << QByteArray(74, 'a') + "=\r\n=E9";
    QTest::newRow("space before break") << QByteArray(74, 'a') + "  b" << QByteArray(74, 'a') + " =\r\n b";
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestEightBitDowngrade::quotedPrintable()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const QByteArray encoded = QuotedPrintable::encode(input);
    QCOMPARE(encoded, expected);
    QCOMPARE(decodeQp(encoded), input);
}

void TestEightBitDowngrade::quotedPrintableRoundTrip()
{
    // Every byte value, in lines of many lengths, some ending in white space.
    QRandomGenerator random(20261130);
    QByteArray input;
    for (int line = 0; line < 400; ++line) {
        const int length = random.bounded(0, 300);
        for (int i = 0; i < length; ++i)
            input.append(static_cast<char>(random.bounded(256)));
        if (line % 7 == 0)
            input.append(line % 2 ? ' ' : '\t');
        input.append("\r\n");
    }
    const QByteArray encoded = QuotedPrintable::encode(input);
    QVERIFY(!EightBitDowngrade::hasEightBit(encoded));
    for (const QByteArray &line : encoded.split('\n')) {
        const QByteArray content = line.endsWith('\r') ? line.chopped(1) : line;
        QVERIFY2(content.size() <= 76, content.constData());
        QVERIFY(!content.endsWith(' ') && !content.endsWith('\t'));
    }
    QCOMPARE(decodeQp(encoded), input);

    QVERIFY2(PythonProbe::available(), "the round trip is checked with /usr/bin/python3 quopri");
    bool ok = false;
    const QByteArray decoded = PythonProbe::run(QString::fromLatin1(kPythonDecoder), "QP:" + encoded, &ok);
    QVERIFY(ok);
    QCOMPARE(decoded, input);
}

void TestEightBitDowngrade::sevenBitUntouched()
{
    const QByteArray message = "From: a@example.com\r\nContent-Transfer-Encoding: 8bit\r\n\r\nonly ascii\r\n";
    const EightBitDowngrade::Result result = EightBitDowngrade::convert(message);
    QVERIFY(result.ok);
    QCOMPARE(result.message, message);
    QVERIFY(!EightBitDowngrade::hasEightBit(message));
    QVERIFY(EightBitDowngrade::hasEightBit("x\x80"));
}

void TestEightBitDowngrade::singlePart_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("addsMimeVersion");
    QTest::newRow("8bit") << QByteArray("From: a@example.com\r\nMIME-Version: 1.0\r\n"
                                        "Content-Transfer-Encoding: 8bit\r\nSubject: hi\r\n")
                          << false;
    QTest::newRow("binary folded") << QByteArray("From: a@example.com\r\nMIME-Version: 1.0\r\n"
                                                 "Content-Transfer-Encoding:\r\n binary\r\nSubject: hi\r\n")
                                   << false;
    QTest::newRow("absent") << QByteArray("From: a@example.com\r\nMIME-Version: 1.0\r\nSubject: hi\r\n") << false;
    QTest::newRow("not mime") << QByteArray("From: a@example.com\r\nSubject: hi\r\n") << true;
}

void TestEightBitDowngrade::singlePart()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, addsMimeVersion);
    const QByteArray body = kUmlauts + QByteArray(200, 'x') + "\r\nlast";
    const EightBitDowngrade::Result result = EightBitDowngrade::convert(header + "\r\n" + body);
    QVERIFY2(result.ok, qPrintable(result.error));
    verifySevenBitLines(result.message);
    const MimeHeader converted = MimeHeader::parse(headerOf(result.message));
    QCOMPARE(converted.rawValues("Content-Transfer-Encoding").size(), 1);
    QCOMPARE(converted.rawValue("Content-Transfer-Encoding").trimmed(), QByteArray("quoted-printable"));
    QCOMPARE(converted.rawValue("MIME-Version").trimmed(), QByteArray("1.0"));
    QCOMPARE(converted.rawValues("MIME-Version").size(), 1);
    QCOMPARE(result.message.contains("\r\nMIME-Version: 1.0\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"),
             addsMimeVersion);
    QCOMPARE(converted.fieldCount(), 4);   // From, MIME-Version, Subject, Content-Transfer-Encoding
    QVERIFY(result.message.startsWith("From: a@example.com\r\n"));
    QCOMPARE(converted.rawValue("Subject").trimmed(), QByteArray("hi"));
    const QByteArray encodedBody = result.message.sliced(result.message.indexOf("\r\n\r\n") + 4);
    QCOMPARE(decodeQp(encodedBody), body);
}

void TestEightBitDowngrade::multipart()
{
    const EightBitDowngrade::Result result = EightBitDowngrade::convert(kMultipart);
    QVERIFY2(result.ok, qPrintable(result.error));
    verifySevenBitLines(result.message);
    // What a reader sees is unchanged.
    QCOMPARE(readerView(result.message), readerView(kMultipart));
    // 7-bit and base64 parts byte for byte; the preamble and epilogue only lose their 8-bit bytes.
    QVERIFY(result.message.contains("--outer\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nplain ascii stays\r\n"
                                    "--outer\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: "
                                    "base64\r\n\r\nAAECAwQFBgcICQ==\r\n--outer\r\n"));
    QVERIFY(result.message.contains("\r\nPreamble with ??\r\n--outer"));
    QVERIFY(result.message.endsWith("--outer--\r\nEpilogue ??\r\n"));
    QVERIFY(result.message.contains("Content-Type: text/plain; charset=utf-8\r\n"
                                    "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9Fe aus"));
    QVERIFY(headerOf(result.message) == headerOf(kMultipart));
}

void TestEightBitDowngrade::nesting()
{
    const EightBitDowngrade::Result result = EightBitDowngrade::convert(kNested);
    QVERIFY2(result.ok, qPrintable(result.error));
    verifySevenBitLines(result.message);
    const auto view = readerView(result.message);
    QCOMPARE(view, readerView(kNested));
    QCOMPARE(view.size(), 8);
    QCOMPARE(view.at(4).first, QByteArray("1 message/rfc822"));
    QCOMPARE(view.at(5).first, QByteArray("2 multipart/mixed"));   // the attached message itself
    QCOMPARE(view.at(6).second, QByteArray("caf\xe9 cr\xe8me\r\n"));
    // The attached message is 7bit now; the multipart inside it kept its boundary.
    QVERIFY(result.message.contains("Content-Type: message/rfc822\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                                    "From: c@example.net\r\n"));
    QVERIFY(result.message.contains("Content-Type: text/plain; charset=iso-8859-1\r\n"
                                    "Content-Transfer-Encoding: quoted-printable\r\n\r\ncaf=E9 cr=E8me\r\n--b3\r\n"));
    QVERIFY(result.message.contains("Content-Type: text/plain\r\n\r\nseven bit inside\r\n--b3--"));
    QVERIFY(result.message.contains("Content-Type: text/html; charset=utf-8\r\n"
                                    "Content-Transfer-Encoding: quoted-printable\r\n\r\n<p>Gr=C3=BC"));
}

void TestEightBitDowngrade::strayEightBitInEncodedParts()
{
    const QByteArray message = "MIME-Version: 1.0\r\n"
                               "Content-Type: multipart/mixed; boundary=x\r\n"
                               "\r\n"
                               "--x\r\n"
                               "Content-Transfer-Encoding: quoted-printable\r\n"
                               "\r\n"
                               "already =3D encoded but caf\xe9\r\n"
                               "--x\r\n"
                               "Content-Type: application/pdf\r\n"
                               "Content-Transfer-Encoding: base64\r\n"
                               "\r\n"
                               "AAEC\xff""AwQF\r\n"
                               "--x--\r\n";
    const EightBitDowngrade::Result result = EightBitDowngrade::convert(message);
    QVERIFY2(result.ok, qPrintable(result.error));
    verifySevenBitLines(result.message);
    QCOMPARE(readerView(result.message), readerView(message));
    QVERIFY(result.message.contains("already =3D encoded but caf=E9\r\n"));
    QVERIFY(result.message.contains("Content-Transfer-Encoding: base64\r\n\r\nAAECAwQF\r\n"));
}

void TestEightBitDowngrade::eightBitHeaders_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("error");
    QTest::newRow("subject") << QByteArray("From: a@example.com\r\nSubject: Gr\xc3\xbc\xc3\x9f""e\r\n\r\nbody \xc3\xa9\r\n")
                             << QStringLiteral("8-bit bytes in the header Subject");
    QTest::newRow("folded to") << QByteArray("To: a@example.com,\r\n j\xc3\xb6rg@example.org\r\n\r\nbody\r\n")
                               << QStringLiteral("8-bit bytes in the header To");
    QTest::newRow("part header")
        << QByteArray("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n"
                      "Content-Disposition: attachment; filename=\"K\xc3\xb6ln.pdf\"\r\n\r\nabc\r\n--x--\r\n")
        << QStringLiteral("8-bit bytes in the header Content-Disposition");
    QTest::newRow("attached message")
        << QByteArray("MIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\nFrom: J\xc3\xb6rg <j@example.org>\r\n\r\nhi\r\n")
        << QStringLiteral("8-bit bytes in the header From");
}

void TestEightBitDowngrade::eightBitHeaders()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, error);
    const EightBitDowngrade::Result result = EightBitDowngrade::convert(message);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, error);
    QVERIFY(result.message.isEmpty());
}

void TestEightBitDowngrade::malformedMultipart()
{
    const QByteArray noDelimiter = "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\ncaf\xc3\xa9\r\n";
    EightBitDowngrade::Result result = EightBitDowngrade::convert(noDelimiter);
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QStringLiteral("boundary")));

    const QByteArray noBoundary = "MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\ncaf\xc3\xa9\r\n";
    result = EightBitDowngrade::convert(noBoundary);
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QStringLiteral("boundary")));

    // Deeper than any reader walks: refused rather than recursed without end.
    QByteArray deep = "MIME-Version: 1.0\r\n";
    for (int i = 0; i < MimeWalker::kDefaultMaxDepth + 5; ++i)
        deep += "Content-Type: message/rfc822\r\n\r\n";
    deep += "\r\ncaf\xc3\xa9\r\n";
    result = EightBitDowngrade::convert(deep);
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QStringLiteral("nested")));
}

void TestEightBitDowngrade::readByPython()
{
    QVERIFY2(PythonProbe::available(), "this test reads the converted message with /usr/bin/python3");
    const EightBitDowngrade::Result result = EightBitDowngrade::convert(kNested);
    QVERIFY(result.ok);
    bool ok = false;
    const QByteArray before = PythonProbe::run(QString::fromLatin1(kPythonDecoder), kNested, &ok);
    QVERIFY(ok);
    const QByteArray after = PythonProbe::run(QString::fromLatin1(kPythonDecoder), result.message, &ok);
    QVERIFY(ok);
    QCOMPARE(after, before);
    QCOMPARE(after.count('\0'), 4);
    // Python drops the line break before a delimiter (it belongs to the delimiter); the
    // trailing space before it survives as =20.
    QVERIFY(after.contains(QByteArray("text/plain:") + kUmlauts.chopped(2) + '\0'));
}

QTEST_GUILESS_MAIN(TestEightBitDowngrade)
#include "tst_eightbitdowngrade.moc"
