// LogFilterProxy's filters over the live model: level, service, client IP, account, text, session.

#include "logfilterproxy.h"
#include "logmodel.h"
#include "logringbuffer.h"

#include <QtTest>

namespace {

void add(LogRingBuffer &ring, LogLevel level, const char *component, const char *session, const char *text)
{
    LogEntry entry;
    entry.timestamp = QDateTime(QDate(2026, 11, 20), QTime(9, 0));
    entry.level = level;
    entry.component = QLatin1String(component);
    entry.session = QLatin1String(session);
    entry.text = QLatin1String(text);
    ring.append(entry);
}

}

class TestGuiLogFilterProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void filters_data();
    void filters();
    void sessionOverridesAndGoesBack();
    void ipMatches_data();
    void ipMatches();
    void newRowsAreFiltered();

private:
    [[nodiscard]] QStringList shownTexts(const LogFilterProxy &proxy) const;

    std::unique_ptr<LogRingBuffer> m_ring;
};

void TestGuiLogFilterProxy::init()
{
    m_ring = std::make_unique<LogRingBuffer>(100);
    add(*m_ring, LogLevel::Info, "smtp", "a1", "connect from 127.0.0.5:5500 to smtp 127.0.0.1:25");
    add(*m_ring, LogLevel::Debug, "smtp", "a1", "C: EHLO client.example");
    add(*m_ring, LogLevel::Info, "submission", "a1", "authenticated as alice@example.org via PLAIN from 127.0.0.5");
    add(*m_ring, LogLevel::Warning, "smtp", "b2", "connect from 10.0.0.10:4000 to smtp 127.0.0.1:25");
    add(*m_ring, LogLevel::Info, "pop3", "c3", "login bob@example.org: 2 messages, 100 octets");
    add(*m_ring, LogLevel::Error, "engine", "", "database unavailable");
}

QStringList TestGuiLogFilterProxy::shownTexts(const LogFilterProxy &proxy) const
{
    QStringList texts;
    for (int row = 0; row < proxy.rowCount(); ++row)
        texts << proxy.index(row, LogModel::Text).data().toString().section(QLatin1Char(' '), 0, 0);
    return texts;
}

void TestGuiLogFilterProxy::filters_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");   // first word of each shown line

    const QString none;
    QTest::newRow("nothing") << int(LogLevel::Debug) << none << none << none << none
                             << QStringList({QStringLiteral("connect"), QStringLiteral("C:"), QStringLiteral("authenticated"),
                                             QStringLiteral("connect"), QStringLiteral("login"), QStringLiteral("database")});
    QTest::newRow("warnings up") << int(LogLevel::Warning) << none << none << none << none
                                 << QStringList({QStringLiteral("connect"), QStringLiteral("database")});
    QTest::newRow("service") << int(LogLevel::Debug) << QStringLiteral("SMTP") << none << none << none
                             << QStringList({QStringLiteral("connect"), QStringLiteral("C:"), QStringLiteral("connect")});
    QTest::newRow("ip whole") << int(LogLevel::Debug) << none << QStringLiteral("127.0.0.5") << none << none
                              << QStringList({QStringLiteral("connect"), QStringLiteral("authenticated")});
    QTest::newRow("ip not prefix of longer") << int(LogLevel::Debug) << none << QStringLiteral("10.0.0.1") << none << none
                                             << QStringList();
    QTest::newRow("ip prefix") << int(LogLevel::Debug) << none << QStringLiteral("10.0.") << none << none
                               << QStringList({QStringLiteral("connect")});
    QTest::newRow("account") << int(LogLevel::Debug) << none << none << QStringLiteral("ALICE") << none
                             << QStringList({QStringLiteral("authenticated")});
    QTest::newRow("pop3 account") << int(LogLevel::Debug) << none << none << QStringLiteral("bob@example.org") << none
                                  << QStringList({QStringLiteral("login")});
    QTest::newRow("text") << int(LogLevel::Debug) << none << none << none << QStringLiteral("ehlo")
                          << QStringList({QStringLiteral("C:")});
    QTest::newRow("combined") << int(LogLevel::Info) << QStringLiteral("smtp") << QStringLiteral("127.0.0.5") << none
                              << QStringLiteral("connect") << QStringList({QStringLiteral("connect")});
}

void TestGuiLogFilterProxy::filters()
{
    QFETCH(int, level);
    QFETCH(QString, service);
    QFETCH(QString, ip);
    QFETCH(QString, account);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    LogModel model(*m_ring);
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setMinimumLevel(LogLevel(level));
    proxy.setService(service);
    proxy.setClientIp(ip);
    proxy.setAccount(account);
    proxy.setText(text);
    QCOMPARE(shownTexts(proxy), expected);
}

void TestGuiLogFilterProxy::sessionOverridesAndGoesBack()
{
    LogModel model(*m_ring);
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setService(QStringLiteral("smtp"));
    proxy.setMinimumLevel(LogLevel::Info);
    QCOMPARE(proxy.rowCount(), 2);
    // The whole session, in both services and at every level, whatever the other filters say.
    proxy.setSession(QStringLiteral("a1"));
    QCOMPARE(shownTexts(proxy), QStringList({QStringLiteral("connect"), QStringLiteral("C:"), QStringLiteral("authenticated")}));
    proxy.setSession(QString());
    QCOMPARE(proxy.rowCount(), 2);
    QVERIFY(!proxy.isPassThrough());
}

void TestGuiLogFilterProxy::ipMatches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same") << QStringLiteral("192.168.1.4") << QStringLiteral("192.168.1.4") << true;
    QTest::newRow("longer") << QStringLiteral("192.168.1.4") << QStringLiteral("192.168.1.40") << false;
    QTest::newRow("prefix") << QStringLiteral("192.168.1.") << QStringLiteral("192.168.1.40") << true;
    QTest::newRow("other prefix") << QStringLiteral("192.168.2.") << QStringLiteral("192.168.1.40") << false;
    QTest::newRow("v6 case") << QStringLiteral("FD00::1") << QStringLiteral("fd00::1") << true;
    QTest::newRow("v6 prefix") << QStringLiteral("fd00:") << QStringLiteral("fd00::1") << true;
    QTest::newRow("no address") << QStringLiteral("10.") << QString() << false;
}

void TestGuiLogFilterProxy::ipMatches()
{
    QFETCH(QString, filter);
    QFETCH(QString, address);
    QFETCH(bool, matches);
    QCOMPARE(LogFilterProxy::ipMatches(filter, address), matches);
}

void TestGuiLogFilterProxy::newRowsAreFiltered()
{
    LogModel model(*m_ring);
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setClientIp(QStringLiteral("127.0.0.9"));
    QCOMPARE(proxy.rowCount(), 0);
    add(*m_ring, LogLevel::Info, "pop3", "d4", "connect from 127.0.0.9:1234 to pop3 127.0.0.1:110");
    add(*m_ring, LogLevel::Info, "pop3", "d5", "connect from 127.0.0.8:1234 to pop3 127.0.0.1:110");
    model.refresh();
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, LogModel::Session).data().toString(), QStringLiteral("d4"));
}

QTEST_MAIN(TestGuiLogFilterProxy)
#include "tst_gui_logfilterproxy.moc"
