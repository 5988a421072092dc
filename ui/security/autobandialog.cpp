#include "autobandialog.h"

#include <algorithm>

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

#include "cidrrange.h"
#include "settingsbinder.h"
#include "ui_autobandialog.h"

namespace {

bool isNone(const QString &text)
{
    return text.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0;
}

}

AutoBanDialog::AutoBanDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : SettingsDialog(engine, mode, parent), m_ui(std::make_unique<Ui::AutoBanDialog>())
{
    m_ui->setupUi(this);
    m_ui->loopbackWarning->hide();
    binder().bind(QStringLiteral("autoban.enabled"), m_ui->enabledBox);
    binder().bind(QStringLiteral("autoban.max_failures"), m_ui->maxFailuresSpin);
    binder().bind(QStringLiteral("autoban.window_minutes"), m_ui->windowSpin);
    binder().bind(QStringLiteral("autoban.ban_minutes"), m_ui->banSpin);
    binder().bind(QStringLiteral("autoban.never"), m_ui->neverEdit);
    connect(m_ui->enabledBox, &QCheckBox::toggled, this, &AutoBanDialog::updateDependents);
    connect(m_ui->neverEdit, &QLineEdit::textChanged, this, &AutoBanDialog::updateDependents);
    connect(m_ui->bannedAddressesButton, &QPushButton::clicked, this, &AutoBanDialog::bannedAddressesRequested);
    attach(m_ui->buttonBox, m_ui->lockedLabel, m_ui->errorLabel);
}

AutoBanDialog::~AutoBanDialog() = default;

QString AutoBanDialog::validate() const
{
    const QString text = m_ui->neverEdit->text().trimmed();
    if (text.isEmpty())
        return tr("\"Never ban\" is empty: list the ranges auto-ban must leave alone, or write none.");
    if (isNone(text))
        return {};
    // Range by range rather than CidrRange::parseList, which quietly drops repeats: a range
    // typed twice is usually a typo for another one.
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QSet<QString> seen;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        QString error;
        const std::optional<CidrRange> range = CidrRange::parse(part, &error);
        if (!range)
            return tr("\"Never ban\" is not a list of CIDR ranges: %1").arg(error);
        if (seen.contains(range->toString()))
            return tr("\"Never ban\" lists %1 twice.").arg(range->toString());
        seen.insert(range->toString());
    }
    return {};
}

void AutoBanDialog::updateDependents()
{
    const bool editable = isUnlocked() && m_ui->enabledBox->isChecked();
    for (QWidget *editor : {static_cast<QWidget *>(m_ui->maxFailuresSpin), static_cast<QWidget *>(m_ui->windowSpin),
                            static_cast<QWidget *>(m_ui->banSpin), static_cast<QWidget *>(m_ui->neverEdit)})
        editor->setEnabled(editable);

    // Warned, not refused: an admin may mean it, but a local program retrying an old password
    // (a monitoring check, a webmail) would lock itself out.
    const QString text = m_ui->neverEdit->text().trimmed();
    bool coversLoopback = false;
    if (isNone(text)) {
        coversLoopback = false;
    } else if (const auto ranges = CidrRange::parseList(text)) {
        const auto covers = [&ranges](const QHostAddress &address) {
            return std::any_of(ranges->cbegin(), ranges->cend(),
                               [&address](const CidrRange &range) { return range.contains(address); });
        };
        coversLoopback = covers(QHostAddress(QHostAddress::LocalHost)) && covers(QHostAddress(QHostAddress::LocalHostIPv6));
    } else {
        coversLoopback = true;   // not a list yet: the error line says so on saving
    }
    m_ui->loopbackWarning->setVisible(!text.isEmpty() && !coversLoopback);
}
