// MIME header pieces: charsets, RFC 2047 words, unfolding, parameters (RFC 2231), transfer decoding.

#include "charsetconverter.h"
#include "encodedwords.h"
#include "mimefieldvalue.h"
#include "mimeheader.h"
#include "transferdecoder.h"

#include <QtTest>

class TestMimeHeader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void charsets_data();
    void charsets();
    void encodedWords_data();
    void encodedWords();
    void unfoldingAndLookup();
    void parameters_data();
    void parameters();
    void transferDecoding_data();
    void transferDecoding();
};

void TestMimeHeader::charsets_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QString>("expected");
    QTest::newRow("utf-8") << QByteArray("Gr\xc3\xbc\xc3\x9f""e") << QByteArray("UTF-8") << QStringLiteral("Grüße");
    QTest::newRow("latin-1") << QByteArray("Gr\xfc\xdf""e") << QByteArray("ISO-8859-1") << QStringLiteral("Grüße");
    QTest::newRow("windows-1252 euro") << QByteArray("\x80 5") << QByteArray("windows-1252") << QStringLiteral("€ 5");
    QTest::newRow("iso-8859-15 euro") << QByteArray("\xa4 5") << QByteArray("iso-8859-15") << QStringLiteral("€ 5");
    QTest::newRow("iso-8859-2") << QByteArray("\xb3\xf3\xbf") << QByteArray("iso-8859-2") << QStringLiteral("łóż");
    QTest::newRow("koi8-r") << QByteArray("\xf0\xd2\xc9\xd7\xc5\xd4") << QByteArray("koi8-r") << QStringLiteral("Привет");
    QTest::newRow("shift_jis") << QByteArray("\x90\xbf\x8b\x81\x8f\x91") << QByteArray("Shift_JIS") << QStringLiteral("請求書");
    QTest::newRow("unknown falls back to latin-1") << QByteArray("caf\xe9") << QByteArray("x-no-such") << QStringLiteral("café");
    QTest::newRow("unknown but utf-8") << QByteArray("caf\xc3\xa9") << QByteArray("x-no-such") << QStringLiteral("café");
    QTest::newRow("hostile name") << QByteArray("caf\xe9") << QByteArray("utf-8//translit") << QStringLiteral("café");
    QTest::newRow("us-ascii 8bit") << QByteArray("caf\xe9") << QByteArray("us-ascii") << QStringLiteral("café");
    QTest::newRow("truncated sequence") << QByteArray("a\x81") << QByteArray("shift_jis") << QStringLiteral("a\uFFFD");
}

void TestMimeHeader::charsets()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, charset);
    QFETCH(QString, expected);
    QCOMPARE(CharsetConverter::toUnicode(bytes, charset), expected);
}

void TestMimeHeader::encodedWords_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QByteArray("Hello world") << QStringLiteral("Hello world");
    QTest::newRow("B") << QByteArray("=?UTF-8?B?R3LDvMOfZS5leGU=?=") << QStringLiteral("Grüße.exe");
    QTest::newRow("Q") << QByteArray("=?iso-8859-1?Q?r=E9sum=E9_final?=") << QStringLiteral("résumé final");
    QTest::newRow("lowercase q") << QByteArray("=?utf-8?q?caf=C3=A9?=") << QStringLiteral("café");
    QTest::newRow("adjacent joined") << QByteArray("=?UTF-8?B?R3LDvA==?= \r\n =?UTF-8?B?w59lLmV4ZQ==?=") << QStringLiteral("Grüße.exe");
    QTest::newRow("split utf-8 character") << QByteArray("=?UTF-8?Q?Gr=C3?= =?UTF-8?Q?=BC=C3=9Fe?=") << QStringLiteral("Grüße");
    QTest::newRow("text around") << QByteArray("Re: =?utf-8?q?caf=C3=A9?= now") << QStringLiteral("Re: café now");
    QTest::newRow("space kept between text and word") << QByteArray("a =?utf-8?q?b?= c") << QStringLiteral("a b c");
    QTest::newRow("koi8-r") << QByteArray("=?koi8-r?B?8NLJ18XULmV4ZQ==?=") << QStringLiteral("Привет.exe");
    QTest::newRow("language suffix") << QByteArray("=?utf-8*en?q?hi?=") << QStringLiteral("hi");
    QTest::newRow("mixed charsets") << QByteArray("=?iso-8859-1?q?=E9?= =?utf-8?q?=C3=A9?=") << QStringLiteral("éé");
    QTest::newRow("unterminated") << QByteArray("=?utf-8?q?abc") << QStringLiteral("=?utf-8?q?abc");
    QTest::newRow("bad encoding letter") << QByteArray("=?utf-8?x?abc?=") << QStringLiteral("=?utf-8?x?abc?=");
    QTest::newRow("long word") << "=?utf-8?q?" + QByteArray(1500, 'a') + "?=" << QString(1500, QLatin1Char('a'));
    QTest::newRow("megabyte of unclosed words") << QByteArray("=?a?q? ").repeated(150000) << QString::fromLatin1(QByteArray("=?a?q? ").repeated(150000));
    QTest::newRow("raw utf-8") << QByteArray("caf\xc3\xa9") << QStringLiteral("café");
    QTest::newRow("raw latin-1") << QByteArray("caf\xe9") << QStringLiteral("café");
}

