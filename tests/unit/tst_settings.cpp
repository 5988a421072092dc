// Typed settings: defaults, validation, normalisation and snapshots.

#include "outboundsettings.h"
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
    void outboundEmptyMeansNone();
    void outboundHoursInSeconds();
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
    QCOMPARE(settings.text(QStringLiteral("outbound.retry_schedule")), QStringLiteral("5m,15m,30m,1h,2h,4h"));
    QCOMPARE(settings.integer(QStringLiteral("outbound.max_per_domain")), 5);
    QCOMPARE(settings.integer(QStringLiteral("outbound.max_connections")), 50);
    QCOMPARE(settings.integer(QStringLiteral("outbound.max_age_hours")), 120);
    QCOMPARE(settings.integer(QStringLiteral("outbound.delay_notice_hours")), 4);
    QCOMPARE(settings.text(QStringLiteral("outbound.tls")), QStringLiteral("opportunistic"));
    QCOMPARE(settings.text(QStringLiteral("outbound.ca_file")), QString());
    QCOMPARE(settings.text(QStringLiteral("outbound.smarthost")), QString());
    QCOMPARE(settings.text(QStringLiteral("outbound.smarthost_user")), QString());
    QCOMPARE(settings.text(QStringLiteral("outbound.smarthost_tls")), QStringLiteral("required"));
    QCOMPARE(settings.integer(QStringLiteral("outbound.timeout_scale_percent")), 100);
    QCOMPARE(settings.integer(QStringLiteral("outbound.connect_timeout_s")), 30);
    // Every default is a valid value of its own setting (empty ones mean "none").
    for (const SettingSpec &spec : SettingsSchema::all()) {
        const QString value = SettingsSchema::defaultValue(spec);
        if (value.isEmpty())
            continue;
        QString error;
        QCOMPARE(SettingsSchema::normalize(spec, value, &error), value);
    }
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
    const QString retry = QStringLiteral("outbound.retry_schedule");
    QTest::newRow("retry") << retry << QStringLiteral(" 10M, 3600s ,1D") << QStringLiteral("10m,1h,1d");
    QTest::newRow("retry zero") << retry << QStringLiteral("5m,0s") << QString();
    QTest::newRow("retry no unit") << retry << QStringLiteral("5") << QString();
    QTest::newRow("retry empty") << retry << QStringLiteral(" ") << QString();
    const QString smarthost = QStringLiteral("outbound.smarthost");
    QTest::newRow("smarthost") << smarthost << QStringLiteral(" Relay.Example.NET:587 ") << QStringLiteral("relay.example.net:587");
    QTest::newRow("smarthost idna") << smarthost << QStringLiteral("mail.bücher.example:25") << QStringLiteral("mail.xn--bcher-kva.example:25");
    QTest::newRow("smarthost v4") << smarthost << QStringLiteral("192.0.2.1:465") << QStringLiteral("192.0.2.1:465");
    QTest::newRow("smarthost v6") << smarthost << QStringLiteral("[2001:DB8::1]:25") << QStringLiteral("[2001:db8::1]:25");
    QTest::newRow("smarthost no port") << smarthost << QStringLiteral("relay.example.net") << QString();
    QTest::newRow("smarthost port zero") << smarthost << QStringLiteral("relay.example.net:0") << QString();
    QTest::newRow("smarthost port too big") << smarthost << QStringLiteral("relay.example.net:65536") << QString();
    QTest::newRow("smarthost port text") << smarthost << QStringLiteral("relay.example.net:smtp") << QString();
    QTest::newRow("smarthost bare v6") << smarthost << QStringLiteral("2001:db8::1:25") << QString();
    QTest::newRow("smarthost v4 in brackets") << smarthost << QStringLiteral("[192.0.2.1]:25") << QString();
    QTest::newRow("smarthost bad name") << smarthost << QStringLiteral("bad_host!:25") << QString();
    const QString user = QStringLiteral("outbound.smarthost_user");
    QTest::newRow("smarthost user") << user << QStringLiteral(" office@example.org ") << QStringLiteral("office@example.org");
    QTest::newRow("smarthost user space") << user << QStringLiteral("the office") << QString();
    QTest::newRow("smarthost user control") << user << QStringLiteral("a\tb") << QString();
    QTest::newRow("smarthost user too long") << user << QString(256, QLatin1Char('u')) << QString();
    QTest::newRow("smarthost tls") << QStringLiteral("outbound.smarthost_tls") << QStringLiteral("Verify") << QStringLiteral("verify");
    QTest::newRow("smarthost tls bad") << QStringLiteral("outbound.smarthost_tls") << QStringLiteral("maybe") << QString();
    QTest::newRow("mx tls none refused") << QStringLiteral("outbound.tls") << QStringLiteral("none") << QString();
    QTest::newRow("per domain zero") << QStringLiteral("outbound.max_per_domain") << QStringLiteral("0") << QString();
    const QString maxAge = QStringLiteral("outbound.max_age_hours");
    const QString delay = QStringLiteral("outbound.delay_notice_hours");
    QTest::newRow("max age whole") << maxAge << QStringLiteral("120") << QStringLiteral("120");
    QTest::newRow("max age half hour") << maxAge << QStringLiteral(" 0.50 ") << QStringLiteral("0.5");
    QTest::newRow("max age thousandth") << maxAge << QStringLiteral("0.003") << QStringLiteral("0.003");
    QTest::newRow("max age zero") << maxAge << QStringLiteral("0") << QString();
    QTest::newRow("max age over a year") << maxAge << QStringLiteral("8760.001") << QString();
    QTest::newRow("max age negative") << maxAge << QStringLiteral("-2") << QString();
    QTest::newRow("max age garbage") << maxAge << QStringLiteral("two days") << QString();
    QTest::newRow("delay notice off") << delay << QStringLiteral("0") << QStringLiteral("0");
    QTest::newRow("delay notice decimal") << delay << QStringLiteral("0.002") << QStringLiteral("0.002");
    QTest::newRow("delay notice too fine") << delay << QStringLiteral("0.0001") << QString();
    QTest::newRow("delay notice negative") << delay << QStringLiteral("-0.5") << QString();
    QTest::newRow("delay notice exponent") << delay << QStringLiteral("1e2") << QString();
    QTest::newRow("ca file") << QStringLiteral("outbound.ca_file") << QStringLiteral("/etc/ssl/ca.pem") << QStringLiteral("/etc/ssl/ca.pem");
}

