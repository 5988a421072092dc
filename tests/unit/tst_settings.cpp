// Typed settings: defaults, validation, normalisation and snapshots.

#include "settings.h"
#include "settingsschema.h"

#include <QtTest>

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void normalize_data();
    void normalize();
    void snapshotFallsBackOnBadStoredValues();
    void changedKeys();
};

void TestSettings::defaults()
{
    const Settings settings = Settings::fromStored({});
    QCOMPARE(settings.integer(QStringLiteral("smtp.port")), 25);
    QCOMPARE(settings.integer(QStringLiteral("submission.port")), 587);
    QCOMPARE(settings.integer(QStringLiteral("smtps.port")), 465);
    QCOMPARE(settings.integer(QStringLiteral("pop3.port")), 110);
    QCOMPARE(settings.integer(QStringLiteral("pop3s.port")), 995);
    QCOMPARE(settings.integer(QStringLiteral("message.max_size")), 26214400);
    QCOMPARE(settings.integer(QStringLiteral("log.retention_days")), 30);
    QCOMPARE(settings.list(QStringLiteral("listen.addresses")), QStringList({QStringLiteral("0.0.0.0"), QStringLiteral("::")}));
    const QString host = settings.text(QStringLiteral("server.hostname"));
    QVERIFY(!host.isEmpty());
    QCOMPARE(host, SettingsSchema::machineHostName());
    QCOMPARE(host, host.toLower());
    // No certificate configured: the server makes and uses its own.
    QCOMPARE(settings.text(QStringLiteral("tls.cert_file")), QString());
    QCOMPARE(settings.text(QStringLiteral("tls.key_file")), QString());
    QCOMPARE(settings.text(QStringLiteral("auth.plaintext")), QStringLiteral("loopback"));
    QCOMPARE(settings.list(QStringLiteral("network.local_ranges")),
             QStringList({QStringLiteral("10.0.0.0/8"), QStringLiteral("172.16.0.0/12"), QStringLiteral("192.168.0.0/16"),
                          QStringLiteral("fc00::/7")}));
    QVERIFY(settings.boolean(QStringLiteral("smtp.auth_use_pop3_accounts")));
}

