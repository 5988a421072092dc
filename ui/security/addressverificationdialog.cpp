#include "addressverificationdialog.h"

#include "settingsbinder.h"
#include "ui_addressverificationdialog.h"

AddressVerificationDialog::AddressVerificationDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : SettingsDialog(engine, mode, parent), m_ui(std::make_unique<Ui::AddressVerificationDialog>())
{
    m_ui->setupUi(this);
    m_ui->blankSenderWarning->hide();
    binder().bind(QStringLiteral("verify.sender_domain"), m_ui->senderDomainBox);
    binder().bind(QStringLiteral("verify.assume_blank_from_valid"), m_ui->assumeBlankBox);
    binder().bind(QStringLiteral("verify.helo_syntax"), m_ui->heloSyntaxBox);
    binder().bind(QStringLiteral("verify.reverse_dns"), m_ui->reverseDnsBox);
    connect(m_ui->assumeBlankBox, &QCheckBox::toggled, this, &AddressVerificationDialog::updateDependents);
    connect(&binder(), &SettingsBinder::loaded, this, &AddressVerificationDialog::showDns);
    attach(m_ui->buttonBox, m_ui->lockedLabel, m_ui->errorLabel);
}

AddressVerificationDialog::~AddressVerificationDialog() = default;

void AddressVerificationDialog::updateDependents()
{
    // Warned before saving, not after: bounces lost meanwhile cannot be asked for again.
    const bool loaded = !binder().loadedValue(QStringLiteral("verify.assume_blank_from_valid")).isEmpty();
    m_ui->blankSenderWarning->setVisible(loaded && !m_ui->assumeBlankBox->isChecked());
}

void AddressVerificationDialog::showDns()
{
    // Options owns the DNS settings; the checks here depend on them, so they are shown.
    const QString servers = binder().storedValue(QStringLiteral("dns.servers"));
    m_ui->dnsLabel->setText(tr("DNS servers asked: %1; longest wait %2 ms. Change them in Options.")
                                .arg(servers.isEmpty() ? tr("the system's (/etc/resolv.conf)") : servers,
                                     binder().storedValue(QStringLiteral("dns.timeout_ms"))));
}
