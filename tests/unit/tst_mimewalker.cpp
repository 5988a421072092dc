// The MIME walker: every part, every attachment name, nesting, the depth limit, malformed input,
// and the corpus replayed whole and in chunks.

#include "messagescanner.h"
#include "mimetestmessages.h"
#include "mimepart.h"
#include "mimevisitor.h"
#include "mimewalker.h"

#include <QtTest>

namespace {

using MimeTestMessages::crlf;
using MimeTestMessages::nested;
using MimeTestMessages::withAttachmentHeader;

// Writes down every event as one line, for comparing structure and chunked against whole.
class RecordingVisitor : public MimeVisitor
{
public:
    void partStarted(const MimePart &part) override
    {
        m_events.append(QString::number(part.depth()) + QLatin1Char(' ') + QString::fromLatin1(part.contentType())
                        + (part.fileNames().isEmpty() ? QString() : QLatin1Char(' ') + part.fileNames().join(QLatin1Char('|'))));
    }
    void bodyData(QByteArrayView decoded) override { m_body.append(decoded); }
    void bodyFinished() override
    {
        m_events.append(QStringLiteral("body ") + QString::number(m_body.size()) + QLatin1Char(' ')
                        + QString::number(qHash(m_body)));
        m_body.clear();
    }
    QStringList events() const { return m_events; }

private:
    QStringList m_events;
    QByteArray m_body;
};

QStringList walkEvents(const QByteArray &message, qsizetype chunk, bool *unscannable = nullptr)
{
    RecordingVisitor visitor;
    MimeWalker walker(visitor);
    for (qsizetype i = 0; i < message.size(); i += chunk)
        walker.feed(QByteArrayView(message).sliced(i, std::min(chunk, message.size() - i)));
    walker.finish();
    if (unscannable)
        *unscannable = walker.isUnscannable();
    return visitor.events();
}

QStringList corpusFiles()
{
    const QDir dir(QFINDTESTDATA("../data/mime-corpus"));
    QStringList files;
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
}

} // namespace

class TestMimeWalker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileNames_data();
    void fileNames();
    void structure_data();
    void structure();
    void depthLimit_data();
    void depthLimit();
    void malformed_data();
    void malformed();
    void longLines();
    void corpus_data();
    void corpus();
};

void TestMimeWalker::fileNames_data()
{
    QTest::addColumn<QByteArray>("partHeader");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("plain") << QByteArray("Content-Disposition: attachment; filename=virus.exe") << QStringList{QStringLiteral("virus.exe")};
    QTest::newRow("quoted") << QByteArray("Content-Disposition: attachment; filename=\"my virus.exe\"") << QStringList{QStringLiteral("my virus.exe")};
    QTest::newRow("rfc2231 single") << QByteArray("Content-Disposition: attachment; filename*=utf-8''%E2%82%AC-rechnung.exe") << QStringList{QStringLiteral("€-rechnung.exe")};
    QTest::newRow("rfc2231 continued charset") << QByteArray("Content-Disposition: attachment;\n filename*0*=iso-8859-1''r%E9sum;\n filename*1*=%E9.;\n filename*2=exe") << QStringList{QStringLiteral("résumé.exe")};
    QTest::newRow("rfc2231 windows-1252") << QByteArray("Content-Disposition: attachment; filename*=windows-1252''%80uro.js") << QStringList{QStringLiteral("€uro.js")};
    QTest::newRow("rfc2047 B") << QByteArray("Content-Disposition: attachment; filename=\"=?UTF-8?B?R3LDvMOfZS5leGU=?=\"") << QStringList{QStringLiteral("Grüße.exe")};
    QTest::newRow("rfc2047 Q") << QByteArray("Content-Disposition: attachment; filename=\"=?iso-8859-1?Q?r=E9sum=E9.exe?=\"") << QStringList{QStringLiteral("résumé.exe")};
    QTest::newRow("rfc2047 split words") << QByteArray("Content-Disposition: attachment; filename=\"=?UTF-8?B?R3LDvA==?=\n =?UTF-8?B?w59lLmV4ZQ==?=\"") << QStringList{QStringLiteral("Grüße.exe")};
    QTest::newRow("rfc2047 koi8-r") << QByteArray("Content-Type: application/octet-stream; name=\"=?koi8-r?B?8NLJ18XULmV4ZQ==?=\"") << QStringList{QStringLiteral("Привет.exe")};
    QTest::newRow("content-type name only") << QByteArray("Content-Type: application/octet-stream; name=\"only.exe\"") << QStringList{QStringLiteral("only.exe")};
    QTest::newRow("content-type name rfc2231") << QByteArray("Content-Type: application/octet-stream; name*=utf-8''n%C3%A4me.js") << QStringList{QStringLiteral("näme.js")};
    QTest::newRow("both differ") << QByteArray("Content-Type: application/pdf; name=\"harmless.pdf\"\nContent-Disposition: attachment; filename=\"evil.exe\"") << QStringList{QStringLiteral("evil.exe"), QStringLiteral("harmless.pdf")};
    QTest::newRow("both same") << QByteArray("Content-Type: application/pdf; name=\"same.pdf\"\nContent-Disposition: attachment; filename=\"same.pdf\"") << QStringList{QStringLiteral("same.pdf")};
    QTest::newRow("inline with name") << QByteArray("Content-Type: image/png\nContent-Disposition: inline; filename=pic.png") << QStringList{QStringLiteral("pic.png")};
    QTest::newRow("header names any case") << QByteArray("CONTENT-DISPOSITION: ATTACHMENT; FILENAME=UP.EXE") << QStringList{QStringLiteral("UP.EXE")};
    QTest::newRow("no name") << QByteArray("Content-Type: application/octet-stream") << QStringList{};
}