// Empty is a valid "none" for the smart host and its user, not an error.
void TestSettings::outboundEmptyMeansNone()
{
    for (const QString &key : {QStringLiteral("outbound.smarthost"), QStringLiteral("outbound.smarthost_user")}) {
        QString error;
        QCOMPARE(SettingsSchema::normalize(*SettingsSchema::find(key), QStringLiteral("  "), &error), QString());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

// The agent reads both hour settings as seconds, whole numbers and decimals alike.
void TestSettings::outboundHoursInSeconds()
{
    const OutboundSettings defaults = OutboundSettings::fromSettings(Settings::fromStored({}));
    QCOMPARE(defaults.maxAgeSeconds, 120 * 3600);
    QCOMPARE(defaults.delayNoticeSeconds, 4 * 3600);
    const OutboundSettings decimal = OutboundSettings::fromSettings(Settings::fromStored(
        {{QStringLiteral("outbound.max_age_hours"), QStringLiteral("0.5")},
         {QStringLiteral("outbound.delay_notice_hours"), QStringLiteral("0.002")}}));
    QCOMPARE(decimal.maxAgeSeconds, 1800);
    QCOMPARE(decimal.delayNoticeSeconds, 7);
    const OutboundSettings off = OutboundSettings::fromSettings(
        Settings::fromStored({{QStringLiteral("outbound.delay_notice_hours"), QStringLiteral("0")}}));
    QCOMPARE(off.delayNoticeSeconds, 0);
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
