// Accounts ▸ Aliases against a real engine: an alias with two targets made in the dialog
// delivers a real SMTP message to both mailboxes; targets and aliases removed; validation,
// the engine's refusal, Cancel and the lock.

#include "accounts/aliasesdialog.h"
#include "accountdialogprobe.h"
#include "adminmode.h"
#include "inprocessenginelink.h"
#include "liveenginefixture.h"

#include <QtTest>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

class TestGuiAliasesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aliasDeliversToBothTargets();
    void removesTargetsAndAliases();
    void refusesBadInputInline_data();
    void refusesBadInputInline();
    void showsEngineRefusal();
    void cancelAndLock();

private:
    // example.test with alice and bob; administration mode on.
    static void prepare(LiveEngineFixture &engine);
    [[nodiscard]] static QMap<QString, QStringList> aliases(LiveEngineFixture &engine);
    static void addTarget(AliasesDialog &dialog, const QString &alias, const QString &target);
    [[nodiscard]] static int messagesIn(const LiveEngineFixture &engine, const QString &user);
};

void TestGuiAliasesDialog::prepare(LiveEngineFixture &engine)
{
    QVERIFY(engine.call(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("example.test")}}).ok());
    for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        QVERIFY(engine.call(QStringLiteral("user.add"), {{QStringLiteral("address"), user + QStringLiteral("@example.test")},
                                                         {QStringLiteral("password"), QStringLiteral("long enough")}})
                    .ok());
    }
}

QMap<QString, QStringList> TestGuiAliasesDialog::aliases(LiveEngineFixture &engine)
{
    QMap<QString, QStringList> result;
    for (const QJsonValue &alias : engine.call(QStringLiteral("alias.list")).result.toArray()) {
        QStringList targets;
        for (const QJsonValue &target : alias[QStringLiteral("targets")].toArray())
            targets << target.toString();
        result.insert(alias[QStringLiteral("address")].toString(), targets);
    }
    // The engine keeps postmaster@ pointing somewhere by itself; these tests are about the rest.
    result.remove(QStringLiteral("postmaster@example.test"));
    return result;
}

void TestGuiAliasesDialog::addTarget(AliasesDialog &dialog, const QString &alias, const QString &target)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("aliasEdit"))->setText(alias);
    dialog.findChild<QLineEdit *>(QStringLiteral("targetEdit"))->setText(target);
    dialog.findChild<QPushButton *>(QStringLiteral("addTargetButton"))->click();
}

int TestGuiAliasesDialog::messagesIn(const LiveEngineFixture &engine, const QString &user)
{
    return int(QDir(engine.mailDirectory() + QStringLiteral("/example.test/") + user + QStringLiteral("/new"))
                   .entryList(QDir::Files)
                   .size());
}

void TestGuiAliasesDialog::aliasDeliversToBothTargets()
{
    LiveEngineFixture engine;
    prepare(engine);
    QVERIFY(engine.start());
    AdminMode mode;
    mode.setUnlocked(true);
    AliasesDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QSignalSpy loaded(&dialog, &AccountDialog::loaded);
    QVERIFY(loaded.wait(5000));
    addTarget(dialog, QStringLiteral("Team@Example.test"), QStringLiteral("alice@example.test"));
    QCOMPARE(probe.error(), QString());
    addTarget(dialog, QStringLiteral("team@example.test"), QStringLiteral("BOB@example.test"));
    QCOMPARE(probe.error(), QString());
    auto *targets = dialog.findChild<QListWidget *>(QStringLiteral("targetList"));
    QCOMPARE(targets->count(), 2);
    QVERIFY(aliases(engine).isEmpty());   // nothing sent before OK

    QSignalSpy applied(&dialog, &AccountDialog::applied);
    probe.press(QDialogButtonBox::Ok);
    QVERIFY(applied.wait(10000));
    QCOMPARE(aliases(engine).value(QStringLiteral("team@example.test")),
             QStringList({QStringLiteral("alice@example.test"), QStringLiteral("bob@example.test")}));
    QVERIFY(engine.settle());
    QCOMPARE(messagesIn(engine, QStringLiteral("alice")), 0);
    QVERIFY(engine.sendMail(QStringLiteral("team@example.test"), "to the team"));
    QCOMPARE(messagesIn(engine, QStringLiteral("alice")), 1);
    QCOMPARE(messagesIn(engine, QStringLiteral("bob")), 1);
}

