// Security rules 4 and 5 as one pure decision: every filter scope and action on encoded content
// (base64, quoted-printable, RFC 2047, UTF-8 and Latin-1, HTML), attachment names in every
// encoding and nesting, the seed's wildcard forms, the depth limit, and the order of the rules.

#include "filterlistsnapshot.h"
#include "messagecontentcheck.h"
#include "mimetestmessages.h"

#include <QBuffer>
#include <QtTest>

namespace {

using Action = PolicyDecision::Action;

using MimeTestMessages::crlf;
using MimeTestMessages::nested;
using MimeTestMessages::singlePart;
const auto withAttachment = MimeTestMessages::withAttachmentHeader;

// "text|scope|action" rows, as the admin would add them.
FilterListSnapshot snapshot(const QStringList &filters, const QStringList &patterns)
{
    QList<ContentFilterRecord> records;
    for (const QString &filter : filters) {
        const QStringList f = filter.split(QLatin1Char('|'));
        records << ContentFilterRecord{f.at(0), f.value(1, QStringLiteral("all")), f.value(2, QStringLiteral("reject")), {}};
    }
    QList<AttachmentFilterRecord> attachments;
    for (const QString &pattern : patterns)
        attachments << AttachmentFilterRecord{pattern, {}};
    QStringList problems;
    FilterListSnapshot result = FilterListSnapshot::fromRecords(records, attachments, &problems);
    if (!problems.isEmpty())
        qWarning("%s", qPrintable(problems.join(QLatin1Char('\n'))));
    return result;
}

PolicyDecision checkBytes(const FilterListSnapshot &filters, const QByteArray &message, int maxDepth = 20)
{
    QBuffer buffer;
    buffer.setData(message);
    buffer.open(QIODevice::ReadOnly);
    return MessageContentCheck::check(filters, buffer, maxDepth);
}

} // namespace

class TestMessageContentCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decisions_data();
    void decisions();
    void emptyListsReadNothing();
    void depthLimit();
    void unreadableMessageIsTempfail();
    void snapshotSkipsBadRows();
    void replySafeName();
};

