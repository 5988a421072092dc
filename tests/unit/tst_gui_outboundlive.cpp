// Options ▸ Outbound Delivery against a real engine: the smart host, its login and TLS and the
// retry schedule set in the dialog are what the engine stores after OK; a route added with a
// password through the route editor is listed with has_password and its password is a 0600 file
// in DATA_DIR/secrets; Set password… stores the smart host's password; Cancel stores nothing; an
// invalid retry schedule is refused in the dialog and nothing is stored.

#include "adminmode.h"
#include "inprocessenginelink.h"
#include "liveenginefixture.h"
#include "outbound/outbounddialog.h"

#include <QtTest>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

#include <functional>

namespace {

const QString kSmartHost = QStringLiteral("outbound.smarthost");
const QString kSmartHostUser = QStringLiteral("outbound.smarthost_user");
const QString kSmartHostTls = QStringLiteral("outbound.smarthost_tls");
const QString kSchedule = QStringLiteral("outbound.retry_schedule");

// Fills in the modal dialog the next click opens (found by its class name) and presses its OK.
void fillNextDialog(const char *className, const std::function<void(QDialog &)> &fill)
{
    QTimer::singleShot(0, [className, fill] {
        QWidget *modal = QApplication::activeModalWidget();
        auto *dialog = qobject_cast<QDialog *>(modal);
        if (!dialog || !modal->inherits(className)) {
            qWarning("no %s open", className);
            if (dialog)
                dialog->reject();
            return;
        }
        fill(*dialog);
        dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
        if (dialog->isVisible()) {   // refused its input: do not leave the test waiting on it
            qWarning("%s refused: %s", className,
                     qPrintable(dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->text()));
            dialog->reject();
        }
    });
}

void type(QDialog &dialog, const char *name, const QString &text)
{
    dialog.findChild<QLineEdit *>(QLatin1String(name))->setText(text);
}

}

class TestGuiOutboundLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void smartHostAndScheduleReachTheEngine();
    void routeWithPasswordIsStoredAsASecret();
    void smartHostPasswordIsStored();
    void cancelStoresNothing();
    void invalidScheduleIsRefusedVisibly();

private:
    [[nodiscard]] bool showAndWait();
    // Presses the button and waits (bounded) for the save to end; true when it was saved.
    [[nodiscard]] bool press(QDialogButtonBox::StandardButton which);
    [[nodiscard]] QString setting(const QString &key);
    [[nodiscard]] QJsonArray routes();
    [[nodiscard]] bool smartHostPasswordExists();
    [[nodiscard]] QStringList secretFiles() const;
    [[nodiscard]] QString error() const;
    template <typename T>
    [[nodiscard]] T *child(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }

    std::unique_ptr<LiveEngineFixture> m_engine;
    std::unique_ptr<AdminMode> m_mode;
    std::unique_ptr<OutboundDialog> m_dialog;
};

void TestGuiOutboundLive::init()
{
    m_engine = std::make_unique<LiveEngineFixture>();
    QVERIFY(m_engine->isValid());
    QVERIFY(m_engine->start());
    m_mode = std::make_unique<AdminMode>();
    m_mode->setUnlocked(true);
    m_dialog = std::make_unique<OutboundDialog>(m_engine->link(), *m_mode);
}

void TestGuiOutboundLive::cleanup()
{
    m_dialog.reset();
    m_mode.reset();
    m_engine.reset();
}

bool TestGuiOutboundLive::showAndWait()
{
    QSignalSpy loaded(m_dialog.get(), &OutboundDialog::loaded);
    m_dialog->show();
    return loaded.count() > 0 || loaded.wait(10000);
}

bool TestGuiOutboundLive::press(QDialogButtonBox::StandardButton which)
{
    QSignalSpy saved(m_dialog.get(), &OutboundDialog::saved);
    QSignalSpy failed(m_dialog.get(), &OutboundDialog::failed);
    child<QDialogButtonBox>("buttonBox")->button(which)->click();
    // A refusal ends the save as well; then the bounded wait for saved() runs out.
    return saved.count() > 0 || (failed.isEmpty() && saved.wait(10000) && failed.isEmpty());
}

QString TestGuiOutboundLive::setting(const QString &key)
{
    const AdminReply reply = m_engine->call(QStringLiteral("config.get"), {{QStringLiteral("key"), key}});
    return reply.ok() ? reply.result.toString() : QStringLiteral("<%1>").arg(reply.message);
}

QJsonArray TestGuiOutboundLive::routes()
{
    return m_engine->call(QStringLiteral("route.list")).result[QStringLiteral("routes")].toArray();
}

