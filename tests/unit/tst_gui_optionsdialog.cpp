// The Options dialog against a real engine: values reach the running server (a listener moves,
// the certificate changes), mistakes are refused in the dialog, Cancel sends nothing, and a
// locked administration mode leaves everything read-only.

#include "adminmode.h"
#include "enginecontroller.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "optionsdialog.h"
#include "testcertificates.h"

#include <QtTest>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpSocket>

namespace {

// An engine link, an administration mode and the dialog on them, as the menu opens it.
struct Session
{
    Session(LiveEngineFixture &engine, bool unlocked) : link(engine.options(), engine.hub()), dialog(link, mode)
    {
        mode.setUnlocked(unlocked);
    }
    InProcessEngineLink link;
    AdminMode mode;
    OptionsDialog dialog;
};

}

class TestGuiOptionsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lockedModeIsReadOnly();
    void applyReachesTheRunningServer();
    void chosenCertificateIsServed();
    void invalidInputIsRefusedInTheDialog_data();
    void invalidInputIsRefusedInTheDialog();
    void cancelChangesNothing();

private:
    template <typename T>
    [[nodiscard]] static T *child(QWidget *dialog, const char *name)
    {
        T *widget = dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    [[nodiscard]] static QPushButton *button(QWidget *dialog, QDialogButtonBox::StandardButton which)
    {
        return child<QDialogButtonBox>(dialog, "buttonBox")->button(which);
    }
    // Shows the dialog (after starting the engine, when asked) and waits until it shows the
    // engine's values.
    [[nodiscard]] static bool open(Session &session, bool startEngine = false);
    [[nodiscard]] static quint16 listenerPort(EngineLink &link, const QString &service);

    std::unique_ptr<LiveEngineFixture> m_engine;
};

void TestGuiOptionsDialog::initTestCase()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    QVERIFY(m_engine->isValid());
}

bool TestGuiOptionsDialog::open(Session &session, bool startEngine)
{
    if (startEngine) {
        session.link.startServer();
        if (!QTest::qWaitFor([&] { return session.link.status().running(); }, 10000))
            return false;
    }
    session.dialog.show();
    auto *retention = child<QSpinBox>(&session.dialog, "logRetentionSpin");
    auto *hostname = child<QLineEdit>(&session.dialog, "hostnameEdit");
    return QTest::qWaitFor([&] { return !hostname->text().isEmpty() && retention->value() > 0; }, 10000);
}

quint16 TestGuiOptionsDialog::listenerPort(EngineLink &link, const QString &service)
{
    for (const ListenerState &listener : link.status().listeners) {
        if (listener.service == service && listener.status == ListenerState::Status::Listening)
            return listener.port;
    }
    return 0;
}

