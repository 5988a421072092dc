// The first-run wizard against a real engine: every page filled, Finish stores the hostname,
// domain, first user and certificate; inline checks per page; shown only without a domain.

#include "adminmode.h"
#include "firstrunwizard.h"
#include "inprocessenginelink.h"
#include "liveenginefixture.h"
#include "testcertificates.h"

#include <QtTest>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

class TestGuiFirstRunWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsEveryPageAndStoresIt();
    void checksEachPageInline();
    void shownOnlyWithoutDomain();

private:
    static void set(FirstRunWizard &wizard, const char *name, const QString &text);
    [[nodiscard]] static QString text(FirstRunWizard &wizard, const char *name);
};

void TestGuiFirstRunWizard::set(FirstRunWizard &wizard, const char *name, const QString &text)
{
    auto *edit = wizard.findChild<QLineEdit *>(QLatin1String(name));
    QVERIFY2(edit, name);
    edit->setText(text);
}

QString TestGuiFirstRunWizard::text(FirstRunWizard &wizard, const char *name)
{
    return wizard.findChild<QLabel *>(QLatin1String(name))->text();
}

void TestGuiFirstRunWizard::fillsEveryPageAndStoresIt()
{
    LiveEngineFixture engine;
    QVERIFY(engine.start());
    TestCertificates certificates;
    const TestCertificates::Pair pair = certificates.make(QStringLiteral("mail"));
    QVERIFY(!pair.fingerprint.isEmpty());
    FirstRunWizard wizard(engine.link());
    wizard.show();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::HostnamePage));
    // Prefilled with the name the engine uses now.
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.findChild<QLineEdit *>(QStringLiteral("hostnameEdit"))->text().isEmpty(), 5000);
    set(wizard, "hostnameEdit", QStringLiteral("Mail.Example.TEST"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DomainPage));
    set(wizard, "domainEdit", QStringLiteral("example.test"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPage));
    QCOMPARE(text(wizard, "accountDomainLabel"), QStringLiteral("@example.test"));
    set(wizard, "localPartEdit", QStringLiteral("alice"));
    set(wizard, "displayNameEdit", QStringLiteral("Alice"));
    set(wizard, "passwordEdit", QStringLiteral("correct horse"));
    set(wizard, "confirmEdit", QStringLiteral("correct horse"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::CertificatePage));
    wizard.findChild<QRadioButton *>(QStringLiteral("chooseCertificateRadio"))->setChecked(true);
    set(wizard, "certFileEdit", pair.certificateFile);
    set(wizard, "keyFileEdit", pair.keyFile);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPasswordPage));
    set(wizard, "adminPasswordEdit", QStringLiteral("admin secret"));
    set(wizard, "adminConfirmEdit", QStringLiteral("admin secret"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::SummaryPage));
    // The last page reads the engine's settings.
    QTRY_VERIFY_WITH_TIMEOUT(text(wizard, "summaryLabel").contains(QStringLiteral("Auto-ban is on")), 5000);
    QVERIFY(text(wizard, "summaryLabel").contains(pair.certificateFile));
    QVERIFY(text(wizard, "summaryLabel").contains(QStringLiteral("SMTP after POP is off")));

    QSignalSpy stored(&wizard, &FirstRunWizard::setupStored);
    wizard.button(QWizard::FinishButton)->click();
    // admin.password.set belongs to the Options part: until it exists, the engine refuses it and
    // the wizard shows the refusal on the admin password page, with the earlier pages stored.
    QTRY_VERIFY_WITH_TIMEOUT(stored.count() > 0 || wizard.currentId() == FirstRunWizard::AdminPasswordPage, 10000);
    if (stored.isEmpty()) {
        QVERIFY2(text(wizard, "adminPasswordError").contains(QStringLiteral("admin.password.set")),
                 qPrintable(text(wizard, "adminPasswordError")));
        set(wizard, "adminPasswordEdit", QString());
        set(wizard, "adminConfirmEdit", QString());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::SummaryPage));
        QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(stored.count() > 0 || stored.wait(10000));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isVisible(), 5000);

    QCOMPARE(engine.call(QStringLiteral("config.get"), {{QStringLiteral("key"), QStringLiteral("server.hostname")}}).result.toString(),
             QStringLiteral("mail.example.test"));
    QCOMPARE(engine.call(QStringLiteral("domain.list")).result.toArray(), QJsonArray{QStringLiteral("example.test")});
    QCOMPARE(engine.call(QStringLiteral("config.get"), {{QStringLiteral("key"), QStringLiteral("tls.cert_file")}}).result.toString(),
             QFileInfo(pair.certificateFile).absoluteFilePath());
    // The first user is real: it logs in to the running server.
    QVERIFY(engine.settle());
    QVERIFY(engine.pop3Login(QStringLiteral("alice@example.test"), QStringLiteral("correct horse")));
}

