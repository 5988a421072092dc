// Security ▸ Auto-ban against a real engine: the limits set are the limits that ban, and the
// "Never ban" list is checked in the dialog before anything is sent.

#include <QtTest>
#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include "adminmode.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "lineclient.h"
#include "security/autobandialog.h"
#include "settingsdialogdriver.h"

class TestGuiAutoBan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lowerLimitBansAGuesser();
    void badNeverListRefusedInline_data();
    void badNeverListRefusedInline();
    void warnsWhenLoopbackIsNoLongerSpared_data();
    void warnsWhenLoopbackIsNoLongerSpared();
    void limitsFollowTheTickBox();
    void cancelChangesNothing();
    void lockedModeDisablesEditors();
    void bannedAddressesButtonAsks();

private:
    [[nodiscard]] QStringList bannedRanges();

    std::unique_ptr<LiveEngineFixture> m_engine;
    AdminMode m_mode;
    QString m_defaultNever;
};

void TestGuiAutoBan::init()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    m_engine->addMailbox(QStringLiteral("alice@example.test"), QStringLiteral("correct horse"));
    QVERIFY(m_engine->start());
    m_mode.setUnlocked(true);
    m_defaultNever = m_engine->setting(QStringLiteral("autoban.never"));
    QVERIFY(m_defaultNever.startsWith(QStringLiteral("127.0.0.0/8")));
}

void TestGuiAutoBan::cleanup()
{
    m_engine.reset();
}

QStringList TestGuiAutoBan::bannedRanges()
{
    QStringList ranges;
    for (const QJsonValue &ban : m_engine->call(QStringLiteral("ban.list")).result.toArray())
        ranges << ban[QStringLiteral("range")].toString();
    return ranges;
}

void TestGuiAutoBan::lowerLimitBansAGuesser()
{
    AutoBanDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QCOMPARE(driver.find<QSpinBox>("maxFailuresSpin")->value(), 10);
    driver.find<QSpinBox>("maxFailuresSpin")->setValue(2);
    // Loopback is spared by default; this test's guesser comes from 127.0.0.61.
    driver.find<QLineEdit>("neverEdit")->setText(QStringLiteral("192.168.0.0/16"));
    QVERIFY(driver.saveWith(QDialogButtonBox::Ok));
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.max_failures")), QStringLiteral("2"));
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.never")), QStringLiteral("192.168.0.0/16"));

    const QHostAddress guesser(QStringLiteral("127.0.0.61"));
    {
        LineClient client(m_engine->port(QStringLiteral("pop3")), guesser);
        // Two different wrong passwords: a repeated one would count once.
        const QList<QByteArray> replies = client.conversation(
            {"USER alice@example.test", "PASS guess one", "USER alice@example.test", "PASS guess two"});
        QCOMPARE(replies.size(), 4);
        QVERIFY(replies.at(3).startsWith("-ERR"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(bannedRanges().contains(QStringLiteral("127.0.0.61/32")), 10000);
    QVERIFY(!bannedRanges().contains(QStringLiteral("127.0.0.1/32")));
    QTRY_VERIFY_WITH_TIMEOUT(LineClient(m_engine->port(QStringLiteral("smtp")), guesser).greeting().isEmpty(), 10000);
}

void TestGuiAutoBan::badNeverListRefusedInline_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("prefix too long") << QStringLiteral("127.0.0.0/8, 10.0.0.0/33") << QStringLiteral("10.0.0.0/33");
    QTest::newRow("not an address") << QStringLiteral("127.0.0.0/8, office") << QStringLiteral("office");
    QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("none");
    QTest::newRow("duplicate") << QStringLiteral("127.0.0.0/8, ::1/128, 127.1.2.3/8") << QStringLiteral("twice");
}

void TestGuiAutoBan::badNeverListRefusedInline()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    AutoBanDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    driver.find<QLineEdit>("neverEdit")->setText(text);
    driver.find<QSpinBox>("banSpin")->setValue(5);
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    driver.button(QDialogButtonBox::Ok)->click();
    QVERIFY2(driver.error().contains(expected), qPrintable(driver.error()));   // at once, before sending
    QVERIFY(dialog.isVisible());
    QTest::qWait(500);
    QCOMPARE(saved.count(), 0);
    // Nothing of the refused save is stored, not even the valid ban length.
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.never")), m_defaultNever);
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.ban_minutes")), QStringLiteral("60"));

    driver.find<QLineEdit>("neverEdit")->setText(QStringLiteral("none"));
    QVERIFY(driver.saveWith(QDialogButtonBox::Apply));
    QVERIFY(driver.error().isEmpty());
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.ban_minutes")), QStringLiteral("5"));
}

void TestGuiAutoBan::warnsWhenLoopbackIsNoLongerSpared_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("warned");
    QTest::newRow("default") << QString() << false;
    QTest::newRow("private ranges only") << QStringLiteral("10.0.0.0/8, 192.168.0.0/16") << true;
    QTest::newRow("IPv4 loopback only") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("both loopbacks") << QStringLiteral("127.0.0.1, ::1") << false;
    QTest::newRow("none") << QStringLiteral("none") << true;
}

