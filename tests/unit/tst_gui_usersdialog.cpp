// Accounts ▸ Users against a real engine: a user added in the dialog logs in to POP3 with the
// password typed twice; edits, removal with confirmation, Cancel, validation and the lock.

#include "accounts/usersdialog.h"
#include "accountdialogprobe.h"
#include "adminmode.h"
#include "inprocessenginelink.h"
#include "liveenginefixture.h"

#include <QtTest>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

class TestGuiUsersDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addedUserLogsInToPop3();
    void refusesBadInputInline_data();
    void refusesBadInputInline();
    void editsNameQuotaAndEnabled();
    void removeAsksFirst();
    void cancelStoresNothing();
    void lockedModeDisablesEditors();

private:
    struct Setup
    {
        LiveEngineFixture engine;
        AdminMode mode;
    };
    // An engine with example.test and, when `withBob`, bob@example.test; administration mode on.
    static void prepare(Setup &setup, bool withBob);
    [[nodiscard]] static QJsonObject user(LiveEngineFixture &engine, const QString &address);
    static void fill(UsersDialog &dialog, const QString &localPart, const QString &password, const QString &again,
                     const QString &quota);
    [[nodiscard]] static QTableWidget *table(UsersDialog &dialog);
};

void TestGuiUsersDialog::prepare(Setup &setup, bool withBob)
{
    QVERIFY(setup.engine.call(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("example.test")}}).ok());
    if (withBob) {
        QVERIFY(setup.engine.call(QStringLiteral("user.add"), {{QStringLiteral("address"), QStringLiteral("bob@example.test")},
                                                               {QStringLiteral("password"), QStringLiteral("bob's secret")},
                                                               {QStringLiteral("displayName"), QStringLiteral("Bob")},
                                                               {QStringLiteral("quotaBytes"), 1048576}})
                    .ok());
    }
    setup.mode.setUnlocked(true);
}

QJsonObject TestGuiUsersDialog::user(LiveEngineFixture &engine, const QString &address)
{
    for (const QJsonValue &entry : engine.call(QStringLiteral("user.list")).result.toArray()) {
        if (entry[QStringLiteral("address")].toString() == address)
            return entry.toObject();
    }
    return {};
}

void TestGuiUsersDialog::fill(UsersDialog &dialog, const QString &localPart, const QString &password, const QString &again,
                              const QString &quota)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("localPartEdit"))->setText(localPart);
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
    dialog.findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(again);
    dialog.findChild<QLineEdit *>(QStringLiteral("quotaEdit"))->setText(quota);
}

QTableWidget *TestGuiUsersDialog::table(UsersDialog &dialog)
{
    return dialog.findChild<QTableWidget *>(QStringLiteral("userTable"));
}

void TestGuiUsersDialog::addedUserLogsInToPop3()
{
    Setup setup;
    prepare(setup, false);
    QVERIFY(setup.engine.start());
    UsersDialog dialog(setup.engine.link(), setup.mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    auto *domains = dialog.findChild<QComboBox *>(QStringLiteral("domainCombo"));
    QTRY_COMPARE_WITH_TIMEOUT(domains->count(), 1, 5000);
    QCOMPARE(domains->currentText(), QStringLiteral("example.test"));
    fill(dialog, QStringLiteral("Alice"), QStringLiteral("correct horse"), QStringLiteral("correct horse"), QStringLiteral("50M"));
    dialog.findChild<QLineEdit *>(QStringLiteral("displayNameEdit"))->setText(QStringLiteral("Alice Liddell"));
    probe.click("addButton");
    QCOMPARE(probe.error(), QString());
    QCOMPARE(table(dialog)->rowCount(), 1);
    QCOMPARE(table(dialog)->item(0, 0)->text(), QStringLiteral("alice@example.test"));
    QCOMPARE(table(dialog)->item(0, 2)->text(), QStringLiteral("50.0 MiB"));
    // The password is not left in the form once the user is staged.
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text().isEmpty());

    QSignalSpy applied(&dialog, &AccountDialog::applied);
    probe.press(QDialogButtonBox::Ok);
    QVERIFY(applied.wait(10000));
    const QJsonObject alice = user(setup.engine, QStringLiteral("alice@example.test"));
    QCOMPARE(alice[QStringLiteral("displayName")].toString(), QStringLiteral("Alice Liddell"));
    QCOMPARE(alice[QStringLiteral("quotaBytes")].toInteger(), 50 * 1048576);
    QVERIFY(alice[QStringLiteral("enabled")].toBool());
    QVERIFY(setup.engine.settle());
    QVERIFY(setup.engine.pop3Login(QStringLiteral("alice@example.test"), QStringLiteral("correct horse")));
    QVERIFY(!setup.engine.pop3Login(QStringLiteral("alice@example.test"), QStringLiteral("wrong horse")));
}