void TestMimeWalker::fileNames()
{
    QFETCH(QByteArray, partHeader);
    QFETCH(QStringList, names);
    const QByteArray message = withAttachmentHeader(partHeader);
    MessageScanner scanner;
    scanner.feed(message);
    scanner.finish();
    QVERIFY(!scanner.isUnscannable());
    QCOMPARE(scanner.attachmentNames(), names);
    QCOMPARE(scanner.partCount(), 3);
}

void TestMimeWalker::structure_data()
{
    QTest::addColumn<QString>("corpusFile");
    QTest::addColumn<QStringList>("parts"); // "depth type [names]" of each part, bodies left out
    QTest::newRow("mixed in alternative") << QStringLiteral("alternative-nested.eml")
        << QStringList{QStringLiteral("0 multipart/alternative"), QStringLiteral("1 text/plain"), QStringLiteral("1 multipart/mixed"),
                       QStringLiteral("2 text/html"), QStringLiteral("2 application/x-msdownload setup .scr")};
    QTest::newRow("attached message with attachment") << QStringLiteral("rfc822-attached.eml")
        << QStringList{QStringLiteral("0 multipart/mixed"), QStringLiteral("1 text/plain"), QStringLiteral("1 message/rfc822"),
                       QStringLiteral("2 multipart/mixed"), QStringLiteral("3 text/plain"), QStringLiteral("3 application/zip Grüße.exe")};
    QTest::newRow("digest defaults to message/rfc822") << QStringLiteral("digest.eml")
        << QStringList{QStringLiteral("0 multipart/digest"), QStringLiteral("1 message/rfc822"), QStringLiteral("2 application/octet-stream one.exe"),
                       QStringLiteral("1 message/rfc822"), QStringLiteral("2 text/plain")};
    QTest::newRow("boundary inside a header") << QStringLiteral("boundary-in-header.eml")
        << QStringList{QStringLiteral("0 multipart/mixed"), QStringLiteral("1 application/octet-stream"), QStringLiteral("1 text/plain second.exe")};
    QTest::newRow("no final boundary") << QStringLiteral("no-final-boundary.eml")
        << QStringList{QStringLiteral("0 multipart/mixed"), QStringLiteral("1 text/plain"), QStringLiteral("1 application/octet-stream cut.exe")};
    QTest::newRow("no content type") << QStringLiteral("no-content-type.eml") << QStringList{QStringLiteral("0 text/plain")};
}

void TestMimeWalker::structure()
{
    QFETCH(QString, corpusFile);
    QFETCH(QStringList, parts);
    QFile file(QFINDTESTDATA(QStringLiteral("../data/mime-corpus/") + corpusFile));
    QVERIFY(file.open(QIODevice::ReadOnly));
    RecordingVisitor visitor;
    MimeWalker walker(visitor);
    QVERIFY(walker.walk(file));
    QStringList seen = visitor.events();
    seen.removeIf([](const QString &event) { return event.startsWith(QLatin1String("body ")); });
    QCOMPARE(seen, parts);
}

void TestMimeWalker::depthLimit_data()
{
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<bool>("unscannable");
    QTest::newRow("19 of 20") << 19 << 20 << false;
    QTest::newRow("20 of 20") << 20 << 20 << true; // the leaf sits at depth 21
    QTest::newRow("25 of 20") << 25 << 20 << true;
    QTest::newRow("3 of 3") << 3 << 3 << true;
    QTest::newRow("2 of 3") << 2 << 3 << false;
    QTest::newRow("1000 of 20") << 1000 << 20 << true;
}

void TestMimeWalker::depthLimit()
{
    QFETCH(int, levels);
    QFETCH(int, maxDepth);
    QFETCH(bool, unscannable);
    MessageScanner scanner({}, maxDepth);
    scanner.feed(nested(levels));
    scanner.finish();
    QCOMPARE(scanner.isUnscannable(), unscannable);
    QCOMPARE(scanner.unscannableReason().contains(QLatin1String("deeper than")), unscannable);
    QCOMPARE(scanner.attachmentNames().contains(QLatin1String("deep.exe")), !unscannable);
}

