#include "usersdialog.h"
#include "ui_usersdialog.h"

#include "accountinput.h"
#include "datadirectory.h"
#include "enginelink.h"
#include "mailaddress.h"
#include "maildirlayout.h"

#include <QDir>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>

UsersDialog::UsersDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : AccountDialog(engine, mode, parent), m_ui(std::make_unique<Ui::UsersDialog>())
{
    m_ui->setupUi(this);
    m_ui->userTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_ui->userTable, &QTableWidget::itemSelectionChanged, this, &UsersDialog::fillForm);
    connect(m_ui->newButton, &QPushButton::clicked, this, &UsersDialog::clearForm);
    connect(m_ui->addButton, &QPushButton::clicked, this, &UsersDialog::addUser);
    connect(m_ui->changeButton, &QPushButton::clicked, this, &UsersDialog::changeUser);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &UsersDialog::removeUser);
    bindCommon(m_ui->lockedLabel, m_ui->errorLabel, m_ui->buttonBox, m_ui->editorPanel);
}

UsersDialog::~UsersDialog() = default;

void UsersDialog::loadList()
{
    engine().call(AdminRequest{QStringLiteral("domain.list"), {}}, this, [this](const AdminReply &reply) {
        if (!reply.ok())
            showError(reply.message);
        QStringList domains;
        for (const QJsonValue &domain : reply.result.toArray())
            domains << domain.toString();
        showDomains(domains);
    });
    engine().call(AdminRequest{QStringLiteral("user.list"), {}}, this, [this](const AdminReply &reply) {
        if (!reply.ok())
            showError(reply.message);
        showUsers(reply.result.toArray());
        listShown();
    });
}

void UsersDialog::showDomains(const QStringList &domains)
{
    const QString chosen = m_ui->domainCombo->currentText();
    m_ui->domainCombo->clear();
    m_ui->domainCombo->addItems(domains);
    if (domains.contains(chosen))
        m_ui->domainCombo->setCurrentText(chosen);
    if (domains.isEmpty())
        showError(tr("There is no domain yet: add one under Accounts ▸ Domains first."));
}

void UsersDialog::showUsers(const QJsonArray &users)
{
    m_ui->userTable->setRowCount(0);
    for (const QJsonValue &user : users) {
        const int row = m_ui->userTable->rowCount();
        m_ui->userTable->insertRow(row);
        setRow(row, Entry{user[QStringLiteral("address")].toString(), user[QStringLiteral("displayName")].toString(),
                          qint64(user[QStringLiteral("quotaBytes")].toDouble()), user[QStringLiteral("enabled")].toBool()});
    }
}

void UsersDialog::setRow(int row, const Entry &entry)
{
    auto *quota = new QTableWidgetItem(AccountInput::quotaForDisplay(entry.quotaBytes));
    quota->setData(Qt::UserRole, entry.quotaBytes);
    auto *enabled = new QTableWidgetItem(entry.enabled ? tr("Yes") : tr("No"));
    enabled->setData(Qt::UserRole, entry.enabled);
    m_ui->userTable->setItem(row, 0, new QTableWidgetItem(entry.address));
    m_ui->userTable->setItem(row, 1, new QTableWidgetItem(entry.displayName));
    m_ui->userTable->setItem(row, 2, quota);
    m_ui->userTable->setItem(row, 3, enabled);
}

UsersDialog::Entry UsersDialog::rowEntry(int row) const
{
    const QTableWidget *table = m_ui->userTable;
    return Entry{table->item(row, 0)->text(), table->item(row, 1)->text(), table->item(row, 2)->data(Qt::UserRole).toLongLong(),
                 table->item(row, 3)->data(Qt::UserRole).toBool()};
}

int UsersDialog::rowOf(const QString &address) const
{
    for (int row = 0; row < m_ui->userTable->rowCount(); ++row) {
        if (m_ui->userTable->item(row, 0)->text() == address)
            return row;
    }
    return -1;
}

std::optional<UsersDialog::Entry> UsersDialog::readForm(bool newUser)
{
    Entry entry;
    if (newUser) {
        if (m_ui->domainCombo->currentText().isEmpty()) {
            showError(tr("Choose the user's domain (add it under Accounts ▸ Domains first)."));
            return std::nullopt;
        }
        const QString typed = m_ui->localPartEdit->text().trimmed() + QLatin1Char('@') + m_ui->domainCombo->currentText();
        const MailAddress address = MailAddress::parse(typed);
        if (m_ui->localPartEdit->text().trimmed().isEmpty() || !address.isValid()) {
            showError(tr("\"%1\" is not a valid address: %2").arg(typed, address.error()));
            return std::nullopt;
        }
        entry.address = address.canonical();
        if (rowOf(entry.address) >= 0) {
            showError(tr("%1 is already a user.").arg(entry.address));
            return std::nullopt;
        }
    }
    entry.displayName = m_ui->displayNameEdit->text().trimmed();
    entry.enabled = m_ui->enabledCheck->isChecked();
    QString error;
    const std::optional<qint64> quota = AccountInput::parseQuota(m_ui->quotaEdit->text(), &error);
    if (!quota) {
        showError(error);
        return std::nullopt;
    }
    entry.quotaBytes = *quota;
    error = AccountInput::passwordProblem(m_ui->passwordEdit->text(), m_ui->confirmEdit->text(), !newUser);
    if (!error.isEmpty()) {
        showError(error);
        return std::nullopt;
    }
    return entry;
}

