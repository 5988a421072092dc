// Options ▸ Outbound Delivery against a scripted engine link: the values, routes and password
// state are read and shown; Apply and OK send exactly the settings changed (one config.set-many),
// then the route and password changes; Cancel sends nothing; mistakes and refusals are shown in
// the dialog; a locked administration mode leaves it read-only; settings the engine does not know
// are named and not sent.

#include "adminmode.h"
#include "outbound/outbounddialog.h"
#include "outbound/passwordtwicedialog.h"
#include "outbound/routedialog.h"
#include "scriptedenginelink.h"
#include "settingsbinder.h"

#include <QtTest>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTableWidget>

namespace {

const QStringList kReads{QStringLiteral("config.list"), QStringLiteral("route.list"),
                         QStringLiteral("smarthost.password.exists")};

QJsonObject setting(const QString &key, const QString &value, const QString &defaultValue, double maximum = 0)
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}, {QStringLiteral("default"), defaultValue},
            {QStringLiteral("description"), QStringLiteral("about ") + key}, {QStringLiteral("minimum"), 0.0},
            {QStringLiteral("maximum"), maximum}};
}

QJsonArray outboundSettings()
{
    return {setting(QStringLiteral("outbound.smarthost"), QStringLiteral("smtp.isp.example:587"), QString()),
            setting(QStringLiteral("outbound.smarthost_user"), QStringLiteral("office"), QString()),
            setting(QStringLiteral("outbound.smarthost_tls"), QStringLiteral("required"), QStringLiteral("required")),
            setting(QStringLiteral("outbound.tls"), QStringLiteral("opportunistic"), QStringLiteral("opportunistic")),
            setting(QStringLiteral("outbound.ca_file"), QString(), QString()),
            setting(QStringLiteral("outbound.retry_schedule"), QStringLiteral("5m,15m,30m,1h,2h,4h"),
                    QStringLiteral("5m,15m,30m,1h,2h,4h")),
            setting(QStringLiteral("outbound.max_age_hours"), QStringLiteral("120"), QStringLiteral("120"), 720),
            setting(QStringLiteral("outbound.delay_notice_hours"), QStringLiteral("4"), QStringLiteral("4"), 720),
            setting(QStringLiteral("outbound.max_per_domain"), QStringLiteral("5"), QStringLiteral("5"), 100),
            setting(QStringLiteral("outbound.max_connections"), QStringLiteral("50"), QStringLiteral("50"), 1000),
            setting(QStringLiteral("server.hostname"), QStringLiteral("mail.example.test"), QString())};
}

QJsonObject route(const QString &domain, const QString &host, int port, const QString &tls, const QString &user,
                  bool hasPassword)
{
    return {{QStringLiteral("domain"), domain}, {QStringLiteral("host"), host}, {QStringLiteral("port"), port},
            {QStringLiteral("tls"), tls}, {QStringLiteral("auth_user"), user}, {QStringLiteral("has_password"), hasPassword}};
}

}

class TestGuiOutboundDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void valuesAreShown();
    void applySendsExactlyTheChanges();
    void okSendsAndCloses();
    void decimalHoursAreKeptAndSent();
    void cancelSendsNothing();
    void editedRouteIsRemovedThenAdded();
    void clearPasswordIsSent();
    void mistakesAreRefusedInTheDialog_data();
    void mistakesAreRefusedInTheDialog();
    void engineRefusalIsShown();
    void routeRefusalIsShownAndRoutesReadAgain();
    void lockedModeIsReadOnly();
    void unknownSettingsAreNamedAndNotSent();
    void routeDialogChecksItsInput();
    void passwordIsTypedTwice();

private:
    [[nodiscard]] bool showAndWait();
    [[nodiscard]] bool press(QDialogButtonBox::StandardButton which);
    [[nodiscard]] QList<AdminRequest> changes() const { return m_link->requestsExcept(kReads); }
    template <typename T>
    [[nodiscard]] T *child(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    [[nodiscard]] QString error() const
    {
        auto *label = child<QLabel>("errorLabel");
        return label->isVisibleTo(m_dialog.get()) ? label->text() : QString();
    }

    std::unique_ptr<ScriptedEngineLink> m_link;
    std::unique_ptr<AdminMode> m_mode;
    std::unique_ptr<OutboundDialog> m_dialog;
};