void TestMimeWalker::malformed_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("unscannable");
    QTest::newRow("empty") << QByteArray() << QStringList{} << false;
    QTest::newRow("header only, no newline") << QByteArray("Content-Type: text/plain; name=a.exe") << QStringList{QStringLiteral("a.exe")} << false;
    QTest::newRow("bare LF") << QByteArray("Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: a/b; name=lf.exe\n\nbody\n--x--\n") << QStringList{QStringLiteral("lf.exe")} << false;
    QTest::newRow("multipart without boundary") << crlf("Content-Type: multipart/mixed\n\n--x\nContent-Type: a/b; name=n.exe\n\nq\n") << QStringList{} << false;
    QTest::newRow("boundary with trailing space") << crlf("Content-Type: multipart/mixed; boundary=x\n\n--x  \nContent-Type: a/b; name=s.exe\n\nq\n--x--\n") << QStringList{QStringLiteral("s.exe")} << false;
    QTest::newRow("boundary prefix of a longer line") << crlf("Content-Type: multipart/mixed; boundary=x\n\n--x\n\nbody\n--xy\nContent-Type: a/b; name=no.exe\n\n--x--\n") << QStringList{} << false;
    QTest::newRow("outer boundary closes inner") << crlf("Content-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: multipart/mixed; boundary=i\n\n--i\nContent-Type: a/b; name=1.exe\n\nx\n--o\nContent-Type: a/b; name=2.exe\n\ny\n--o--\n") << QStringList{QStringLiteral("1.exe"), QStringLiteral("2.exe")} << false;
    QTest::newRow("parts after close delimiter ignored") << crlf("Content-Type: multipart/mixed; boundary=x\n\n--x--\n--x\nContent-Type: a/b; name=late.exe\n\n") << QStringList{} << false;
    QTest::newRow("base64 message/rfc822 is a leaf") << crlf("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nQUJD\n") << QStringList{} << false;
    QTest::newRow("empty boundary") << crlf("Content-Type: multipart/mixed; boundary=\"\"\n\n--\n\n") << QStringList{} << false;
    QTest::newRow("nul bytes") << QByteArray("Content-Type: text/plain; name=\"a\0b.exe\"\r\n\r\n\0\0\0", 44) << QStringList{QString::fromLatin1("a\0b.exe", 7)} << false;
    QTest::newRow("header too large") << QByteArray("X-Big: ") + QByteArray(MimeWalker::kMaxHeaderBlock, 'a') + QByteArray("\r\n\r\n") << QStringList{} << true;
}

void TestMimeWalker::malformed()
{
    QFETCH(QByteArray, message);
    QFETCH(QStringList, names);
    QFETCH(bool, unscannable);
    for (const qsizetype chunk : {std::max<qsizetype>(message.size(), 1), qsizetype(7)}) {
        MessageScanner scanner;
        for (qsizetype i = 0; i < message.size(); i += chunk)
            scanner.feed(QByteArrayView(message).sliced(i, std::min(chunk, message.size() - i)));
        scanner.finish();
        QCOMPARE(scanner.attachmentNames(), names);
        QCOMPARE(scanner.isUnscannable(), unscannable);
    }
}

void TestMimeWalker::longLines()
{
    // A 1 MB base64 line in fragments: decoded whole, and a boundary after it still ends the part.
    const QByteArray payload(768 * 1024, 'x');
    const QByteArray message = crlf("Content-Type: multipart/mixed; boundary=L\n\n--L\nContent-Transfer-Encoding: base64\n\n")
        + payload.toBase64() + crlf("\n--L\nContent-Type: a/b; name=after.exe\n\nz\n--L--\n");
    RecordingVisitor whole;
    MimeWalker walker(whole);
    walker.feed(message);
    walker.finish();
    QVERIFY(!walker.isUnscannable());
    QCOMPARE(whole.events().at(2), QStringLiteral("body %1 %2").arg(payload.size()).arg(qHash(payload)));
    QCOMPARE(whole.events().at(3), QStringLiteral("1 a/b after.exe"));
}

void TestMimeWalker::corpus_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = corpusFiles();
    QVERIFY(files.size() >= 10);
    for (const QString &path : files)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestMimeWalker::corpus()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray message = file.readAll();
    bool unscannable = false;
    const QStringList whole = walkEvents(message, std::max<qsizetype>(message.size(), 1), &unscannable);
    QCOMPARE(walkEvents(message, 1), whole);
    QCOMPARE(walkEvents(message, 13), whole);
    QCOMPARE(unscannable, path.endsWith(QLatin1String("too-deep.eml")));
    // The same through a device, as the engine will read a spool file.
    RecordingVisitor visitor;
    MimeWalker walker(visitor);
    file.seek(0);
    QCOMPARE(walker.walk(file), !unscannable);
    QCOMPARE(visitor.events(), whole);
}

QTEST_GUILESS_MAIN(TestMimeWalker)
#include "tst_mimewalker.moc"