void TestMessageContentCheck::decisions_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("reply");    // the reply line, or empty
    QTest::addColumn<QString>("log");      // expected in the log line

    const int accept = int(Action::Accept);
    const int reject = int(Action::Reject);
    const int drop = int(Action::Drop);
    const QString refusedByFilter = QStringLiteral("550 5.7.1 Message refused by filter");
    const QStringList none;

    // Scopes, on a subject in RFC 2047 encoded words (UTF-8, base64).
    const QByteArray b64Subject = singlePart("=?UTF-8?B?" + QByteArray("Cheap VIAGRA today").toBase64() + "?=",
                                             "text/plain", {}, "nothing here\r\n");
    QTest::newRow("subject filter, 2047 B subject") << b64Subject << QStringList{QStringLiteral("viagra|subject")} << none
        << reject << refusedByFilter << QStringLiteral("refused by \"Filters\" (\"viagra\" in subject, action reject) 550 5.7.1");
    QTest::newRow("headers filter sees the subject") << b64Subject << QStringList{QStringLiteral("VIAGRA|headers")} << none
        << reject << refusedByFilter << QStringLiteral("(\"VIAGRA\" in headers, action reject)");
    QTest::newRow("body filter ignores the subject") << b64Subject << QStringList{QStringLiteral("viagra|body")} << none
        << accept << QString() << QString();
    QTest::newRow("all filter sees the subject") << b64Subject << QStringList{QStringLiteral("viagra|all")} << none
        << reject << refusedByFilter << QStringLiteral("(\"viagra\" in message, action reject)");
    QTest::newRow("encoded form itself not matched") << b64Subject << QStringList{QStringLiteral("=?UTF-8?B?")} << none
        << accept << QString() << QString();
    QTest::newRow("headers filter on another field") << b64Subject << QStringList{QStringLiteral("spambot|headers")} << none
        << reject << refusedByFilter << QStringLiteral("spambot");
    QTest::newRow("subject filter not on another field") << b64Subject << QStringList{QStringLiteral("spambot|subject")} << none
        << accept << QString() << QString();

    // Latin-1 in a Q encoded word, base64 and QP bodies, charsets, HTML.
    const QByteArray qSubject = singlePart("=?iso-8859-1?Q?Gr=FC=DFe_aus_Berlin?=", "text/plain", {}, "x\r\n");
    QTest::newRow("2047 Q latin-1 subject") << qSubject << QStringList{QStringLiteral("GRÜßE AUS|subject")} << none
        << reject << refusedByFilter << QString();
    const QByteArray base64Body = singlePart("hi", "text/plain; charset=utf-8", "base64",
                                             QByteArray("Herzliche Gr\xc3\xbc\xc3\x9f""e, visit casino-royal.example").toBase64() + "\r\n");
    QTest::newRow("base64 utf-8 body, discard") << base64Body << QStringList{QStringLiteral("Casino-Royal|body|discard")} << none
        << drop << QString() << QStringLiteral("dropped by \"Filters\" (\"Casino-Royal\" in body, action discard)");
    QTest::newRow("base64 body, subject filter") << base64Body << QStringList{QStringLiteral("casino|subject")} << none
        << accept << QString() << QString();
    const QByteArray qpBody = singlePart("hi", "text/plain; charset=iso-8859-1", "quoted-printable",
                                         "Un caf=E9 gra=\r\ntuit offert\r\n");
    QTest::newRow("qp latin-1 body across soft break") << qpBody << QStringList{QStringLiteral("café gratuit|body")} << none
        << reject << refusedByFilter << QString();
    const QByteArray latin1 = singlePart("hi", "text/plain; charset=iso-8859-1", "8bit", "Die Gr\xf6\xdf""e z\xe4hlt\r\n");
    const QByteArray mislabelled = singlePart("hi", "text/plain; charset=utf-8", "8bit", "Die Gr\xf6\xdf""e z\xe4hlt\r\n");
    QTest::newRow("latin-1 body") << latin1 << QStringList{QStringLiteral("größe|body")} << none << reject << refusedByFilter << QString();
    QTest::newRow("latin-1 bytes labelled utf-8") << mislabelled << QStringList{QStringLiteral("größe|body")} << none
        << accept << QString() << QString();
    const QByteArray html = singlePart("hi", "text/html; charset=utf-8", "quoted-printable",
                                       "<p>Fr<b>ee</b>&nbsp;m&eacute;ds</p><script>var lottery=1;</script>\r\n");
    QTest::newRow("html text") << html << QStringList{QStringLiteral("free méds|body")} << none << reject << refusedByFilter << QString();
    QTest::newRow("html script not text") << html << QStringList{QStringLiteral("lottery|body")} << none
        << accept << QString() << QString();

    // Several filters: any reject beats a discard, whatever the order they were added in.
    const QByteArray both = singlePart("casino night", "text/plain", {}, "cheap viagra\r\n");
    QTest::newRow("reject beats discard") << both
        << QStringList{QStringLiteral("casino|subject|discard"), QStringLiteral("viagra|body|reject")} << none
        << reject << refusedByFilter << QStringLiteral("\"viagra\" in body");
    QTest::newRow("discard alone") << both
        << QStringList{QStringLiteral("casino|subject|discard"), QStringLiteral("poker|all|reject")} << none
        << drop << QString() << QStringLiteral("\"casino\" in subject");
    QTest::newRow("no filter matches") << both << QStringList{QStringLiteral("poker")} << none << accept << QString() << QString();

    // Attachment names in every encoding, and the wildcard forms.
    const auto refusedAttachment = [](const char *name) {
        return QStringLiteral("550 5.7.1 Attachment type not allowed (%1)").arg(QString::fromUtf8(name));
    };
    QTest::newRow("filename, *.exe") << withAttachment("Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"invoice.exe\"")
        << none << QStringList{QStringLiteral("*.exe")} << reject << refusedAttachment("invoice.exe")
        << QStringLiteral("refused by \"Attachment Filters\" (invoice.exe matches *.exe) 550 5.7.1");
    QTest::newRow("Content-Type name only, .EXE") << withAttachment("Content-Type: application/octet-stream; name=SETUP.Exe")
        << none << QStringList{QStringLiteral(".EXE")} << reject << refusedAttachment("SETUP.Exe") << QStringLiteral("SETUP.Exe matches .EXE");
    QTest::newRow("rfc 2231 utf-8") << withAttachment("Content-Type: application/octet-stream\nContent-Disposition: attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.exe")
        << none << QStringList{QStringLiteral(".exe")} << reject << refusedAttachment("Rechnung M?rz.exe")
        << QStringLiteral("Rechnung März.exe matches .exe");
    QTest::newRow("rfc 2231 continued") << withAttachment("Content-Type: application/octet-stream\nContent-Disposition: attachment;\n filename*0*=iso-8859-1''invoice-r%E9sum;\n filename*1*=%E9.;\n filename*2=js")
        << none << QStringList{QStringLiteral("invoice*.js")} << reject << refusedAttachment("invoice-r?sum?.js")
        << QStringLiteral("invoice-résumé.js matches invoice*.js");
    QTest::newRow("rfc 2047 name") << withAttachment("Content-Type: application/octet-stream; name=\"=?UTF-8?B?R3LDvMOfZS5leGU=?=\"")
        << none << QStringList{QStringLiteral(".E?E")} << reject << refusedAttachment("Gr??e.exe") << QStringLiteral("Grüße.exe matches .E?E");
    QTest::newRow(".E* matches .eml") << withAttachment("Content-Type: application/octet-stream; name=fwd.eml")
        << none << QStringList{QStringLiteral(".E*")} << reject << refusedAttachment("fwd.eml") << QString();
    QTest::newRow(".E?E does not match .ee") << withAttachment("Content-Type: application/octet-stream; name=file.ee")
        << none << QStringList{QStringLiteral(".E?E")} << accept << QString() << QString();
    QTest::newRow(".EXE does not match exe.txt") << withAttachment("Content-Type: text/plain; name=exe.txt")
        << none << QStringList{QStringLiteral(".EXE")} << accept << QString() << QString();
    QTest::newRow(".EXE does not match a.exe.txt") << withAttachment("Content-Type: text/plain; name=a.exe.txt")
        << none << QStringList{QStringLiteral(".EXE"), QStringLiteral("invoice*.js")} << accept << QString() << QString();
    QTest::newRow("trailing dot Windows drops") << withAttachment("Content-Type: application/octet-stream; name=\"run.exe.\"")
        << none << QStringList{QStringLiteral("*.exe")} << reject << refusedAttachment("run.exe.") << QString();

    // Nesting: an attachment inside an attached message inside a multipart/alternative.
    const QByteArray deep = crlf("Subject: fwd\nContent-Type: multipart/mixed; boundary=o\n\n--o\n"
                                 "Content-Type: multipart/alternative; boundary=a\n\n--a\nContent-Type: text/plain\n\nhi\n--a--\n"
                                 "--o\nContent-Type: message/rfc822\n\nSubject: inner\nContent-Type: multipart/mixed; boundary=i\n\n"
                                 "--i\nContent-Type: text/plain\n\ninner text\n--i\n"
                                 "Content-Type: application/zip; name=\"inner.scr\"\n\nUEsDBA==\n--i--\n--o--\n");
    QTest::newRow("nested attached message") << deep << none << QStringList{QStringLiteral(".scr")} << reject
        << refusedAttachment("inner.scr") << QStringLiteral("inner.scr matches .scr");
    QTest::newRow("nested: body filter reads the inner text") << deep << QStringList{QStringLiteral("inner text|body")} << none
        << reject << refusedByFilter << QString();
    QTest::newRow("uuencoded name in plain text") << singlePart("hi", "text/plain", {}, "begin 644 evil.exe\r\nM9&%T80``\r\n`\r\nend\r\n")
        << none << QStringList{QStringLiteral("*.exe")} << reject << refusedAttachment("evil.exe") << QString();

    // An attachment refusal comes before a filter's, as it names what to fix.
    QTest::newRow("attachment before filter") << withAttachment("Content-Type: application/octet-stream; name=x.exe")
        << QStringList{QStringLiteral("hello")} << QStringList{QStringLiteral("*.exe")} << reject << refusedAttachment("x.exe")
        << QStringLiteral("\"Attachment Filters\"");
}

