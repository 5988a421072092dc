#pragma once

#include "accountdialog.h"

#include <QMap>
#include <QStringList>

#include <memory>

class AdminMode;
class EngineLink;

namespace Ui {
class AliasesDialog;
}

// Accounts ▸ Aliases: addresses that deliver to other addresses, with their list of targets.
class AliasesDialog : public AccountDialog
{
    Q_OBJECT

public:
    AliasesDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~AliasesDialog() override;

protected:
    void loadList() override;

private:
    void showAliases();
    void showTargets();
    // The alias typed, canonical, in a local domain; empty after showing what is wrong.
    [[nodiscard]] QString typedAlias();
    void addTarget();
    void removeTarget();
    void removeAlias();

    std::unique_ptr<Ui::AliasesDialog> m_ui;
    QMap<QString, QStringList> m_aliases;   // as the engine will have them once applied
    QStringList m_domains;
};
