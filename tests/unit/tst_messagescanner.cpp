// Content filters on the decoded message: every scope with base64, QP, RFC 2047, charsets, HTML,
// a match split across blocks, and malformed messages.

#include "contentfiltermatcher.h"
#include "htmltext.h"
#include "messagescanner.h"
#include "mimetestmessages.h"

#include <QtTest>

namespace {

using MimeTestMessages::crlf;
using MimeTestMessages::singlePart;

QByteArray b64Word(const char *utf8)
{
    return "=?UTF-8?B?" + QByteArray(utf8).toBase64() + "?=";
}

bool scanMatches(const QByteArray &message, const QString &text, ContentFilter::Scope scope, qsizetype chunk)
{
    MessageScanner scanner({ContentFilter(text, scope)});
    chunk = std::max<qsizetype>(chunk, 1);
    for (qsizetype i = 0; i < message.size(); i += chunk)
        scanner.feed(QByteArrayView(message).sliced(i, std::min(chunk, message.size() - i)));
    scanner.finish();
    return !scanner.matchedFilters().isEmpty();
}

} // namespace

class TestMessageScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data();
    void filters();
    void splitAcrossBlocks();
    void segmentsDoNotJoin();
    void severalFilters();
    void subjectDecoded();
    void htmlText_data();
    void htmlText();
    void filterValidation();
    void uuencodedNames();
};

