// Address Verification's decisions (security rule 6) from DNS outcomes and HELO arguments, and
// who is checked at all.

#include "addressverification.h"

#include <QtTest>

class TestAddressVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void senderDomain_data();
    void senderDomain();
    void reverseDns_data();
    void reverseDns();
    void blankSender();
    void heloSyntax_data();
    void heloSyntax();
    void heloRefusal();
    void applies_data();
    void applies();
};

namespace {

const QString kDomain = QStringLiteral("remote.example");

DnsResult result(DnsQueryType type, DnsStatus status)
{
    DnsResult r;
    r.type = type;
    r.name = kDomain;
    r.status = status;
    if (status == DnsStatus::Found) {
        if (type == DnsQueryType::Mx)
            r.mx = {MxRecord{10, QStringLiteral("mx.remote.example")}};
        else if (type == DnsQueryType::A)
            r.addresses = {QHostAddress(QStringLiteral("192.0.2.1"))};
        else if (type == DnsQueryType::Aaaa)
            r.addresses = {QHostAddress(QStringLiteral("2001:db8::1"))};
        else
            r.hostNames = {QStringLiteral("host.remote.example")};
    }
    if (status == DnsStatus::Timeout)
        r.error = QStringLiteral("no answer within 5000 ms");
    return r;
}

// "-" where a lookup is not made (the MX decided).
using Outcome = std::optional<DnsStatus>;

}

void TestAddressVerification::senderDomain_data()
{
    QTest::addColumn<DnsStatus>("mx");
    QTest::addColumn<Outcome>("a");
    QTest::addColumn<Outcome>("aaaa");
    QTest::addColumn<bool>("asksForAddresses");
    QTest::addColumn<QByteArray>("reply");   // empty: accepted
    QTest::addColumn<QString>("detail");

    const Outcome none;
    QTest::newRow("MX found") << DnsStatus::Found << none << none << false << QByteArray() << "remote.example: MX mx.remote.example";
    QTest::newRow("NXDOMAIN") << DnsStatus::NxDomain << none << none << false
                              << QByteArray("550 5.1.8 Sender address rejected: domain remote.example does not exist")
                              << "remote.example: NXDOMAIN";
    QTest::newRow("null MX") << DnsStatus::NullMx << none << none << false
                             << QByteArray("550 5.1.8 Sender address rejected: domain remote.example accepts no mail (null MX)")
                             << "remote.example: null MX";
    QTest::newRow("MX timeout") << DnsStatus::Timeout << none << none << false
                                << QByteArray("451 4.4.3 Sender domain remote.example could not be verified, try again later")
                                << "remote.example: MX timeout, no answer within 5000 ms";
    QTest::newRow("MX SERVFAIL") << DnsStatus::ServerFailure << none << none << false
                                 << QByteArray("451 4.4.3 Sender domain remote.example could not be verified, try again later")
                                 << "remote.example: MX servfail";
    QTest::newRow("A only") << DnsStatus::NoData << Outcome(DnsStatus::Found) << Outcome(DnsStatus::NoData) << true
                            << QByteArray() << "remote.example: no MX, A 192.0.2.1";
    QTest::newRow("AAAA only") << DnsStatus::NoData << Outcome(DnsStatus::NoData) << Outcome(DnsStatus::Found) << true
                               << QByteArray() << "remote.example: no MX, AAAA 2001:db8::1";
    QTest::newRow("A found, AAAA timeout") << DnsStatus::NoData << Outcome(DnsStatus::Found) << Outcome(DnsStatus::Timeout) << true
                                           << QByteArray() << "remote.example: no MX, A 192.0.2.1";
    QTest::newRow("NODATA everywhere") << DnsStatus::NoData << Outcome(DnsStatus::NoData) << Outcome(DnsStatus::NoData) << true
                                       << QByteArray("550 5.1.8 Sender address rejected: domain remote.example has no mail server "
                                                     "(no MX, A or AAAA record)")
                                       << "remote.example: no MX, A or AAAA record";
    QTest::newRow("no MX, A SERVFAIL") << DnsStatus::NoData << Outcome(DnsStatus::ServerFailure) << Outcome(DnsStatus::NoData) << true
                                       << QByteArray("451 4.4.3 Sender domain remote.example could not be verified, try again later")
                                       << "remote.example: A servfail";
    QTest::newRow("no MX, AAAA timeout") << DnsStatus::NoData << Outcome(DnsStatus::NoData) << Outcome(DnsStatus::Timeout) << true
                                         << QByteArray("451 4.4.3 Sender domain remote.example could not be verified, try again later")
                                         << "remote.example: AAAA timeout, no answer within 5000 ms";
}

