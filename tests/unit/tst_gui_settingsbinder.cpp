// SettingsBinder and the settings dialogs' shared behaviour against a real engine: values and
// schema limits in, one config.set-many out, scaled units, refusals shown, locked mode.

#include <QtTest>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include "adminmode.h"
#include "enginecontroller.h"
#include "liveenginefixture.h"
#include "inprocessenginelink.h"
#include "settingsbinder.h"
#include "security/settingsdialog.h"
#include "settingsdialogdriver.h"

namespace {

// The smallest settings dialog: one free-text setting the engine checks itself, so the
// engine's refusal (not an inline check) is what the error line shows.
class DnsServersDialog : public SettingsDialog
{
public:
    DnsServersDialog(EngineLink &engine, AdminMode &mode) : SettingsDialog(engine, mode, nullptr)
    {
        auto *layout = new QVBoxLayout(this);
        auto *locked = new QLabel(QStringLiteral("locked"), this);
        locked->setObjectName(QStringLiteral("lockedLabel"));
        auto *error = new QLabel(this);
        error->setObjectName(QStringLiteral("errorLabel"));
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
        buttons->setObjectName(QStringLiteral("buttonBox"));
        m_edit = new QLineEdit(this);
        for (QWidget *widget : {static_cast<QWidget *>(locked), static_cast<QWidget *>(m_edit),
                                static_cast<QWidget *>(error), static_cast<QWidget *>(buttons)})
            layout->addWidget(widget);
        binder().bind(QStringLiteral("dns.servers"), m_edit);
        attach(buttons, locked, error);
    }

    [[nodiscard]] QLineEdit *edit() const { return m_edit; }

private:
    QLineEdit *m_edit = nullptr;
};

}

class TestGuiSettingsBinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsValuesAndSchemaLimits();
    void savesChangedValuesTogether();
    void scaledSpinKeepsAnUnroundedValue();
    void decimalSpinTakesHours();
    void engineRefusalIsShownAndNothingStored();
    void lockedModeDisablesAndRefuses();
    void cancelAndReopenDropsEdits();

private:
    std::unique_ptr<LiveEngineFixture> m_engine;
    std::unique_ptr<AdminMode> m_mode;
    std::unique_ptr<QWidget> m_owner;
};

void TestGuiSettingsBinder::init()
{
    m_engine = std::make_unique<LiveEngineFixture>(
        QMap<QString, QString>{{QStringLiteral("message.max_size"), QStringLiteral("1000000")}});
    QVERIFY(m_engine->start());
    m_mode = std::make_unique<AdminMode>();
    m_mode->setUnlocked(true);
    m_owner = std::make_unique<QWidget>();
}

void TestGuiSettingsBinder::cleanup()
{
    m_owner.reset();
    m_mode.reset();
    m_engine.reset();
}

void TestGuiSettingsBinder::loadsValuesAndSchemaLimits()
{
    SettingsBinder binder(m_engine->link(), *m_mode, m_owner.get());
    auto *box = new QCheckBox(m_owner.get());
    auto *spin = new QSpinBox(m_owner.get());
    auto *line = new QLineEdit(m_owner.get());
    auto *combo = new QComboBox(m_owner.get());
    for (const char *choice : {"never", "loopback", "local-networks", "always"})
        combo->addItem(QLatin1String(choice).toString().toUpper(), QLatin1String(choice).toString());
    binder.bind(QStringLiteral("autoban.enabled"), box);
    binder.bind(QStringLiteral("autoban.max_failures"), spin);
    binder.bind(QStringLiteral("autoban.never"), line);
    binder.bind(QStringLiteral("auth.plaintext"), combo);
    QSignalSpy loaded(&binder, &SettingsBinder::loaded);
    binder.load();
    QVERIFY(loaded.wait(10000));
    QVERIFY(binder.isLoaded());
    QVERIFY(box->isChecked());
    QCOMPARE(spin->value(), 10);
    QCOMPARE(spin->minimum(), 1);
    QCOMPARE(spin->maximum(), 100);   // the schema's limits, so the dialog offers nothing the engine refuses
    QVERIFY(line->text().startsWith(QStringLiteral("127.0.0.0/8")));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("loopback"));
    QVERIFY(spin->toolTip().contains(QStringLiteral("Failed logins")));   // the schema's description
    QVERIFY(!binder.hasChanges());
    // Unbound settings are there for display.
    QCOMPARE(binder.storedValue(QStringLiteral("dns.timeout_ms")), QStringLiteral("5000"));
}

void TestGuiSettingsBinder::savesChangedValuesTogether()
{
    SettingsBinder binder(m_engine->link(), *m_mode, m_owner.get());
    auto *box = new QCheckBox(m_owner.get());
    auto *spin = new QSpinBox(m_owner.get());
    binder.bind(QStringLiteral("verify.helo_syntax"), box);
    binder.bind(QStringLiteral("autoban.max_failures"), spin);
    QSignalSpy loaded(&binder, &SettingsBinder::loaded);
    binder.load();
    QVERIFY(loaded.wait(10000));
    box->setChecked(true);
    spin->setValue(4);
    QVERIFY(binder.hasChanges());
    QCOMPARE(binder.editedValue(QStringLiteral("verify.helo_syntax")), QStringLiteral("true"));

    QSignalSpy changed(&m_engine->link().controller(), &EngineController::settingsChanged);
    QSignalSpy saved(&binder, &SettingsBinder::saved);
    binder.save();
    QVERIFY(saved.wait(10000));
    QVERIFY(!binder.hasChanges());
    QCOMPARE(m_engine->setting(QStringLiteral("verify.helo_syntax")), QStringLiteral("true"));
    QCOMPARE(m_engine->setting(QStringLiteral("autoban.max_failures")), QStringLiteral("4"));
    // One set-many: the running engine takes both in one change.
    QVERIFY(changed.wait(10000));
    const QStringList keys = changed.first().at(1).toStringList();
    QVERIFY(keys.contains(QStringLiteral("verify.helo_syntax")));
    QVERIFY(keys.contains(QStringLiteral("autoban.max_failures")));
}

