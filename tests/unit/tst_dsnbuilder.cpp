// Delivery status notifications (RFC 3464 / RFC 6522): the report's structure read back by our
// MIME walker and by Python's email package, every field, RET variants, hostile peer text,
// long lines, UTF-8 addresses and the status code taken from a reply.

#include "dsnexplanation.h"
#include "dsnreport.h"
#include "dsnstatusfields.h"
#include "eightbitdowngrade.h"
#include "mimefieldvalue.h"
#include "mimeheader.h"
#include "mimepart.h"
#include "mimevisitor.h"
#include "mimewalker.h"
#include "pythonprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QtTest>

namespace {

const QDateTime kArrival(QDate(2026, 11, 30), QTime(8, 15), Qt::UTC);
const QDateTime kNow(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);

const QByteArray kOriginal = "Return-Path: <alice@example.com>\r\n"
                             "From: Alice <alice@example.com>\r\n"
                             "To: bob@example.org\r\n"
                             "Subject: Quarterly figures\r\n"
                             "\r\n"
                             "Hello Bob,\r\n"
                             "the figures are attached.\r\n";

struct ParsedPart
{
    QByteArray contentType;
    int depth = 0;
    MimeHeader header;
    QByteArray body;
};

class CollectingVisitor : public MimeVisitor
{
public:
    void partStarted(const MimePart &part) override
    {
        m_parts.append({part.contentType(), part.depth(), part.header(), {}});
    }
    void bodyData(QByteArrayView decoded) override { m_parts.last().body.append(decoded); }
    void bodyFinished() override {}
    QList<ParsedPart> parts() const { return m_parts; }

private:
    QList<ParsedPart> m_parts;
};

QList<ParsedPart> walk(const QByteArray &message)
{
    CollectingVisitor visitor;
    MimeWalker walker(visitor);
    walker.feed(message);
    walker.finish();
    return walker.isUnscannable() ? QList<ParsedPart>() : visitor.parts();
}

// The delivery-status body's blocks: per-message fields first, then one per recipient.
QList<MimeHeader> statusBlocks(const QByteArray &body)
{
    QList<MimeHeader> blocks;
    QByteArray separated = body;
    separated.replace("\r\n\r\n", "\x01");
    for (const QByteArray &block : separated.split('\x01')) {
        if (!block.trimmed().isEmpty())
            blocks.append(MimeHeader::parse(block));
    }
    return blocks;
}

DsnReport::Recipient failedBob()
{
    DsnReport::Recipient bob;
    bob.finalRecipient = QStringLiteral("bob@example.org");
    bob.originalRecipient = QStringLiteral("rfc822;Bob@Example.org");
    bob.action = DsnReport::Action::Failed;
    bob.statusCode = QStringLiteral("5.1.1");
    bob.remoteMta = QStringLiteral("mx.example.org");
    bob.diagnostic = QStringLiteral("550 5.1.1 User unknown");
    bob.lastAttempt = kNow.addSecs(-60);
    bob.willRetryUntil = kNow.addDays(4);   // must not appear: only for delayed
    return bob;
}

DsnReport::Recipient delayedCarol()
{
    DsnReport::Recipient carol;
    carol.finalRecipient = QStringLiteral("carol@example.net");
    carol.action = DsnReport::Action::Delayed;
    carol.statusCode = QStringLiteral("4.4.1");
    carol.lastAttempt = kNow.addSecs(-120);
    carol.willRetryUntil = QDateTime(QDate(2026, 12, 5), QTime(8, 15), Qt::UTC);
    return carol;
}

DsnReport baseReport()
{
    DsnReport report;
    report.reportingMta = QStringLiteral("mail.example.com");
    report.recipientOfReport = QStringLiteral("alice@example.com");
    report.envelopeId = QStringLiteral("QQ314159");
    report.arrivalDate = kArrival;
    report.receivedFromMta = QStringLiteral("dns; [192.0.2.7]");
    report.recipients = {failedBob()};
    return report;
}

QList<QByteArray> lines(const QByteArray &bytes)
{
    return bytes.split('\n');
}

const char *const kPythonReader = R"PY(
import sys, json, email
from email import policy
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.compat32)
parts = msg.get_payload()
out = {"type": msg.get_content_type(), "report_type": msg.get_param("report-type"),
       "parts": [p.get_content_type() for p in parts], "defects": len(msg.defects),
       "subject": msg["Subject"], "auto": msg["Auto-Submitted"]}
