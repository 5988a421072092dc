#pragma once

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "enginelink.h"
#include "settingsbinder.h"
#include "security/settingsdialog.h"

// Drives one of the Security menu's settings dialogs in a test the way an admin would: wait
// for its values, press OK, Apply or Cancel, and wait until the running engine has taken in
// what was saved. Header-only because postern_testsupport does not link the Widgets GUI; only
// the tst_gui_* tests include it.
class SettingsDialogDriver
{
public:
    SettingsDialogDriver(SettingsDialog &dialog, EngineLink &engine) : m_dialog(dialog), m_engine(engine) {}

    // Waits for the first load (bounded); false when it did not come.
    [[nodiscard]] bool waitLoaded()
    {
        if (!m_dialog.binder().isLoaded()) {
            QSignalSpy loaded(&m_dialog.binder(), &SettingsBinder::loaded);
            if (!loaded.wait(10000))
                return false;
        }
        // For a look at what the admin sees: POSTERN_SCREENSHOT_DIR=… ctest -R gui_
        if (const QString dir = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR"); !dir.isEmpty() && m_dialog.isVisible()) {
            QTest::qWait(100);   // the layout pass for the loaded texts
            m_dialog.grab().save(dir + QLatin1Char('/') + m_dialog.objectName() + QStringLiteral(".png"));
        }
        return true;
    }

    template<typename Widget>
    [[nodiscard]] Widget *find(const char *name) const
    {
        return m_dialog.findChild<Widget *>(QLatin1String(name));
    }

    [[nodiscard]] QPushButton *button(QDialogButtonBox::StandardButton which) const
    {
        return find<QDialogButtonBox>("buttonBox")->button(which);
    }

    // Presses OK or Apply and waits for the engine to store the change and then to apply it;
    // false when either did not happen in time or the dialog refused.
    [[nodiscard]] bool saveWith(QDialogButtonBox::StandardButton which)
    {
        QSignalSpy saved(&m_dialog, &SettingsDialog::settingsSaved);
        QSignalSpy applied(&m_engine, &EngineLink::changesApplied);
        button(which)->click();
        if (!saved.wait(10000))
            return false;
        return applied.count() > 0 || applied.wait(10000);
    }

    // The dialog's error line as the admin sees it; empty when hidden.
    [[nodiscard]] QString error() const
    {
        const QLabel *label = find<QLabel>("errorLabel");
        return label->isVisibleTo(&m_dialog) ? label->text() : QString();
    }

private:
    SettingsDialog &m_dialog;
    EngineLink &m_engine;
};
