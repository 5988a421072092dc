#pragma once

#include "rangelistadapter.h"

#include <QDialog>

class AdminMode;
class EngineLink;
namespace Ui {
class BannedAddressesDialog;
}

// Security ▸ Banned Addresses: the addresses and ranges whose connections are closed at once
// (ban.list / ban.add / ban.remove), the admin's bans and auto-ban's side by side, with the
// never-ban list of auto-ban shown read-only.
class BannedAddressesDialog : public QDialog, public RangeListAdapter
{
    Q_OBJECT

public:
    BannedAddressesDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~BannedAddressesDialog() override;

    [[nodiscard]] QString group() const override { return QStringLiteral("ban"); }
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] QStringList cells(const QJsonObject &entry) const override;
    [[nodiscard]] QString details(const QJsonObject &entry) const override;
    [[nodiscard]] QJsonObject entryFromFields() const override;
    void showInFields(const QJsonObject &entry) override;
    // "RANGE comment"; imported bans last for good.
    [[nodiscard]] QJsonObject fromLine(const QString &line) const override;
    [[nodiscard]] QJsonObject addArguments(const QJsonObject &entry) const override;

Q_SIGNALS:
    // The admin asked for the Auto-ban dialog (where the never-ban list is edited).
    void autoBanSettingsRequested();

private:
    void loadNeverBanList();
    void followDurationUnit();
    [[nodiscard]] QString expiryText(const QJsonObject &entry) const;
    [[nodiscard]] static qint64 minutesLeft(const QJsonObject &entry);

    Ui::BannedAddressesDialog *m_ui;
    EngineLink &m_engine;
};