void TestMessageContentCheck::decisions()
{
    QFETCH(QByteArray, message);
    QFETCH(QStringList, filters);
    QFETCH(QStringList, patterns);
    QFETCH(int, action);
    QFETCH(QString, reply);
    QFETCH(QString, log);

    const PolicyDecision decision = checkBytes(snapshot(filters, patterns), message);
    const QString line = decision.logLine(QStringLiteral("message Q1"));
    QCOMPARE(int(decision.action()), action);
    QCOMPARE(QString::fromUtf8(decision.replyLine()), reply);
    QVERIFY2(line.contains(log), qPrintable(line));
    if (action != int(Action::Accept))
        QVERIFY2(!decision.rule().isEmpty(), "a refusal names its rule");
}

void TestMessageContentCheck::emptyListsReadNothing()
{
    QBuffer buffer;
    buffer.setData(withAttachment("Content-Type: application/octet-stream; name=x.exe"));
    buffer.open(QIODevice::ReadOnly);
    const PolicyDecision decision = MessageContentCheck::check(FilterListSnapshot(), buffer);
    QVERIFY(decision.isAccept());
    QCOMPARE(buffer.pos(), 0);
}

void TestMessageContentCheck::depthLimit()
{
    // The innermost part is deep.exe: a pattern for it shows whether the walk got there.
    const FilterListSnapshot patterns = snapshot({}, {QStringLiteral("*.scr")});
    QVERIFY(checkBytes(patterns, nested(3), 5).isAccept());
    QCOMPARE(checkBytes(snapshot({}, {QStringLiteral(".exe")}), nested(3), 5).rule(), QStringLiteral("Attachment Filters"));
    const PolicyDecision deep = checkBytes(patterns, nested(8), 5);
    QCOMPARE(deep.action(), Action::Reject);
    QCOMPARE(deep.replyLine(), QByteArray("550 5.7.1 Message refused: MIME structure too complex to scan"));
    QCOMPARE(deep.rule(), QStringLiteral("Attachment Filters"));
    QVERIFY2(deep.detail().startsWith(QStringLiteral("unscannable: ")), qPrintable(deep.detail()));
    // With only content filters the rule named is Filters: what is past the limit is unread text.
    QCOMPARE(checkBytes(snapshot({QStringLiteral("x")}, {}), nested(8), 5).rule(), QStringLiteral("Filters"));
    // The server's default limit is far above what real mail nests to.
    QVERIFY(checkBytes(patterns, nested(10)).isAccept());
}

