// Rules 7 and 8 below the network: the policy decision and its log line, the Banned and Trusted
// lists as a snapshot (IPv4, IPv6, CIDR, expiry), the holder that swaps it, the log throttle and
// the gate the acceptor asks.
#include "addresslistholder.h"
#include "addresslistsnapshot.h"
#include "bangate.h"
#include "banlogthrottle.h"
#include "fixedaddresslists.h"
#include "log.h"
#include "logentry.h"
#include "loghub.h"
#include "logringbuffer.h"
#include "policydecision.h"

#include <QTest>

Q_DECLARE_METATYPE(PolicyDecision)

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 29), QTime(20, 0), Qt::UTC);

BanRecord ban(const QString &range, std::optional<qint64> minutesLeft = std::nullopt, const QString &comment = {})
{
    BanRecord record;
    record.range = range;
    if (minutesLeft)
        record.expires = kNow.addSecs(*minutesLeft * 60);
    record.comment = comment;
    record.created = kNow.addSecs(-3600);
    return record;
}

QHostAddress ip(const char *text)
{
    return QHostAddress(QString::fromLatin1(text));
}

}

class TestAddressLists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decisionLogLine_data();
    void decisionLogLine();
    void banMatching_data();
    void banMatching();
    void trustMatching_data();
    void trustMatching();
    void expiry();
    void malformedStoredEntriesAreSkipped();
    void holderSwapsAndDropsExpired();
    void throttleOneLinePerAddressPerInterval();
    void throttleTableIsCapped();
    void gateDropsAndLogsOncePerMinute();
};

void TestAddressLists::decisionLogLine_data()
{
    QTest::addColumn<PolicyDecision>("decision");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("reject") << PolicyDecision(PolicyDecision::Action::Reject, 554, QStringLiteral("5.7.1"),
                                              QStringLiteral("Relay access denied"), QStringLiteral("Relay"),
                                              QStringLiteral("not authenticated, not trusted"))
                            << QStringLiteral("rcpt <a@example.net> refused by \"Relay\" (not authenticated, not trusted) 554 5.7.1")
                            << QByteArray("554 5.7.1 Relay access denied");
    QTest::newRow("tempfail") << PolicyDecision(PolicyDecision::Action::Tempfail, 451, QStringLiteral("4.4.3"),
                                                QStringLiteral("Try later"), QStringLiteral("Address Verification"),
                                                QStringLiteral("DNS timeout"))
                              << QStringLiteral("rcpt <a@example.net> deferred by \"Address Verification\" (DNS timeout) 451 4.4.3")
                              << QByteArray("451 4.4.3 Try later");
    QTest::newRow("drop") << PolicyDecision::drop(QStringLiteral("Banned Addresses"), QStringLiteral("192.0.2.0/24"))
                          << QStringLiteral("rcpt <a@example.net> dropped by \"Banned Addresses\" (192.0.2.0/24)") << QByteArray();
    QTest::newRow("accept") << PolicyDecision::accept(QStringLiteral("Trusted IP Addresses"), QStringLiteral("x"))
                            << QStringLiteral("rcpt <a@example.net> accepted by \"Trusted IP Addresses\" (x)") << QByteArray();
}

void TestAddressLists::decisionLogLine()
{
    QFETCH(PolicyDecision, decision);
    QFETCH(QString, line);
    QFETCH(QByteArray, reply);
    QCOMPARE(decision.logLine(QStringLiteral("rcpt <a@example.net>")), line);
    QCOMPARE(decision.replyLine(), reply);
}