bool TestGuiOutboundLive::smartHostPasswordExists()
{
    return m_engine->call(QStringLiteral("smarthost.password.exists")).result[QStringLiteral("exists")].toBool();
}

QStringList TestGuiOutboundLive::secretFiles() const
{
    return QDir(m_engine->dataDirectory() + QStringLiteral("/secrets")).entryList(QDir::Files);
}

QString TestGuiOutboundLive::error() const
{
    auto *label = child<QLabel>("errorLabel");
    return label->isVisibleTo(m_dialog.get()) ? label->text() : QString();
}

void TestGuiOutboundLive::smartHostAndScheduleReachTheEngine()
{
    QVERIFY(showAndWait());
    QVERIFY2(error().isEmpty(), qPrintable(error()));   // this engine knows every outbound.* key
    child<QLineEdit>("smartHostEdit")->setText(QStringLiteral("smtp.isp.example:587"));
    child<QLineEdit>("smartHostUserEdit")->setText(QStringLiteral("office"));
    auto *tls = child<QComboBox>("smartHostTlsCombo");
    tls->setCurrentIndex(tls->findData(QStringLiteral("verify")));
    QVERIFY(tls->currentIndex() >= 0);
    child<QLineEdit>("retryScheduleEdit")->setText(QStringLiteral("1m,10m,1h"));
    child<QSpinBox>("maxPerDomainSpin")->setValue(3);
    QVERIFY(press(QDialogButtonBox::Ok));
    QVERIFY(!m_dialog->isVisible());

    QCOMPARE(setting(kSmartHost), QStringLiteral("smtp.isp.example:587"));
    QCOMPARE(setting(kSmartHostUser), QStringLiteral("office"));
    QCOMPARE(setting(kSmartHostTls), QStringLiteral("verify"));
    QCOMPARE(setting(kSchedule), QStringLiteral("1m,10m,1h"));
    QCOMPARE(setting(QStringLiteral("outbound.max_per_domain")), QStringLiteral("3"));
    // The running engine takes the change in.
    QVERIFY(m_engine->settle());

    // Opened again, the dialog shows what the engine stored.
    m_dialog = std::make_unique<OutboundDialog>(m_engine->link(), *m_mode);
    QVERIFY(showAndWait());
    QCOMPARE(child<QLineEdit>("smartHostEdit")->text(), QStringLiteral("smtp.isp.example:587"));
    QCOMPARE(child<QComboBox>("smartHostTlsCombo")->currentData().toString(), QStringLiteral("verify"));
    QCOMPARE(child<QLineEdit>("retryScheduleEdit")->text(), QStringLiteral("1m,10m,1h"));
}

void TestGuiOutboundLive::routeWithPasswordIsStoredAsASecret()
{
    QVERIFY(showAndWait());
    QVERIFY(routes().isEmpty());
    QVERIFY(secretFiles().isEmpty());
    fillNextDialog("RouteDialog", [](QDialog &editor) {
        type(editor, "domainEdit", QStringLiteral("branch.example"));
        type(editor, "hostEdit", QStringLiteral("mx.branch.example"));
        editor.findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(587);
        type(editor, "userEdit", QStringLiteral("relay"));
        type(editor, "passwordEdit", QStringLiteral("branch secret"));
        type(editor, "confirmEdit", QStringLiteral("branch secret"));
    });
    child<QPushButton>("addRouteButton")->click();
    QCOMPARE(child<QTableWidget>("routeTable")->rowCount(), 1);
    QVERIFY(routes().isEmpty());   // staged only, until OK or Apply
    QVERIFY(press(QDialogButtonBox::Apply));
    QVERIFY2(error().isEmpty(), qPrintable(error()));

    const QJsonArray stored = routes();
    QCOMPARE(stored.size(), 1);
    const QJsonObject route = stored.first().toObject();
    QCOMPARE(route.value(QStringLiteral("domain")).toString(), QStringLiteral("branch.example"));
    QCOMPARE(route.value(QStringLiteral("host")).toString(), QStringLiteral("mx.branch.example"));
    QCOMPARE(route.value(QStringLiteral("port")).toInt(), 587);
    QCOMPARE(route.value(QStringLiteral("auth_user")).toString(), QStringLiteral("relay"));
    QCOMPARE(route.value(QStringLiteral("has_password")).toBool(), true);
    QVERIFY(!route.contains(QStringLiteral("password")));

    const QStringList secrets = secretFiles();
    QCOMPARE(secrets.size(), 1);
    const QFileInfo secret(m_engine->dataDirectory() + QStringLiteral("/secrets/") + secrets.first());
    // 0600: the owner (this process, so "user" too) reads and writes; nobody else anything.
    QVERIFY(secret.permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    // Apply reads the routes again: the dialog shows the stored password.
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isLoaded(), 5000);
    QCOMPARE(child<QTableWidget>("routeTable")->item(0, 3)->text(), QStringLiteral("relay (password stored)"));
}