void TestAddressVerification::senderDomain()
{
    QFETCH(DnsStatus, mx);
    QFETCH(Outcome, a);
    QFETCH(Outcome, aaaa);
    QFETCH(bool, asksForAddresses);
    QFETCH(QByteArray, reply);
    QFETCH(QString, detail);

    const std::optional<PolicyDecision> byMx = AddressVerification::senderDomainAfterMx(kDomain, result(DnsQueryType::Mx, mx));
    QCOMPARE(!byMx.has_value(), asksForAddresses);
    const PolicyDecision decision = byMx ? *byMx
                                         : AddressVerification::senderDomainAfterAddresses(
                                               kDomain, result(DnsQueryType::A, *a), result(DnsQueryType::Aaaa, *aaaa));
    QCOMPARE(decision.isAccept(), reply.isEmpty());
    QCOMPARE(decision.replyLine(), reply);
    QCOMPARE(decision.rule(), QStringLiteral("Address Verification"));
    QCOMPARE(decision.detail(), detail);
    if (reply.startsWith('4'))
        QCOMPARE(decision.action(), PolicyDecision::Action::Tempfail);
    if (reply.startsWith('5')) {
        QCOMPARE(decision.action(), PolicyDecision::Action::Reject);
        QCOMPARE(decision.logLine(QStringLiteral("mail from <x@remote.example>")),
                 QStringLiteral("mail from <x@remote.example> refused by \"Address Verification\" (%1) 550 5.1.8").arg(detail));
    }
}

void TestAddressVerification::reverseDns_data()
{
    QTest::addColumn<DnsStatus>("ptr");
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("found") << DnsStatus::Found << QByteArray();
    QTest::newRow("NXDOMAIN") << DnsStatus::NxDomain << QByteArray("450 4.7.25 Client host 192.0.2.7 has no reverse DNS (PTR) record");
    QTest::newRow("NODATA") << DnsStatus::NoData << QByteArray("450 4.7.25 Client host 192.0.2.7 has no reverse DNS (PTR) record");
    QTest::newRow("timeout") << DnsStatus::Timeout << QByteArray("451 4.4.3 Reverse DNS of 192.0.2.7 could not be checked, try again later");
    QTest::newRow("SERVFAIL") << DnsStatus::ServerFailure
                              << QByteArray("451 4.4.3 Reverse DNS of 192.0.2.7 could not be checked, try again later");
}

void TestAddressVerification::reverseDns()
{
    QFETCH(DnsStatus, ptr);
    QFETCH(QByteArray, reply);
    const PolicyDecision decision = AddressVerification::reverseDns(QHostAddress(QStringLiteral("192.0.2.7")),
                                                                   result(DnsQueryType::Ptr, ptr));
    QCOMPARE(decision.isAccept(), reply.isEmpty());
    QCOMPARE(decision.replyLine(), reply);
    QCOMPARE(decision.rule(), QStringLiteral("Address Verification"));
    QVERIFY(decision.detail().startsWith(QStringLiteral("192.0.2.7: ")));
}

void TestAddressVerification::blankSender()
{
    const PolicyDecision decision = AddressVerification::blankSender();
    QCOMPARE(decision.action(), PolicyDecision::Action::Reject);
    QCOMPARE(decision.replyLine().left(9), QByteArray("550 5.7.1"));
    QVERIFY(decision.logLine(QStringLiteral("mail from <>")).startsWith(QStringLiteral("mail from <> refused by \"Address Verification\"")));
}