void TestMessageContentCheck::unreadableMessageIsTempfail()
{
    QBuffer closed;   // never opened: every read fails
    const PolicyDecision decision = MessageContentCheck::check(snapshot({QStringLiteral("x")}, {}), closed);
    QCOMPARE(decision.action(), Action::Tempfail);
    QVERIFY(decision.replyLine().startsWith("451 4.3.0"));
}

void TestMessageContentCheck::snapshotSkipsBadRows()
{
    QStringList problems;
    const FilterListSnapshot s = FilterListSnapshot::fromRecords(
        {{QStringLiteral("ok"), QStringLiteral("body"), QStringLiteral("discard"), {}},
         {QStringLiteral("  "), QStringLiteral("all"), QStringLiteral("reject"), {}},
         {QStringLiteral("scope"), QStringLiteral("envelope"), QStringLiteral("reject"), {}},
         {QStringLiteral("action"), QStringLiteral("all"), QStringLiteral("bounce"), {}}},
        {{QStringLiteral(".exe"), {}}, {QStringLiteral("a/b"), {}}}, &problems);
    QCOMPARE(s.rules().size(), 1);
    QCOMPARE(s.rules().at(0).action, FilterListSnapshot::Action::Discard);
    QCOMPARE(s.rules().at(0).filter.scope(), ContentFilter::Scope::Body);
    QCOMPARE(s.patterns().size(), 1);
    QCOMPARE(problems.size(), 4);
    QVERIFY(problems.join(QLatin1Char('\n')).contains(QStringLiteral("envelope")));
    QVERIFY(problems.join(QLatin1Char('\n')).contains(QStringLiteral("bounce")));
    QVERIFY(!s.isEmpty());
    QVERIFY(FilterListSnapshot().isEmpty());
}

void TestMessageContentCheck::replySafeName()
{
    QCOMPARE(MessageContentCheck::replySafeName(QStringLiteral("a\r\n250 ok.exe")), QStringLiteral("a??250 ok.exe"));
    QCOMPARE(MessageContentCheck::replySafeName(QStringLiteral("Grüße.exe")), QStringLiteral("Gr??e.exe"));
    const QString longName = QString(200, QLatin1Char('a')) + QStringLiteral(".exe");
    QCOMPARE(MessageContentCheck::replySafeName(longName).size(), MessageContentCheck::kMaxReplyName + 3);
}

QTEST_GUILESS_MAIN(TestMessageContentCheck)
#include "tst_messagecontentcheck.moc"