void UsersDialog::fillForm()
{
    const QList<QTableWidgetItem *> selected = m_ui->userTable->selectedItems();
    if (selected.isEmpty())
        return;
    const Entry entry = rowEntry(selected.first()->row());
    const MailAddress address = MailAddress::parse(entry.address);
    m_ui->localPartEdit->setText(address.localPart());
    m_ui->domainCombo->setCurrentText(address.domain());
    m_ui->displayNameEdit->setText(entry.displayName);
    m_ui->quotaEdit->setText(AccountInput::quotaForEditing(entry.quotaBytes));
    m_ui->enabledCheck->setChecked(entry.enabled);
    // A password is never shown back, not even as dots of the right length.
    m_ui->passwordEdit->clear();
    m_ui->confirmEdit->clear();
}

void UsersDialog::clearForm()
{
    m_ui->userTable->clearSelection();
    m_ui->localPartEdit->clear();
    m_ui->displayNameEdit->clear();
    m_ui->passwordEdit->clear();
    m_ui->confirmEdit->clear();
    m_ui->quotaEdit->setText(QStringLiteral("0"));
    m_ui->enabledCheck->setChecked(true);
    m_ui->localPartEdit->setFocus();
}

void UsersDialog::addUser()
{
    const std::optional<Entry> entry = readForm(true);
    if (!entry)
        return;
    stage(AdminRequest{QStringLiteral("user.add"), {{QStringLiteral("address"), entry->address},
                                                   {QStringLiteral("password"), m_ui->passwordEdit->text()},
                                                   {QStringLiteral("displayName"), entry->displayName},
                                                   {QStringLiteral("quotaBytes"), double(entry->quotaBytes)}}});
    if (!entry->enabled)
        stage(AdminRequest{QStringLiteral("user.enable"), {{QStringLiteral("address"), entry->address}, {QStringLiteral("enabled"), false}}});
    const int row = m_ui->userTable->rowCount();
    m_ui->userTable->insertRow(row);
    setRow(row, *entry);
    clearForm();
}

void UsersDialog::changeUser()
{
    const QList<QTableWidgetItem *> selected = m_ui->userTable->selectedItems();
    if (selected.isEmpty()) {
        showError(tr("Choose the user to change in the list first."));
        return;
    }
    std::optional<Entry> entry = readForm(false);
    if (!entry)
        return;
    const int row = selected.first()->row();
    const Entry before = rowEntry(row);
    entry->address = before.address;
    if (entry->displayName != before.displayName || entry->quotaBytes != before.quotaBytes) {
        stage(AdminRequest{QStringLiteral("user.update"), {{QStringLiteral("address"), entry->address},
                                                          {QStringLiteral("displayName"), entry->displayName},
                                                          {QStringLiteral("quotaBytes"), double(entry->quotaBytes)}}});
    }
    if (!m_ui->passwordEdit->text().isEmpty())
        stage(AdminRequest{QStringLiteral("user.passwd"), {{QStringLiteral("address"), entry->address},
                                                          {QStringLiteral("password"), m_ui->passwordEdit->text()}}});
    if (entry->enabled != before.enabled)
        stage(AdminRequest{QStringLiteral("user.enable"), {{QStringLiteral("address"), entry->address},
                                                          {QStringLiteral("enabled"), entry->enabled}}});
    setRow(row, *entry);
    m_ui->passwordEdit->clear();
    m_ui->confirmEdit->clear();
}

void UsersDialog::removeUser()
{
    const QList<QTableWidgetItem *> selected = m_ui->userTable->selectedItems();
    if (selected.isEmpty()) {
        showError(tr("Choose the user to remove in the list first."));
        return;
    }
    const int row = selected.first()->row();
    const QString address = rowEntry(row).address;
    // AdminService::removeUser drops the account only; the Maildir is never deleted.
    const QString mailbox = MaildirLayout(DataDirectory(engine().dataDirectory()).mailDirectory()).mailboxPath(address);
    if (!confirm(tr("Remove the user %1?\n\nThe user can no longer log in, and mail to %1 is refused from now on "
                    "(aliases that pointed to it no longer do). The mail already stored in the mailbox is not "
                    "deleted: it stays on disk in %2, and the user sees it again if you add %1 back.")
                     .arg(address, QDir::toNativeSeparators(mailbox))))
        return;
    stage(AdminRequest{QStringLiteral("user.remove"), {{QStringLiteral("address"), address}}});
    m_ui->userTable->removeRow(row);
    clearForm();
}