out["blocks"] = [dict((k, " ".join(v.split())) for k, v in b.items()) for b in parts[1].get_payload()]
out["text"] = parts[0].get_payload(decode=True).decode("utf-8")
if parts[2].get_content_type() == "message/rfc822":
    inner = parts[2].get_payload()[0]
    out["inner_subject"] = inner["Subject"]
    out["inner_body"] = inner.get_payload()
else:
    out["headers"] = parts[2].get_payload()
print(json.dumps(out))
)PY";

} // namespace

class TestDsnBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structure();
    void messageHeaders();
    void subjects_data();
    void subjects();
    void perMessageFields();
    void recipientFields();
    void successReport();
    void optionalFieldsLeftOut();
    void returnVariants_data();
    void returnVariants();
    void eightBitOriginal();
    void readByPython_data();
    void readByPython();
    void explanationInPlainWords();
    void hostileDiagnostic();
    void longLines();
    void utf8Address();
    void statusFromReply_data();
    void statusFromReply();
};

void TestDsnBuilder::structure()
{
    const QByteArray dsn = DsnBuilder::build(baseReport(), kOriginal, kNow);
    const QList<ParsedPart> parts = walk(dsn);
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0).contentType, QByteArray("multipart/report"));
    QCOMPARE(parts.at(1).contentType, QByteArray("text/plain"));
    QCOMPARE(parts.at(2).contentType, QByteArray("message/delivery-status"));
    QCOMPARE(parts.at(3).contentType, QByteArray("text/rfc822-headers"));
    for (int i = 1; i < 4; ++i)
        QCOMPARE(parts.at(i).depth, 1);

    const MimeFieldValue type = MimeFieldValue::parse(parts.at(0).header.rawValue("Content-Type"));
    QCOMPARE(type.rawParameter("report-type"), QByteArray("delivery-status"));
    const QByteArray boundary = type.rawParameter("boundary");
    QVERIFY(!boundary.isEmpty());
    QVERIFY(!kOriginal.contains(boundary));
    QCOMPARE(dsn.count("--" + boundary + "\r\n"), 3);
    QVERIFY(dsn.endsWith("--" + boundary + "--\r\n"));

    // CRLF only: no bare LF, no bare CR.
    QCOMPARE(dsn.count('\n'), dsn.count("\r\n"));
    QCOMPARE(dsn.count('\r'), dsn.count("\r\n"));
    QCOMPARE(MimeFieldValue::parse(parts.at(1).header.rawValue("Content-Type")).rawParameter("charset"),
             QByteArray("utf-8"));
}

void TestDsnBuilder::messageHeaders()
{
    const QByteArray dsn = DsnBuilder::build(baseReport(), kOriginal, kNow);
    const MimeHeader header = MimeHeader::parse(dsn.first(dsn.indexOf("\r\n\r\n") + 2));
    QCOMPARE(header.rawValue("From").trimmed(), QByteArray("Mail Delivery System <MAILER-DAEMON@mail.example.com>"));
    QCOMPARE(header.rawValue("To").trimmed(), QByteArray("<alice@example.com>"));
    QCOMPARE(header.rawValue("Date").trimmed(), QByteArray("Mon, 30 Nov 2026 10:00:00 +0000"));
    QCOMPARE(header.rawValue("Auto-Submitted").trimmed(), QByteArray("auto-replied"));
    QCOMPARE(header.rawValue("MIME-Version").trimmed(), QByteArray("1.0"));
    const QByteArray messageId = header.rawValue("Message-ID").trimmed();
    QVERIFY2(messageId.startsWith('<') && messageId.endsWith("@mail.example.com>"), messageId.constData());
    const QByteArray other = MimeHeader::parse(DsnBuilder::build(baseReport(), kOriginal, kNow)).rawValue("Message-ID");
    QVERIFY(other.trimmed() != messageId);
    for (const QByteArray &line : lines(dsn.first(dsn.indexOf("\r\n\r\n"))))
        QVERIFY2(line.size() <= 79, line.constData());
}