void TestGuiOptionsDialog::lockedModeIsReadOnly()
{
    Session session(*m_engine, false);
    QVERIFY(open(session));
    AdminMode &mode = session.mode;
    OptionsDialog &dialog = session.dialog;
    for (const char *name : {"hostnameEdit", "listenAddressesEdit", "certFileEdit", "dnsServersEdit", "newPasswordEdit"})
        QVERIFY2(!child<QLineEdit>(&dialog, name)->isEnabled(), name);
    for (const char *name : {"smtpPortSpin", "maxSizeSpin", "logRetentionSpin", "pop3MaxPerIpSpin"})
        QVERIFY2(!child<QSpinBox>(&dialog, name)->isEnabled(), name);
    QVERIFY(!child<QPushButton>(&dialog, "chooseFilesButton")->isEnabled());
    QVERIFY(!child<QComboBox>(&dialog, "languageCombo")->isEnabled());
    QVERIFY(!button(&dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!button(&dialog, QDialogButtonBox::Apply)->isEnabled());
    auto *locked = child<QLabel>(&dialog, "lockedLabel");
    QVERIFY(locked->isVisible());
    QVERIFY(locked->text().contains(QStringLiteral("administration mode")));

    mode.setUnlocked(true);
    QVERIFY(child<QLineEdit>(&dialog, "hostnameEdit")->isEnabled());
    QVERIFY(child<QSpinBox>(&dialog, "smtpPortSpin")->isEnabled());
    QVERIFY(button(&dialog, QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(!locked->isVisible());
}

void TestGuiOptionsDialog::applyReachesTheRunningServer()
{
    Session session(*m_engine, true);
    QVERIFY(open(session, true));
    InProcessEngineLink &link = session.link;
    OptionsDialog &dialog = session.dialog;

    const quint16 port = LiveEngineFixture::freePort();
    QVERIFY(port != 0);
    QVERIFY(listenerPort(link, QStringLiteral("smtp")) != port);
    child<QSpinBox>(&dialog, "smtpPortSpin")->setValue(port);
    child<QSpinBox>(&dialog, "logRetentionSpin")->setValue(45);
    child<QSpinBox>(&dialog, "maxSizeSpin")->setValue(10);
    child<QSpinBox>(&dialog, "pop3MaxPerIpSpin")->setValue(7);
    child<QCheckBox>(&dialog, "notifyAutoBansCheck")->setChecked(true);
    QSignalSpy applied(&dialog, &OptionsDialog::applied);
    button(&dialog, QDialogButtonBox::Apply)->click();
    QVERIFY(applied.wait(10000));
    QVERIFY(dialog.isVisible());   // Apply keeps the dialog open
    QVERIFY(child<QLabel>(&dialog, "messageLabel")->text().contains(QStringLiteral("Saved")));

    // The running engine moves its SMTP listener to the new port and greets there.
    QTRY_COMPARE_WITH_TIMEOUT(listenerPort(link, QStringLiteral("smtp")), port, 10000);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    QVERIFY(client.waitForReadyRead(5000));
    QVERIFY(client.readLine().startsWith("220 "));

    const QMap<QString, QString> settings = LiveEngineFixture::settings(link);
    QCOMPARE(settings.value(QStringLiteral("log.retention_days")), QStringLiteral("45"));
    QCOMPARE(settings.value(QStringLiteral("message.max_size")), QString::number(10 * 1024 * 1024));
    QCOMPARE(settings.value(QStringLiteral("pop3.max_connections_per_ip")), QStringLiteral("7"));
    QCOMPARE(settings.value(QStringLiteral("smtp.port")), QString::number(port));
    QVERIFY(QFile::exists(m_engine->dataDirectory() + QStringLiteral("/gui.ini")));

    // A second Apply from the same dialog sends only what changed since.
    child<QSpinBox>(&dialog, "logRetentionSpin")->setValue(46);
    button(&dialog, QDialogButtonBox::Apply)->click();
    QVERIFY(applied.wait(10000));
    QCOMPARE(applied.count(), 2);
    QCOMPARE(LiveEngineFixture::settings(link).value(QStringLiteral("log.retention_days")), QStringLiteral("46"));
    QCOMPARE(listenerPort(link, QStringLiteral("smtp")), port);
    m_engine->configure({{QStringLiteral("smtp.port"), QStringLiteral("0")}});
}

void TestGuiOptionsDialog::chosenCertificateIsServed()
{
    Session session(*m_engine, true);
    QVERIFY(open(session, true));
    InProcessEngineLink &link = session.link;
    OptionsDialog &dialog = session.dialog;
    auto *info = child<QLabel>(&dialog, "certificateInfoLabel");
    // The first start made a self-signed certificate; the dialog shows its fingerprint.
    QTRY_VERIFY_WITH_TIMEOUT(!info->property("sha256").toString().isEmpty(), 10000);
    const QString generated = info->property("sha256").toString();
    QCOMPARE(LiveEngineFixture::call(link, QStringLiteral("tls.info")).result[QStringLiteral("sha256")].toString(), generated);

    TestCertificates certificates;
    const TestCertificates::Pair pair = certificates.make(QStringLiteral("office"), QStringLiteral("mail.office.test"));
    QVERIFY(!pair.fingerprint.isEmpty());
    QVERIFY(pair.fingerprint != generated);
    // What "Choose files…" fills in (the file dialogs themselves are the platform's).
    child<QLineEdit>(&dialog, "certFileEdit")->setText(pair.certificateFile);
    child<QLineEdit>(&dialog, "keyFileEdit")->setText(pair.keyFile);
    QSignalSpy applied(&dialog, &OptionsDialog::applied);
    QSignalSpy changed(&link, &EngineLink::changesApplied);
    button(&dialog, QDialogButtonBox::Ok)->click();
    QVERIFY(applied.wait(10000));
    QVERIFY(!dialog.isVisible());   // OK closes it
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const AdminReply tls = LiveEngineFixture::call(link, QStringLiteral("tls.info"));
    QCOMPARE(tls.result[QStringLiteral("sha256")].toString(), pair.fingerprint);
    QTRY_COMPARE_WITH_TIMEOUT(info->property("sha256").toString(), pair.fingerprint, 10000);
    // The running engine took the pair in: it logs the new certificate.
    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->logLines(pair.fingerprint).isEmpty(), 10000);
    m_engine->configure({{QStringLiteral("tls.cert_file"), QString()}, {QStringLiteral("tls.key_file"), QString()}});
}

void TestGuiOptionsDialog::invalidInputIsRefusedInTheDialog_data()
{
    QTest::addColumn<QString>("editor");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("host name") << QStringLiteral("hostnameEdit") << QStringLiteral("bad host!") << QStringLiteral("host name");
    QTest::newRow("listen address") << QStringLiteral("listenAddressesEdit") << QStringLiteral("127.0.0.300")
                                    << QStringLiteral("listen.addresses");
    QTest::newRow("only a certificate") << QStringLiteral("certFileEdit") << QStringLiteral("/etc/ssl/certs/x.pem")
                                        << QStringLiteral("both");
    QTest::newRow("passwords differ") << QStringLiteral("newPasswordEdit") << QStringLiteral("gate-keeper 42")
                                      << QStringLiteral("differ");
}

void TestGuiOptionsDialog::invalidInputIsRefusedInTheDialog()
{
    QFETCH(QString, editor);
    QFETCH(QString, value);
    QFETCH(QString, message);
    Session session(*m_engine, true);
    QVERIFY(open(session));
    InProcessEngineLink &link = session.link;
    OptionsDialog &dialog = session.dialog;
    const QMap<QString, QString> before = LiveEngineFixture::settings(link);
    child<QSpinBox>(&dialog, "logRetentionSpin")->setValue(77);   // a valid change that must not be sent either
    dialog.findChild<QLineEdit *>(editor)->setText(value);
    QSignalSpy applied(&dialog, &OptionsDialog::applied);
    button(&dialog, QDialogButtonBox::Ok)->click();
    auto *error = child<QLabel>(&dialog, "errorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(dialog.isVisible());
    QVERIFY(!applied.wait(500));
    QCOMPARE(LiveEngineFixture::settings(link), before);
    QCOMPARE(LiveEngineFixture::call(link, QStringLiteral("admin.password.exists")).result.toBool(), false);
}

void TestGuiOptionsDialog::cancelChangesNothing()
{
    Session session(*m_engine, true);
    QVERIFY(open(session));
    InProcessEngineLink &link = session.link;
    OptionsDialog &dialog = session.dialog;
    const QMap<QString, QString> before = LiveEngineFixture::settings(link);
    child<QSpinBox>(&dialog, "logRetentionSpin")->setValue(99);
    child<QLineEdit>(&dialog, "hostnameEdit")->setText(QStringLiteral("cancelled.example.test"));
    child<QComboBox>(&dialog, "languageCombo")->setCurrentIndex(2);
    child<QLineEdit>(&dialog, "newPasswordEdit")->setText(QStringLiteral("gate-keeper 42"));
    child<QLineEdit>(&dialog, "confirmPasswordEdit")->setText(QStringLiteral("gate-keeper 42"));
    button(&dialog, QDialogButtonBox::Cancel)->click();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QTest::qWait(500);   // anything sent would have arrived by now
    QCOMPARE(LiveEngineFixture::settings(link), before);
    QCOMPARE(LiveEngineFixture::call(link, QStringLiteral("admin.password.exists")).result.toBool(), false);
    QVERIFY(QSettings(m_engine->dataDirectory() + QStringLiteral("/gui.ini"), QSettings::IniFormat)
                .value(QStringLiteral("gui/language")).toString() != QStringLiteral("de"));
}

QTEST_MAIN(TestGuiOptionsDialog)
#include "tst_gui_optionsdialog.moc"