void TestGuiAutoBan::warnsWhenLoopbackIsNoLongerSpared()
{
    QFETCH(QString, text);
    QFETCH(bool, warned);
    AutoBanDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    if (!text.isEmpty())
        driver.find<QLineEdit>("neverEdit")->setText(text);
    QCOMPARE(driver.find<QLabel>("loopbackWarning")->isVisible(), warned);
}

void TestGuiAutoBan::limitsFollowTheTickBox()
{
    AutoBanDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    auto *enabled = driver.find<QCheckBox>("enabledBox");
    QVERIFY(enabled->isChecked());
    QCOMPARE(driver.find<QSpinBox>("banSpin")->maximum(), 525600);
    QCOMPARE(driver.find<QSpinBox>("windowSpin")->maximum(), 60);
    enabled->setChecked(false);
    for (const char *spin : {"maxFailuresSpin", "windowSpin", "banSpin"})
        QVERIFY2(!driver.find<QSpinBox>(spin)->isEnabled(), spin);
    QVERIFY(!driver.find<QLineEdit>("neverEdit")->isEnabled());
    QVERIFY(driver.saveWith(QDialogButtonBox::Apply));
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.enabled")), QStringLiteral("false"));
}

void TestGuiAutoBan::cancelChangesNothing()
{
    AutoBanDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    driver.find<QSpinBox>("maxFailuresSpin")->setValue(3);
    driver.find<QLineEdit>("neverEdit")->setText(QStringLiteral("none"));
    driver.find<QCheckBox>("enabledBox")->setChecked(false);
    driver.button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!dialog.isVisible());
    QTest::qWait(500);
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.enabled")), QStringLiteral("true"));
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.max_failures")), QStringLiteral("10"));
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.never")), m_defaultNever);
}

void TestGuiAutoBan::lockedModeDisablesEditors()
{
    m_mode.setUnlocked(false);
    AutoBanDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QVERIFY(driver.find<QLabel>("lockedLabel")->isVisible());
    QVERIFY(!driver.find<QCheckBox>("enabledBox")->isEnabled());
    for (const char *spin : {"maxFailuresSpin", "windowSpin", "banSpin"})
        QVERIFY2(!driver.find<QSpinBox>(spin)->isEnabled(), spin);
    QVERIFY(!driver.find<QLineEdit>("neverEdit")->isEnabled());
    QVERIFY(!driver.button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!driver.button(QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(driver.find<QPushButton>("bannedAddressesButton")->isEnabled());   // looking is allowed
}

void TestGuiAutoBan::bannedAddressesButtonAsks()
{
    AutoBanDialog dialog(m_engine->link(), m_mode);
    QSignalSpy requested(&dialog, &AutoBanDialog::bannedAddressesRequested);
    dialog.findChild<QPushButton *>(QStringLiteral("bannedAddressesButton"))->click();
    QCOMPARE(requested.count(), 1);
}

QTEST_MAIN(TestGuiAutoBan)
#include "tst_gui_autoban.moc"