void TestGuiAliasesDialog::removesTargetsAndAliases()
{
    LiveEngineFixture engine;
    prepare(engine);
    QVERIFY(engine.call(QStringLiteral("alias.add"), {{QStringLiteral("alias"), QStringLiteral("team@example.test")},
                                                      {QStringLiteral("targets"), QJsonArray{QStringLiteral("alice@example.test"),
                                                                                             QStringLiteral("bob@example.test")}}})
                .ok());
    QVERIFY(engine.call(QStringLiteral("alias.add"), {{QStringLiteral("alias"), QStringLiteral("info@example.test")},
                                                      {QStringLiteral("targets"), QJsonArray{QStringLiteral("alice@example.test")}}})
                .ok());
    AdminMode mode;
    mode.setUnlocked(true);
    AliasesDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    probe.answer(true);
    dialog.show();
    auto *aliasList = dialog.findChild<QListWidget *>(QStringLiteral("aliasList"));
    auto *targets = dialog.findChild<QListWidget *>(QStringLiteral("targetList"));
    QTRY_COMPARE_WITH_TIMEOUT(aliasList->findItems(QStringLiteral("team@example.test"), Qt::MatchExactly).size(), 1, 5000);
    aliasList->setCurrentItem(aliasList->findItems(QStringLiteral("team@example.test"), Qt::MatchExactly).first());
    QCOMPARE(targets->count(), 2);
    targets->setCurrentRow(targets->row(targets->findItems(QStringLiteral("bob@example.test"), Qt::MatchExactly).first()));
    probe.click("removeTargetButton");
    QCOMPARE(targets->count(), 1);

    aliasList->setCurrentItem(aliasList->findItems(QStringLiteral("info@example.test"), Qt::MatchExactly).first());
    probe.click("removeAliasButton");
    QCOMPARE(probe.questions().size(), 1);
    QVERIFY(probe.questions().first().contains(QStringLiteral("info@example.test")));
    QVERIFY(aliasList->findItems(QStringLiteral("info@example.test"), Qt::MatchExactly).isEmpty());

    QSignalSpy applied(&dialog, &AccountDialog::applied);
    probe.press(QDialogButtonBox::Apply);
    QVERIFY(applied.wait(10000));
    const QMap<QString, QStringList> stored = aliases(engine);
    QCOMPARE(stored.value(QStringLiteral("team@example.test")), QStringList{QStringLiteral("alice@example.test")});
    QVERIFY(!stored.contains(QStringLiteral("info@example.test")));
}

void TestGuiAliasesDialog::refusesBadInputInline_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("message");
    QTest::newRow("no alias") << QString() << QStringLiteral("alice@example.test") << QStringLiteral("Type the alias");
    QTest::newRow("bad alias") << QStringLiteral("team@@example.test") << QStringLiteral("alice@example.test")
                               << QStringLiteral("not a valid address");
    QTest::newRow("foreign domain") << QStringLiteral("team@elsewhere.test") << QStringLiteral("alice@example.test")
                                    << QStringLiteral("not one of your domains");
    QTest::newRow("no target") << QStringLiteral("team@example.test") << QString() << QStringLiteral("Type the target");
    QTest::newRow("bad target") << QStringLiteral("team@example.test") << QStringLiteral("alice")
                                << QStringLiteral("not a valid address");
    QTest::newRow("itself") << QStringLiteral("team@example.test") << QStringLiteral("TEAM@example.test")
                            << QStringLiteral("cannot deliver to itself");
    QTest::newRow("duplicate") << QStringLiteral("info@example.test") << QStringLiteral("Alice@example.test")
                               << QStringLiteral("already a target");
}

void TestGuiAliasesDialog::refusesBadInputInline()
{
    QFETCH(QString, alias);
    QFETCH(QString, target);
    QFETCH(QString, message);
    LiveEngineFixture engine;
    prepare(engine);
    QVERIFY(engine.call(QStringLiteral("alias.add"), {{QStringLiteral("alias"), QStringLiteral("info@example.test")},
                                                      {QStringLiteral("targets"), QJsonArray{QStringLiteral("alice@example.test")}}})
                .ok());
    AdminMode mode;
    mode.setUnlocked(true);
    AliasesDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QSignalSpy loaded(&dialog, &AccountDialog::loaded);
    QVERIFY(loaded.wait(5000));
    addTarget(dialog, alias, target);
    QVERIFY2(probe.error().contains(message), qPrintable(probe.error()));
    QVERIFY(!dialog.hasPendingChanges());
    probe.press(QDialogButtonBox::Ok);
    QCOMPARE(aliases(engine).size(), 1);
}

void TestGuiAliasesDialog::showsEngineRefusal()
{
    LiveEngineFixture engine;
    prepare(engine);
    AdminMode mode;
    mode.setUnlocked(true);
    AliasesDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QSignalSpy loaded(&dialog, &AccountDialog::loaded);
    QVERIFY(loaded.wait(5000));
    // Well-formed, but nobody of that name exists in the local domain: only the engine knows.
    addTarget(dialog, QStringLiteral("sales@example.test"), QStringLiteral("nobody@example.test"));
    QCOMPARE(probe.error(), QString());
    QSignalSpy refused(&dialog, &AccountDialog::refused);
    probe.press(QDialogButtonBox::Ok);
    QVERIFY(refused.wait(10000));
    QVERIFY(dialog.isVisible());
    QVERIFY2(probe.error().contains(QStringLiteral("neither an account nor an alias")), qPrintable(probe.error()));
    QVERIFY(aliases(engine).isEmpty());
}

void TestGuiAliasesDialog::cancelAndLock()
{
    LiveEngineFixture engine;
    prepare(engine);
    AdminMode mode;
    AliasesDialog dialog(engine.link(), mode);
    AccountDialogProbe probe(dialog);
    dialog.show();
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("editorPanel"))->isEnabled());
    QVERIFY(!dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("lockedLabel"))->isVisible());

    mode.setUnlocked(true);
    QSignalSpy loaded(&dialog, &AccountDialog::loaded);
    QVERIFY(loaded.wait(5000));
    addTarget(dialog, QStringLiteral("team@example.test"), QStringLiteral("alice@example.test"));
    QVERIFY(dialog.hasPendingChanges());
    probe.press(QDialogButtonBox::Cancel);
    QVERIFY(!dialog.isVisible());
    QTest::qWait(300);
    QVERIFY(aliases(engine).isEmpty());
}

QTEST_MAIN(TestGuiAliasesDialog)
#include "tst_gui_aliasesdialog.moc"