void TestGuiOutboundLive::smartHostPasswordIsStored()
{
    QVERIFY(showAndWait());
    QVERIFY(!smartHostPasswordExists());
    child<QLineEdit>("smartHostEdit")->setText(QStringLiteral("smtp.isp.example:587"));
    child<QLineEdit>("smartHostUserEdit")->setText(QStringLiteral("office"));
    fillNextDialog("PasswordTwiceDialog", [](QDialog &prompt) {
        type(prompt, "passwordEdit", QStringLiteral("isp secret"));
        type(prompt, "confirmEdit", QStringLiteral("isp secret"));
    });
    child<QPushButton>("setPasswordButton")->click();
    QCOMPARE(child<QLabel>("passwordStateLabel")->text(), QStringLiteral("A new password is stored on OK or Apply."));
    QVERIFY(!smartHostPasswordExists());
    QVERIFY(press(QDialogButtonBox::Apply));
    QVERIFY2(error().isEmpty(), qPrintable(error()));
    QVERIFY(smartHostPasswordExists());
    QCOMPARE(setting(kSmartHostUser), QStringLiteral("office"));
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isLoaded(), 5000);
    QCOMPARE(child<QLabel>("passwordStateLabel")->text(), QStringLiteral("A password is stored."));
}

void TestGuiOutboundLive::cancelStoresNothing()
{
    QVERIFY(showAndWait());
    const QString schedule = setting(kSchedule);
    child<QLineEdit>("smartHostEdit")->setText(QStringLiteral("smtp.isp.example:587"));
    child<QLineEdit>("smartHostUserEdit")->setText(QStringLiteral("office"));
    child<QLineEdit>("retryScheduleEdit")->setText(QStringLiteral("1m"));
    m_dialog->stageSmartHostPassword(QStringLiteral("isp secret"));
    QVERIFY(m_dialog->stageRoute({{QStringLiteral("domain"), QStringLiteral("lab.example")},
                                  {QStringLiteral("host"), QStringLiteral("lab-gw.example")},
                                  {QStringLiteral("port"), 25},
                                  {QStringLiteral("tls"), QStringLiteral("required")},
                                  {QStringLiteral("auth_user"), QString()}}));
    child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!m_dialog->isVisible());
    QTest::qWait(200);   // anything sent would have been answered by now
    QCOMPARE(setting(kSmartHost), QString());
    QCOMPARE(setting(kSmartHostUser), QString());
    QCOMPARE(setting(kSchedule), schedule);
    QVERIFY(routes().isEmpty());
    QVERIFY(!smartHostPasswordExists());
    QVERIFY(secretFiles().isEmpty());
}

void TestGuiOutboundLive::invalidScheduleIsRefusedVisibly()
{
    QVERIFY(showAndWait());
    const QString schedule = setting(kSchedule);
    child<QLineEdit>("smartHostEdit")->setText(QStringLiteral("smtp.isp.example:587"));
    child<QLineEdit>("retryScheduleEdit")->setText(QStringLiteral("5m,soon"));
    child<QDialogButtonBox>("buttonBox")->button(QDialogButtonBox::Ok)->click();
    QVERIFY2(error().contains(QStringLiteral("\"soon\"")), qPrintable(error()));
    QVERIFY(m_dialog->isVisible());
    QTest::qWait(200);
    QCOMPARE(setting(kSchedule), schedule);
    QCOMPARE(setting(kSmartHost), QString());   // nothing of the same save either

    // The engine refuses such a schedule on its own as well, whoever sends it.
    const AdminReply refused = m_engine->call(QStringLiteral("config.set"),
                                              {{QStringLiteral("key"), kSchedule}, {QStringLiteral("value"), QStringLiteral("5m,soon")}});
    QVERIFY(!refused.ok());
    QCOMPARE(setting(kSchedule), schedule);

    // Corrected, it goes through.
    child<QLineEdit>("retryScheduleEdit")->setText(QStringLiteral("5m,30m"));
    QVERIFY(press(QDialogButtonBox::Ok));
    QCOMPARE(setting(kSchedule), QStringLiteral("5m,30m"));
}

QTEST_MAIN(TestGuiOutboundLive)
#include "tst_gui_outboundlive.moc"