void TestMimeHeader::encodedWords()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    QCOMPARE(EncodedWords::decode(raw), expected);
}

void TestMimeHeader::unfoldingAndLookup()
{
    const MimeHeader header = MimeHeader::parse("From: a@example.com\r\n"
                                                "SUBJECT: =?utf-8?q?Gr=C3=BC?=\r\n"
                                                " =?utf-8?q?=C3=9Fe?= and more\r\n"
                                                "garbage line\r\n"
                                                "X-Twice: one\n"
                                                "x-twice: two\n\tfolded\n");
    QCOMPARE(header.fieldCount(), 4);
    QCOMPARE(header.rawValue("subject"), QByteArray("=?utf-8?q?Gr=C3=BC?= =?utf-8?q?=C3=9Fe?= and more"));
    QCOMPARE(header.decodedValue("Subject"), QStringLiteral("Grüße and more"));
    QCOMPARE(header.rawValues("X-TWICE"), (QList<QByteArray>{"one", "two\tfolded"}));
    QVERIFY(header.contains("from"));
    QVERIFY(!header.contains("garbage line"));
    QCOMPARE(header.rawValue("Missing"), QByteArray());
    QVERIFY(header.decodedText().contains(QStringLiteral("SUBJECT: Grüße and more\n")));
}

void TestMimeHeader::parameters_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("parameter");
    QTest::addColumn<QString>("expected");
    QTest::newRow("token") << QByteArray("attachment; filename=a.exe") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("a.exe");
    QTest::newRow("quoted") << QByteArray("Attachment; FILENAME=\"my file.exe\"") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("my file.exe");
    QTest::newRow("quoted escapes") << QByteArray("attachment; filename=\"a\\\"b;c.exe\"") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("a\"b;c.exe");
    QTest::newRow("comments") << QByteArray("text/plain (the text) ; charset=us-ascii (ascii)") << QByteArray("text/plain") << QByteArray("charset") << QStringLiteral("us-ascii");
    QTest::newRow("spaces around") << QByteArray("Text / HTML ;  charset = \"UTF-8\" ") << QByteArray("text/html") << QByteArray("charset") << QStringLiteral("UTF-8");
    QTest::newRow("unquoted with space") << QByteArray("attachment; filename=my file.exe; size=3") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("my file.exe");
    QTest::newRow("rfc2231 single") << QByteArray("attachment; filename*=utf-8''%E2%82%AC-rechnung.exe") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("€-rechnung.exe");
    QTest::newRow("rfc2231 language") << QByteArray("attachment; filename*=iso-8859-1'fr'r%E9sum%E9.exe") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("résumé.exe");
    QTest::newRow("rfc2231 continued") << QByteArray("attachment; filename*0*=iso-8859-1''r%E9sum; filename*1*=%E9.; filename*2=exe") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("résumé.exe");
    QTest::newRow("rfc2231 continued out of order") << QByteArray("attachment; filename*1=\"part.exe\"; filename*0=\"long-\"") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("long-part.exe");
    QTest::newRow("rfc2231 windows-1252") << QByteArray("attachment; filename*=windows-1252''%80uro.js") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("€uro.js");
    QTest::newRow("rfc2231 wins over plain") << QByteArray("attachment; filename=\"fallback.txt\"; filename*=utf-8''real.exe") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("real.exe");
    QTest::newRow("rfc2231 bad percent") << QByteArray("attachment; filename*=utf-8''100%zz.exe") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("100%zz.exe");
    QTest::newRow("rfc2047 in quotes") << QByteArray("application/octet-stream; name=\"=?UTF-8?B?R3LDvMOfZS5leGU=?=\"") << QByteArray("application/octet-stream") << QByteArray("name") << QStringLiteral("Grüße.exe");
    QTest::newRow("unterminated quote") << QByteArray("attachment; filename=\"open.exe") << QByteArray("attachment") << QByteArray("filename") << QStringLiteral("open.exe");
    QTest::newRow("missing") << QByteArray("inline") << QByteArray("inline") << QByteArray("filename") << QString();
    QTest::newRow("junk") << QByteArray(";;=;a;=b;filename") << QByteArray("") << QByteArray("filename") << QString();
}

