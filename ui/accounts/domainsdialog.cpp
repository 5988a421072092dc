#include "domainsdialog.h"
#include "ui_domainsdialog.h"

#include "accountinput.h"
#include "datadirectory.h"
#include "enginelink.h"
#include "maildirlayout.h"

#include <QDir>
#include <QJsonArray>

DomainsDialog::DomainsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : AccountDialog(engine, mode, parent), m_ui(std::make_unique<Ui::DomainsDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->addButton, &QPushButton::clicked, this, &DomainsDialog::addDomain);
    connect(m_ui->domainEdit, &QLineEdit::returnPressed, this, &DomainsDialog::addDomain);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &DomainsDialog::removeDomain);
    bindCommon(m_ui->lockedLabel, m_ui->errorLabel, m_ui->buttonBox, m_ui->editorPanel);
}

DomainsDialog::~DomainsDialog() = default;

void DomainsDialog::loadList()
{
    engine().call(AdminRequest{QStringLiteral("domain.list"), {}}, this, [this](const AdminReply &reply) {
        m_ui->domainList->clear();
        if (!reply.ok())
            showError(reply.message);
        for (const QJsonValue &domain : reply.result.toArray())
            m_ui->domainList->addItem(domain.toString());
        listShown();
    });
}

QStringList DomainsDialog::shownDomains() const
{
    QStringList domains;
    for (int row = 0; row < m_ui->domainList->count(); ++row)
        domains << m_ui->domainList->item(row)->text();
    return domains;
}

void DomainsDialog::addDomain()
{
    QString domain;
    const QString problem = AccountInput::hostNameProblem(m_ui->domainEdit->text(), &domain);
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    if (shownDomains().contains(domain)) {
        showError(tr("%1 is already in the list.").arg(domain));
        return;
    }
    stage(AdminRequest{QStringLiteral("domain.add"), {{QStringLiteral("domain"), domain}}});
    m_ui->domainList->addItem(domain);
    m_ui->domainEdit->clear();
}

void DomainsDialog::removeDomain()
{
    const QListWidgetItem *item = m_ui->domainList->currentItem();
    if (!item) {
        showError(tr("Select the domain to remove first."));
        return;
    }
    const QString domain = item->text();
    // AdminService::removeDomain drops the accounts and aliases but never touches the Maildirs.
    const QString folder = MaildirLayout(DataDirectory(engine().dataDirectory()).mailDirectory()).root()
                           + QLatin1Char('/') + MaildirLayout::encodeComponent(domain);
    if (!confirm(tr("Remove the domain %1?\n\nIts users and aliases are removed with it, and mail to %1 is no "
                    "longer accepted. The mail already stored in its users' mailboxes is not deleted: it stays "
                    "on disk in %2, and the users see it again if you add the domain and the users back.")
                     .arg(domain, QDir::toNativeSeparators(folder))))
        return;
    stage(AdminRequest{QStringLiteral("domain.remove"), {{QStringLiteral("domain"), domain}}});
    delete m_ui->domainList->takeItem(m_ui->domainList->row(item));
}