void TestGuiFirstRunWizard::checksEachPageInline()
{
    LiveEngineFixture engine;
    TestCertificates certificates;
    const TestCertificates::Pair pair = certificates.make(QStringLiteral("one"));
    const TestCertificates::Pair other = certificates.make(QStringLiteral("two"));
    FirstRunWizard wizard(engine.link());
    wizard.show();
    set(wizard, "hostnameEdit", QStringLiteral("not a host"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::HostnamePage));
    QVERIFY(text(wizard, "hostnameError").contains(QStringLiteral("not a valid domain name")));
    set(wizard, "hostnameEdit", QStringLiteral("mail.example.test"));
    wizard.next();
    set(wizard, "domainEdit", QStringLiteral("example.test"));
    wizard.next();
    set(wizard, "localPartEdit", QStringLiteral("alice"));
    set(wizard, "passwordEdit", QStringLiteral("correct horse"));
    set(wizard, "confirmEdit", QStringLiteral("correct hose"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AccountPage));
    QVERIFY(text(wizard, "accountError").contains(QStringLiteral("not the same")));
    set(wizard, "confirmEdit", QStringLiteral("correct horse"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::CertificatePage));
    wizard.findChild<QRadioButton *>(QStringLiteral("chooseCertificateRadio"))->setChecked(true);
    set(wizard, "certFileEdit", pair.certificateFile);
    set(wizard, "keyFileEdit", certificates.path(QStringLiteral("missing.key")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::CertificatePage));
    QVERIFY(text(wizard, "certificateError").contains(QStringLiteral("cannot be read")));
    set(wizard, "keyFileEdit", other.keyFile);   // readable, but not this certificate's key
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::CertificatePage));
    QVERIFY2(text(wizard, "certificateError").contains(QStringLiteral("cannot be used")), qPrintable(text(wizard, "certificateError")));
    wizard.findChild<QRadioButton *>(QStringLiteral("keepCertificateRadio"))->setChecked(true);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPasswordPage));
    set(wizard, "adminPasswordEdit", QStringLiteral("admin secret"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPasswordPage));
    QVERIFY(text(wizard, "adminPasswordError").contains(QStringLiteral("not the same")));
    // Nothing was stored by going through the pages.
    QTest::qWait(200);
    QVERIFY(engine.call(QStringLiteral("domain.list")).result.toArray().isEmpty());
    QVERIFY(engine.call(QStringLiteral("user.list")).result.toArray().isEmpty());
}

void TestGuiFirstRunWizard::shownOnlyWithoutDomain()
{
    LiveEngineFixture engine;
    QWidget window;
    std::optional<FirstRunWizard *> offered;
    FirstRunWizard::openIfNoDomain(engine.link(), &window, [&offered](FirstRunWizard *wizard) { offered = wizard; });
    QTRY_VERIFY_WITH_TIMEOUT(offered.has_value(), 5000);
    QVERIFY(*offered);
    QVERIFY((*offered)->isVisible());
    (*offered)->reject();

    QVERIFY(engine.call(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("example.test")}}).ok());
    offered.reset();
    FirstRunWizard::openIfNoDomain(engine.link(), &window, [&offered](FirstRunWizard *wizard) { offered = wizard; });
    QTRY_VERIFY_WITH_TIMEOUT(offered.has_value(), 5000);
    QCOMPARE(*offered, nullptr);
    for (const FirstRunWizard *wizard : window.findChildren<FirstRunWizard *>())
        QVERIFY(!wizard->isVisible());   // only the rejected one, awaiting deletion
}

QTEST_MAIN(TestGuiFirstRunWizard)
#include "tst_gui_firstrunwizard.moc"
