#include "trustedaddressesdialog.h"
#include "ui_trustedaddressesdialog.h"

TrustedAddressesDialog::TrustedAddressesDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::TrustedAddressesDialog)
{
    m_ui->setupUi(this);
    m_ui->listEditor->setup(engine, mode, *this, this, m_ui->buttonBox, m_ui->entryGroup);
}

TrustedAddressesDialog::~TrustedAddressesDialog()
{
    delete m_ui;
}

QStringList TrustedAddressesDialog::headers() const
{
    return {tr("Address or range"), tr("Comment")};
}

QStringList TrustedAddressesDialog::cells(const QJsonObject &entry) const
{
    return {entry.value(QStringLiteral("range")).toString(), entry.value(QStringLiteral("comment")).toString()};
}

QString TrustedAddressesDialog::details(const QJsonObject &entry) const
{
    const QString comment = entry.value(QStringLiteral("comment")).toString();
    return tr("Clients in %1 may relay without authenticating. Comment: %2")
        .arg(entry.value(QStringLiteral("range")).toString(), comment.isEmpty() ? tr("none") : comment);
}

QJsonObject TrustedAddressesDialog::entryFromFields() const
{
    return {{QStringLiteral("range"), m_ui->rangeEdit->text().trimmed()}, {QStringLiteral("comment"), m_ui->commentEdit->text()}};
}

void TrustedAddressesDialog::showInFields(const QJsonObject &entry)
{
    m_ui->rangeEdit->setText(entry.value(QStringLiteral("range")).toString());
    m_ui->commentEdit->setText(entry.value(QStringLiteral("comment")).toString());
}