void TestDsnBuilder::subjects_data()
{
    QTest::addColumn<QList<int>>("actions");
    QTest::addColumn<QByteArray>("subject");
    const auto failed = int(DsnReport::Action::Failed);
    const auto delayed = int(DsnReport::Action::Delayed);
    const auto delivered = int(DsnReport::Action::Delivered);
    const auto relayed = int(DsnReport::Action::Relayed);
    QTest::newRow("failed") << QList<int>{failed} << QByteArray("Undelivered Mail Returned to Sender");
    QTest::newRow("delayed") << QList<int>{delayed} << QByteArray("Delayed Mail (still being retried)");
    QTest::newRow("delivered") << QList<int>{delivered} << QByteArray("Successful Mail Delivery Report");
    QTest::newRow("relayed") << QList<int>{relayed, delivered} << QByteArray("Successful Mail Delivery Report");
    QTest::newRow("mixed") << QList<int>{delivered, delayed, failed} << QByteArray("Undelivered Mail Returned to Sender");
    QTest::newRow("delayed and delivered") << QList<int>{delivered, delayed}
                                           << QByteArray("Delayed Mail (still being retried)");
}

void TestDsnBuilder::subjects()
{
    QFETCH(QList<int>, actions);
    QFETCH(QByteArray, subject);
    DsnReport report = baseReport();
    report.recipients.clear();
    for (const int action : actions) {
        DsnReport::Recipient recipient = failedBob();
        recipient.action = static_cast<DsnReport::Action>(action);
        report.recipients.append(recipient);
    }
    const QByteArray dsn = DsnBuilder::build(report, kOriginal, kNow);
    QCOMPARE(MimeHeader::parse(dsn.first(dsn.indexOf("\r\n\r\n"))).rawValue("Subject").trimmed(), subject);
}

void TestDsnBuilder::perMessageFields()
{
    const QList<MimeHeader> blocks = statusBlocks(walk(DsnBuilder::build(baseReport(), kOriginal, kNow)).at(2).body);
    QCOMPARE(blocks.size(), 2);
    const MimeHeader &message = blocks.first();
    QCOMPARE(message.fieldCount(), 4);
    QCOMPARE(message.rawValue("Reporting-MTA").trimmed(), QByteArray("dns; mail.example.com"));
    QCOMPARE(message.rawValue("Original-Envelope-Id").trimmed(), QByteArray("QQ314159"));
    QCOMPARE(message.rawValue("Received-From-MTA").trimmed(), QByteArray("dns; [192.0.2.7]"));
    QCOMPARE(message.rawValue("Arrival-Date").trimmed(), QByteArray("Mon, 30 Nov 2026 08:15:00 +0000"));

    // A bare host name gets its type.
    DsnReport report = baseReport();
    report.receivedFromMta = QStringLiteral("relay.example.com");
    const QList<MimeHeader> bare = statusBlocks(walk(DsnBuilder::build(report, kOriginal, kNow)).at(2).body);
    QCOMPARE(bare.first().rawValue("Received-From-MTA").trimmed(), QByteArray("dns; relay.example.com"));
}

void TestDsnBuilder::recipientFields()
{
    DsnReport report = baseReport();
    report.recipients.append(delayedCarol());
    const QList<MimeHeader> blocks = statusBlocks(walk(DsnBuilder::build(report, kOriginal, kNow)).at(2).body);
    QCOMPARE(blocks.size(), 3);
    const MimeHeader &bob = blocks.at(1);
    QCOMPARE(bob.rawValue("Original-Recipient").trimmed(), QByteArray("rfc822;Bob@Example.org"));
    QCOMPARE(bob.rawValue("Final-Recipient").trimmed(), QByteArray("rfc822; bob@example.org"));
    QCOMPARE(bob.rawValue("Action").trimmed(), QByteArray("failed"));
    QCOMPARE(bob.rawValue("Status").trimmed(), QByteArray("5.1.1"));
    QCOMPARE(bob.rawValue("Remote-MTA").trimmed(), QByteArray("dns; mx.example.org"));
    QCOMPARE(bob.rawValue("Diagnostic-Code").trimmed(), QByteArray("smtp; 550 5.1.1 User unknown"));
    QCOMPARE(bob.rawValue("Last-Attempt-Date").trimmed(), QByteArray("Mon, 30 Nov 2026 09:59:00 +0000"));
    QVERIFY(!bob.contains("Will-Retry-Until"));

    const MimeHeader &carol = blocks.at(2);
    QCOMPARE(carol.rawValue("Final-Recipient").trimmed(), QByteArray("rfc822; carol@example.net"));
    QCOMPARE(carol.rawValue("Action").trimmed(), QByteArray("delayed"));
    QCOMPARE(carol.rawValue("Status").trimmed(), QByteArray("4.4.1"));
    QCOMPARE(carol.rawValue("Will-Retry-Until").trimmed(), QByteArray("Sat, 5 Dec 2026 08:15:00 +0000"));
    QVERIFY(!carol.contains("Original-Recipient"));
}