void TestMessageScanner::filters_data()
{
    using S = ContentFilter::Scope;
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("text");
    QTest::addColumn<ContentFilter::Scope>("scope");
    QTest::addColumn<bool>("matches");

    const QByteArray b64Subject = singlePart(b64Word("Cheap VIAGRA today"), "text/plain", {}, "nothing here\r\n");
    QTest::newRow("2047 B subject / subject") << b64Subject << QStringLiteral("viagra") << S::Subject << true;
    QTest::newRow("2047 B subject / headers") << b64Subject << QStringLiteral("viagra") << S::Headers << true;
    QTest::newRow("2047 B subject / body") << b64Subject << QStringLiteral("viagra") << S::Body << false;
    QTest::newRow("2047 B subject / all") << b64Subject << QStringLiteral("viagra") << S::All << true;
    QTest::newRow("raw encoded word not matched") << b64Subject << QStringLiteral("=?UTF-8?B?") << S::All << false;

    const QByteArray qSubject = singlePart("=?iso-8859-1?Q?Gr=FC=DFe_aus_Berlin?=", "text/plain", {}, "x\r\n");
    QTest::newRow("2047 Q latin-1 subject") << qSubject << QStringLiteral("GRÜSSE") << S::Subject << false; // no ß→ss folding
    QTest::newRow("2047 Q latin-1 subject case") << qSubject << QStringLiteral("grüße aus") << S::Subject << true;

    QTest::newRow("header field / headers") << b64Subject << QStringLiteral("spambot 3") << S::Headers << true;
    QTest::newRow("header field / subject") << b64Subject << QStringLiteral("spambot") << S::Subject << false;
    QTest::newRow("header field / body") << b64Subject << QStringLiteral("spambot") << S::Body << false;
    QTest::newRow("header field / all") << b64Subject << QStringLiteral("spambot") << S::All << true;

    const QByteArray base64Body = singlePart("hi", "text/plain; charset=utf-8", "base64",
                                             QByteArray("Herzliche Gr\xc3\xbc\xc3\x9f""e, buy pills now").toBase64() + "\r\n");
    QTest::newRow("capital sharp s folds") << base64Body << QStringLiteral("GRÜẞE") << S::Body << true;
    QTest::newRow("base64 utf-8 body / body") << base64Body << QStringLiteral("grüße, BUY") << S::Body << true;
    QTest::newRow("base64 body / subject") << base64Body << QStringLiteral("pills") << S::Subject << false;
    QTest::newRow("base64 body / headers") << base64Body << QStringLiteral("pills") << S::Headers << false;
    QTest::newRow("base64 body / all") << base64Body << QStringLiteral("pills") << S::All << true;
    QTest::newRow("base64 raw text not matched") << base64Body << QStringLiteral("SGVyemxp") << S::All << false;

    const QByteArray qpBody = singlePart("hi", "text/plain; charset=iso-8859-1", "quoted-printable",
                                         "Un caf=E9 gra=\r\ntuit =3D offert\r\n");
    QTest::newRow("qp latin-1 soft break") << qpBody << QStringLiteral("café gratuit = offert") << S::Body << true;
    QTest::newRow("qp raw not matched") << qpBody << QStringLiteral("caf=E9") << S::Body << false;

    const QByteArray latin1 = singlePart("hi", "text/plain; charset=iso-8859-1", "8bit", "Die Gr\xf6\xdf""e z\xe4hlt\r\n");
    const QByteArray utf8 = singlePart("hi", "text/plain; charset=utf-8", "8bit", "Die Gr\xc3\xb6\xc3\x9f""e z\xc3\xa4hlt\r\n");
    const QByteArray mislabelled = singlePart("hi", "text/plain; charset=utf-8", "8bit", "Die Gr\xf6\xdf""e z\xe4hlt\r\n");
    QTest::newRow("latin-1 body") << latin1 << QStringLiteral("GRÖßE ZÄHLT") << S::Body << true;
    QTest::newRow("utf-8 body") << utf8 << QStringLiteral("GRÖßE ZÄHLT") << S::Body << true;
    QTest::newRow("latin-1 bytes labelled utf-8") << mislabelled << QStringLiteral("größe") << S::Body << false;
    QTest::newRow("windows-1252 body") << singlePart("hi", "text/plain; charset=windows-1252", {}, "only \x80""99!\r\n")
                                       << QStringLiteral("€99") << S::Body << true;
    QTest::newRow("koi8-r body") << singlePart("hi", "text/plain; charset=koi8-r", {}, "\xf0\xd2\xc9\xd7\xc5\xd4\r\n")
                                 << QStringLiteral("привет") << S::Body << true;

    const QByteArray html = singlePart("hi", "text/html; charset=utf-8", "quoted-printable",
                                       "<html><body><p>Fr<b>ee</b>&nbsp;m&eacute;ds &amp; more</p>=\r\n"
                                       "<script>var viagra=1;</script><!-- cialis --></body></html>\r\n");
    QTest::newRow("html text") << html << QStringLiteral("free méds & more") << S::Body << true;
    QTest::newRow("html script ignored") << html << QStringLiteral("viagra") << S::Body << false;
    QTest::newRow("html comment ignored") << html << QStringLiteral("cialis") << S::Body << false;
    QTest::newRow("html tags not text") << html << QStringLiteral("<b>") << S::Body << false;
    QTest::newRow("html soft hyphen") << singlePart("hi", "text/html", {}, "vi&shy;ag&#x200B;ra\r\n")
                                      << QStringLiteral("viagra") << S::Body << true;

    const QByteArray multipart = crlf("Subject: parts\nContent-Type: multipart/mixed; boundary=B\n\n--B\n"
                                      "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n")
        + QByteArray("binary viagra").toBase64()
        + crlf("\n--B\nContent-Type: message/rfc822\n\nSubject: inner lottery\n\nYou won the lottery\n--B--\n");
    QTest::newRow("binary attachment not body") << multipart << QStringLiteral("viagra") << S::Body << false;
    QTest::newRow("attached message body") << multipart << QStringLiteral("won the lottery") << S::Body << true;
    QTest::newRow("attached message subject not the subject") << multipart << QStringLiteral("inner lottery") << S::Subject << false;

    QTest::newRow("malformed: no final boundary") << crlf("Content-Type: multipart/mixed; boundary=B\n\n--B\n\nunfinished jackpot")
                                                   << QStringLiteral("jackpot") << S::Body << true;
    QTest::newRow("malformed: bad base64") << singlePart("hi", "text/plain", "base64", "SGVsbG8*!!gdm@@lhZ3Jh====\r\n")
                                           << QStringLiteral("hello viagra") << S::Body << true;
    QTest::newRow("malformed: no content type") << QByteArray("Subject: x\r\n\r\nplain jackpot\r\n")
                                                << QStringLiteral("jackpot") << S::Body << true;
}

void TestMessageScanner::filters()
{
    QFETCH(QByteArray, message);
    QFETCH(QString, text);
    QFETCH(ContentFilter::Scope, scope);
    QFETCH(bool, matches);
    QCOMPARE(scanMatches(message, text, scope, message.size()), matches);
    QCOMPARE(scanMatches(message, text, scope, 1), matches);
    QCOMPARE(scanMatches(message, text, scope, 5), matches);
}

void TestMessageScanner::splitAcrossBlocks()
{
    ContentFilterMatcher matcher({ContentFilter(QStringLiteral("Viagra Pills"), ContentFilter::Scope::Body)});
    matcher.beginSegment(ContentFilter::Scope::Body);
    matcher.feed(u"buy cheap VIA");
    QVERIFY(!matcher.anyMatched());
    matcher.feed(u"GRA p");
    QVERIFY(!matcher.anyMatched());
    matcher.feed(u"ills now");
    QVERIFY(matcher.anyMatched());
    QCOMPARE(matcher.matchedFilters(), QList<qsizetype>{0});

    // The scanner converts a large text part in slices; a match across the slice border counts.
    // The second line is long, so it arrives in fragments and the first slice ends after "a\r\n".
    QByteArray body(MessageScanner::kTextSlice - 10, 'a');
    body += "\r\nviagra" + QByteArray(200000, 'b') + "\r\n";
    const QByteArray message = singlePart("hi", "text/plain", {}, body);
    QVERIFY(scanMatches(message, QStringLiteral("aa\r\nviagra"), ContentFilter::Scope::Body, 65536));
    QVERIFY(!scanMatches(message, QStringLiteral("aa\r\nviagrac"), ContentFilter::Scope::Body, 65536));
}