void TestGuiOutboundDialog::init()
{
    m_link = std::make_unique<ScriptedEngineLink>();
    m_link->succeed(QStringLiteral("config.list"), outboundSettings());
    m_link->succeed(QStringLiteral("route.list"),
                    QJsonObject{{QStringLiteral("routes"),
                                 QJsonArray{route(QStringLiteral("partner.example"), QStringLiteral("10.8.0.2"), 25,
                                                  QStringLiteral("opportunistic"), QString(), false),
                                            route(QStringLiteral("branch.example"), QStringLiteral("mx.branch.example"),
                                                  587, QStringLiteral("required"), QStringLiteral("relay"), true)}}});
    m_link->succeed(QStringLiteral("smarthost.password.exists"), QJsonObject{{QStringLiteral("exists"), true}});
    for (const char *operation : {"config.set-many", "route.add", "route.remove", "smarthost.password.set",
                                  "smarthost.password.clear"})
        m_link->succeed(QLatin1String(operation));
    m_mode = std::make_unique<AdminMode>();
    m_mode->setUnlocked(true);
    m_dialog = std::make_unique<OutboundDialog>(*m_link, *m_mode);
}

void TestGuiOutboundDialog::cleanup()
{
    m_dialog.reset();
    m_mode.reset();
    m_link.reset();
}

bool TestGuiOutboundDialog::showAndWait()
{
    m_dialog->show();
    if (m_dialog->isLoaded())
        return true;
    QSignalSpy loaded(m_dialog.get(), &OutboundDialog::loaded);
    return loaded.wait(5000);
}

bool TestGuiOutboundDialog::press(QDialogButtonBox::StandardButton which)
{
    QSignalSpy saved(m_dialog.get(), &OutboundDialog::saved);
    QSignalSpy failed(m_dialog.get(), &OutboundDialog::failed);
    child<QDialogButtonBox>("buttonBox")->button(which)->click();
    // Replies come from the event loop: wait (bounded) for whichever signal ends the save.
    for (int round = 0; round < 100 && saved.count() + failed.count() == 0; ++round)
        QTest::qWait(50);
    return saved.count() > 0;
}

void TestGuiOutboundDialog::valuesAreShown()
{
    QVERIFY(showAndWait());
    QCOMPARE(child<QLineEdit>("smartHostEdit")->text(), QStringLiteral("smtp.isp.example:587"));
    QCOMPARE(child<QLineEdit>("smartHostUserEdit")->text(), QStringLiteral("office"));
    QCOMPARE(child<QComboBox>("smartHostTlsCombo")->currentData().toString(), QStringLiteral("required"));
    QCOMPARE(child<QComboBox>("tlsCombo")->currentData().toString(), QStringLiteral("opportunistic"));
    QCOMPARE(child<QDoubleSpinBox>("maxAgeSpin")->value(), 120.0);
    QCOMPARE(child<QDoubleSpinBox>("maxAgeSpin")->maximum(), 720.0);   // the engine's range, not the .ui's
    QCOMPARE(child<QDoubleSpinBox>("delayNoticeSpin")->value(), 4.0);
    QCOMPARE(child<QDoubleSpinBox>("maxAgeSpin")->text(), QStringLiteral("120 h"));   // not "120.000 h"
    QCOMPARE(child<QSpinBox>("maxConnectionsSpin")->value(), 50);
    QCOMPARE(child<QLabel>("passwordStateLabel")->text(), QStringLiteral("A password is stored."));
    auto *routes = child<QTableWidget>("routeTable");
    QCOMPARE(routes->rowCount(), 2);
    QCOMPARE(routes->item(0, 1)->text(), QStringLiteral("10.8.0.2:25"));
    QCOMPARE(routes->item(1, 2)->text(), QStringLiteral("Required"));
    QCOMPARE(routes->item(1, 3)->text(), QStringLiteral("relay (password stored)"));
    QVERIFY(error().isEmpty());
    QVERIFY(!child<QLabel>("lockedLabel")->isVisible());
    QVERIFY(changes().isEmpty());
}