void TestAddressLists::banMatching_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("banned");
    QTest::newRow("v4 host") << QStringLiteral("192.0.2.7") << QStringLiteral("192.0.2.7") << true;
    QTest::newRow("v4 other host") << QStringLiteral("192.0.2.7") << QStringLiteral("192.0.2.8") << false;
    QTest::newRow("v4 /24 inside") << QStringLiteral("192.0.2.0/24") << QStringLiteral("192.0.2.255") << true;
    QTest::newRow("v4 /24 outside") << QStringLiteral("192.0.2.0/24") << QStringLiteral("192.0.3.0") << false;
    QTest::newRow("v4 host bits cleared") << QStringLiteral("10.1.2.3/8") << QStringLiteral("10.200.0.1") << true;
    QTest::newRow("v4-mapped v6 client") << QStringLiteral("192.0.2.0/24") << QStringLiteral("::ffff:192.0.2.9") << true;
    QTest::newRow("v6 host") << QStringLiteral("2001:db8::1") << QStringLiteral("2001:db8::1") << true;
    QTest::newRow("v6 /32 inside") << QStringLiteral("2001:db8::/32") << QStringLiteral("2001:db8:ffff::5") << true;
    QTest::newRow("v6 /32 outside") << QStringLiteral("2001:db8::/32") << QStringLiteral("2001:db9::5") << false;
    QTest::newRow("v6 range, v4 client") << QStringLiteral("::/0") << QStringLiteral("192.0.2.1") << false;
    QTest::newRow("v4 range, v6 client") << QStringLiteral("0.0.0.0/0") << QStringLiteral("2001:db8::1") << false;
    QTest::newRow("everything v4") << QStringLiteral("0.0.0.0/0") << QStringLiteral("203.0.113.1") << true;
}

void TestAddressLists::banMatching()
{
    QFETCH(QString, range);
    QFETCH(QString, address);
    QFETCH(bool, banned);
    const AddressListSnapshot snapshot = AddressListSnapshot::fromRecords({ban(range)}, {}, kNow);
    QCOMPARE(snapshot.banFor(QHostAddress(address), kNow).has_value(), banned);
    QVERIFY(!snapshot.trustFor(QHostAddress(address)));
}

void TestAddressLists::trustMatching_data()
{
    banMatching_data();
}

void TestAddressLists::trustMatching()
{
    QFETCH(QString, range);
    QFETCH(QString, address);
    QFETCH(bool, banned);
    const AddressListSnapshot snapshot = AddressListSnapshot::fromRecords({}, {TrustRecord{range, QStringLiteral("office")}}, kNow);
    const auto trust = snapshot.trustFor(QHostAddress(address));
    QCOMPARE(trust.has_value(), banned);
    if (trust)
        QCOMPARE(trust->comment, QStringLiteral("office"));
    QVERIFY(!snapshot.banFor(QHostAddress(address), kNow));
}

void TestAddressLists::expiry()
{
    const AddressListSnapshot snapshot = AddressListSnapshot::fromRecords(
        {ban(QStringLiteral("192.0.2.1"), 5), ban(QStringLiteral("192.0.2.2"), -1), ban(QStringLiteral("192.0.2.3"))}, {}, kNow);
    QCOMPARE(snapshot.bans().size(), 2);   // the one expired a minute ago is left out
    QVERIFY(snapshot.banFor(ip("192.0.2.1"), kNow));
    QVERIFY(!snapshot.banFor(ip("192.0.2.2"), kNow));
    QVERIFY(snapshot.banFor(ip("192.0.2.3"), kNow));
    QCOMPARE(snapshot.nextExpiry(), kNow.addSecs(300));
    // At the expiry instant the ban is over, even before the snapshot is swapped.
    QVERIFY(snapshot.banFor(ip("192.0.2.1"), kNow.addSecs(299)));
    QVERIFY(!snapshot.banFor(ip("192.0.2.1"), kNow.addSecs(300)));
    const AddressListSnapshot later = snapshot.withoutExpired(kNow.addSecs(300));
    QCOMPARE(later.bans().size(), 1);
    QVERIFY(!later.nextExpiry());
    QVERIFY(later.banFor(ip("192.0.2.3"), kNow.addYears(100)));
}

void TestAddressLists::malformedStoredEntriesAreSkipped()
{
    QStringList problems;
    const AddressListSnapshot snapshot = AddressListSnapshot::fromRecords(
        {ban(QStringLiteral("300.1.1.1")), ban(QStringLiteral("192.0.2.1"))}, {TrustRecord{QStringLiteral("10.0.0.0/33"), {}}},
        kNow, &problems);
    QCOMPARE(snapshot.bans().size(), 1);
    QVERIFY(snapshot.trusts().isEmpty());
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.first().contains(QStringLiteral("300.1.1.1")), qPrintable(problems.first()));
}

