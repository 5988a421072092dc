#include "queuewindow.h"

#include "ui_queuewindow.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QTimer>

#include "adminmode.h"
#include "adminrequestqueue.h"
#include "enginelink.h"
#include "queuedetailsdialog.h"
#include "queuetext.h"

namespace {
constexpr int kIdRole = Qt::UserRole;
constexpr int kRetryTag = 1;
}

QueueWindow::QueueWindow(EngineLink &engine, AdminMode &mode, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::QueueWindow>()), m_engine(engine), m_mode(mode),
      m_timer(new QTimer(this)), m_actions(new AdminRequestQueue(engine, this))
{
    m_ui->setupUi(this);
    m_ui->errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_ui->messageTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->messageTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_timer->setInterval(kRefreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &QueueWindow::refresh);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &QueueWindow::refresh);
    connect(m_ui->detailsButton, &QPushButton::clicked, this, &QueueWindow::showDetails);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &QueueWindow::retrySelected);
    connect(m_ui->retryAllButton, &QPushButton::clicked, this, &QueueWindow::retryAll);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &QueueWindow::deleteSelected);
    connect(m_ui->bounceButton, &QPushButton::clicked, this, &QueueWindow::bounceSelected);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::close);
    connect(m_ui->messageTable, &QTableWidget::itemSelectionChanged, this, &QueueWindow::updateButtons);
    connect(m_ui->messageTable, &QTableWidget::itemDoubleClicked, this, &QueueWindow::showDetails);
    connect(&m_mode, &AdminMode::unlockedChanged, this, &QueueWindow::updateButtons);
    connect(m_actions, &AdminRequestQueue::stepDone, this, [this](int tag, const AdminReply &reply) {
        if (tag == kRetryTag)
            m_retried += reply.result.toObject().value(QStringLiteral("count")).toInt();
    });
    connect(m_actions, &AdminRequestQueue::finished, this, &QueueWindow::actionDone);
    connect(m_actions, &AdminRequestQueue::failed, this, [this](int, const AdminReply &reply) {
        m_actions->clear();   // the messages after a refused one are not tried: the admin sees why first
        m_actionError = reply.message;
        showErrors();
        actionDone();   // what was retried before the refusal is still said
    });
    m_ui->statusLabel->hide();
    showMessages({});
    showErrors();
}

QueueWindow::~QueueWindow() = default;

void QueueWindow::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    refresh();
    m_timer->start();
}

void QueueWindow::hideEvent(QHideEvent *event)
{
    // Nobody looks at a hidden window: no reads every 2 s for it.
    if (!event->spontaneous())
        m_timer->stop();
    QDialog::hideEvent(event);
}

void QueueWindow::refresh()
{
    if (m_listPending)
        return;
    m_listPending = true;
    m_engine.call(AdminRequest{QStringLiteral("queue.list"), {}}, this, [this](const AdminReply &reply) {
        m_listPending = false;
        if (reply.ok()) {
            m_listError.clear();
            showMessages(reply.result[QStringLiteral("messages")].toArray());
        } else {
            m_listError = tr("The queue cannot be read: %1").arg(reply.message);
        }
        showErrors();
        Q_EMIT refreshed();
    });
}

void QueueWindow::showMessages(const QJsonArray &messages)
{
    const QStringList selected = selectedIds();
    m_messages = messages;
    QTableWidget *table = m_ui->messageTable;
    const QSignalBlocker blocker(table);
    table->clearSelection();
    table->setRowCount(int(messages.size()));
    for (int row = 0; row < messages.size(); ++row) {
        const QJsonValue message = messages.at(row);
        const QString none = tr("none");
        const QStringList cells{QueueText::id(message[QStringLiteral("id")]),
                                QueueText::age(qint64(message[QStringLiteral("age_seconds")].toDouble())),
                                message[QStringLiteral("sender")].toString().isEmpty()
                                    ? tr("<> (a report)")
                                    : message[QStringLiteral("sender")].toString(),
                                QueueText::recipients(message[QStringLiteral("recipients")].toArray()),
                                QueueText::instant(message[QStringLiteral("next_attempt")], none),
                                message[QStringLiteral("last_error")].toString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            item->setData(kIdRole, message[QStringLiteral("id")].toVariant());
            table->setItem(row, column, item);
        }
    }
    selectIds(selected);
    // Fitted to the first rows once; after that the admin's column widths stay.
    if (!m_columnsFitted && !messages.isEmpty()) {
        table->resizeColumnsToContents();
        const int widest = fontMetrics().averageCharWidth() * 40;   // a long recipient list must not hide the error
        for (int column = 0; column + 1 < table->columnCount(); ++column)
            table->setColumnWidth(column, qMin(table->columnWidth(column), widest));
        m_columnsFitted = true;
    }
    const int count = int(messages.size());
    m_ui->countLabel->setText(tr("Messages waiting for delivery to other servers: %n.", nullptr, count));
    setWindowTitle(tr("Outbound Queue (%n)", nullptr, count));
    table->setVisible(count > 0);
    m_ui->emptyLabel->setVisible(count == 0);
    updateButtons();
}