void TestGuiOutboundDialog::applySendsExactlyTheChanges()
{
    QVERIFY(showAndWait());
    child<QLineEdit>("smartHostEdit")->setText(QStringLiteral("smtp.isp.example:465"));
    child<QDoubleSpinBox>("delayNoticeSpin")->setValue(0);
    QCOMPARE(child<QDoubleSpinBox>("delayNoticeSpin")->text(), QStringLiteral("Never"));
    child<QComboBox>("tlsCombo")->setCurrentIndex(child<QComboBox>("tlsCombo")->findData(QStringLiteral("verify")));
    m_dialog->stageSmartHostPassword(QStringLiteral("isp secret"));
    QCOMPARE(child<QLabel>("passwordStateLabel")->text(), QStringLiteral("A new password is stored on OK or Apply."));
    QVERIFY(m_dialog->stageRoute(route(QStringLiteral("lab.example"), QStringLiteral("lab-gw.example"), 2525,
                                       QStringLiteral("none"), QString(), false)));
    m_dialog->stageRouteRemoval(QStringLiteral("partner.example"));
    QVERIFY(press(QDialogButtonBox::Apply));

    const QList<AdminRequest> sent = changes();
    QCOMPARE(sent.size(), 4);
    QCOMPARE(sent.at(0).operation, QStringLiteral("config.set-many"));
    QCOMPARE(sent.at(0).arguments.value(QStringLiteral("values")).toObject(),
             (QJsonObject{{QStringLiteral("outbound.smarthost"), QStringLiteral("smtp.isp.example:465")},
                          {QStringLiteral("outbound.delay_notice_hours"), QStringLiteral("0")},
                          {QStringLiteral("outbound.tls"), QStringLiteral("verify")}}));
    QCOMPARE(sent.at(1).operation, QStringLiteral("route.remove"));
    QCOMPARE(sent.at(1).arguments, (QJsonObject{{QStringLiteral("domain"), QStringLiteral("partner.example")}}));
    QCOMPARE(sent.at(2).operation, QStringLiteral("route.add"));
    QCOMPARE(sent.at(2).arguments,
             (QJsonObject{{QStringLiteral("domain"), QStringLiteral("lab.example")},
                          {QStringLiteral("host"), QStringLiteral("lab-gw.example")}, {QStringLiteral("port"), 2525},
                          {QStringLiteral("tls"), QStringLiteral("none")}, {QStringLiteral("auth_user"), QString()}}));
    QCOMPARE(sent.at(3).operation, QStringLiteral("smarthost.password.set"));
    QCOMPARE(sent.at(3).arguments, (QJsonObject{{QStringLiteral("password"), QStringLiteral("isp secret")}}));
    QVERIFY(m_dialog->isVisible());
    QVERIFY(error().isEmpty());
    // Apply reads everything again.
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isLoaded(), 5000);
    QCOMPARE(m_link->operations().count(QStringLiteral("route.list")), 2);
    QCOMPARE(m_link->operations().count(QStringLiteral("config.list")), 2);
}

// Hours may be decimal ("0.5"): shown as such, sent back untouched as stored, sent as typed.
void TestGuiOutboundDialog::decimalHoursAreKeptAndSent()
{
    QJsonArray settings;
    for (const QJsonValue &value : outboundSettings()) {
        QJsonObject entry = value.toObject();
        if (entry[QStringLiteral("key")] == QStringLiteral("outbound.max_age_hours"))
            entry[QStringLiteral("value")] = QStringLiteral("0.5");
        if (entry[QStringLiteral("key")] == QStringLiteral("outbound.delay_notice_hours"))
            entry[QStringLiteral("value")] = QStringLiteral("0.002");
        settings.append(entry);
    }
    m_dialog.reset();
    m_link->succeed(QStringLiteral("config.list"), settings);
    m_dialog = std::make_unique<OutboundDialog>(*m_link, *m_mode);
    QVERIFY(showAndWait());
    QCOMPARE(child<QDoubleSpinBox>("maxAgeSpin")->value(), 0.5);
    QCOMPARE(child<QDoubleSpinBox>("delayNoticeSpin")->value(), 0.002);
    QCOMPARE(child<QDoubleSpinBox>("maxAgeSpin")->text(), QStringLiteral("0.5 h"));
    QCOMPARE(child<QDoubleSpinBox>("delayNoticeSpin")->text(), QStringLiteral("0.002 h"));
    QVERIFY(press(QDialogButtonBox::Apply));
    QVERIFY(changes().isEmpty());   // nothing was touched, nothing rounded
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isLoaded(), 5000);
    child<QDoubleSpinBox>("maxAgeSpin")->setValue(1.25);
    QVERIFY(press(QDialogButtonBox::Apply));
    const QList<AdminRequest> sent = changes();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).arguments.value(QStringLiteral("values")).toObject(),
             (QJsonObject{{QStringLiteral("outbound.max_age_hours"), QStringLiteral("1.25")}}));
}