void TestGuiUsersDialog::refusesBadInputInline_data()
{
    QTest::addColumn<QString>("localPart");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("again");
    QTest::addColumn<QString>("quota");
    QTest::addColumn<QString>("message");
    const QString good = QStringLiteral("correct horse");
    QTest::newRow("mismatch") << QStringLiteral("carol") << good << QStringLiteral("correct horsE") << QStringLiteral("0")
                              << QStringLiteral("not the same");
    QTest::newRow("short") << QStringLiteral("carol") << QStringLiteral("short") << QStringLiteral("short") << QStringLiteral("0")
                           << QStringLiteral("at least 8");
    QTest::newRow("no password") << QStringLiteral("carol") << QString() << QString() << QStringLiteral("0")
                                 << QStringLiteral("Type the password");
    QTest::newRow("quota") << QStringLiteral("carol") << good << good << QStringLiteral("lots") << QStringLiteral("not a size");
    QTest::newRow("address") << QStringLiteral("ca rol") << good << good << QStringLiteral("0") << QStringLiteral("not a valid address");
    QTest::newRow("empty address") << QString() << good << good << QStringLiteral("0") << QStringLiteral("not a valid address");
    QTest::newRow("duplicate") << QStringLiteral("BOB") << good << good << QStringLiteral("0") << QStringLiteral("already a user");
}

void TestGuiUsersDialog::refusesBadInputInline()
{
    QFETCH(QString, localPart);
    QFETCH(QString, password);
    QFETCH(QString, again);
    QFETCH(QString, quota);
    QFETCH(QString, message);
    Setup setup;
    prepare(setup, true);
    UsersDialog dialog(setup.engine.link(), setup.mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(table(dialog)->rowCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.findChild<QComboBox *>(QStringLiteral("domainCombo"))->count(), 1, 5000);
    fill(dialog, localPart, password, again, quota);
    probe.click("addButton");
    QVERIFY2(probe.error().contains(message), qPrintable(probe.error()));
    QVERIFY(!dialog.hasPendingChanges());
    QCOMPARE(table(dialog)->rowCount(), 1);
    probe.press(QDialogButtonBox::Ok);
    QCOMPARE(setup.engine.call(QStringLiteral("user.list")).result.toArray().size(), 1);
}

void TestGuiUsersDialog::editsNameQuotaAndEnabled()
{
    Setup setup;
    prepare(setup, true);
    QVERIFY(setup.engine.start());
    UsersDialog dialog(setup.engine.link(), setup.mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(table(dialog)->rowCount(), 1, 5000);
    table(dialog)->selectRow(0);
    auto *quota = dialog.findChild<QLineEdit *>(QStringLiteral("quotaEdit"));
    QCOMPARE(quota->text(), QStringLiteral("1M"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("displayNameEdit"))->text(), QStringLiteral("Bob"));
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text().isEmpty());
    quota->setText(QStringLiteral("2G"));
    dialog.findChild<QLineEdit *>(QStringLiteral("displayNameEdit"))->setText(QStringLiteral("Robert"));
    dialog.findChild<QCheckBox *>(QStringLiteral("enabledCheck"))->setChecked(false);
    probe.click("changeButton");
    QCOMPARE(probe.error(), QString());
    QCOMPARE(table(dialog)->item(0, 3)->text(), QStringLiteral("No"));

    QSignalSpy applied(&dialog, &AccountDialog::applied);
    probe.press(QDialogButtonBox::Apply);
    QVERIFY(applied.wait(10000));
    const QJsonObject bob = user(setup.engine, QStringLiteral("bob@example.test"));
    QCOMPARE(bob[QStringLiteral("displayName")].toString(), QStringLiteral("Robert"));
    QCOMPARE(bob[QStringLiteral("quotaBytes")].toInteger(), qint64(2) * 1024 * 1048576);
    QVERIFY(!bob[QStringLiteral("enabled")].toBool());
    // Disabled: the unchanged password no longer logs in.
    QVERIFY(setup.engine.settle());
    QVERIFY(!setup.engine.pop3Login(QStringLiteral("bob@example.test"), QStringLiteral("bob's secret")));

    // Enabled again with a new password typed twice: the new one logs in.
    table(dialog)->selectRow(0);
    dialog.findChild<QCheckBox *>(QStringLiteral("enabledCheck"))->setChecked(true);
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("bob's new secret"));
    dialog.findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(QStringLiteral("bob's new secret"));
    probe.click("changeButton");
    probe.press(QDialogButtonBox::Ok);
    QVERIFY(applied.wait(10000));
    QVERIFY(setup.engine.settle());
    QVERIFY(setup.engine.pop3Login(QStringLiteral("bob@example.test"), QStringLiteral("bob's new secret")));
}

