// Accounts ▸ SMTP-only Logins against a real engine: a login added in the dialog authenticates
// to SMTP (AUTH PLAIN over loopback); removal asks first; validation, Cancel and the lock.

#include "accounts/smtploginsdialog.h"
#include "accountdialogprobe.h"
#include "adminmode.h"
#include "inprocessenginelink.h"
#include "liveenginefixture.h"

#include <QtTest>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTcpSocket>

class TestGuiSmtpLoginsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addedLoginAuthenticates();
    void refusesBadInputInline_data();
    void refusesBadInputInline();
    void removeAsksFirst();
    void cancelAndLock();

private:
    [[nodiscard]] static QStringList logins(LiveEngineFixture &engine);
    // The SMTP reply code to AUTH PLAIN with these credentials on the submission port.
    [[nodiscard]] static QByteArray authenticate(LiveEngineFixture &engine, const QString &name, const QString &password);
    static void fill(SmtpLoginsDialog &dialog, const QString &name, const QString &password, const QString &again);
};

QStringList TestGuiSmtpLoginsDialog::logins(LiveEngineFixture &engine)
{
    QStringList result;
    for (const QJsonValue &login : engine.call(QStringLiteral("smtp-login.list")).result.toArray())
        result << login[QStringLiteral("name")].toString();
    return result;
}

QByteArray TestGuiSmtpLoginsDialog::authenticate(LiveEngineFixture &engine, const QString &name, const QString &password)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, engine.port(QStringLiteral("submission")));
    if (!socket.waitForConnected(5000))
        return "no connection";
    const auto reply = [&socket]() -> QByteArray {
        QByteArray line;
        do {
            if (!socket.canReadLine() && !socket.waitForReadyRead(5000))
                return "timeout";
            line = socket.readLine();
        } while (line.size() > 3 && line.at(3) == '-');
        return line.left(3);
    };
    reply();
    socket.write("EHLO client.test\r\n");
    reply();
    const QByteArray credentials = QByteArray(1, '\0') + name.toUtf8() + QByteArray(1, '\0') + password.toUtf8();
    socket.write("AUTH PLAIN " + credentials.toBase64() + "\r\n");
    const QByteArray code = reply();
    socket.write("QUIT\r\n");
    return code;
}

void TestGuiSmtpLoginsDialog::fill(SmtpLoginsDialog &dialog, const QString &name, const QString &password, const QString &again)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(name);
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
    dialog.findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(again);
    dialog.findChild<QPushButton *>(QStringLiteral("addButton"))->click();
}

void TestGuiSmtpLoginsDialog::addedLoginAuthenticates()
{
    LiveEngineFixture engine;
    QVERIFY(engine.start());
    AdminMode mode;
    mode.setUnlocked(true);
    SmtpLoginsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QSignalSpy loaded(&dialog, &AccountDialog::loaded);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(authenticate(engine, QStringLiteral("scanner"), QStringLiteral("paper jam 42")), QByteArray("535"));
    fill(dialog, QStringLiteral("Scanner"), QStringLiteral("paper jam 42"), QStringLiteral("paper jam 42"));
    QCOMPARE(probe.error(), QString());
    QSignalSpy applied(&dialog, &AccountDialog::applied);
    probe.press(QDialogButtonBox::Ok);
    QVERIFY(applied.wait(10000));
    QCOMPARE(logins(engine), QStringList{QStringLiteral("scanner")});
    QVERIFY(engine.settle());
    QCOMPARE(authenticate(engine, QStringLiteral("scanner"), QStringLiteral("paper jam 42")), QByteArray("235"));
}

void TestGuiSmtpLoginsDialog::refusesBadInputInline_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("again");
    QTest::addColumn<QString>("message");
    const QString good = QStringLiteral("paper jam 42");
    QTest::newRow("mismatch") << QStringLiteral("printer") << good << QStringLiteral("paper jam 43") << QStringLiteral("not the same");
    QTest::newRow("short") << QStringLiteral("printer") << QStringLiteral("1234") << QStringLiteral("1234") << QStringLiteral("at least 8");
    QTest::newRow("no name") << QString() << good << good << QStringLiteral("Type the login's name");
    QTest::newRow("address") << QStringLiteral("printer@example.test") << good << good << QStringLiteral("not a valid login name");
    QTest::newRow("duplicate") << QStringLiteral("FAX") << good << good << QStringLiteral("already in the list");
}

void TestGuiSmtpLoginsDialog::refusesBadInputInline()
{
    QFETCH(QString, name);
    QFETCH(QString, password);
    QFETCH(QString, again);
    QFETCH(QString, message);
    LiveEngineFixture engine;
    QVERIFY(engine.call(QStringLiteral("smtp-login.add"), {{QStringLiteral("name"), QStringLiteral("fax")},
                                                           {QStringLiteral("password"), QStringLiteral("long enough")}})
                .ok());
    AdminMode mode;
    mode.setUnlocked(true);
    SmtpLoginsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QSignalSpy loaded(&dialog, &AccountDialog::loaded);
    QVERIFY(loaded.wait(5000));
    fill(dialog, name, password, again);
    QVERIFY2(probe.error().contains(message), qPrintable(probe.error()));
    QVERIFY(!dialog.hasPendingChanges());
    probe.press(QDialogButtonBox::Ok);
    QCOMPARE(logins(engine), QStringList{QStringLiteral("fax")});
}

void TestGuiSmtpLoginsDialog::removeAsksFirst()
{
    LiveEngineFixture engine;
    QVERIFY(engine.call(QStringLiteral("smtp-login.add"), {{QStringLiteral("name"), QStringLiteral("fax")},
                                                           {QStringLiteral("password"), QStringLiteral("long enough")}})
                .ok());
    AdminMode mode;
    mode.setUnlocked(true);
    SmtpLoginsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("loginList"));
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 5000);
    list->setCurrentRow(0);
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeButton"));
    remove->click();
    QCOMPARE(probe.questions().size(), 1);
    QVERIFY(probe.questions().first().contains(QStringLiteral("fax")));
    QCOMPARE(list->count(), 1);
    QVERIFY(!dialog.hasPendingChanges());
    probe.answer(true);
    remove->click();
    QCOMPARE(list->count(), 0);
    QSignalSpy applied(&dialog, &AccountDialog::applied);
    probe.press(QDialogButtonBox::Ok);
    QVERIFY(applied.wait(10000));
    QVERIFY(logins(engine).isEmpty());
}

void TestGuiSmtpLoginsDialog::cancelAndLock()
{
    LiveEngineFixture engine;
    AdminMode mode;
    SmtpLoginsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->isEnabled());
    QVERIFY(!dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("lockedLabel"))->isVisible());
    mode.setUnlocked(true);
    fill(dialog, QStringLiteral("printer"), QStringLiteral("paper jam 42"), QStringLiteral("paper jam 42"));
    QVERIFY(dialog.hasPendingChanges());
    probe.press(QDialogButtonBox::Cancel);
    QVERIFY(!dialog.isVisible());
    QTest::qWait(300);
    QVERIFY(logins(engine).isEmpty());
}

QTEST_MAIN(TestGuiSmtpLoginsDialog)
#include "tst_gui_smtploginsdialog.moc"