void TestGuiOutboundDialog::okSendsAndCloses()
{
    QVERIFY(showAndWait());
    child<QSpinBox>("maxPerDomainSpin")->setValue(3);
    QVERIFY(press(QDialogButtonBox::Ok));
    QCOMPARE(changes().size(), 1);
    QCOMPARE(changes().at(0).arguments.value(QStringLiteral("values")).toObject(),
             (QJsonObject{{QStringLiteral("outbound.max_per_domain"), QStringLiteral("3")}}));
    QVERIFY(!m_dialog->isVisible());
}

void TestGuiOutboundDialog::cancelSendsNothing()
{
    QVERIFY(showAndWait());
    child<QLineEdit>("smartHostEdit")->clear();
    child<QLineEdit>("retryScheduleEdit")->setText(QStringLiteral("1m"));
    m_dialog->stageSmartHostPasswordClear();
    m_dialog->stageRouteRemoval(QStringLiteral("branch.example"));
    QVERIFY(m_dialog->stageRoute(route(QStringLiteral("lab.example"), QStringLiteral("lab-gw.example"), 25,
                                       QStringLiteral("required"), QString(), false)));
    child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!m_dialog->isVisible());
    QVERIFY(changes().isEmpty());   // call() records at once: nothing was sent

    // Shown again, the staged edits are gone.
    QVERIFY(showAndWait());
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isLoaded() && child<QTableWidget>("routeTable")->rowCount() == 2, 5000);
    QCOMPARE(child<QLineEdit>("smartHostEdit")->text(), QStringLiteral("smtp.isp.example:587"));
    QCOMPARE(child<QLabel>("passwordStateLabel")->text(), QStringLiteral("A password is stored."));
}

void TestGuiOutboundDialog::editedRouteIsRemovedThenAdded()
{
    QVERIFY(showAndWait());
    QJsonObject edited = route(QStringLiteral("branch.example"), QStringLiteral("mx2.branch.example"), 465,
                               QStringLiteral("verify"), QStringLiteral("relay"), false);
    edited.insert(QStringLiteral("password"), QStringLiteral("branch secret"));
    QVERIFY(m_dialog->stageRoute(edited, QStringLiteral("branch.example")));
    QCOMPARE(child<QTableWidget>("routeTable")->item(1, 3)->text(), QStringLiteral("relay (new password)"));
    // Renaming onto another route's domain is refused.
    QVERIFY(!m_dialog->stageRoute(route(QStringLiteral("partner.example"), QStringLiteral("x.example"), 25,
                                        QStringLiteral("none"), QString(), false),
                                  QStringLiteral("branch.example")));
    QVERIFY(error().contains(QStringLiteral("partner.example")));
    QVERIFY(press(QDialogButtonBox::Apply));
    const QList<AdminRequest> sent = changes();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).operation, QStringLiteral("route.remove"));
    QCOMPARE(sent.at(0).arguments, (QJsonObject{{QStringLiteral("domain"), QStringLiteral("branch.example")}}));
    QCOMPARE(sent.at(1).operation, QStringLiteral("route.add"));
    QCOMPARE(sent.at(1).arguments.value(QStringLiteral("password")).toString(), QStringLiteral("branch secret"));
    QCOMPARE(sent.at(1).arguments.value(QStringLiteral("port")).toInt(), 465);
    QVERIFY(!sent.at(1).arguments.contains(QStringLiteral("has_password")));
}

void TestGuiOutboundDialog::clearPasswordIsSent()
{
    QVERIFY(showAndWait());
    child<QPushButton>("clearPasswordButton")->click();
    QCOMPARE(child<QLabel>("passwordStateLabel")->text(), QStringLiteral("The stored password is removed on OK or Apply."));
    QVERIFY(!child<QPushButton>("clearPasswordButton")->isEnabled());
    QVERIFY(press(QDialogButtonBox::Apply));
    QCOMPARE(changes().size(), 1);
    QCOMPARE(changes().at(0).operation, QStringLiteral("smarthost.password.clear"));
}

void TestGuiOutboundDialog::mistakesAreRefusedInTheDialog_data()
{
    QTest::addColumn<QString>("smartHost");
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no port") << QStringLiteral("smtp.isp.example") << QStringLiteral("5m") << QStringLiteral("host:port");
    QTest::newRow("port 0") << QStringLiteral("smtp.isp.example:0") << QStringLiteral("5m") << QStringLiteral("host:port");
    QTest::newRow("bad host") << QStringLiteral("smtp isp:25") << QStringLiteral("5m") << QStringLiteral("neither");
    QTest::newRow("bad wait") << QString() << QStringLiteral("5m,soon") << QStringLiteral("\"soon\"");
    QTest::newRow("empty wait") << QString() << QStringLiteral("5m,,1h") << QStringLiteral("not a wait");
}

