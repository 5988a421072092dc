// Security ▸ Sender Rules against a real engine: the ticked rules decide MAIL FROM.

#include <QtTest>
#include <QCheckBox>
#include <QLabel>

#include "adminmode.h"
#include "adminservice.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "lineclient.h"
#include "security/senderrulesdialog.h"
#include "settingsdialogdriver.h"

namespace {

const QHostAddress kTrusted(QStringLiteral("127.0.0.41"));

}

class TestGuiSenderRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void localDomainOnlyRefusesForeignSenders();
    void accountOnlyRefusesSendersWithoutAccount();
    void authMustMatchCanBeLifted();
    void cancelChangesNothing();
    void lockedModeDisablesEditors();

private:
    // The reply to MAIL FROM:<sender> from a trusted (relaying) address.
    [[nodiscard]] QByteArray relayingSender(const QByteArray &sender);
    // The reply to MAIL FROM:<sender> after logging in as alice.
    [[nodiscard]] QByteArray authenticatedSender(const QByteArray &sender);
    void check(const char *box, bool ticked, QDialogButtonBox::StandardButton button);

    std::unique_ptr<LiveEngineFixture> m_engine;
    AdminMode m_mode;
};

void TestGuiSenderRules::init()
{
    // No DNS in these tests: the sender domains are made up.
    m_engine = std::make_unique<LiveEngineFixture>(
        QMap<QString, QString>{{QStringLiteral("verify.sender_domain"), QStringLiteral("false")}});
    m_engine->addMailbox(QStringLiteral("alice@example.test"), QStringLiteral("correct horse"));
    m_engine->prepare([](AdminService &admin) { admin.addTrust(QStringLiteral("127.0.0.41"), QStringLiteral("the office printer")); });
    QVERIFY(m_engine->start());
    m_mode.setUnlocked(true);
}

void TestGuiSenderRules::cleanup()
{
    m_engine.reset();
}

QByteArray TestGuiSenderRules::relayingSender(const QByteArray &sender)
{
    LineClient client(m_engine->port(QStringLiteral("smtp")), kTrusted);
    return client.conversation({"EHLO printer.test", "MAIL FROM:<" + sender + ">"}).value(1);
}

QByteArray TestGuiSenderRules::authenticatedSender(const QByteArray &sender)
{
    LineClient client(m_engine->port(QStringLiteral("smtp")));
    const QByteArray login = QByteArray("\0alice@example.test\0correct horse", 33).toBase64();
    const QList<QByteArray> replies = client.conversation({"EHLO laptop.test", "AUTH PLAIN " + login, "MAIL FROM:<" + sender + ">"});
    if (!replies.value(1).startsWith("235"))
        return "login failed: " + replies.value(1);
    return replies.value(2);
}

void TestGuiSenderRules::check(const char *box, bool ticked, QDialogButtonBox::StandardButton button)
{
    SenderRulesDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    driver.find<QCheckBox>(box)->setChecked(ticked);
    QVERIFY(driver.saveWith(button));
    QCOMPARE(dialog.isVisible(), button == QDialogButtonBox::Apply);
}

void TestGuiSenderRules::localDomainOnlyRefusesForeignSenders()
{
    QVERIFY2(relayingSender("someone@elsewhere.test").startsWith("250"), relayingSender("someone@elsewhere.test").constData());
    check("localDomainOnlyBox", true, QDialogButtonBox::Ok);
    QCOMPARE(m_engine->setting(QStringLiteral("sender_rules.local_domain_only")), QStringLiteral("true"));
    const QByteArray refused = relayingSender("someone@elsewhere.test");
    QVERIFY2(refused.startsWith("550 5.7.1"), refused.constData());
    QVERIFY(relayingSender("alice@example.test").startsWith("250"));
}

void TestGuiSenderRules::accountOnlyRefusesSendersWithoutAccount()
{
    QVERIFY(relayingSender("nobody@example.test").startsWith("250"));
    check("accountOnlyBox", true, QDialogButtonBox::Apply);
    QCOMPARE(m_engine->setting(QStringLiteral("sender_rules.account_only")), QStringLiteral("true"));
    const QByteArray refused = relayingSender("nobody@example.test");
    QVERIFY2(refused.startsWith("550 5.7.1"), refused.constData());
    QVERIFY(relayingSender("alice@example.test").startsWith("250"));
}

void TestGuiSenderRules::authMustMatchCanBeLifted()
{
    QVERIFY2(authenticatedSender("bob@example.test").startsWith("553 5.7.1"), authenticatedSender("bob@example.test").constData());
    check("authMustMatchBox", false, QDialogButtonBox::Ok);
    const QByteArray accepted = authenticatedSender("bob@example.test");
    QVERIFY2(accepted.startsWith("250"), accepted.constData());
}

void TestGuiSenderRules::cancelChangesNothing()
{
    SenderRulesDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QVERIFY(driver.find<QCheckBox>("authMustMatchBox")->isChecked());
    for (const char *box : {"localDomainOnlyBox", "accountOnlyBox", "authMustMatchBox"})
        driver.find<QCheckBox>(box)->toggle();
    driver.button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!dialog.isVisible());
    QTest::qWait(500);
    QCOMPARE(m_engine->setting(QStringLiteral("sender_rules.local_domain_only")), QStringLiteral("false"));
    QCOMPARE(m_engine->setting(QStringLiteral("sender_rules.account_only")), QStringLiteral("false"));
    QCOMPARE(m_engine->setting(QStringLiteral("sender_rules.auth_must_match")), QStringLiteral("true"));
    QVERIFY(relayingSender("someone@elsewhere.test").startsWith("250"));
}

void TestGuiSenderRules::lockedModeDisablesEditors()
{
    m_mode.setUnlocked(false);
    SenderRulesDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QVERIFY(driver.find<QLabel>("lockedLabel")->isVisible());
    for (const char *box : {"localDomainOnlyBox", "accountOnlyBox", "authMustMatchBox"})
        QVERIFY2(!driver.find<QCheckBox>(box)->isEnabled(), box);
    QVERIFY(!driver.button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!driver.button(QDialogButtonBox::Apply)->isEnabled());
}

QTEST_MAIN(TestGuiSenderRules)
#include "tst_gui_senderrules.moc"