void TestDsnBuilder::successReport()
{
    DsnReport report = baseReport();
    DsnReport::Recipient dave;
    dave.finalRecipient = QStringLiteral("dave@example.com");
    dave.action = DsnReport::Action::Delivered;
    dave.statusCode = QStringLiteral("2.0.0");
    dave.remoteMta = QStringLiteral("mx.example.com");
    dave.diagnostic = QStringLiteral("250 2.0.0 Ok: queued as 4F2A");
    dave.willRetryUntil = kNow.addDays(1);
    DsnReport::Recipient erin = dave;
    erin.finalRecipient = QStringLiteral("erin@example.com");
    erin.action = DsnReport::Action::Relayed;
    report.recipients = {dave, erin};
    const QList<ParsedPart> parts = walk(DsnBuilder::build(report, kOriginal, kNow));
    const QString text = QString::fromUtf8(parts.at(1).body);
    QVERIFY(text.contains(QStringLiteral("Your message was delivered to these recipients:")));
    QVERIFY(text.contains(QStringLiteral("passed on")));
    QVERIFY(!text.contains(QStringLiteral("What you can do")));
    QVERIFY(!text.contains(QStringLiteral("Reason:")));
    const QList<MimeHeader> blocks = statusBlocks(parts.at(2).body);
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks.at(1).rawValue("Action").trimmed(), QByteArray("delivered"));
    QCOMPARE(blocks.at(2).rawValue("Action").trimmed(), QByteArray("relayed"));
    QCOMPARE(blocks.at(1).rawValue("Status").trimmed(), QByteArray("2.0.0"));
    QVERIFY(!blocks.at(1).contains("Will-Retry-Until"));
}

void TestDsnBuilder::optionalFieldsLeftOut()
{
    DsnReport report = baseReport();
    report.envelopeId.clear();
    report.receivedFromMta.clear();
    DsnReport::Recipient bare;
    bare.finalRecipient = QStringLiteral("dave@example.com");
    bare.action = DsnReport::Action::Failed;
    bare.statusCode = QStringLiteral("5.4.4");
    report.recipients = {bare};
    const QList<MimeHeader> blocks = statusBlocks(walk(DsnBuilder::build(report, kOriginal, kNow)).at(2).body);
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0).fieldCount(), 2);   // Reporting-MTA, Arrival-Date
    QCOMPARE(blocks.at(1).fieldCount(), 3);   // Final-Recipient, Action, Status
    for (const char *absent : {"Original-Recipient", "Remote-MTA", "Diagnostic-Code", "Last-Attempt-Date"})
        QVERIFY2(!blocks.at(1).contains(absent), absent);
}

void TestDsnBuilder::returnVariants_data()
{
    QTest::addColumn<int>("ret");
    QTest::addColumn<QByteArray>("type");
    QTest::newRow("unspecified") << int(DsnReturn::Unspecified) << QByteArray("text/rfc822-headers");
    QTest::newRow("hdrs") << int(DsnReturn::Headers) << QByteArray("text/rfc822-headers");
    QTest::newRow("full") << int(DsnReturn::Full) << QByteArray("message/rfc822");
}

