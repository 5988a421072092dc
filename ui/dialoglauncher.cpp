#include "dialoglauncher.h"

#include "accounts/aliasesdialog.h"
#include "accounts/domainsdialog.h"
#include "accounts/smtploginsdialog.h"
#include "accounts/usersdialog.h"
#include "adminmode.h"
#include "enginelink.h"

#include <QDialog>
#include <QWidget>

DialogLauncher::DialogLauncher(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QObject(parent), m_engine(engine), m_mode(mode), m_parent(parent)
{
}

QDialog *DialogLauncher::open(Dialog dialog)
{
    QPointer<QDialog> &window = m_open[dialog];
    if (!window)
        window = create(dialog);
    if (!window)
        return nullptr;
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

QDialog *DialogLauncher::create(Dialog dialog)
{
    // One case per dialog: `case Dialog::X: return new XDialog(m_engine, m_mode, m_parent);`
    switch (dialog) {
    case Dialog::Domains: return new DomainsDialog(m_engine, m_mode, m_parent);
    case Dialog::Users: return new UsersDialog(m_engine, m_mode, m_parent);
    case Dialog::Aliases: return new AliasesDialog(m_engine, m_mode, m_parent);
    case Dialog::SmtpLogins: return new SmtpLoginsDialog(m_engine, m_mode, m_parent);
    default:
        break;
    }
    return nullptr;
}
