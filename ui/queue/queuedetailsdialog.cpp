#include "queuedetailsdialog.h"

#include "ui_queuedetailsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLocale>

#include "queuetext.h"

QueueDetailsDialog::QueueDetailsDialog(const QJsonObject &message, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::QueueDetailsDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const QString id = QueueText::id(message.value(QStringLiteral("id")));
    setWindowTitle(tr("Queued Message %1").arg(id));
    const QString sender = message.value(QStringLiteral("sender")).toString();
    m_ui->summaryLabel->setText(
        tr("Sender: %1\nReceived: %2 (%3 ago)\nSize: %4")
            .arg(sender.isEmpty() ? tr("<> (a report)") : sender,
                 QueueText::instant(message.value(QStringLiteral("received_at")), tr("unknown")),
                 QueueText::age(qint64(message.value(QStringLiteral("age_seconds")).toDouble())),
                 QLocale().formattedDataSize(qint64(message.value(QStringLiteral("size")).toDouble()))));

    const QJsonArray recipients = message.value(QStringLiteral("recipients")).toArray();
    QTableWidget *table = m_ui->recipientTable;
    table->setRowCount(int(recipients.size()));
    for (int row = 0; row < recipients.size(); ++row) {
        const QJsonValue recipient = recipients.at(row);
        const QStringList cells{recipient[QStringLiteral("address")].toString(),
                                QueueText::state(recipient[QStringLiteral("state")].toString()),
                                QString::number(recipient[QStringLiteral("attempts")].toInt()),
                                QueueText::instant(recipient[QStringLiteral("last_attempt")], tr("never")),
                                QueueText::instant(recipient[QStringLiteral("next_attempt")], tr("none")),
                                recipient[QStringLiteral("status")].toString(),
                                recipient[QStringLiteral("last_error")].toString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            table->setItem(row, column, item);
        }
    }
    table->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
    m_ui->headersView->setPlainText(message.value(QStringLiteral("headers")).toString());
}

QueueDetailsDialog::~QueueDetailsDialog() = default;