void TestDsnBuilder::returnVariants()
{
    QFETCH(int, ret);
    QFETCH(QByteArray, type);
    DsnReport report = baseReport();
    report.ret = static_cast<DsnReturn>(ret);
    const QByteArray dsn = DsnBuilder::build(report, kOriginal, kNow);
    const QList<ParsedPart> parts = walk(dsn);
    QCOMPARE(parts.at(3).contentType, type);
    if (type == "message/rfc822") {
        QVERIFY(dsn.contains(kOriginal));
        QCOMPARE(parts.at(4).depth, 2);
        QCOMPARE(parts.at(4).header.rawValue("Subject").trimmed(), QByteArray("Quarterly figures"));
        // Our walker keeps the line break that belongs to the next delimiter.
        QCOMPARE(parts.at(4).body, QByteArray("Hello Bob,\r\nthe figures are attached.\r\n\r\n"));
    } else {
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(3).body, kOriginal.first(kOriginal.indexOf("\r\n\r\n") + 4));
        QVERIFY(!dsn.contains("the figures are attached"));
    }
}

void TestDsnBuilder::eightBitOriginal()
{
    DsnReport report = baseReport();
    report.ret = DsnReturn::Full;
    // An 8-bit body comes back converted, so the report itself stays 7-bit.
    const QByteArray body = "Gr\xc3\xbc\xc3\x9f""e\r\n";
    QByteArray dsn = DsnBuilder::build(report, "Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body, kNow);
    QVERIFY(!EightBitDowngrade::hasEightBit(dsn));
    QList<ParsedPart> parts = walk(dsn);
    QCOMPARE(parts.at(3).header.rawValue("Content-Transfer-Encoding").trimmed(), QByteArray("7bit"));
    QCOMPARE(parts.at(4).body, body + "\r\n");

    // An 8-bit header cannot be converted: the part says 8bit.
    dsn = DsnBuilder::build(report, "Subject: Gr\xc3\xbc\xc3\x9f""e\r\n\r\n" + body, kNow);
    parts = walk(dsn);
    QCOMPARE(parts.at(3).header.rawValue("Content-Transfer-Encoding").trimmed(), QByteArray("8bit"));
    QCOMPARE(parts.at(4).body, body + "\r\n");
}

void TestDsnBuilder::readByPython_data()
{
    returnVariants_data();
}

void TestDsnBuilder::readByPython()
{
    QFETCH(int, ret);
    QFETCH(QByteArray, type);
    QVERIFY2(PythonProbe::available(), "this test reads the report with /usr/bin/python3");
    DsnReport report = baseReport();
    report.ret = static_cast<DsnReturn>(ret);
    report.recipients.append(delayedCarol());
    bool ok = false;
    const QByteArray json = PythonProbe::run(QString::fromLatin1(kPythonReader),
                                             DsnBuilder::build(report, kOriginal, kNow), &ok);
    QVERIFY(ok);
    const QJsonObject out = QJsonDocument::fromJson(json).object();
    QCOMPARE(out.value(QStringLiteral("type")).toString(), QStringLiteral("multipart/report"));
    QCOMPARE(out.value(QStringLiteral("report_type")).toString(), QStringLiteral("delivery-status"));
    QCOMPARE(out.value(QStringLiteral("defects")).toInt(), 0);
    QCOMPARE(out.value(QStringLiteral("auto")).toString(), QStringLiteral("auto-replied"));
    const QJsonArray types = out.value(QStringLiteral("parts")).toArray();
    QCOMPARE(types.size(), 3);
    QCOMPARE(types.at(1).toString(), QStringLiteral("message/delivery-status"));
    QCOMPARE(types.at(2).toString(), QString::fromLatin1(type));

    const QJsonArray blocks = out.value(QStringLiteral("blocks")).toArray();
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks.at(0).toObject().value(QStringLiteral("Reporting-MTA")).toString(),
             QStringLiteral("dns; mail.example.com"));
    QCOMPARE(blocks.at(1).toObject().value(QStringLiteral("Diagnostic-Code")).toString(),
             QStringLiteral("smtp; 550 5.1.1 User unknown"));
    QCOMPARE(blocks.at(2).toObject().value(QStringLiteral("Action")).toString(), QStringLiteral("delayed"));
    QVERIFY(out.value(QStringLiteral("text")).toString().contains(QStringLiteral("bob@example.org")));
    if (type == "message/rfc822") {
        QCOMPARE(out.value(QStringLiteral("inner_subject")).toString(), QStringLiteral("Quarterly figures"));
        QCOMPARE(out.value(QStringLiteral("inner_body")).toString(),
                 QStringLiteral("Hello Bob,\r\nthe figures are attached.\r\n"));
    } else {
        QCOMPARE(out.value(QStringLiteral("headers")).toString(),
                 QString::fromLatin1(kOriginal.first(kOriginal.indexOf("\r\n\r\n") + 2)));
    }
}