void TestGuiUsersDialog::removeAsksFirst()
{
    Setup setup;
    prepare(setup, true);
    UsersDialog dialog(setup.engine.link(), setup.mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(table(dialog)->rowCount(), 1, 5000);
    table(dialog)->selectRow(0);
    probe.click("removeButton");
    QCOMPARE(probe.questions().size(), 1);
    QVERIFY(probe.questions().first().contains(QStringLiteral("bob@example.test")));
    QVERIFY(probe.questions().first().contains(QStringLiteral("not deleted")));
    QVERIFY(probe.questions().first().contains(setup.engine.mailDirectory() + QStringLiteral("/example.test/bob")));
    QVERIFY(!dialog.hasPendingChanges());
    QCOMPARE(table(dialog)->rowCount(), 1);

    probe.answer(true);
    table(dialog)->selectRow(0);
    probe.click("removeButton");
    QCOMPARE(table(dialog)->rowCount(), 0);
    QSignalSpy applied(&dialog, &AccountDialog::applied);
    probe.press(QDialogButtonBox::Ok);
    QVERIFY(applied.wait(10000));
    QVERIFY(user(setup.engine, QStringLiteral("bob@example.test")).isEmpty());
}

void TestGuiUsersDialog::cancelStoresNothing()
{
    Setup setup;
    prepare(setup, true);
    UsersDialog dialog(setup.engine.link(), setup.mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(table(dialog)->rowCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.findChild<QComboBox *>(QStringLiteral("domainCombo"))->count(), 1, 5000);
    fill(dialog, QStringLiteral("dave"), QStringLiteral("dave's secret"), QStringLiteral("dave's secret"), QStringLiteral("0"));
    probe.click("addButton");
    QCOMPARE(table(dialog)->rowCount(), 2);
    probe.press(QDialogButtonBox::Cancel);
    QVERIFY(!dialog.isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(table(dialog)->rowCount(), 1, 5000);
    QVERIFY(user(setup.engine, QStringLiteral("dave@example.test")).isEmpty());
}

void TestGuiUsersDialog::lockedModeDisablesEditors()
{
    Setup setup;
    prepare(setup, true);
    setup.mode.setUnlocked(false);
    UsersDialog dialog(setup.engine.link(), setup.mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(table(dialog)->rowCount(), 1, 5000);   // still shown read-only
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("editorPanel"))->isEnabled());
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->isEnabled());
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!buttons->button(QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("lockedLabel"))->isVisible());
    setup.mode.setUnlocked(true);
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->isEnabled());
    QVERIFY(buttons->button(QDialogButtonBox::Apply)->isEnabled());
}

QTEST_MAIN(TestGuiUsersDialog)
#include "tst_gui_usersdialog.moc"