void TestSettings::normalize_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");   // empty: rejected
    QTest::newRow("port") << QStringLiteral("smtp.port") << QStringLiteral(" 2525 ") << QStringLiteral("2525");
    QTest::newRow("port off") << QStringLiteral("pop3.port") << QStringLiteral("0") << QStringLiteral("0");
    QTest::newRow("port too big") << QStringLiteral("smtp.port") << QStringLiteral("65536") << QString();
    QTest::newRow("port negative") << QStringLiteral("smtp.port") << QStringLiteral("-1") << QString();
    QTest::newRow("port text") << QStringLiteral("smtp.port") << QStringLiteral("abc") << QString();
    QTest::newRow("size unlimited") << QStringLiteral("message.max_size") << QStringLiteral("0") << QStringLiteral("0");
    QTest::newRow("size negative") << QStringLiteral("message.max_size") << QStringLiteral("-5") << QString();
    QTest::newRow("retention zero") << QStringLiteral("log.retention_days") << QStringLiteral("0") << QString();
    QTest::newRow("retention") << QStringLiteral("log.retention_days") << QStringLiteral("90") << QStringLiteral("90");
    QTest::newRow("hostname") << QStringLiteral("server.hostname") << QStringLiteral("Mail.Example.COM") << QStringLiteral("mail.example.com");
    QTest::newRow("hostname idna") << QStringLiteral("server.hostname") << QStringLiteral("mail.bücher.example") << QStringLiteral("mail.xn--bcher-kva.example");
    QTest::newRow("hostname bad") << QStringLiteral("server.hostname") << QStringLiteral("bad_host!") << QString();
    QTest::newRow("hostname literal") << QStringLiteral("server.hostname") << QStringLiteral("[127.0.0.1]") << QString();
    QTest::newRow("addresses") << QStringLiteral("listen.addresses") << QStringLiteral("127.0.0.1, ::1,127.0.0.1") << QStringLiteral("127.0.0.1,::1");
    QTest::newRow("addresses bad") << QStringLiteral("listen.addresses") << QStringLiteral("127.0.0.1,nope") << QString();
    QTest::newRow("choice") << QStringLiteral("smtp.bare_newlines") << QStringLiteral("Normalize") << QStringLiteral("normalize");
    QTest::newRow("choice bad") << QStringLiteral("smtp.bare_newlines") << QStringLiteral("maybe") << QString();
    QTest::newRow("recipients zero") << QStringLiteral("smtp.max_recipients") << QStringLiteral("0") << QString();
    QTest::newRow("addresses empty") << QStringLiteral("listen.addresses") << QStringLiteral(" , ") << QString();
    QTest::newRow("path") << QStringLiteral("tls.cert_file") << QStringLiteral(" /etc/ssl/mail.pem ") << QStringLiteral("/etc/ssl/mail.pem");
    QTest::newRow("path cleaned") << QStringLiteral("tls.key_file") << QStringLiteral("/etc/ssl//private/../private/./mail.key")
                                  << QStringLiteral("/etc/ssl/private/mail.key");
    QTest::newRow("path with spaces") << QStringLiteral("tls.cert_file") << QStringLiteral("/srv/my certs/mail.pem")
                                      << QStringLiteral("/srv/my certs/mail.pem");
    QTest::newRow("path relative") << QStringLiteral("tls.cert_file") << QStringLiteral("certs/mail.pem") << QString();
    QTest::newRow("path empty") << QStringLiteral("tls.cert_file") << QStringLiteral("  ") << QString();
    QTest::newRow("path control character") << QStringLiteral("tls.key_file") << QStringLiteral("/etc/ssl/a\nb.key") << QString();
    const QString ranges = QStringLiteral("network.local_ranges");
    QTest::newRow("ranges") << ranges << QStringLiteral(" 10.0.0.0/8, 192.168.1.0/24  fd00::/8 ")
                            << QStringLiteral("10.0.0.0/8,192.168.1.0/24,fd00::/8");
    QTest::newRow("ranges host bits cleared") << ranges << QStringLiteral("10.1.2.3/8,10.0.0.0/8") << QStringLiteral("10.0.0.0/8");
    QTest::newRow("ranges single host") << ranges << QStringLiteral("192.0.2.7") << QStringLiteral("192.0.2.7/32");
    QTest::newRow("ranges prefix too long") << ranges << QStringLiteral("10.0.0.0/33") << QString();
    QTest::newRow("ranges prefix not a number") << ranges << QStringLiteral("10.0.0.0/eight") << QString();
    QTest::newRow("ranges negative prefix") << ranges << QStringLiteral("10.0.0.0/-1") << QString();
    QTest::newRow("ranges bad address") << ranges << QStringLiteral("10.0.0.256/8") << QString();
    QTest::newRow("ranges one bad of two") << ranges << QStringLiteral("10.0.0.0/8,example.com/24") << QString();
    QTest::newRow("ranges empty") << ranges << QStringLiteral(" , ") << QString();
    const QString never = QStringLiteral("autoban.never");
    QTest::newRow("autoban never ranges") << never << QStringLiteral("127.0.0.1, 10.9.9.9/8") << QStringLiteral("127.0.0.1/32,10.0.0.0/8");
    QTest::newRow("autoban never none") << never << QStringLiteral(" None ") << QStringLiteral("none");
    QTest::newRow("autoban never empty is none") << never << QStringLiteral("  ") << QStringLiteral("none");
    QTest::newRow("autoban never bad range") << never << QStringLiteral("127.0.0.1,none") << QString();
    QTest::newRow("autoban max failures past the table") << QStringLiteral("autoban.max_failures") << QStringLiteral("101") << QString();
    QTest::newRow("plaintext") << QStringLiteral("auth.plaintext") << QStringLiteral("Local-Networks") << QStringLiteral("local-networks");
    QTest::newRow("plaintext bad") << QStringLiteral("auth.plaintext") << QStringLiteral("sometimes") << QString();
    QTest::newRow("pop3 accounts off") << QStringLiteral("smtp.auth_use_pop3_accounts") << QStringLiteral("off") << QStringLiteral("false");
    const QString dns = QStringLiteral("dns.servers");
    QTest::newRow("dns servers") << dns << QStringLiteral(" 127.0.0.1:5353, [::1]:5353,192.0.2.1 ")
                                 << QStringLiteral("127.0.0.1:5353,[::1]:5353,192.0.2.1");
    QTest::newRow("dns bare ipv6") << dns << QStringLiteral("2001:DB8::1") << QStringLiteral("2001:db8::1");
    QTest::newRow("dns port 53 dropped") << dns << QStringLiteral("[2001:db8::1]:53,192.0.2.1:53") << QStringLiteral("2001:db8::1,192.0.2.1");
    QTest::newRow("dns duplicates") << dns << QStringLiteral("192.0.2.1,192.0.2.1:53") << QStringLiteral("192.0.2.1");
    QTest::newRow("dns host name") << dns << QStringLiteral("ns.example.com") << QString();
    QTest::newRow("dns port zero") << dns << QStringLiteral("127.0.0.1:0") << QString();
    QTest::newRow("dns port too big") << dns << QStringLiteral("127.0.0.1:65536") << QString();
    QTest::newRow("dns port text") << dns << QStringLiteral("127.0.0.1:dns") << QString();
    QTest::newRow("dns unclosed bracket") << dns << QStringLiteral("[::1:5353") << QString();
    QTest::newRow("dns junk after bracket") << dns << QStringLiteral("[::1]5353") << QString();
    QTest::newRow("dns one bad of two") << dns << QStringLiteral("127.0.0.1,300.0.0.1") << QString();
    QTest::newRow("dns empty") << dns << QStringLiteral(" , ") << QString();
    QTest::newRow("dns timeout") << QStringLiteral("dns.timeout_ms") << QStringLiteral("2500") << QStringLiteral("2500");
    QTest::newRow("dns timeout too small") << QStringLiteral("dns.timeout_ms") << QStringLiteral("10") << QString();
    QTest::newRow("dns timeout too big") << QStringLiteral("dns.timeout_ms") << QStringLiteral("600000") << QString();
}

