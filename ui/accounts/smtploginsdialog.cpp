#include "smtploginsdialog.h"
#include "ui_smtploginsdialog.h"

#include "accountinput.h"
#include "enginelink.h"
#include "loginname.h"

#include <QJsonArray>

SmtpLoginsDialog::SmtpLoginsDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : AccountDialog(engine, mode, parent), m_ui(std::make_unique<Ui::SmtpLoginsDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->addButton, &QPushButton::clicked, this, &SmtpLoginsDialog::addLogin);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &SmtpLoginsDialog::removeLogin);
    bindCommon(m_ui->lockedLabel, m_ui->errorLabel, m_ui->buttonBox, m_ui->editorPanel);
}

SmtpLoginsDialog::~SmtpLoginsDialog() = default;

void SmtpLoginsDialog::loadList()
{
    engine().call(AdminRequest{QStringLiteral("smtp-login.list"), {}}, this, [this](const AdminReply &reply) {
        m_ui->loginList->clear();
        if (!reply.ok())
            showError(reply.message);
        for (const QJsonValue &login : reply.result.toArray())
            m_ui->loginList->addItem(login[QStringLiteral("name")].toString());
        listShown();
    });
}

void SmtpLoginsDialog::addLogin()
{
    const QString name = m_ui->nameEdit->text().trimmed();
    if (!LoginName::isValidLoginName(name)) {
        showError(name.isEmpty() ? tr("Type the login's name first.")
                                 : tr("\"%1\" is not a valid login name: use up to %2 letters, digits, dots, "
                                      "hyphens and underscores (no @).")
                                       .arg(name)
                                       .arg(LoginName::kMaxLength));
        return;
    }
    if (!m_ui->loginList->findItems(name, Qt::MatchFixedString).isEmpty()) {
        showError(tr("%1 is already in the list.").arg(name));
        return;
    }
    const QString problem = AccountInput::passwordProblem(m_ui->passwordEdit->text(), m_ui->confirmEdit->text());
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    stage(AdminRequest{QStringLiteral("smtp-login.add"),
                       {{QStringLiteral("name"), name}, {QStringLiteral("password"), m_ui->passwordEdit->text()}}});
    m_ui->loginList->addItem(name.toLower());
    m_ui->nameEdit->clear();
    m_ui->passwordEdit->clear();
    m_ui->confirmEdit->clear();
}

void SmtpLoginsDialog::removeLogin()
{
    const QListWidgetItem *item = m_ui->loginList->currentItem();
    if (!item) {
        showError(tr("Choose the login to remove first."));
        return;
    }
    const QString name = item->text();
    if (!confirm(tr("Remove the SMTP-only login %1?\n\nA device using it can no longer send mail through this "
                    "server until it is given another login.")
                     .arg(name)))
        return;
    stage(AdminRequest{QStringLiteral("smtp-login.remove"), {{QStringLiteral("name"), name}}});
    delete m_ui->loginList->takeItem(m_ui->loginList->row(item));
}
