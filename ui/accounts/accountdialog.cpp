#include "accountdialog.h"

#include "adminmode.h"
#include "adminrequestqueue.h"
#include "enginelink.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

AccountDialog::AccountDialog(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_engine(engine), m_mode(mode), m_queue(new AdminRequestQueue(engine, this))
{
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, windowTitle(), question) == QMessageBox::Yes;
    };
    connect(m_queue, &AdminRequestQueue::finished, this, [this] {
        showError({});
        m_announceApplied = true;
        refresh();
        if (m_closeAfterApply)
            QDialog::accept();
    });
    connect(m_queue, &AdminRequestQueue::failed, this, [this](int, const AdminReply &reply) {
        // What was accepted before the refusal stays; show the engine's list as it now is.
        refresh();
        showError(reply.message);
        Q_EMIT refused(reply.message);
    });
}

void AccountDialog::bindCommon(QLabel *lockedLabel, QLabel *errorLabel, QDialogButtonBox *buttons, QWidget *editors)
{
    m_lockedLabel = lockedLabel;
    m_errorLabel = errorLabel;
    m_buttons = buttons;
    m_editors = editors;
    m_lockedLabel->setText(tr("Read-only: enter administration mode to make changes."));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_errorLabel->setWordWrap(true);
    showError({});
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);
    if (QPushButton *applyButton = buttons->button(QDialogButtonBox::Apply))
        connect(applyButton, &QPushButton::clicked, this, [this] { apply(false); });
    connect(&m_mode, &AdminMode::unlockedChanged, this, &AccountDialog::followMode);
    followMode(m_mode.isUnlocked());
}

bool AccountDialog::isUnlocked() const
{
    return m_mode.isUnlocked();
}

bool AccountDialog::hasPendingChanges() const
{
    return !m_queue->isEmpty();
}

void AccountDialog::followMode(bool unlocked)
{
    m_lockedLabel->setVisible(!unlocked);
    m_editors->setEnabled(unlocked);
    for (const auto role : {QDialogButtonBox::Ok, QDialogButtonBox::Apply}) {
        if (QPushButton *button = m_buttons->button(role))
            button->setEnabled(unlocked);
    }
    if (!unlocked && !m_queue->isRunning())
        refresh();   // changes staged before the mode was left are not sent later
}

void AccountDialog::stage(const AdminRequest &request)
{
    showError({});
    m_queue->add(request);
}

void AccountDialog::showError(const QString &text)
{
    m_errorLabel->setText(text);
    m_errorLabel->setVisible(!text.isEmpty());
}

bool AccountDialog::confirm(const QString &question)
{
    return m_confirm(question);
}

void AccountDialog::accept()
{
    apply(true);
}

void AccountDialog::reject()
{
    refresh();   // shown again later, the dialog starts from the engine's list
    QDialog::reject();
}

void AccountDialog::apply(bool closeAfter)
{
    if (!m_mode.isUnlocked() || m_queue->isRunning())
        return;
    m_closeAfterApply = closeAfter;
    if (m_queue->isEmpty()) {
        if (closeAfter)
            QDialog::accept();
        return;
    }
    m_queue->run();
}

void AccountDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_queue->isRunning())
        refresh();
}

void AccountDialog::listShown()
{
    Q_EMIT loaded();
    if (m_announceApplied) {
        m_announceApplied = false;
        Q_EMIT applied();
    }
}

void AccountDialog::refresh()
{
    m_queue->clear();
    loadList();
}
