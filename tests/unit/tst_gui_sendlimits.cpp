// Security ▸ Send Limits against a real engine: the size limit (in MB) and the recipient limit
// are what SMTP sessions enforce; the hourly limit reaches the running engine.

#include <QtTest>
#include <QLabel>
#include <QSpinBox>

#include "adminmode.h"
#include "enginecontroller.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "lineclient.h"
#include "security/sendlimitsdialog.h"
#include "settingsdialogdriver.h"

class TestGuiSendLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sizeLimitIsSetInMegabytes();
    void recipientLimitApplies();
    void hourlyLimitReachesTheEngine();
    void cancelChangesNothing();
    void lockedModeDisablesEditors();

private:
    [[nodiscard]] QList<QByteArray> talk(const QList<QByteArray> &lines);

    std::unique_ptr<LiveEngineFixture> m_engine;
    AdminMode m_mode;
};

void TestGuiSendLimits::init()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    m_engine->addMailbox(QStringLiteral("alice@example.test"), QStringLiteral("correct horse"));
    QVERIFY(m_engine->start());
    m_mode.setUnlocked(true);
}

void TestGuiSendLimits::cleanup()
{
    m_engine.reset();
}

QList<QByteArray> TestGuiSendLimits::talk(const QList<QByteArray> &lines)
{
    LineClient client(m_engine->port(QStringLiteral("smtp")), QHostAddress(QStringLiteral("127.0.0.71")));
    return client.conversation(lines);
}

void TestGuiSendLimits::sizeLimitIsSetInMegabytes()
{
    QVERIFY(talk({"EHLO mx.example.net"}).value(0).contains("250-SIZE 26214400\r\n"));
    SendLimitsDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    auto *size = driver.find<QSpinBox>("maxSizeSpin");
    QCOMPARE(size->value(), 25);
    QCOMPARE(size->maximum(), 4096);
    size->setValue(10);
    QVERIFY(driver.saveWith(QDialogButtonBox::Apply));
    QCOMPARE(m_engine->setting(QStringLiteral("message.max_size")), QStringLiteral("10485760"));
    const QByteArray capabilities = talk({"EHLO mx.example.net"}).value(0);
    QVERIFY2(capabilities.contains("250-SIZE 10485760\r\n"), capabilities.constData());

    size->setValue(0);
    QCOMPARE(size->text(), QStringLiteral("Unlimited"));
    QVERIFY(driver.saveWith(QDialogButtonBox::Ok));
    QCOMPARE(m_engine->setting(QStringLiteral("message.max_size")), QStringLiteral("0"));
}

void TestGuiSendLimits::recipientLimitApplies()
{
    const QList<QByteArray> envelope{"EHLO mx.example.net", "MAIL FROM:<>", "RCPT TO:<alice@example.test>",
                                     "RCPT TO:<postmaster@example.test>"};
    QVERIFY(talk(envelope).value(3).startsWith("250"));
    SendLimitsDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    auto *recipients = driver.find<QSpinBox>("maxRecipientsSpin");
    QCOMPARE(recipients->value(), 100);
    QCOMPARE(recipients->minimum(), 1);
    recipients->setValue(1);
    QVERIFY(driver.saveWith(QDialogButtonBox::Ok));
    const QList<QByteArray> replies = talk(envelope);
    QVERIFY(replies.value(2).startsWith("250"));
    QVERIFY2(replies.value(3).startsWith("452 4.5.3"), replies.value(3).constData());
}

void TestGuiSendLimits::hourlyLimitReachesTheEngine()
{
    SendLimitsDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    auto *perHour = driver.find<QSpinBox>("perHourSpin");
    QCOMPARE(perHour->value(), 500);
    QCOMPARE(perHour->maximum(), 1000000);
    perHour->setValue(0);
    QCOMPARE(perHour->text(), QStringLiteral("No limit"));
    QSignalSpy changed(&m_engine->link().controller(), &EngineController::settingsChanged);
    QVERIFY(driver.saveWith(QDialogButtonBox::Ok));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
    QVERIFY(changed.first().at(1).toStringList().contains(QStringLiteral("limits.messages_per_hour_per_account")));
    QCOMPARE(m_engine->setting(QStringLiteral("limits.messages_per_hour_per_account")), QStringLiteral("0"));
}

void TestGuiSendLimits::cancelChangesNothing()
{
    SendLimitsDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    driver.find<QSpinBox>("perHourSpin")->setValue(7);
    driver.find<QSpinBox>("maxRecipientsSpin")->setValue(7);
    driver.find<QSpinBox>("maxSizeSpin")->setValue(7);
    driver.button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!dialog.isVisible());
    QTest::qWait(500);
    QCOMPARE(m_engine->setting(QStringLiteral("limits.messages_per_hour_per_account")), QStringLiteral("500"));
    QCOMPARE(m_engine->setting(QStringLiteral("smtp.max_recipients")), QStringLiteral("100"));
    QCOMPARE(m_engine->setting(QStringLiteral("message.max_size")), QStringLiteral("26214400"));
}

void TestGuiSendLimits::lockedModeDisablesEditors()
{
    m_mode.setUnlocked(false);
    SendLimitsDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QVERIFY(driver.find<QLabel>("lockedLabel")->isVisible());
    for (const char *spin : {"perHourSpin", "maxRecipientsSpin", "maxSizeSpin"})
        QVERIFY2(!driver.find<QSpinBox>(spin)->isEnabled(), spin);
    QVERIFY(!driver.button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!driver.button(QDialogButtonBox::Apply)->isEnabled());
}

QTEST_MAIN(TestGuiSendLimits)
#include "tst_gui_sendlimits.moc"
