// Security ▸ Address Verification against a real engine: the checks ticked are the checks made,
// and unticking "Assume blank MAIL FROM address is valid" is warned about before it is saved.

#include <QtTest>
#include <QCheckBox>
#include <QLabel>

#include "adminmode.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "lineclient.h"
#include "security/addressverificationdialog.h"
#include "settingsdialogdriver.h"

namespace {

const QHostAddress kStranger(QStringLiteral("127.0.0.51"));

}

class TestGuiAddressVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void blankSenderWarningFollowsTheTickBox();
    void untickingBlankSenderRefusesBounces();
    void heloSyntaxCheckRefusesBadNames();
    void showsDnsSettingsReadOnly();
    void cancelChangesNothing();
    void lockedModeDisablesEditors();

private:
    [[nodiscard]] QByteArray reply(const QList<QByteArray> &lines);

    std::unique_ptr<LiveEngineFixture> m_engine;
    AdminMode m_mode;
};

void TestGuiAddressVerification::init()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    m_engine->addMailbox(QStringLiteral("alice@example.test"), QStringLiteral("correct horse"));
    QVERIFY(m_engine->start());
    m_mode.setUnlocked(true);
}

void TestGuiAddressVerification::cleanup()
{
    m_engine.reset();
}

QByteArray TestGuiAddressVerification::reply(const QList<QByteArray> &lines)
{
    LineClient client(m_engine->port(QStringLiteral("smtp")), kStranger);
    return client.conversation(lines).value(lines.size() - 1);
}

void TestGuiAddressVerification::blankSenderWarningFollowsTheTickBox()
{
    AddressVerificationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    auto *blank = driver.find<QCheckBox>("assumeBlankBox");
    auto *warning = driver.find<QLabel>("blankSenderWarning");
    QVERIFY(blank->isChecked());
    QVERIFY(!warning->isVisible());
    blank->setChecked(false);
    QVERIFY(warning->isVisible());   // at once, before anything is saved
    QVERIFY(warning->text().contains(QStringLiteral("RFC 1123")));
    QVERIFY(warning->text().contains(QStringLiteral("RFC 5321")));
    blank->setChecked(true);
    QVERIFY(!warning->isVisible());
}

void TestGuiAddressVerification::untickingBlankSenderRefusesBounces()
{
    QVERIFY(reply({"EHLO mx.example.net", "MAIL FROM:<>"}).startsWith("250"));
    AddressVerificationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    driver.find<QCheckBox>("assumeBlankBox")->setChecked(false);
    QVERIFY(driver.saveWith(QDialogButtonBox::Ok));
    QCOMPARE(m_engine->setting(QStringLiteral("verify.assume_blank_from_valid")), QStringLiteral("false"));
    const QByteArray refused = reply({"EHLO mx.example.net", "MAIL FROM:<>"});
    QVERIFY2(refused.startsWith("550 5.7.1"), refused.constData());

    // Shown again, the dialog still warns: the setting stays dangerous while it is off.
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(driver.find<QLabel>("blankSenderWarning")->isVisible(), 10000);
}

void TestGuiAddressVerification::heloSyntaxCheckRefusesBadNames()
{
    QVERIFY(reply({"EHLO !!bad!!"}).startsWith("250"));
    AddressVerificationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QVERIFY(!driver.find<QCheckBox>("heloSyntaxBox")->isChecked());
    driver.find<QCheckBox>("heloSyntaxBox")->setChecked(true);
    QVERIFY(driver.saveWith(QDialogButtonBox::Apply));
    const QByteArray refused = reply({"EHLO !!bad!!"});
    QVERIFY2(refused.startsWith("501"), refused.constData());
    QVERIFY(reply({"EHLO mx.example.net"}).startsWith("250"));
}

void TestGuiAddressVerification::showsDnsSettingsReadOnly()
{
    QVERIFY(m_engine->call(QStringLiteral("config.set"), {{QStringLiteral("key"), QStringLiteral("dns.servers")},
                                                          {QStringLiteral("value"), QStringLiteral("127.0.0.1:5353")}}).ok());
    AddressVerificationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    const QString text = driver.find<QLabel>("dnsLabel")->text();
    QVERIFY2(text.contains(QStringLiteral("127.0.0.1:5353")) && text.contains(QStringLiteral("5000 ms"))
                 && text.contains(QStringLiteral("Options")),
             qPrintable(text));
}

void TestGuiAddressVerification::cancelChangesNothing()
{
    AddressVerificationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    for (const char *box : {"senderDomainBox", "assumeBlankBox", "heloSyntaxBox", "reverseDnsBox"})
        driver.find<QCheckBox>(box)->toggle();
    driver.button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!dialog.isVisible());
    QTest::qWait(500);
    QCOMPARE(m_engine->setting(QStringLiteral("verify.sender_domain")), QStringLiteral("true"));
    QCOMPARE(m_engine->setting(QStringLiteral("verify.assume_blank_from_valid")), QStringLiteral("true"));
    QCOMPARE(m_engine->setting(QStringLiteral("verify.helo_syntax")), QStringLiteral("false"));
    QCOMPARE(m_engine->setting(QStringLiteral("verify.reverse_dns")), QStringLiteral("false"));
    QVERIFY(reply({"EHLO mx.example.net", "MAIL FROM:<>"}).startsWith("250"));
}

void TestGuiAddressVerification::lockedModeDisablesEditors()
{
    m_mode.setUnlocked(false);
    AddressVerificationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QVERIFY(driver.find<QLabel>("lockedLabel")->isVisible());
    for (const char *box : {"senderDomainBox", "assumeBlankBox", "heloSyntaxBox", "reverseDnsBox"})
        QVERIFY2(!driver.find<QCheckBox>(box)->isEnabled(), box);
    QVERIFY(!driver.button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!driver.button(QDialogButtonBox::Apply)->isEnabled());
}

QTEST_MAIN(TestGuiAddressVerification)
#include "tst_gui_addressverification.moc"