void TestAddressVerification::heloSyntax_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::addColumn<bool>("valid");
    QTest::newRow("host name") << QByteArray("mail.example.com") << true;
    QTest::newRow("upper case and digits") << QByteArray("MX01.Example-1.COM") << true;
    QTest::newRow("two labels") << QByteArray("example.com") << true;
    QTest::newRow("digit label inside") << QByteArray("123.example.com") << true;
    QTest::newRow("63-octet label") << QByteArray(63, 'a') + ".example" << true;
    QTest::newRow("64-octet label") << QByteArray(64, 'a') + ".example" << false;
    const QByteArray three = QByteArray(63, 'a') + '.' + QByteArray(63, 'b') + '.' + QByteArray(63, 'c') + '.';
    QTest::newRow("253 octets") << three + QByteArray(61, 'd') << true;
    QTest::newRow("254 octets") << three + QByteArray(62, 'd') << false;
    QTest::newRow("dotless") << QByteArray("localhost") << false;
    QTest::newRow("dotless PC name") << QByteArray("PC01") << false;
    QTest::newRow("leading hyphen") << QByteArray("-mail.example.com") << false;
    QTest::newRow("trailing hyphen") << QByteArray("mail-.example.com") << false;
    QTest::newRow("underscore") << QByteArray("my_pc.example.com") << false;
    QTest::newRow("empty label") << QByteArray("mail..example.com") << false;
    QTest::newRow("trailing dot") << QByteArray("mail.example.com.") << false;
    QTest::newRow("leading dot") << QByteArray(".example.com") << false;
    QTest::newRow("bare IPv4") << QByteArray("192.0.2.1") << false;
    QTest::newRow("numeric top label") << QByteArray("host.123") << false;
    QTest::newRow("UTF-8") << QByteArray("m\xc3\xa4il.example.com") << false;
    QTest::newRow("IPv4 literal") << QByteArray("[192.0.2.1]") << true;
    QTest::newRow("IPv6 literal") << QByteArray("[IPv6:2001:db8::1]") << true;
    QTest::newRow("IPv6 literal lower-case tag") << QByteArray("[ipv6:::1]") << true;
    QTest::newRow("IPv6 without tag") << QByteArray("[2001:db8::1]") << false;
    QTest::newRow("IPv4 in IPv6 tag") << QByteArray("[IPv6:192.0.2.1]") << false;
    QTest::newRow("short IPv4 literal") << QByteArray("[127.1]") << false;
    QTest::newRow("bad IPv4 literal") << QByteArray("[192.0.2.256]") << false;
    QTest::newRow("empty literal") << QByteArray("[]") << false;
    QTest::newRow("unclosed literal") << QByteArray("[192.0.2.1") << false;
    QTest::newRow("name in brackets") << QByteArray("[mail.example.com]") << false;
}

void TestAddressVerification::heloSyntax()
{
    QFETCH(QByteArray, argument);
    QFETCH(bool, valid);
    QCOMPARE(AddressVerification::isValidHeloName(argument), valid);
    QCOMPARE(AddressVerification::helo(argument).isAccept(), valid);
}

void TestAddressVerification::heloRefusal()
{
    const PolicyDecision decision = AddressVerification::helo("PC01");
    QCOMPARE(decision.action(), PolicyDecision::Action::Reject);
    QCOMPARE(decision.replyLine(), QByteArray("501 5.5.4 HELO/EHLO needs a valid host name or address literal"));
    QCOMPARE(decision.rule(), QStringLiteral("Address Verification"));
}

void TestAddressVerification::applies_data()
{
    QTest::addColumn<bool>("authenticated");
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<bool>("checked");
    QTest::newRow("anonymous") << false << false << true;
    QTest::newRow("authenticated") << true << false << false;
    QTest::newRow("trusted") << false << true << false;
    QTest::newRow("both") << true << true << false;
}

void TestAddressVerification::applies()
{
    QFETCH(bool, authenticated);
    QFETCH(bool, trusted);
    QFETCH(bool, checked);
    QCOMPARE(AddressVerification::applies(authenticated, trusted), checked);
}

QTEST_GUILESS_MAIN(TestAddressVerification)
#include "tst_addressverification.moc"