void TestSettings::normalize()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const SettingSpec *spec = SettingsSchema::find(key);
    QVERIFY(spec);
    QString error;
    const QString normalized = SettingsSchema::normalize(*spec, value, &error);
    QCOMPARE(normalized, expected);
    if (expected.isEmpty()) {
        QVERIFY(error.contains(key));
        QVERIFY(error.contains(value));
    }
}

void TestSettings::snapshotFallsBackOnBadStoredValues()
{
    QStringList problems;
    const Settings settings = Settings::fromStored(
        {{QStringLiteral("smtp.port"), QStringLiteral("99999")}, {QStringLiteral("pop3.port"), QStringLiteral("1110")},
         {QStringLiteral("no.such.key"), QStringLiteral("1")}},
        &problems);
    QCOMPARE(settings.integer(QStringLiteral("smtp.port")), 25);
    QCOMPARE(settings.integer(QStringLiteral("pop3.port")), 1110);
    QCOMPARE(problems.size(), 2);
}

void TestSettings::changedKeys()
{
    const Settings a = Settings::fromStored({});
    const Settings b = Settings::fromStored({{QStringLiteral("smtp.port"), QStringLiteral("2525")}});
    QCOMPARE(b.changedKeys(a), QStringList{QStringLiteral("smtp.port")});
    QVERIFY(a.changedKeys(a).isEmpty());
    QVERIFY(!(a == b));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
