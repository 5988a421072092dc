#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QHideEvent>
#include <QLabel>
#include <QPushButton>
#include <QShowEvent>

#include "adminmode.h"
#include "settingsbinder.h"

SettingsDialog::SettingsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_binder(new SettingsBinder(engine, mode, this))
{
    // After the binder's own connection, so dependents are corrected after it enables editors.
    connect(&m_mode, &AdminMode::unlockedChanged, this, &SettingsDialog::applyMode);
    connect(m_binder, &SettingsBinder::loaded, this, [this] {
        showError(QString());
        updateDependents();
    });
    connect(m_binder, &SettingsBinder::saved, this, [this] {
        m_saving = false;
        showError(QString());
        applyMode();
        Q_EMIT settingsSaved();
        if (m_closeAfterSave)
            accept();
    });
    connect(m_binder, &SettingsBinder::failed, this, [this](const QString &message) {
        m_saving = false;
        showError(message);
        applyMode();
    });
}

void SettingsDialog::attach(QDialogButtonBox *buttons, QLabel *lockedNotice, QLabel *error)
{
    m_buttons = buttons;
    m_lockedNotice = lockedNotice;
    m_error = error;
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    connect(m_buttons->button(QDialogButtonBox::Ok), &QPushButton::clicked, this, [this] { save(true); });
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { save(false); });
    connect(m_buttons->button(QDialogButtonBox::Cancel), &QPushButton::clicked, this, &QDialog::reject);
    showError(QString());
    applyMode();
    m_binder->load();
}

bool SettingsDialog::isUnlocked() const
{
    return m_mode.isUnlocked();
}

void SettingsDialog::save(bool closeAfterwards)
{
    if (m_saving)
        return;
    if (const QString problem = validate(); !problem.isEmpty()) {
        showError(problem);
        return;
    }
    m_saving = true;
    m_closeAfterSave = closeAfterwards;
    applyMode();
    m_binder->save();
}

void SettingsDialog::applyMode()
{
    const bool unlocked = m_mode.isUnlocked();
    m_lockedNotice->setVisible(!unlocked);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(unlocked && !m_saving);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(unlocked && !m_saving);
    updateDependents();
}

void SettingsDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void SettingsDialog::showEvent(QShowEvent *event)
{
    // Shown again after a close: the values may have changed meanwhile (CLI, another window),
    // and edits left by Cancel must not survive.
    if (m_reloadOnShow)
        m_binder->load();
    m_reloadOnShow = false;
    QDialog::showEvent(event);
}

void SettingsDialog::hideEvent(QHideEvent *event)
{
    if (!event->spontaneous())
        m_reloadOnShow = true;
    QDialog::hideEvent(event);
}