void TestDsnBuilder::explanationInPlainWords()
{
    DsnReport report = baseReport();
    report.recipients.append(delayedCarol());
    const QList<ParsedPart> parts = walk(DsnBuilder::build(report, kOriginal, kNow));
    const QString text = QString::fromUtf8(parts.at(1).body);
    QVERIFY(text.startsWith(QStringLiteral("This is the mail system at mail.example.com.")));
    QVERIFY(text.contains(QStringLiteral("\"Quarterly figures\"")));
    QVERIFY(text.contains(QStringLiteral("could not be delivered")));
    QVERIFY(text.contains(QStringLiteral("the address does not exist")));
    QVERIFY(text.contains(QStringLiteral("The receiving server (mx.example.org) said:")));
    QVERIFY(text.contains(QStringLiteral("550 5.1.1 User unknown")));
    QVERIFY(text.contains(QStringLiteral("check each address")));
    QVERIFY(text.contains(QStringLiteral("not been delivered yet")));
    QVERIFY(text.simplified().contains(
        QStringLiteral("Postern will keep trying until Saturday 5 December 2026, 08:15 UTC; you do not need to send it again.")));
    // Bad news first: the failure section comes before the delay section.
    QVERIFY(text.indexOf(QStringLiteral("bob@example.org")) < text.indexOf(QStringLiteral("carol@example.net")));
    for (const QByteArray &line : lines(parts.at(1).body))
        QVERIFY2(line.size() < 78, line.constData());
    QCOMPARE(DsnExplanation::reasonInWords(QStringLiteral("5.2.2")), QStringLiteral("the recipient's mailbox is full"));
    QCOMPARE(DsnExplanation::reasonInWords(QStringLiteral("4.9.9")), QStringLiteral("a temporary problem"));
}

void TestDsnBuilder::hostileDiagnostic()
{
    DsnReport report = baseReport();
    DsnReport::Recipient bob = failedBob();
    bob.diagnostic = QStringLiteral("550 5.1.1 no\r\nX-Injected: yes\r\n\r\nContent-Type: text/html\n\rAction: delivered");
    bob.remoteMta = QStringLiteral("mx.example.org\r\nX-Host-Injected: 1");
    bob.originalRecipient = QStringLiteral("rfc822;bob@example.org\r\nX-Orcpt-Injected: 1");
    report.envelopeId = QStringLiteral("id\r\nX-Envid-Injected: 1");
    report.recipients = {bob};
    const QByteArray dsn = DsnBuilder::build(report, kOriginal, kNow);
    for (const QByteArray &line : lines(dsn))
        QVERIFY2(!line.startsWith("X-") && !line.startsWith("Action: delivered"), line.constData());
    const QList<MimeHeader> blocks = statusBlocks(walk(dsn).at(2).body);
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(1).rawValues("Action").size(), 1);
    QCOMPARE(blocks.at(1).rawValue("Action").trimmed(), QByteArray("failed"));
    QCOMPARE(blocks.at(1).rawValue("Diagnostic-Code").simplified(),
             QByteArray("smtp; 550 5.1.1 no X-Injected: yes Content-Type: text/html Action: delivered"));
    QCOMPARE(walk(dsn).size(), 4);
}