void TestGuiSettingsBinder::scaledSpinKeepsAnUnroundedValue()
{
    SettingsBinder binder(m_engine->link(), *m_mode, m_owner.get());
    auto *spin = new QSpinBox(m_owner.get());
    binder.bindScaled(QStringLiteral("message.max_size"), spin, 1024 * 1024);
    QSignalSpy loaded(&binder, &SettingsBinder::loaded);
    binder.load();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(spin->value(), 1);          // 1,000,000 bytes shown as about 1 MB
    QCOMPARE(spin->maximum(), 4096);     // 4 GiB in MB
    QVERIFY(!binder.hasChanges());       // … and not rewritten as 1,048,576 by an untouched dialog
    QCOMPARE(binder.editedValue(QStringLiteral("message.max_size")), QStringLiteral("1000000"));

    spin->setValue(3);
    QSignalSpy saved(&binder, &SettingsBinder::saved);
    binder.save();
    QVERIFY(saved.wait(10000));
    QCOMPARE(m_engine->setting(QStringLiteral("message.max_size")), QStringLiteral("3145728"));
}

// Decimal hours (outbound.max_age_hours): the engine gives the limits in hours, the box sends
// "0.5", not "0.500".
void TestGuiSettingsBinder::decimalSpinTakesHours()
{
    SettingsBinder binder(m_engine->link(), *m_mode, m_owner.get());
    auto *spin = new QDoubleSpinBox(m_owner.get());
    spin->setDecimals(3);
    binder.bind(QStringLiteral("outbound.max_age_hours"), spin);
    QSignalSpy loaded(&binder, &SettingsBinder::loaded);
    binder.load();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(spin->value(), 120.0);
    QCOMPARE(spin->minimum(), 0.001);
    QCOMPARE(spin->maximum(), 8760.0);
    QVERIFY(!binder.hasChanges());
    spin->setValue(0.5);
    QCOMPARE(binder.editedValue(QStringLiteral("outbound.max_age_hours")), QStringLiteral("0.5"));
    QSignalSpy saved(&binder, &SettingsBinder::saved);
    binder.save();
    QVERIFY(saved.wait(10000));
    QCOMPARE(m_engine->setting(QStringLiteral("outbound.max_age_hours")), QStringLiteral("0.5"));
    QVERIFY(!binder.hasChanges());
}

void TestGuiSettingsBinder::engineRefusalIsShownAndNothingStored()
{
    DnsServersDialog dialog(m_engine->link(), *m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    QVERIFY(driver.error().isEmpty());
    dialog.edit()->setText(QStringLiteral("nameserver9"));
    QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
    driver.button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!driver.error().isEmpty(), 10000);
    QVERIFY2(driver.error().contains(QStringLiteral("nameserver9")), qPrintable(driver.error()));
    QCOMPARE(saved.count(), 0);
    QVERIFY(dialog.isVisible());   // a refused OK keeps the dialog open with the edit
    QCOMPARE(m_engine->setting(QStringLiteral("dns.servers")), QString());
    QVERIFY(driver.button(QDialogButtonBox::Ok)->isEnabled());   // the admin can correct and retry

    dialog.edit()->setText(QStringLiteral("127.0.0.1:5353"));
    QVERIFY(driver.saveWith(QDialogButtonBox::Apply));
    QVERIFY(driver.error().isEmpty());
    QCOMPARE(m_engine->setting(QStringLiteral("dns.servers")), QStringLiteral("127.0.0.1:5353"));
}

void TestGuiSettingsBinder::lockedModeDisablesAndRefuses()
{
    m_mode->setUnlocked(false);
    DnsServersDialog dialog(m_engine->link(), *m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    auto *locked = driver.find<QLabel>("lockedLabel");
    QVERIFY(locked->isVisible());
    QVERIFY(!dialog.edit()->isEnabled());
    QVERIFY(!driver.button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!driver.button(QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(driver.button(QDialogButtonBox::Cancel)->isEnabled());

    // Even when asked directly, a locked binder sends nothing.
    dialog.edit()->setText(QStringLiteral("127.0.0.1"));
    QSignalSpy failed(&dialog.binder(), &SettingsBinder::failed);
    dialog.binder().save();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("administration mode")));
    QCOMPARE(m_engine->setting(QStringLiteral("dns.servers")), QString());

    m_mode->setUnlocked(true);
    QVERIFY(dialog.edit()->isEnabled());
    QVERIFY(driver.button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!locked->isVisible());
}

void TestGuiSettingsBinder::cancelAndReopenDropsEdits()
{
    DnsServersDialog dialog(m_engine->link(), *m_mode);
    dialog.show();
    SettingsDialogDriver driver(dialog, m_engine->link());
    QVERIFY(driver.waitLoaded());
    dialog.edit()->setText(QStringLiteral("127.0.0.1"));
    driver.button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(m_engine->setting(QStringLiteral("dns.servers")), QString());

    // Shown again (as DialogLauncher does), it shows what is stored, not the abandoned edit.
    QSignalSpy loaded(&dialog.binder(), &SettingsBinder::loaded);
    dialog.show();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dialog.edit()->text(), QString());
}

QTEST_MAIN(TestGuiSettingsBinder)
#include "tst_gui_settingsbinder.moc"
