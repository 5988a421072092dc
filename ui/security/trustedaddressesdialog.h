#pragma once

#include "rangelistadapter.h"

#include <QDialog>

class AdminMode;
class EngineLink;
namespace Ui {
class TrustedAddressesDialog;
}

// Security ▸ Trusted IP Addresses: the networks whose clients may relay without authenticating
// (trust.list / trust.add / trust.remove).
class TrustedAddressesDialog : public QDialog, public RangeListAdapter
{
    Q_OBJECT

public:
    TrustedAddressesDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~TrustedAddressesDialog() override;

    [[nodiscard]] QString group() const override { return QStringLiteral("trust"); }
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] QStringList cells(const QJsonObject &entry) const override;
    [[nodiscard]] QString details(const QJsonObject &entry) const override;
    [[nodiscard]] QJsonObject entryFromFields() const override;
    void showInFields(const QJsonObject &entry) override;

private:
    Ui::TrustedAddressesDialog *m_ui;
};