void TestGuiOutboundDialog::mistakesAreRefusedInTheDialog()
{
    QFETCH(QString, smartHost);
    QFETCH(QString, schedule);
    QFETCH(QString, expected);
    QVERIFY(showAndWait());
    child<QLineEdit>("smartHostEdit")->setText(smartHost);
    child<QLineEdit>("retryScheduleEdit")->setText(schedule);
    child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Ok)->click();
    QVERIFY2(error().contains(expected), qPrintable(error()));
    QVERIFY(m_dialog->isVisible());
    QCoreApplication::processEvents();
    QVERIFY(changes().isEmpty());
}

void TestGuiOutboundDialog::engineRefusalIsShown()
{
    m_link->reply(QStringLiteral("config.set-many"),
                  AdminReply::failure(AdminReply::Status::Invalid, QStringLiteral("outbound.ca_file: no such file")));
    QVERIFY(showAndWait());
    child<QLineEdit>("caFileEdit")->setText(QStringLiteral("/nowhere/ca.pem"));
    m_dialog->stageSmartHostPassword(QStringLiteral("isp secret"));
    QVERIFY(!press(QDialogButtonBox::Ok));
    QCOMPARE(error(), QStringLiteral("outbound.ca_file: no such file"));
    QVERIFY(m_dialog->isVisible());
    // The password waits for the settings: nothing after the refused step was sent.
    QCOMPARE(changes().size(), 1);
    QVERIFY(child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestGuiOutboundDialog::routeRefusalIsShownAndRoutesReadAgain()
{
    m_link->reply(QStringLiteral("route.add"),
                  AdminReply::failure(AdminReply::Status::Invalid, QStringLiteral("lab.example: TLS none needs a LAN host")));
    QVERIFY(showAndWait());
    QVERIFY(m_dialog->stageRoute(route(QStringLiteral("lab.example"), QStringLiteral("lab-gw.example"), 25,
                                       QStringLiteral("none"), QString(), false)));
    QCOMPARE(child<QTableWidget>("routeTable")->rowCount(), 3);
    QVERIFY(!press(QDialogButtonBox::Apply));
    QCOMPARE(error(), QStringLiteral("lab.example: TLS none needs a LAN host"));
    QTRY_COMPARE_WITH_TIMEOUT(child<QTableWidget>("routeTable")->rowCount(), 2, 5000);
    QCOMPARE(m_link->operations().count(QStringLiteral("route.list")), 2);
}

void TestGuiOutboundDialog::lockedModeIsReadOnly()
{
    m_mode->setUnlocked(false);
    QVERIFY(showAndWait());
    QVERIFY(child<QLabel>("lockedLabel")->isVisible());
    for (const char *name : {"smartHostEdit", "smartHostUserEdit", "caFileEdit", "retryScheduleEdit"})
        QVERIFY2(!child<QLineEdit>(name)->isEnabled(), name);
    for (const char *name : {"maxAgeSpin", "delayNoticeSpin", "maxPerDomainSpin", "maxConnectionsSpin"})
        QVERIFY2(!child<QAbstractSpinBox>(name)->isEnabled(), name);
    QVERIFY(!child<QComboBox>("tlsCombo")->isEnabled());
    for (const char *name : {"setPasswordButton", "clearPasswordButton", "addRouteButton", "editRouteButton",
                             "removeRouteButton", "caFileButton"})
        QVERIFY2(!child<QPushButton>(name)->isEnabled(), name);
    auto *buttons = child<QDialogButtonBox>("buttonBox");
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!buttons->button(QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(buttons->button(QDialogButtonBox::Cancel)->isEnabled());
    m_dialog->apply(false);
    QCoreApplication::processEvents();
    QVERIFY(changes().isEmpty());

    m_mode->setUnlocked(true);
    QVERIFY(child<QLineEdit>("smartHostEdit")->isEnabled());
    QVERIFY(buttons->button(QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(child<QPushButton>("addRouteButton")->isEnabled());
}

void TestGuiOutboundDialog::unknownSettingsAreNamedAndNotSent()
{
    // An engine from before outbound delivery: config.list has none of the keys.
    m_link->succeed(QStringLiteral("config.list"),
                    QJsonArray{setting(QStringLiteral("server.hostname"), QStringLiteral("mail.example.test"), QString())});
    m_dialog = std::make_unique<OutboundDialog>(*m_link, *m_mode);   // the link answers as scripted when asked
    QVERIFY(showAndWait());
    QVERIFY2(error().contains(QStringLiteral("outbound.max_age_hours")), qPrintable(error()));
    QVERIFY2(error().contains(QStringLiteral("outbound.smarthost")), qPrintable(error()));
    QCOMPARE(child<QDoubleSpinBox>("maxAgeSpin")->maximum(), 8760.0);   // the dialog's own range
    QVERIFY(!child<QDoubleSpinBox>("maxAgeSpin")->isEnabled());
    QVERIFY(!child<QLineEdit>("retryScheduleEdit")->isEnabled());
    child<QDoubleSpinBox>("maxAgeSpin")->setValue(48);
    QVERIFY(m_dialog->stageRoute(route(QStringLiteral("lab.example"), QStringLiteral("lab-gw.example"), 25,
                                       QStringLiteral("required"), QString(), false)));
    QVERIFY(press(QDialogButtonBox::Apply));
    QCOMPARE(changes().size(), 1);
    QCOMPARE(changes().at(0).operation, QStringLiteral("route.add"));
}

void TestGuiOutboundDialog::routeDialogChecksItsInput()
{
    RouteDialog editor;
    const auto set = [&editor](const char *name, const QString &text) {
        editor.findChild<QLineEdit *>(QLatin1String(name))->setText(text);
    };
    QVERIFY(editor.problem().startsWith(QStringLiteral("Domain:")));
    set("domainEdit", QStringLiteral("Partner.Example"));
    QVERIFY(editor.problem().startsWith(QStringLiteral("Server:")));
    set("hostEdit", QStringLiteral("10.8.0.2"));
    QVERIFY2(editor.problem().isEmpty(), qPrintable(editor.problem()));
    QCOMPARE(editor.route().value(QStringLiteral("domain")).toString(), QStringLiteral("partner.example"));
    QCOMPARE(editor.route().value(QStringLiteral("tls")).toString(), QStringLiteral("required"));
    QVERIFY(!editor.route().contains(QStringLiteral("password")));
    set("passwordEdit", QStringLiteral("pw"));
    set("confirmEdit", QStringLiteral("pw"));
    QVERIFY(editor.problem().contains(QStringLiteral("needs a login")));
    set("userEdit", QStringLiteral("relay"));
    set("confirmEdit", QStringLiteral("px"));
    QVERIFY(editor.problem().contains(QStringLiteral("differ")));
    set("confirmEdit", QStringLiteral("pw"));
    QVERIFY(editor.problem().isEmpty());
    QCOMPARE(editor.route().value(QStringLiteral("password")).toString(), QStringLiteral("pw"));

    // Editing a route whose password is stored: it must be typed again.
    RouteDialog edit;
    edit.setRoute(route(QStringLiteral("branch.example"), QStringLiteral("mx.branch.example"), 587,
                        QStringLiteral("verify"), QStringLiteral("relay"), true));
    QCOMPARE(edit.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 587);
    QCOMPARE(edit.findChild<QComboBox *>(QStringLiteral("tlsCombo"))->currentData().toString(), QStringLiteral("verify"));
    QVERIFY(edit.problem().contains(QStringLiteral("again")));
}

void TestGuiOutboundDialog::passwordIsTypedTwice()
{
    QVERIFY(!PasswordTwiceDialog::problem(QString(), QString(), false).isEmpty());
    QVERIFY(PasswordTwiceDialog::problem(QString(), QString(), true).isEmpty());
    QVERIFY(!PasswordTwiceDialog::problem(QStringLiteral("a"), QStringLiteral("b"), false).isEmpty());
    QVERIFY(!PasswordTwiceDialog::problem(QStringLiteral("a\nb"), QStringLiteral("a\nb"), false).isEmpty());
    QVERIFY(PasswordTwiceDialog::problem(QStringLiteral("short"), QStringLiteral("short"), false).isEmpty());

    PasswordTwiceDialog prompt;
    prompt.show();
    prompt.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("one"));
    prompt.findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(QStringLiteral("two"));
    prompt.accept();
    QVERIFY(prompt.isVisible());
    QVERIFY(prompt.findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible());
    prompt.findChild<QLineEdit *>(QStringLiteral("confirmEdit"))->setText(QStringLiteral("one"));
    prompt.accept();
    QVERIFY(!prompt.isVisible());
    QCOMPARE(prompt.password(), QStringLiteral("one"));
}

QTEST_MAIN(TestGuiOutboundDialog)
#include "tst_gui_outbounddialog.moc"
