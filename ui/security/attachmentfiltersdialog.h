#pragma once

#include "listadapter.h"

#include <QDialog>

class AdminMode;
class EngineLink;
namespace Ui {
class AttachmentFiltersDialog;
}

// Security ▸ Attachment Filters: file-name patterns that refuse the mail carrying a matching
// attachment (attachment-filter.list / .add / .remove).
class AttachmentFiltersDialog : public QDialog, public ListAdapter
{
    Q_OBJECT

public:
    AttachmentFiltersDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~AttachmentFiltersDialog() override;

    [[nodiscard]] QString group() const override { return QStringLiteral("attachment-filter"); }
    [[nodiscard]] QString keyField() const override { return QStringLiteral("pattern"); }
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] QStringList cells(const QJsonObject &entry) const override;
    [[nodiscard]] QString details(const QJsonObject &entry) const override;
    [[nodiscard]] QString check(QJsonObject &entry) const override;
    [[nodiscard]] QJsonObject entryFromFields() const override;
    void showInFields(const QJsonObject &entry) override;
    [[nodiscard]] QString toLine(const QJsonObject &entry) const override;
    [[nodiscard]] QJsonObject fromLine(const QString &line) const override;
    [[nodiscard]] QJsonObject addArguments(const QJsonObject &entry) const override;

private:
    Ui::AttachmentFiltersDialog *m_ui;
};
