// Accounts ▸ Domains against a real engine: add, remove with a truthful confirmation, Cancel,
// inline validation, the engine's refusal, and administration mode.

#include "accounts/domainsdialog.h"
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

class TestGuiDomainsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsDomainOnOk();
    void cancelStoresNothing();
    void refusesBadNamesInline_data();
    void refusesBadNamesInline();
    void removeAsksAndSaysMailStaysOnDisk();
    void showsEngineRefusal();
    void lockedModeDisablesEditors();

private:
    [[nodiscard]] static QStringList domains(LiveEngineFixture &engine);
    [[nodiscard]] static QStringList listed(DomainsDialog &dialog);
    static void type(DomainsDialog &dialog, const QString &domain);
};

QStringList TestGuiDomainsDialog::domains(LiveEngineFixture &engine)
{
    QStringList result;
    for (const QJsonValue &domain : engine.call(QStringLiteral("domain.list")).result.toArray())
        result << domain.toString();
    return result;
}

QStringList TestGuiDomainsDialog::listed(DomainsDialog &dialog)
{
    QStringList result;
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("domainList"));
    for (int row = 0; row < list->count(); ++row)
        result << list->item(row)->text();
    return result;
}

void TestGuiDomainsDialog::type(DomainsDialog &dialog, const QString &domain)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("domainEdit"))->setText(domain);
    dialog.findChild<QPushButton *>(QStringLiteral("addButton"))->click();
}

void TestGuiDomainsDialog::addsDomainOnOk()
{
    LiveEngineFixture engine;
    QVERIFY(engine.start());
    AdminMode mode;
    mode.setUnlocked(true);
    DomainsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QSignalSpy applied(&dialog, &AccountDialog::applied);
    type(dialog, QStringLiteral("Example.TEST"));
    QCOMPARE(listed(dialog), QStringList{QStringLiteral("example.test")});
    QVERIFY(domains(engine).isEmpty());   // staged, not sent before OK
    probe.press(QDialogButtonBox::Ok);
    QVERIFY(applied.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 5000);
    QCOMPARE(domains(engine), QStringList{QStringLiteral("example.test")});
    // The running engine takes it in: a message to a new user of the domain is now local mail.
    QVERIFY(engine.call(QStringLiteral("user.add"), {{QStringLiteral("address"), QStringLiteral("carol@example.test")},
                                                     {QStringLiteral("password"), QStringLiteral("carol's secret")}})
                .ok());
    QVERIFY(engine.settle());
    QVERIFY(engine.sendMail(QStringLiteral("carol@example.test"), "domain added"));
}

void TestGuiDomainsDialog::cancelStoresNothing()
{
    LiveEngineFixture engine;
    AdminMode mode;
    mode.setUnlocked(true);
    DomainsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    type(dialog, QStringLiteral("cancelled.test"));
    QVERIFY(dialog.hasPendingChanges());
    probe.press(QDialogButtonBox::Cancel);
    QVERIFY(!dialog.isVisible());
    QVERIFY(!dialog.hasPendingChanges());
    // Shown again, it starts from the engine's list, and the engine never got the domain.
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(listed(dialog), QStringList(), 5000);
    QVERIFY(domains(engine).isEmpty());
}

void TestGuiDomainsDialog::refusesBadNamesInline_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("Type the name");
    QTest::newRow("space") << QStringLiteral("not a domain") << QStringLiteral("not a valid domain name");
    QTest::newRow("underscore") << QStringLiteral("bad_name.test") << QStringLiteral("not a valid domain name");
    QTest::newRow("literal") << QStringLiteral("[192.0.2.1]") << QStringLiteral("not a valid domain name");
    QTest::newRow("duplicate") << QStringLiteral("Known.test") << QStringLiteral("already in the list");
}

void TestGuiDomainsDialog::refusesBadNamesInline()
{
    QFETCH(QString, typed);
    QFETCH(QString, message);
    LiveEngineFixture engine;
    QVERIFY(engine.call(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("known.test")}}).ok());
    AdminMode mode;
    mode.setUnlocked(true);
    DomainsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(listed(dialog), QStringList{QStringLiteral("known.test")}, 5000);
    type(dialog, typed);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(!dialog.hasPendingChanges());
    probe.press(QDialogButtonBox::Ok);
    QCOMPARE(domains(engine), QStringList{QStringLiteral("known.test")});
}

void TestGuiDomainsDialog::removeAsksAndSaysMailStaysOnDisk()
{
    LiveEngineFixture engine;
    QVERIFY(engine.call(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("gone.test")}}).ok());
    AdminMode mode;
    mode.setUnlocked(true);
    DomainsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("domainList"));
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 5000);
    list->setCurrentRow(0);
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeButton"));
    remove->click();   // answered No
    QCOMPARE(probe.questions().size(), 1);
    QVERIFY(probe.questions().first().contains(QStringLiteral("gone.test")));
    QVERIFY(probe.questions().first().contains(QStringLiteral("not deleted")));
    QVERIFY(probe.questions().first().contains(engine.mailDirectory() + QStringLiteral("/gone.test")));
    QVERIFY(!dialog.hasPendingChanges());
    QCOMPARE(list->count(), 1);

    probe.answer(true);
    remove->click();
    QCOMPARE(list->count(), 0);
    QSignalSpy applied(&dialog, &AccountDialog::applied);
    probe.press(QDialogButtonBox::Apply);
    QVERIFY(applied.wait(10000));
    QVERIFY(dialog.isVisible());   // Apply keeps the dialog open
    QVERIFY(domains(engine).isEmpty());
}

void TestGuiDomainsDialog::showsEngineRefusal()
{
    LiveEngineFixture engine;
    AdminMode mode;
    mode.setUnlocked(true);
    DomainsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    type(dialog, QStringLiteral("raced.test"));
    // Someone else (the CLI) adds it meanwhile: the engine refuses, and the dialog says why.
    QVERIFY(engine.call(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("raced.test")}}).ok());
    QSignalSpy refused(&dialog, &AccountDialog::refused);
    probe.press(QDialogButtonBox::Ok);
    QVERIFY(refused.wait(10000));
    QVERIFY(dialog.isVisible());
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY2(error->text().contains(QStringLiteral("already exists")), qPrintable(error->text()));
    QVERIFY(error->isVisible());
}

void TestGuiDomainsDialog::lockedModeDisablesEditors()
{
    LiveEngineFixture engine;
    AdminMode mode;
    DomainsDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("editorPanel"))->isEnabled());
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!buttons->button(QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(buttons->button(QDialogButtonBox::Cancel)->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("lockedLabel"))->isVisible());
    mode.setUnlocked(true);
    QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("editorPanel"))->isEnabled());
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("lockedLabel"))->isVisible());
    // Leaving administration mode drops what was staged.
    type(dialog, QStringLiteral("staged.test"));
    QVERIFY(dialog.hasPendingChanges());
    mode.setUnlocked(false);
    QVERIFY(!dialog.hasPendingChanges());
    QTest::qWait(300);
    QVERIFY(domains(engine).isEmpty());
}

QTEST_MAIN(TestGuiDomainsDialog)
#include "tst_gui_domainsdialog.moc"
