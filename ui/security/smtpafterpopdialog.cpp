#include "smtpafterpopdialog.h"

#include "settingsbinder.h"
#include "ui_smtpafterpopdialog.h"

SmtpAfterPopDialog::SmtpAfterPopDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : SettingsDialog(engine, mode, parent), m_ui(std::make_unique<Ui::SmtpAfterPopDialog>())
{
    m_ui->setupUi(this);
    binder().bind(QStringLiteral("smtp_after_pop.enabled"), m_ui->enabledBox);
    binder().bind(QStringLiteral("smtp_after_pop.minutes"), m_ui->minutesSpin);
    connect(m_ui->enabledBox, &QCheckBox::toggled, this, &SmtpAfterPopDialog::updateDependents);
    attach(m_ui->buttonBox, m_ui->lockedLabel, m_ui->errorLabel);
}

SmtpAfterPopDialog::~SmtpAfterPopDialog() = default;

void SmtpAfterPopDialog::updateDependents()
{
    // The minutes mean nothing while the feature is off.
    m_ui->minutesSpin->setEnabled(isUnlocked() && m_ui->enabledBox->isChecked());
}
