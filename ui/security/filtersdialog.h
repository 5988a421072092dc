#pragma once

#include "listadapter.h"

#include <QDialog>

class AdminMode;
class EngineLink;
namespace Ui {
class FiltersDialog;
}

// Security ▸ Filters: texts that refuse or discard the mail containing them (filter.list /
// filter.add / filter.remove), with where to look and what to do.
class FiltersDialog : public QDialog, public ListAdapter
{
    Q_OBJECT

public:
    FiltersDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~FiltersDialog() override;

    [[nodiscard]] QString group() const override { return QStringLiteral("filter"); }
    [[nodiscard]] QString keyField() const override { return QStringLiteral("text"); }
    [[nodiscard]] QStringList headers() const override;
    [[nodiscard]] QStringList cells(const QJsonObject &entry) const override;
    [[nodiscard]] QString details(const QJsonObject &entry) const override;
    [[nodiscard]] QString check(QJsonObject &entry) const override;
    [[nodiscard]] QJsonObject entryFromFields() const override;
    void showInFields(const QJsonObject &entry) override;
    // "text<TAB>scope<TAB>action", or the text alone (scope all, action reject); filter texts
    // cannot hold tabs.
    [[nodiscard]] QString toLine(const QJsonObject &entry) const override;
    [[nodiscard]] QJsonObject fromLine(const QString &line) const override;
    // The engine's record carries "created"; what an add takes is the text, scope and action.
    [[nodiscard]] QJsonObject addArguments(const QJsonObject &entry) const override;

private:
    [[nodiscard]] QString scopeText(const QString &scope) const;

    Ui::FiltersDialog *m_ui;
};
