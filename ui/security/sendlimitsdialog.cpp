#include "sendlimitsdialog.h"

#include "settingsbinder.h"
#include "ui_sendlimitsdialog.h"

namespace {
constexpr qint64 kMegabyte = 1024 * 1024;
}

SendLimitsDialog::SendLimitsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : SettingsDialog(engine, mode, parent), m_ui(std::make_unique<Ui::SendLimitsDialog>())
{
    m_ui->setupUi(this);
    binder().bind(QStringLiteral("limits.messages_per_hour_per_account"), m_ui->perHourSpin);
    binder().bind(QStringLiteral("smtp.max_recipients"), m_ui->maxRecipientsSpin);
    // Stored in bytes (SIZE in EHLO is in bytes); admins think in megabytes.
    binder().bindScaled(QStringLiteral("message.max_size"), m_ui->maxSizeSpin, kMegabyte);
    attach(m_ui->buttonBox, m_ui->lockedLabel, m_ui->errorLabel);
}

SendLimitsDialog::~SendLimitsDialog() = default;
