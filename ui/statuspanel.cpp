#include "statuspanel.h"

#include "ui_statuspanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

StatusPanel::StatusPanel(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::StatusPanel>())
{
    m_ui->setupUi(this);
    showStatus(EngineStatus{});
}

StatusPanel::~StatusPanel() = default;

QString StatusPanel::fixActionFor(const QString &kind)
{
    // Certificates, listeners and DNS servers are all set in Options; the blank sender in
    // Address Verification, where ArgoSoft keeps it.
    if (kind == QStringLiteral("blank-sender-refused"))
        return QStringLiteral("addressVerificationAction");
    return QStringLiteral("optionsAction");
}

void StatusPanel::showStatus(const EngineStatus &status)
{
    const QLocale locale;
    const EngineCounts &counts = status.counts;
    m_ui->connectionsNowLabel->setText(locale.toString(counts.connectionsNow));
    m_ui->messagesReceivedLabel->setText(locale.toString(counts.messagesReceived));
    m_ui->messagesRelayedLabel->setText(locale.toString(counts.messagesRelayed));
    m_ui->loginsLabel->setText(locale.toString(counts.logins));
    m_ui->refusalsLabel->setText(locale.toString(counts.refusals));
    m_ui->bansLabel->setText(locale.toString(counts.bans));
    showWarnings(status.warnings);
}

void StatusPanel::showWarnings(const QList<EngineWarning> &warnings)
{
    // Rebuilt only when they change: the status arrives every second with new counts.
    if (warnings == m_shownWarnings)
        return;
    m_shownWarnings = warnings;
    while (QLayoutItem *item = m_ui->warningsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_ui->warningsBox->setVisible(!warnings.isEmpty());
    for (const EngineWarning &warning : warnings) {
        auto *row = new QWidget(m_ui->warningsBox);
        row->setObjectName(QStringLiteral("warning_") + warning.kind);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *text = new QLabel(warning.text, row);
        text->setObjectName(QStringLiteral("warningText_") + warning.kind);
        text->setWordWrap(true);
        auto *fix = new QPushButton(tr("Fix…"), row);
        fix->setObjectName(QStringLiteral("fixButton_") + warning.kind);
        connect(fix, &QPushButton::clicked, this, [this, kind = warning.kind] { Q_EMIT fixRequested(fixActionFor(kind)); });
        layout->addWidget(text, 1);
        layout->addWidget(fix);
        m_ui->warningsLayout->addWidget(row);
    }
}
