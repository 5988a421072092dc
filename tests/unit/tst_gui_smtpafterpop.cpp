// Security ▸ SMTP After POP against a real engine: ticked, a POP3 login lets its address relay.

#include <QtTest>
#include <QCheckBox>
#include <QLabel>
#include <QSpinBox>

#include "adminmode.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "lineclient.h"
#include "security/smtpafterpopdialog.h"
#include "settingsdialogdriver.h"

class TestGuiSmtpAfterPop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void enablingLetsAPop3LoginRelay();
    void minutesFollowTheTickBox();
    void cancelChangesNothing();
    void lockedModeDisablesEditors();

private:
    [[nodiscard]] bool popLogin(const QHostAddress &from);
    [[nodiscard]] QByteArray relayFrom(const QHostAddress &from);

    std::unique_ptr<LiveEngineFixture> m_engine;
    AdminMode m_mode;
};

void TestGuiSmtpAfterPop::init()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    m_engine->addMailbox(QStringLiteral("alice@example.test"), QStringLiteral("correct horse"));
    QVERIFY(m_engine->start());
    m_mode.setUnlocked(true);
}

void TestGuiSmtpAfterPop::cleanup()
{
    m_engine.reset();
}

bool TestGuiSmtpAfterPop::popLogin(const QHostAddress &from)
{
    LineClient client(m_engine->port(QStringLiteral("pop3")), from);
    const QList<QByteArray> replies = client.conversation({"USER alice@example.test", "PASS correct horse", "QUIT"});
    return replies.size() == 3 && replies.at(1).startsWith("+OK");
}

QByteArray TestGuiSmtpAfterPop::relayFrom(const QHostAddress &from)
{
    LineClient client(m_engine->port(QStringLiteral("smtp")), from);
    return client.conversation({"EHLO client.test", "MAIL FROM:<>", "RCPT TO:<friend@elsewhere.test>"}).value(2);
}

void TestGuiSmtpAfterPop::enablingLetsAPop3LoginRelay()
{
    const QHostAddress popClient(QStringLiteral("127.0.0.31"));
    QVERIFY(popLogin(popClient));
    QVERIFY2(relayFrom(popClient).startsWith("554 5.7.1"), relayFrom(popClient).constData());   // off by default

    SmtpAfterPopDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    driver.find<QCheckBox>("enabledBox")->setChecked(true);
    QVERIFY(driver.saveWith(QDialogButtonBox::Ok));
    QCOMPARE(m_engine->setting(QStringLiteral("smtp_after_pop.enabled")), QStringLiteral("true"));

    QVERIFY(popLogin(popClient));
    // Past the relay check: the recipient is accepted for the outbound queue.
    const QByteArray relayed = relayFrom(popClient);
    QVERIFY2(relayed.startsWith("250 2.1.5"), relayed.constData());
    // Only the address that logged in.
    QVERIFY(relayFrom(QHostAddress(QStringLiteral("127.0.0.32"))).startsWith("554 5.7.1"));
}

void TestGuiSmtpAfterPop::minutesFollowTheTickBox()
{
    SmtpAfterPopDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    auto *enabled = driver.find<QCheckBox>("enabledBox");
    auto *minutes = driver.find<QSpinBox>("minutesSpin");
    QVERIFY(!enabled->isChecked());
    QVERIFY(!minutes->isEnabled());
    QCOMPARE(minutes->value(), 5);
    QCOMPARE(minutes->minimum(), 1);
    QCOMPARE(minutes->maximum(), 1440);
    enabled->setChecked(true);
    QVERIFY(minutes->isEnabled());
    minutes->setValue(30);
    QVERIFY(driver.saveWith(QDialogButtonBox::Apply));
    QVERIFY(dialog.isVisible());
    QCOMPARE(m_engine->setting(QStringLiteral("smtp_after_pop.minutes")), QStringLiteral("30"));
    enabled->setChecked(false);
    QVERIFY(!minutes->isEnabled());
}

void TestGuiSmtpAfterPop::cancelChangesNothing()
{
    SmtpAfterPopDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    driver.find<QCheckBox>("enabledBox")->setChecked(true);
    driver.find<QSpinBox>("minutesSpin")->setValue(60);
    driver.button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!dialog.isVisible());
    QTest::qWait(500);
    QCOMPARE(m_engine->setting(QStringLiteral("smtp_after_pop.enabled")), QStringLiteral("false"));
    QCOMPARE(m_engine->setting(QStringLiteral("smtp_after_pop.minutes")), QStringLiteral("5"));
}

void TestGuiSmtpAfterPop::lockedModeDisablesEditors()
{
    QVERIFY(m_engine->call(QStringLiteral("config.set"), {{QStringLiteral("key"), QStringLiteral("smtp_after_pop.enabled")},
                                                          {QStringLiteral("value"), QStringLiteral("true")}}).ok());
    m_mode.setUnlocked(false);
    SmtpAfterPopDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QVERIFY(driver.find<QLabel>("lockedLabel")->isVisible());
    QVERIFY(driver.find<QCheckBox>("enabledBox")->isChecked());
    QVERIFY(!driver.find<QCheckBox>("enabledBox")->isEnabled());
    QVERIFY(!driver.find<QSpinBox>("minutesSpin")->isEnabled());   // ticked, but locked
    QVERIFY(!driver.button(QDialogButtonBox::Ok)->isEnabled());
    m_mode.setUnlocked(true);
    QVERIFY(driver.find<QSpinBox>("minutesSpin")->isEnabled());
}

QTEST_MAIN(TestGuiSmtpAfterPop)
#include "tst_gui_smtpafterpop.moc"
