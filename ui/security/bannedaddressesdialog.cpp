#include "bannedaddressesdialog.h"
#include "ui_bannedaddressesdialog.h"

#include "enginelink.h"

#include <QDateTime>

namespace {

// The duration combo's units in minutes; the last item, "for good", is 0 as ban.add takes it.
constexpr qint64 kUnitMinutes[] = {1, 60, 24 * 60, 0};
constexpr int kForGood = 3;
const QString kRange = QStringLiteral("range");
const QString kMinutes = QStringLiteral("minutes");
const QString kComment = QStringLiteral("comment");
const QString kExpires = QStringLiteral("expires");

bool isAutoBan(const QJsonObject &entry)
{
    return entry.value(QStringLiteral("source")).toString() == QLatin1String("auto");
}

}

BannedAddressesDialog::BannedAddressesDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::BannedAddressesDialog), m_engine(engine)
{
    m_ui->setupUi(this);
    m_ui->listEditor->setRemoveText(tr("&Unban selected"));
    m_ui->listEditor->setRemoveAppliesAtOnce(true);
    m_ui->listEditor->setup(engine, mode, *this, this, m_ui->buttonBox, m_ui->entryGroup);
    connect(m_ui->durationUnitCombo, &QComboBox::currentIndexChanged, this, &BannedAddressesDialog::followDurationUnit);
    connect(m_ui->autoBanSettingsButton, &QPushButton::clicked, this, &BannedAddressesDialog::autoBanSettingsRequested);
    connect(m_ui->listEditor, &ListEditor::loaded, this, &BannedAddressesDialog::loadNeverBanList);
}

BannedAddressesDialog::~BannedAddressesDialog()
{
    delete m_ui;
}

void BannedAddressesDialog::loadNeverBanList()
{
    m_engine.call({QStringLiteral("config.get"), {{QStringLiteral("key"), QStringLiteral("autoban.never")}}}, this,
                  [this](const AdminReply &reply) {
                      m_ui->neverBanEdit->setText(reply.ok() ? reply.result.toString() : reply.message);
                  });
}

void BannedAddressesDialog::followDurationUnit()
{
    m_ui->durationSpin->setEnabled(m_ui->durationUnitCombo->currentIndex() != kForGood);
}

QStringList BannedAddressesDialog::headers() const
{
    return {tr("Address or range"), tr("Expires"), tr("Source"), tr("Comment or reason"), tr("Banned since")};
}

qint64 BannedAddressesDialog::minutesLeft(const QJsonObject &entry)
{
    if (entry.contains(kMinutes))
        return qint64(entry.value(kMinutes).toDouble());
    const QDateTime expires = QDateTime::fromString(entry.value(kExpires).toString(), Qt::ISODate);
    if (!expires.isValid())
        return 0;
    return qMax<qint64>(1, (QDateTime::currentDateTimeUtc().secsTo(expires) + 59) / 60);
}

QString BannedAddressesDialog::expiryText(const QJsonObject &entry) const
{
    if (!entry.contains(kMinutes))
        return localTime(entry.value(kExpires), tr("never"));
    const qint64 minutes = minutesLeft(entry);
    return minutes == 0 ? tr("never") : tr("%n minute(s) after Apply", nullptr, int(minutes));
}

QStringList BannedAddressesDialog::cells(const QJsonObject &entry) const
{
    return {entry.value(kRange).toString(), expiryText(entry), isAutoBan(entry) ? tr("auto-ban") : tr("manual"),
            entry.value(kComment).toString(), localTime(entry.value(QStringLiteral("created")), tr("on Apply"))};
}

QString BannedAddressesDialog::details(const QJsonObject &entry) const
{
    const QString since = localTime(entry.value(QStringLiteral("created")), tr("not yet (on Apply)"));
    const QString comment = entry.value(kComment).toString();
    if (isAutoBan(entry))
        return tr("%1 was banned by auto-ban: %2. Since %3; expires: %4.")
            .arg(entry.value(kRange).toString(), comment, since, expiryText(entry));
    return tr("%1 was banned by hand. Comment: %2. Since %3; expires: %4.")
        .arg(entry.value(kRange).toString(), comment.isEmpty() ? tr("none") : comment, since, expiryText(entry));
}

QJsonObject BannedAddressesDialog::entryFromFields() const
{
    const int unit = m_ui->durationUnitCombo->currentIndex();
    return {{kRange, m_ui->rangeEdit->text().trimmed()},
            {kMinutes, double(m_ui->durationSpin->value() * kUnitMinutes[qBound(0, unit, kForGood)])},
            {kComment, m_ui->commentEdit->text()}};
}

void BannedAddressesDialog::showInFields(const QJsonObject &entry)
{
    m_ui->rangeEdit->setText(entry.value(kRange).toString());
    m_ui->commentEdit->setText(entry.value(kComment).toString());
    const qint64 minutes = minutesLeft(entry);
    // The time left in the largest unit that shows it within a day's rounding.
    int unit = minutes == 0 ? kForGood : minutes >= 2 * 24 * 60 ? 2 : minutes >= 120 ? 1 : 0;
    m_ui->durationUnitCombo->setCurrentIndex(unit);
    if (unit != kForGood)
        m_ui->durationSpin->setValue(int(qMin<qint64>((minutes + kUnitMinutes[unit] - 1) / kUnitMinutes[unit], 9999)));
}

QJsonObject BannedAddressesDialog::fromLine(const QString &line) const
{
    QJsonObject entry = RangeListAdapter::fromLine(line);
    entry.insert(kMinutes, 0);
    return entry;
}

QJsonObject BannedAddressesDialog::addArguments(const QJsonObject &entry) const
{
    return {{kRange, entry.value(kRange)}, {kMinutes, double(minutesLeft(entry))}, {kComment, entry.value(kComment)}};
}