void TestMimeHeader::parameters()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, parameter);
    QFETCH(QString, expected);
    const MimeFieldValue field = MimeFieldValue::parse(raw);
    QCOMPARE(field.value(), value);
    QCOMPARE(field.parameter(parameter), expected);
    QCOMPARE(field.hasParameter(parameter), !expected.isNull());
}

void TestMimeHeader::transferDecoding_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("base64") << QByteArray("base64") << QByteArray("SGVsbG8g\r\ndmlhZ3Jh\r\nIHBpbGxz\r\n") << QByteArray("Hello viagra pills");
    QTest::newRow("base64 padded") << QByteArray("BASE64") << QByteArray("R3LDtsOfZQ==") << QByteArray("Gr\xc3\xb6\xc3\x9f""e");
    QTest::newRow("base64 unpadded") << QByteArray("base64") << QByteArray("R3LDtsOfZQ") << QByteArray("Gr\xc3\xb6\xc3\x9f""e");
    QTest::newRow("base64 junk skipped") << QByteArray("base64") << QByteArray("SGV*sbG8!") << QByteArray("Hello");
    QTest::newRow("base64 concatenated") << QByteArray("base64") << QByteArray("YQ==Yg==") << QByteArray("ab");
    QTest::newRow("qp") << QByteArray("quoted-printable") << QByteArray("caf=C3=A9 =\r\nbar=3D\r\n") << QByteArray("caf\xc3\xa9 bar=\r\n");
    QTest::newRow("qp soft break with spaces") << QByteArray("quoted-printable") << QByteArray("ab=  \r\ncd") << QByteArray("abcd");
    QTest::newRow("qp bare lf soft break") << QByteArray("quoted-printable") << QByteArray("ab=\ncd") << QByteArray("abcd");
    QTest::newRow("qp lowercase hex") << QByteArray("quoted-printable") << QByteArray("=e9") << QByteArray("\xe9");
    QTest::newRow("qp invalid kept") << QByteArray("quoted-printable") << QByteArray("a=G1=4") << QByteArray("a=G1=4");
    QTest::newRow("identity") << QByteArray("8bit") << QByteArray("as is=41") << QByteArray("as is=41");
    QTest::newRow("unknown is identity") << QByteArray("x-uuencode") << QByteArray("raw") << QByteArray("raw");
}

void TestMimeHeader::transferDecoding()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    // Whole, then one byte at a time: the state carries across any split.
    for (const qsizetype step : {input.size(), qsizetype(1)}) {
        TransferDecoder decoder(TransferDecoder::fromHeaderValue(encoding));
        QByteArray out;
        for (qsizetype i = 0; i < input.size(); i += step)
            decoder.decode(QByteArrayView(input).sliced(i, std::min(step, input.size() - i)), out);
        decoder.finish(out);
        QCOMPARE(out, expected);
    }
}

QTEST_GUILESS_MAIN(TestMimeHeader)
#include "tst_mimeheader.moc"
