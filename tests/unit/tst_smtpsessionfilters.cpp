// The Filters and Attachment Filters at the end of DATA and of BDAT LAST in the pure session: what
// the client hears, that a refused or discarded message reaches no mailbox, that only the client's
// bytes are scanned (not Postern's own trace headers), that an unlimited size still scans, and
// that the session goes on normally afterwards.

#include "filterlistholder.h"
#include "smtpsessionharness.h"

#include <QtTest>

using namespace SmtpSessionTest;

class TestSmtpSessionFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endOfMessage_data();
    void endOfMessage();
    void emptyListsStoreAsBefore();
};

namespace {

const QByteArray kAttachment = "Subject: invoice\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                               "Content-Type: text/plain\r\n\r\nsee attached\r\n--b\r\n"
                               "Content-Type: application/octet-stream; name=\"invoice.exe\"\r\n\r\nTVqQ\r\n--b--\r\n";
const QByteArray kPlain = "Subject: weekly lottery winner\r\n\r\nhello\r\n";

QByteArray viaData(const QByteArray &message)
{
    return "DATA\r\n" + message + ".\r\n";
}

QByteArray viaBdat(const QByteArray &message)
{
    const qsizetype half = message.size() / 2;
    return "BDAT " + QByteArray::number(half) + "\r\n" + message.first(half) + "BDAT "
        + QByteArray::number(message.size() - half) + " LAST\r\n" + message.sliced(half);
}

}

void TestSmtpSessionFilters::endOfMessage_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("filter");      // "text|scope|action" or empty
    QTest::addColumn<qint64>("maxSize");
    QTest::addColumn<QByteArray>("reply");    // the last reply line
    QTest::addColumn<bool>("stored");

    const QByteArray refusedAttachment = "550 5.7.1 Attachment type not allowed (invoice.exe)";
    const QByteArray refusedFilter = "550 5.7.1 Message refused by filter";
    const QByteArray queued = "250 2.0.0 Ok: queued as QID000000001";
    const QStringList exe{QStringLiteral("*.exe")};
    const qint64 limit = 26214400;

    QTest::newRow("DATA, attachment") << viaData(kAttachment) << exe << QString() << limit << refusedAttachment << false;
    QTest::newRow("BDAT LAST, attachment") << viaBdat(kAttachment) << exe << QString() << limit << refusedAttachment << false;
    QTest::newRow("no size limit still scans") << viaData(kAttachment) << exe << QString() << qint64(0) << refusedAttachment << false;
    QTest::newRow("DATA, reject filter") << viaData(kPlain) << QStringList() << QStringLiteral("LOTTERY|subject|reject")
                                         << limit << refusedFilter << false;
    QTest::newRow("BDAT LAST, reject filter") << viaBdat(kPlain) << QStringList() << QStringLiteral("lottery|all|reject")
                                              << limit << refusedFilter << false;
    QTest::newRow("DATA, discard filter") << viaData(kPlain) << QStringList() << QStringLiteral("winner|subject|discard")
                                          << limit << queued << false;
    QTest::newRow("BDAT LAST, discard filter") << viaBdat(kPlain) << QStringList() << QStringLiteral("winner|all|discard")
                                               << limit << queued << false;
    QTest::newRow("no match is stored") << viaData(kPlain) << QStringList{QStringLiteral(".scr")}
                                        << QStringLiteral("casino|all|reject") << limit << queued << true;
    // "Postern" and the client's HELO are only in the trace headers the server writes itself.
    QTest::newRow("trace headers not scanned") << viaData(kPlain) << QStringList()
                                               << QStringLiteral("(Postern)|headers|reject") << limit << queued << true;
    QTest::newRow("oversize wins over the scan") << viaData(kAttachment) << exe << QString() << qint64(50)
                                                 << QByteArray("552 5.3.4 Message size exceeds fixed limit") << false;
}

void TestSmtpSessionFilters::endOfMessage()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, patterns);
    QFETCH(QString, filter);
    QFETCH(qint64, maxSize);
    QFETCH(QByteArray, reply);
    QFETCH(bool, stored);

    QList<ContentFilterRecord> filters;
    if (!filter.isEmpty()) {
        const QStringList f = filter.split(QLatin1Char('|'));
        filters << ContentFilterRecord{f.at(0), f.at(1), f.at(2), {}};
    }
    QList<AttachmentFilterRecord> attachments;
    for (const QString &pattern : patterns)
        attachments << AttachmentFilterRecord{pattern, {}};
    FilterListHolder holder;
    holder.replace(FilterListSnapshot::fromRecords(filters, attachments));

    SmtpSessionConfig config = testConfig();
    config.maxMessageSize = maxSize;
    config.filterLists = &holder;
    SmtpSessionHarness h(config);
    h.ehlo();
    h.send(kTransaction);
    const QByteArrayList replies = h.send(input);
    QVERIFY(!replies.isEmpty());
    QCOMPARE(replies.last(), reply);
    QCOMPARE(h.store().messages().size(), stored ? 1 : 0);
    if (stored)
        QVERIFY(h.store().messages().first().bytes.endsWith(kPlain));
    QCOMPARE(h.session().state(), SmtpSession::State::Identified);
    // The session goes on: the next transaction is served as usual.
    QCOMPARE(h.send("MAIL FROM:<other@remote.example>\r\n"), QByteArrayList{"250 2.1.0 Ok"});
}

void TestSmtpSessionFilters::emptyListsStoreAsBefore()
{
    FilterListHolder holder;
    SmtpSessionConfig config = testConfig();
    config.filterLists = &holder;
    SmtpSessionHarness h(config);
    h.ehlo();
    h.send(kTransaction);
    QCOMPARE(h.send(viaData(kAttachment)).last(), QByteArray("250 2.0.0 Ok: queued as QID000000001"));
    QCOMPARE(h.store().messages().size(), 1);
    QVERIFY(h.store().messages().first().bytes.endsWith(kAttachment));
}

QTEST_GUILESS_MAIN(TestSmtpSessionFilters)
#include "tst_smtpsessionfilters.moc"