void TestAddressLists::holderSwapsAndDropsExpired()
{
    AddressListHolder holder;
    QVERIFY(holder.current()->bans().isEmpty());
    QVERIFY(holder.current()->trusts().isEmpty());   // the default: nothing banned, nothing trusted
    holder.replace(AddressListSnapshot::fromRecords({ban(QStringLiteral("192.0.2.1"), 1)}, {}, kNow));
    const std::shared_ptr<const AddressListSnapshot> before = holder.current();
    QVERIFY(!holder.dropExpired(kNow.addSecs(59)));
    QCOMPARE(holder.current(), before);
    QVERIFY(holder.dropExpired(kNow.addSecs(60)));
    QVERIFY(holder.current()->bans().isEmpty());
    QCOMPARE(before->bans().size(), 1);   // a reader holding the old snapshot keeps it intact
}

void TestAddressLists::throttleOneLinePerAddressPerInterval()
{
    BanLogThrottle throttle(100, 60000);
    QVERIFY(throttle.shouldLog(ip("192.0.2.1"), 0));
    for (int i = 1; i < 1000; ++i)
        QVERIFY(!throttle.shouldLog(ip("192.0.2.1"), i * 50));
    QVERIFY(!throttle.shouldLog(ip("::ffff:192.0.2.1"), 100));   // the same client
    QVERIFY(throttle.shouldLog(ip("192.0.2.2"), 100));
    QCOMPARE(throttle.takeSuppressed(), qint64(1000));
    QCOMPARE(throttle.takeSuppressed(), qint64(0));
    QVERIFY(throttle.shouldLog(ip("192.0.2.1"), 60000));
}

void TestAddressLists::throttleTableIsCapped()
{
    BanLogThrottle throttle(10, 60000);
    for (int i = 0; i < 10; ++i)
        QVERIFY(throttle.shouldLog(QHostAddress(quint32(0xC0000200 + i)), 0));
    QVERIFY(!throttle.shouldLog(ip("198.51.100.1"), 1000));   // full of recent addresses
    QCOMPARE(throttle.size(), 10);
    QVERIFY(throttle.shouldLog(ip("198.51.100.1"), 60000));   // pruned once they are old
    QCOMPARE(throttle.size(), 1);
}

void TestAddressLists::gateDropsAndLogsOncePerMinute()
{
    LogHub hub(1000);
    hub.setMinimumLevel(LogLevel::Debug);
    Log::install(&hub);
    FixedAddressLists lists(AddressListSnapshot::fromRecords({ban(QStringLiteral("192.0.2.0/24"), 10, QStringLiteral("scanner"))},
                                                      {TrustRecord{QStringLiteral("198.51.100.0/24"), {}}}, kNow));
    BanGate gate(lists, [] { return kNow; });
    for (int i = 0; i < 500; ++i)
        QCOMPARE(gate.check(ip("192.0.2.9"), QStringLiteral("smtp")).action(), PolicyDecision::Action::Drop);
    QCOMPARE(gate.check(ip("192.0.2.10"), QStringLiteral("pop3s")).action(), PolicyDecision::Action::Drop);
    QCOMPARE(gate.check(ip("198.51.100.1"), QStringLiteral("smtp")).action(), PolicyDecision::Action::Accept);
    Log::install(nullptr);
    QStringList lines;
    for (const LogEntry &entry : hub.ring().entriesAfter(0))
        lines << entry.text;
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("connection from 192.0.2.9 to smtp dropped by \"Banned Addresses\" "
                                         "(192.0.2.0/24 until 2026-11-29T20:10:00Z, manual: scanner)"));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("connection from 192.0.2.10 to pop3s dropped by \"Banned Addresses\"")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).endsWith(QStringLiteral("; 499 more banned connections not logged since the last line")),
             qPrintable(lines.at(1)));
}

QTEST_GUILESS_MAIN(TestAddressLists)
#include "tst_addresslists.moc"