void TestDsnBuilder::longLines()
{
    DsnReport report = baseReport();
    DsnReport::Recipient bob = failedBob();
    bob.diagnostic = QStringLiteral("550 5.7.1 ") + QString(5000, QLatin1Char('x')) + QStringLiteral(" end ")
                     + QStringLiteral("word ").repeated(300);
    bob.remoteMta = QString(1200, QLatin1Char('h'));
    report.recipients = {bob};
    const QByteArray dsn = DsnBuilder::build(report, kOriginal, kNow);
    for (const QByteArray &line : lines(dsn))
        QVERIFY2(line.size() <= 998, QByteArray::number(line.size()).constData());
    const ParsedPart status = walk(dsn).at(2);
    const MimeHeader recipient = statusBlocks(status.body).at(1);
    const QByteArray diagnostic = recipient.rawValue("Diagnostic-Code");
    QVERIFY(diagnostic.trimmed().startsWith("smtp; 550 5.7.1 xxxx"));
    QVERIFY(diagnostic.size() <= DsnStatusFields::kMaxValue + 16);
    // Text made of words folds at the usual width.
    const QByteArray folded = DsnStatusFields::foldedField("Diagnostic-Code", QByteArray("word ").repeated(100).trimmed());
    for (const QByteArray &line : lines(folded))
        QVERIFY2(line.size() <= 79, line.constData());
    QCOMPARE(MimeHeader::parse(folded).rawValue("Diagnostic-Code").simplified(), QByteArray("word ").repeated(100).trimmed());
}

void TestDsnBuilder::utf8Address()
{
    DsnReport report = baseReport();
    DsnReport::Recipient joerg = failedBob();
    joerg.finalRecipient = QStringLiteral("jörg+x@exämple.org");
    joerg.originalRecipient = QStringLiteral("rfc822;Jörg@exämple.org");
    report.recipients = {joerg};
    const QByteArray dsn = DsnBuilder::build(report, kOriginal, kNow);
    const QList<ParsedPart> parts = walk(dsn);
    QVERIFY(!EightBitDowngrade::hasEightBit(dsn));
    const MimeHeader recipient = statusBlocks(parts.at(2).body).at(1);
    QCOMPARE(recipient.rawValue("Final-Recipient").trimmed(), QByteArray("utf-8; j\\x{F6}rg\\x{2B}x@ex\\x{E4}mple.org"));
    QCOMPARE(recipient.rawValue("Original-Recipient").trimmed(), QByteArray("utf-8; J\\x{F6}rg@ex\\x{E4}mple.org"));
    // The text part is quoted-printable UTF-8 and names the address as the user wrote it.
    QCOMPARE(parts.at(1).header.rawValue("Content-Transfer-Encoding").trimmed(), QByteArray("quoted-printable"));
    QVERIFY(QString::fromUtf8(parts.at(1).body).contains(QStringLiteral("jörg+x@exämple.org")));
}

void TestDsnBuilder::statusFromReply_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("enhanced") << QStringLiteral("550 5.1.1 User unknown") << 550 << QStringLiteral("5.1.1");
    QTest::newRow("multiline") << QStringLiteral("452-4.2.2 Mailbox full\r\n452 4.2.2 Try later") << 452
                               << QStringLiteral("4.2.2");
    QTest::newRow("without code") << QStringLiteral("5.7.1 Relaying denied") << 554 << QStringLiteral("5.7.1");
    QTest::newRow("three digits") << QStringLiteral("550 5.1.10 Null MX") << 550 << QStringLiteral("5.1.10");
    QTest::newRow("success") << QStringLiteral("250 2.0.0 Ok: queued") << 250 << QStringLiteral("2.0.0");
    QTest::newRow("none") << QStringLiteral("550 User unknown") << 550 << QStringLiteral("5.0.0");
    QTest::newRow("contradicting class") << QStringLiteral("550 4.1.1 Maybe") << 550 << QStringLiteral("5.0.0");
    QTest::newRow("bad class") << QStringLiteral("550 3.1.1 What") << 550 << QStringLiteral("5.0.0");
    QTest::newRow("glued text") << QStringLiteral("550 5.1.1x") << 550 << QStringLiteral("5.0.0");
    QTest::newRow("empty") << QString() << 421 << QStringLiteral("5.0.0");
}

void TestDsnBuilder::statusFromReply()
{
    QFETCH(QString, reply);
    QFETCH(int, code);
    QFETCH(QString, expected);
    QCOMPARE(DsnBuilder::statusFromReply(reply, code, QStringLiteral("5.0.0")), expected);
}

QTEST_GUILESS_MAIN(TestDsnBuilder)
#include "tst_dsnbuilder.moc"
