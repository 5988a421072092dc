#pragma once

#include "listadapter.h"

#include <QDialog>

class AdminMode;
class EngineLink;
namespace Ui {
class TrustedAddressesDialog;
}

// Security ▸ Trusted IP Addresses: the networks whose clients may relay without authenticating
// (trust.list / trust.add / trust.remove).
class TrustedAddressesDialog : public QDialog, public ListAdapter
{
    Q_OBJECT

public:
    TrustedAddressesDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~TrustedAddressesDialog() override;

    [[nodiscard]] QString group() const override { return QStringLiteral("trust"); }
    [[nodiscard]] QString keyField() const override { return QStringLiteral("range"); }
    [[nodiscard]] bool addReplaces() const override { return true; }
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] QStringList cells(const QJsonObject &entry) const override;
    [[nodiscard]] QString details(const QJsonObject &entry) const override;
    [[nodiscard]] QString check(QJsonObject &entry) const override;
    [[nodiscard]] QString identity(const QJsonObject &entry) const override;
    [[nodiscard]] QJsonObject entryFromFields() const override;
    void showInFields(const QJsonObject &entry) override;
    [[nodiscard]] QString toLine(const QJsonObject &entry) const override { return rangeToLine(entry); }
    [[nodiscard]] QJsonObject fromLine(const QString &line) const override { return rangeFromLine(line); }

private:
    Ui::TrustedAddressesDialog *m_ui;
};
