#include "aliasesdialog.h"
#include "ui_aliasesdialog.h"

#include "enginelink.h"
#include "mailaddress.h"

#include <QJsonArray>

AliasesDialog::AliasesDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : AccountDialog(engine, mode, parent), m_ui(std::make_unique<Ui::AliasesDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->aliasList, &QListWidget::currentTextChanged, this, [this](const QString &alias) {
        if (!alias.isEmpty())
            m_ui->aliasEdit->setText(alias);
        showTargets();
    });
    connect(m_ui->aliasEdit, &QLineEdit::textEdited, this, &AliasesDialog::showTargets);
    connect(m_ui->addTargetButton, &QPushButton::clicked, this, &AliasesDialog::addTarget);
    connect(m_ui->targetEdit, &QLineEdit::returnPressed, this, &AliasesDialog::addTarget);
    connect(m_ui->removeTargetButton, &QPushButton::clicked, this, &AliasesDialog::removeTarget);
    connect(m_ui->removeAliasButton, &QPushButton::clicked, this, &AliasesDialog::removeAlias);
    bindCommon(m_ui->lockedLabel, m_ui->errorLabel, m_ui->buttonBox, m_ui->editorPanel);
}

AliasesDialog::~AliasesDialog() = default;

void AliasesDialog::loadList()
{
    engine().call(AdminRequest{QStringLiteral("domain.list"), {}}, this, [this](const AdminReply &reply) {
        m_domains.clear();
        for (const QJsonValue &domain : reply.result.toArray())
            m_domains << domain.toString();
    });
    engine().call(AdminRequest{QStringLiteral("alias.list"), {}}, this, [this](const AdminReply &reply) {
        if (!reply.ok())
            showError(reply.message);
        m_aliases.clear();
        for (const QJsonValue &alias : reply.result.toArray()) {
            QStringList targets;
            for (const QJsonValue &target : alias[QStringLiteral("targets")].toArray())
                targets << target.toString();
            m_aliases.insert(alias[QStringLiteral("address")].toString(), targets);
        }
        showAliases();
        listShown();
    });
}

void AliasesDialog::showAliases()
{
    const QString current = m_ui->aliasEdit->text().trimmed();
    m_ui->aliasList->clear();
    m_ui->aliasList->addItems(m_aliases.keys());
    const QList<QListWidgetItem *> found = m_ui->aliasList->findItems(current, Qt::MatchExactly);
    if (!found.isEmpty())
        m_ui->aliasList->setCurrentItem(found.first());
    showTargets();
}

void AliasesDialog::showTargets()
{
    const QString alias = MailAddress::parse(m_ui->aliasEdit->text().trimmed()).canonical();
    m_ui->targetList->clear();
    m_ui->targetList->addItems(m_aliases.value(alias));
}

QString AliasesDialog::typedAlias()
{
    const QString typed = m_ui->aliasEdit->text().trimmed();
    const MailAddress alias = MailAddress::parse(typed);
    if (typed.isEmpty()) {
        showError(tr("Type the alias address first, for example info@example.com."));
        return {};
    }
    if (!alias.isValid()) {
        showError(tr("\"%1\" is not a valid address: %2").arg(typed, alias.error()));
        return {};
    }
    if (!m_domains.contains(alias.domain())) {
        showError(tr("%1 is not one of your domains: an alias must be in a domain under Accounts ▸ Domains.")
                      .arg(alias.domain()));
        return {};
    }
    return alias.canonical();
}

void AliasesDialog::addTarget()
{
    const QString alias = typedAlias();
    if (alias.isEmpty())
        return;
    const QString typed = m_ui->targetEdit->text().trimmed();
    const MailAddress target = MailAddress::parse(typed);
    if (typed.isEmpty() || !target.isValid()) {
        showError(typed.isEmpty() ? tr("Type the target address first.")
                                  : tr("\"%1\" is not a valid address: %2").arg(typed, target.error()));
        return;
    }
    if (target.canonical() == alias) {
        showError(tr("An alias cannot deliver to itself."));
        return;
    }
    if (m_aliases.value(alias).contains(target.canonical())) {
        showError(tr("%1 is already a target of %2.").arg(target.canonical(), alias));
        return;
    }
    stage(AdminRequest{QStringLiteral("alias.add"),
                       {{QStringLiteral("alias"), alias}, {QStringLiteral("targets"), QJsonArray{target.canonical()}}}});
    m_aliases[alias].append(target.canonical());
    m_ui->aliasEdit->setText(alias);
    m_ui->targetEdit->clear();
    showAliases();
}

void AliasesDialog::removeTarget()
{
    const QString alias = MailAddress::parse(m_ui->aliasEdit->text().trimmed()).canonical();
    const QListWidgetItem *item = m_ui->targetList->currentItem();
    if (!item || !m_aliases.contains(alias)) {
        showError(tr("Choose an alias, then the target to remove."));
        return;
    }
    const QString target = item->text();
    stage(AdminRequest{QStringLiteral("alias.remove"),
                       {{QStringLiteral("alias"), alias}, {QStringLiteral("targets"), QJsonArray{target}}}});
    // The engine removes an alias whose last target goes.
    m_aliases[alias].removeOne(target);
    if (m_aliases.value(alias).isEmpty())
        m_aliases.remove(alias);
    showAliases();
}

void AliasesDialog::removeAlias()
{
    const QString alias = MailAddress::parse(m_ui->aliasEdit->text().trimmed()).canonical();
    if (!m_aliases.contains(alias)) {
        showError(tr("Choose the alias to remove first."));
        return;
    }
    if (!confirm(tr("Remove the alias %1?\n\nMail to %1 is refused from now on. Nothing stored is deleted: "
                    "mail it delivered before stays in its targets' mailboxes.")
                     .arg(alias)))
        return;
    stage(AdminRequest{QStringLiteral("alias.remove"), {{QStringLiteral("alias"), alias}}});
    m_aliases.remove(alias);
    m_ui->aliasEdit->clear();
    showAliases();
}
