#include "dialoglauncher.h"

#include "accounts/aliasesdialog.h"
#include "accounts/domainsdialog.h"
#include "accounts/smtploginsdialog.h"
#include "accounts/usersdialog.h"
#include "adminmode.h"
#include "enginelink.h"
#include "optionsdialog.h"
#include "outbound/outbounddialog.h"
#include "queue/queuewindow.h"
#include "security/addressverificationdialog.h"
#include "security/attachmentfiltersdialog.h"
#include "security/autobandialog.h"
#include "security/bannedaddressesdialog.h"
#include "security/filtersdialog.h"
#include "security/senderrulesdialog.h"
#include "security/sendlimitsdialog.h"
#include "security/smtpafterpopdialog.h"
#include "security/smtpauthenticationdialog.h"
#include "security/trustedaddressesdialog.h"

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
    switch (dialog) {
    case Dialog::SmtpAuthentication: {
        auto *window = new SmtpAuthenticationDialog(m_engine, m_mode, m_parent);
        connect(window, &SmtpAuthenticationDialog::smtpLoginsRequested, this, [this] { open(Dialog::SmtpLogins); });
        return window;
    }
    case Dialog::SmtpAfterPop: return new SmtpAfterPopDialog(m_engine, m_mode, m_parent);
    case Dialog::SenderRules: return new SenderRulesDialog(m_engine, m_mode, m_parent);
    case Dialog::AddressVerification: return new AddressVerificationDialog(m_engine, m_mode, m_parent);
    case Dialog::AutoBan: {
        auto *window = new AutoBanDialog(m_engine, m_mode, m_parent);
        connect(window, &AutoBanDialog::bannedAddressesRequested, this, [this] { open(Dialog::BannedAddresses); });
        return window;
    }
    case Dialog::SendLimits: return new SendLimitsDialog(m_engine, m_mode, m_parent);
    case Dialog::Filters: return new FiltersDialog(m_engine, m_mode, m_parent);
    case Dialog::AttachmentFilters: return new AttachmentFiltersDialog(m_engine, m_mode, m_parent);
    case Dialog::BannedAddresses: {
        auto *banned = new BannedAddressesDialog(m_engine, m_mode, m_parent);
        connect(banned, &BannedAddressesDialog::autoBanSettingsRequested, this, [this] { open(Dialog::AutoBan); });
        return banned;
    }
    case Dialog::TrustedAddresses: return new TrustedAddressesDialog(m_engine, m_mode, m_parent);
    case Dialog::Options: return new OptionsDialog(m_engine, m_mode, m_parent);
    case Dialog::Outbound: return new OutboundDialog(m_engine, m_mode, m_parent);
    case Dialog::Queue: return new QueueWindow(m_engine, m_mode, m_parent);
    case Dialog::Domains: return new DomainsDialog(m_engine, m_mode, m_parent);
    case Dialog::Users: return new UsersDialog(m_engine, m_mode, m_parent);
    case Dialog::Aliases: return new AliasesDialog(m_engine, m_mode, m_parent);
    case Dialog::SmtpLogins: return new SmtpLoginsDialog(m_engine, m_mode, m_parent);
    }
    return nullptr;   // every Dialog has its case above; -Wswitch says when one is missing
}