void TestMessageScanner::segmentsDoNotJoin()
{
    ContentFilterMatcher matcher({ContentFilter(QStringLiteral("viagra"))});
    matcher.beginSegment(ContentFilter::Scope::Subject);
    matcher.feed(u"via");
    matcher.endSegment();
    matcher.beginSegment(ContentFilter::Scope::Body);
    matcher.feed(u"gra");
    matcher.endSegment();
    QVERIFY(!matcher.anyMatched());
}

void TestMessageScanner::severalFilters()
{
    const QByteArray message = singlePart(b64Word("lottery"), "text/plain", {}, "jackpot\r\n");
    MessageScanner scanner({ContentFilter(QStringLiteral("jackpot"), ContentFilter::Scope::Subject),
                            ContentFilter(QStringLiteral("jackpot"), ContentFilter::Scope::Body),
                            ContentFilter(QStringLiteral("LOTTERY"), ContentFilter::Scope::Subject),
                            ContentFilter(QStringLiteral("absent"))});
    scanner.feed(message);
    scanner.finish();
    QCOMPARE(scanner.matchedFilters(), (QList<qsizetype>{1, 2}));
}

void TestMessageScanner::subjectDecoded()
{
    MessageScanner scanner;
    scanner.feed(singlePart("=?utf-8?q?Gr=C3=BC?=\r\n =?utf-8?q?=C3=9Fe?=", "text/plain", {}, "x"));
    scanner.finish();
    QCOMPARE(scanner.subject(), QStringLiteral("Grüße"));
}

void TestMessageScanner::htmlText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("inline tags vanish") << QStringLiteral("fr<b>ee</b>") << QStringLiteral("free");
    QTest::newRow("block tags space") << QStringLiteral("a<br>b<p>c</p>") << QStringLiteral("a b c ");
    QTest::newRow("entities") << QStringLiteral("&lt;&amp;&gt;&#65;&#x42;&eacute;&bogus;") << QStringLiteral("<&>ABé&bogus;");
    QTest::newRow("style dropped") << QStringLiteral("<STYLE>p{}</style>x") << QStringLiteral("x");
    QTest::newRow("unterminated tag") << QStringLiteral("a<b") << QStringLiteral("a");
    QTest::newRow("unterminated comment") << QStringLiteral("a<!-- b") << QStringLiteral("a");
    QTest::newRow("bad numeric") << QStringLiteral("&#0;&#xD800;&#99999999;") << QStringLiteral("&#0;&#xD800;&#99999999;");
}

void TestMessageScanner::htmlText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(HtmlText::toPlainText(html), text);
}

void TestMessageScanner::filterValidation()
{
    QVERIFY(!ContentFilter::validate(QStringLiteral("  ")).isEmpty());
    QVERIFY(ContentFilter::validate(QStringLiteral("x")).isEmpty());
    QVERIFY(ContentFilter::validate(QStringLiteral("a\tb")).contains(QStringLiteral("control")));
    QVERIFY(ContentFilter::validate(QStringLiteral("a\nb")).contains(QStringLiteral("control")));
    for (const auto scope : {ContentFilter::Scope::Subject, ContentFilter::Scope::Headers, ContentFilter::Scope::Body, ContentFilter::Scope::All})
        QCOMPARE(ContentFilter::scopeFromString(ContentFilter::scopeName(scope)), scope);
    QCOMPARE(ContentFilter::scopeFromString(u" BODY "), ContentFilter::Scope::Body);
    QVERIFY(!ContentFilter::scopeFromString(u"bodies").has_value());
}

void TestMessageScanner::uuencodedNames()
{
    const QByteArray message = crlf("Subject: uu\nContent-Type: multipart/mixed; boundary=U\n\n--U\n"
                                    "Content-Type: text/plain\n\nsee below\nbegin 644 payload.exe\nM5&AE\n`\nend\n"
                                    "and we begin 644 not-a-name.exe here\n"
                                    "--U\nContent-Type: text/html\n\n<pre>\nbegin 644 html.exe\n</pre>\n--U--\n");
    MessageScanner scanner;
    scanner.feed(message);
    scanner.finish();
    QCOMPARE(scanner.attachmentNames(), QStringList{QStringLiteral("payload.exe")});
}

QTEST_GUILESS_MAIN(TestMessageScanner)
#include "tst_messagescanner.moc"
