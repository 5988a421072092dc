// Security ▸ SMTP Authentication against a real engine: what is ticked is what SMTP sessions do.

#include <QtTest>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>

#include "adminmode.h"
#include "dialoglauncher.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "lineclient.h"
#include "security/smtpauthenticationdialog.h"
#include "settingsdialogdriver.h"

class TestGuiSmtpAuthentication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void untickingRequireAuthLetsLocalSendersIn();
    void plaintextChoiceDecidesWhetherAuthIsOffered();
    void cancelChangesNothing();
    void lockedModeDisablesEditors();
    void smtpLoginsButtonAsksTheLauncher();

private:
    [[nodiscard]] QByteArray mailFromLocalSender();
    [[nodiscard]] QByteArray ehlo();

    std::unique_ptr<LiveEngineFixture> m_engine;
    AdminMode m_mode;
};

void TestGuiSmtpAuthentication::init()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    m_engine->addMailbox(QStringLiteral("alice@example.test"), QStringLiteral("correct horse"));
    QVERIFY(m_engine->start());
    m_mode.setUnlocked(true);
}

void TestGuiSmtpAuthentication::cleanup()
{
    m_engine.reset();
}

QByteArray TestGuiSmtpAuthentication::mailFromLocalSender()
{
    LineClient client(m_engine->port(QStringLiteral("smtp")), QHostAddress(QStringLiteral("127.0.0.21")));
    return client.conversation({"EHLO client.test", "MAIL FROM:<bob@example.test>"}).value(1);
}

QByteArray TestGuiSmtpAuthentication::ehlo()
{
    LineClient client(m_engine->port(QStringLiteral("smtp")));
    return client.conversation({"EHLO client.test"}).value(0);
}

void TestGuiSmtpAuthentication::untickingRequireAuthLetsLocalSendersIn()
{
    QVERIFY2(mailFromLocalSender().startsWith("550 5.7.1"), mailFromLocalSender().constData());
    SmtpAuthenticationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    auto *require = driver.find<QCheckBox>("requireAuthBox");
    QVERIFY(require->isChecked());
    QVERIFY(driver.find<QCheckBox>("usePop3AccountsBox")->isChecked());
    require->setChecked(false);
    QVERIFY(driver.saveWith(QDialogButtonBox::Ok));
    QVERIFY(!dialog.isVisible());   // OK closes
    QCOMPARE(m_engine->setting(QStringLiteral("smtp.require_auth_for_local_senders")), QStringLiteral("false"));
    const QByteArray accepted = mailFromLocalSender();
    QVERIFY2(accepted.startsWith("250"), accepted.constData());
}

void TestGuiSmtpAuthentication::plaintextChoiceDecidesWhetherAuthIsOffered()
{
    QVERIFY(ehlo().contains("250-AUTH PLAIN LOGIN"));   // loopback may send passwords in the clear
    SmtpAuthenticationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    auto *combo = driver.find<QComboBox>("plaintextCombo");
    QCOMPARE(combo->count(), 4);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("loopback"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("never")));
    QVERIFY(combo->currentText().contains(QStringLiteral("TLS")));   // plain words, not the stored word
    QVERIFY(driver.saveWith(QDialogButtonBox::Apply));
    QVERIFY(dialog.isVisible());   // Apply stays
    QCOMPARE(m_engine->setting(QStringLiteral("auth.plaintext")), QStringLiteral("never"));
    const QByteArray capabilities = ehlo();
    QVERIFY2(capabilities.startsWith("250-") && !capabilities.contains("AUTH"), capabilities.constData());
}

void TestGuiSmtpAuthentication::cancelChangesNothing()
{
    SmtpAuthenticationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    driver.find<QCheckBox>("requireAuthBox")->setChecked(false);
    driver.find<QCheckBox>("usePop3AccountsBox")->setChecked(false);
    auto *combo = driver.find<QComboBox>("plaintextCombo");
    combo->setCurrentIndex(combo->findData(QStringLiteral("always")));
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    driver.button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!dialog.isVisible());
    QTest::qWait(500);   // a save, had one been sent, would have been answered by now
    QCOMPARE(saved.count(), 0);
    QCOMPARE(m_engine->setting(QStringLiteral("smtp.require_auth_for_local_senders")), QStringLiteral("true"));
    QCOMPARE(m_engine->setting(QStringLiteral("smtp.auth_use_pop3_accounts")), QStringLiteral("true"));
    QCOMPARE(m_engine->setting(QStringLiteral("auth.plaintext")), QStringLiteral("loopback"));
    QVERIFY(mailFromLocalSender().startsWith("550 5.7.1"));
}

void TestGuiSmtpAuthentication::lockedModeDisablesEditors()
{
    m_mode.setUnlocked(false);
    SmtpAuthenticationDialog dialog(m_engine->link(), m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QVERIFY(driver.find<QLabel>("lockedLabel")->isVisible());
    QVERIFY(driver.find<QCheckBox>("requireAuthBox")->isChecked());   // shown, read-only
    QVERIFY(!driver.find<QCheckBox>("requireAuthBox")->isEnabled());
    QVERIFY(!driver.find<QCheckBox>("usePop3AccountsBox")->isEnabled());
    QVERIFY(!driver.find<QComboBox>("plaintextCombo")->isEnabled());
    QVERIFY(!driver.button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!driver.button(QDialogButtonBox::Apply)->isEnabled());
    m_mode.setUnlocked(true);
    QVERIFY(!driver.find<QLabel>("lockedLabel")->isVisible());
    QVERIFY(driver.find<QCheckBox>("requireAuthBox")->isEnabled());
    QVERIFY(driver.button(QDialogButtonBox::Ok)->isEnabled());
}

void TestGuiSmtpAuthentication::smtpLoginsButtonAsksTheLauncher()
{
    QWidget parent;
    DialogLauncher launcher(m_engine->link(), m_mode, &parent);
    auto *dialog = qobject_cast<SmtpAuthenticationDialog *>(launcher.open(DialogLauncher::Dialog::SmtpAuthentication));
    QVERIFY(dialog);
    QCOMPARE(launcher.open(DialogLauncher::Dialog::SmtpAuthentication), dialog);   // one window, raised again
    QSignalSpy requested(dialog, &SmtpAuthenticationDialog::smtpLoginsRequested);
    dialog->findChild<QPushButton *>(QStringLiteral("smtpLoginsButton"))->click();
    QCOMPARE(requested.count(), 1);
}

QTEST_MAIN(TestGuiSmtpAuthentication)
#include "tst_gui_smtpauthentication.moc"
