// Administration mode in the main window against a real engine: locked by default, File > Enter
// opens it at once without an admin password, asks for one once Options has set it, refuses a
// wrong one visibly (and the engine logs it, without the password), and the stored hash is
// neither the password nor visible in config.list.

#include "adminmode.h"
#include "adminpassword.h"
#include "adminpasswordprompt.h"
#include "databaseurl.h"
#include "datadirectory.h"
#include "dialoglauncher.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "mainwindow.h"
#include "optionsdialog.h"
#include "passwordhash.h"
#include "sqlstorage.h"

#include <QtTest>
#include <QAction>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

class TestGuiAdminMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lockedByDefault();
    void passwordGuardsTheMode();

private:
    [[nodiscard]] static QAction *action(MainWindow &window, const char *name)
    {
        return window.findChild<QAction *>(QLatin1String(name));
    }
    [[nodiscard]] AdminPasswordPrompt *enterWith(MainWindow &window, const QString &password);

    std::unique_ptr<LiveEngineFixture> m_engine;
};

namespace {
const QString kPassword = QStringLiteral("gate-keeper 42");
}

void TestGuiAdminMode::initTestCase()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    QVERIFY(m_engine->isValid());
}

void TestGuiAdminMode::lockedByDefault()
{
    InProcessEngineLink link(m_engine->options(), m_engine->hub());
    MainWindow window(link);
    window.show();
    auto *label = window.findChild<QLabel *>(QStringLiteral("adminModeLabel"));
    QVERIFY(label);
    QVERIFY(!window.adminMode().isUnlocked());
    QVERIFY(!label->isVisible());
    QVERIFY(action(window, "enterAdminModeAction")->isEnabled());
    QVERIFY(!action(window, "leaveAdminModeAction")->isEnabled());

    // No admin password yet: entering just unlocks.
    action(window, "enterAdminModeAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.adminMode().isUnlocked(), 10000);
    QVERIFY(!window.findChild<AdminPasswordPrompt *>());
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("Administration mode"));
    QVERIFY(action(window, "leaveAdminModeAction")->isEnabled());
    action(window, "leaveAdminModeAction")->trigger();
    QVERIFY(!window.adminMode().isUnlocked());
    QVERIFY(!label->isVisible());
}

AdminPasswordPrompt *TestGuiAdminMode::enterWith(MainWindow &window, const QString &password)
{
    AdminPasswordPrompt *prompt = window.findChild<AdminPasswordPrompt *>();
    if (!prompt) {
        action(window, "enterAdminModeAction")->trigger();
        if (!QTest::qWaitFor([&] { return (prompt = window.findChild<AdminPasswordPrompt *>()) != nullptr; }, 10000))
            return nullptr;
    }
    prompt->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
    prompt->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
    return prompt;
}

void TestGuiAdminMode::passwordGuardsTheMode()
{
    InProcessEngineLink link(m_engine->options(), m_engine->hub());
    MainWindow window(link);
    window.show();
    window.adminMode().setUnlocked(true);

    // Set the password in Options, typed twice.
    auto *options = qobject_cast<OptionsDialog *>(window.dialogs().open(DialogLauncher::Dialog::Options));
    QVERIFY(options);
    options->findChild<QLineEdit *>(QStringLiteral("newPasswordEdit"))->setText(kPassword);
    options->findChild<QLineEdit *>(QStringLiteral("confirmPasswordEdit"))->setText(kPassword);
    QSignalSpy applied(options, &OptionsDialog::applied);
    options->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
    QVERIFY(applied.wait(10000));
    QCOMPARE(LiveEngineFixture::call(link, QStringLiteral("admin.password.exists")).result.toBool(), true);

    // The database holds a PBKDF2 hash, never the password, and config.list does not show it.
    {
        SqlStorage storage(DatabaseUrl::sqliteFile(DataDirectory(m_engine->dataDirectory()).databaseFile()));
        const QString stored = storage.settings().value(QLatin1String(AdminPassword::kStorageKey));
        QVERIFY(PasswordHash::isValid(stored));
        QVERIFY(!stored.contains(kPassword));
        const QByteArray listed =
            QJsonDocument(LiveEngineFixture::call(link, QStringLiteral("config.list")).result.toArray()).toJson();
        QVERIFY(!listed.isEmpty());
        QVERIFY(!listed.contains(stored.toUtf8()));
        QVERIFY(!listed.contains("secret."));
    }

    action(window, "leaveAdminModeAction")->trigger();
    QVERIFY(!window.adminMode().isUnlocked());

    // A wrong password: the prompt stays open and says so; the mode stays locked; the engine logs it.
    const QString wrong = QStringLiteral("open sesame 1");
    AdminPasswordPrompt *prompt = enterWith(window, wrong);
    QVERIFY(prompt);
    auto *error = prompt->findChild<QLabel *>(QStringLiteral("errorLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY2(error->text().contains(QStringLiteral("Wrong password")), qPrintable(error->text()));
    QVERIFY(prompt->isVisible());
    QVERIFY(!window.adminMode().isUnlocked());
    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->logLines(QStringLiteral("wrong admin password")).isEmpty(), 5000);
    QVERIFY(m_engine->logLines(wrong).isEmpty());
    QVERIFY(m_engine->logLines(kPassword).isEmpty());

    // The right one unlocks and closes the prompt.
    QCOMPARE(enterWith(window, kPassword), prompt);
    QTRY_VERIFY_WITH_TIMEOUT(window.adminMode().isUnlocked(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<AdminPasswordPrompt *>(), 5000);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("adminModeLabel"))->isVisible());

    // Cancel on the prompt leaves the mode locked.
    action(window, "leaveAdminModeAction")->trigger();
    action(window, "enterAdminModeAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((prompt = window.findChild<AdminPasswordPrompt *>()) != nullptr, 10000);
    prompt->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!window.adminMode().isUnlocked());

    // Options removes the password again; entering then needs none.
    window.adminMode().setUnlocked(true);
    auto *clear = options->findChild<QPushButton *>(QStringLiteral("clearPasswordButton"));
    window.dialogs().open(DialogLauncher::Dialog::Options);
    QTRY_VERIFY_WITH_TIMEOUT(clear->isEnabled(), 10000);
    clear->click();
    QTRY_VERIFY_WITH_TIMEOUT(!LiveEngineFixture::call(link, QStringLiteral("admin.password.exists")).result.toBool(), 10000);
    window.adminMode().setUnlocked(false);
    action(window, "enterAdminModeAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.adminMode().isUnlocked(), 10000);
}

QTEST_MAIN(TestGuiAdminMode)
#include "tst_gui_adminmode.moc"
