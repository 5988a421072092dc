#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class AdminMode;
class EngineLink;
class QDialog;
class QWidget;

// Opens the admin dialogs of the menus: one window per dialog, created on first use and raised
// again after that. Each dialog gets the engine link and the administration mode by constructor.
class DialogLauncher : public QObject
{
    Q_OBJECT

public:
    // The Security menu's items in the seed's order and words, then ours; the Accounts menu; the
    // Options menu; View ▸ Queue.
    enum class Dialog {
        SmtpAuthentication,
        SmtpAfterPop,
        SenderRules,
        Filters,
        AttachmentFilters,
        AddressVerification,
        BannedAddresses,
        TrustedAddresses,
        AutoBan,
        SendLimits,
        Domains,
        Users,
        Aliases,
        SmtpLogins,
        Options,
        Outbound,
        Queue,
    };
    Q_ENUM(Dialog)

    DialogLauncher(EngineLink &engine, AdminMode &mode, QWidget *parent);

    // Shows the dialog (non-modal) and returns it; nullptr only for a dialog not built yet.
    QDialog *open(Dialog dialog);

private:
    [[nodiscard]] QDialog *create(Dialog dialog);

    EngineLink &m_engine;
    AdminMode &m_mode;
    QWidget *m_parent;
    QHash<Dialog, QPointer<QDialog>> m_open;
};