void QueueWindow::selectIds(const QStringList &ids)
{
    QTableWidget *table = m_ui->messageTable;
    QItemSelection selection;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (ids.contains(table->item(row, 0)->text()))
            selection.select(table->model()->index(row, 0), table->model()->index(row, table->columnCount() - 1));
    }
    table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QStringList QueueWindow::selectedIds() const
{
    QStringList ids;
    const QTableWidget *table = m_ui->messageTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->selectionModel()->isRowSelected(row, {}))
            ids.append(table->item(row, 0)->text());
    }
    return ids;
}

QList<AdminRequest> QueueWindow::perSelectedMessage(const QString &operation) const
{
    QList<AdminRequest> requests;
    const QTableWidget *table = m_ui->messageTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->selectionModel()->isRowSelected(row, {}))
            requests.append(AdminRequest{operation, {{QStringLiteral("id"), QJsonValue::fromVariant(table->item(row, 0)->data(kIdRole))}}});
    }
    return requests;
}

void QueueWindow::send(const QList<AdminRequest> &requests, int tag)
{
    if (!m_mode.isUnlocked() || m_actions->isRunning() || requests.isEmpty())
        return;
    m_actionError.clear();
    showErrors();
    m_retried = tag == kRetryTag ? 0 : -1;
    m_ui->statusLabel->clear();
    m_ui->statusLabel->hide();
    for (const AdminRequest &request : requests)
        m_actions->add(request, tag);
    updateButtons();
    m_actions->run();
}

void QueueWindow::actionDone()
{
    if (m_retried >= 0) {
        // The engine counts recipients (a message waits for each of its own); "label: %n" needs no
        // English plural forms.
        m_ui->statusLabel->setText(tr("Recipients to be tried again now: %n.", nullptr, m_retried));
        m_ui->statusLabel->show();
    }
    updateButtons();
    refresh();
    Q_EMIT actionFinished();
}

void QueueWindow::retrySelected()
{
    send(perSelectedMessage(QStringLiteral("queue.retry")), kRetryTag);
}

void QueueWindow::retryAll()
{
    send({AdminRequest{QStringLiteral("queue.retry"), {{QStringLiteral("all"), true}}}}, kRetryTag);
}

void QueueWindow::deleteSelected()
{
    const QList<AdminRequest> requests = perSelectedMessage(QStringLiteral("queue.delete"));
    if (confirm(requests, tr("Delete messages"),
                tr("Selected messages: %n. Delete them from the queue? They are gone for good: nobody receives "
                   "them and the senders are not told.", nullptr, int(requests.size()))))
        send(requests);
}

void QueueWindow::bounceSelected()
{
    const QList<AdminRequest> requests = perSelectedMessage(QStringLiteral("queue.bounce"));
    if (confirm(requests, tr("Return to sender"),
                tr("Selected messages: %n. Return them to their senders? Delivery stops, and each sender gets a "
                   "failure report for the recipients that have not received the message.", nullptr, int(requests.size()))))
        send(requests);
}

bool QueueWindow::confirm(const QList<AdminRequest> &requests, const QString &title, const QString &question)
{
    if (requests.isEmpty() || !m_mode.isUnlocked())
        return false;
    // The 2 s reads go on behind the question; the ids were taken before it was asked.
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void QueueWindow::showDetails()
{
    const QList<AdminRequest> show = perSelectedMessage(QStringLiteral("queue.show"));
    if (show.size() != 1)
        return;
    m_engine.call(show.first(), this,
                  [this](const AdminReply &reply) {
                      if (!reply.ok()) {
                          m_actionError = tr("The message cannot be shown: %1").arg(reply.message);
                          showErrors();
                          return;
                      }
                      auto *details = new QueueDetailsDialog(reply.result.toObject(), this);
                      details->setAttribute(Qt::WA_DeleteOnClose);
                      details->show();
                  });
}

void QueueWindow::updateButtons()
{
    const bool unlocked = m_mode.isUnlocked();
    const bool idle = !m_actions->isRunning();
    const qsizetype selected = selectedIds().size();
    m_ui->lockedLabel->setVisible(!unlocked);
    m_ui->detailsButton->setEnabled(selected == 1);
    m_ui->retryButton->setEnabled(unlocked && idle && selected > 0);
    m_ui->retryAllButton->setEnabled(unlocked && idle && !m_messages.isEmpty());
    m_ui->deleteButton->setEnabled(unlocked && idle && selected > 0);
    m_ui->bounceButton->setEnabled(unlocked && idle && selected > 0);
}

void QueueWindow::showErrors()
{
    QStringList lines;
    for (const QString &line : {m_listError, m_actionError}) {
        if (!line.isEmpty())
            lines.append(line);
    }
    m_ui->errorLabel->setText(lines.join(QLatin1Char('\n')));
    m_ui->errorLabel->setVisible(!lines.isEmpty());
}
