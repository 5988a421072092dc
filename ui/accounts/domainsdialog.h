#pragma once

#include "accountdialog.h"

#include <memory>

class AdminMode;
class EngineLink;

namespace Ui {
class DomainsDialog;
}

// Accounts ▸ Domains: the local mail domains, added and removed.
class DomainsDialog : public AccountDialog
{
    Q_OBJECT

public:
    DomainsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~DomainsDialog() override;

protected:
    void loadList() override;

private:
    void addDomain();
    void removeDomain();
    [[nodiscard]] QStringList shownDomains() const;

    std::unique_ptr<Ui::DomainsDialog> m_ui;
};
