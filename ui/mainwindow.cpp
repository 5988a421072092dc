#include "mainwindow.h"

#include "ui_mainwindow.h"

#include "adminmode.h"
#include "adminpasswordprompt.h"
#include "adminsocketlink.h"
#include "datadirectory.h"
#include "dialoglauncher.h"
#include "enginelink.h"
#include "helpmenu.h"
#include "logmodel.h"
#include "logviewer.h"
#include "statuspanel.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>

MainWindow::MainWindow(EngineLink &engine, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_engine(engine)
{
    m_ui->setupUi(this);
    m_adminMode = new AdminMode(this);
    m_dialogs = new DialogLauncher(engine, *m_adminMode, this);
    connectDialogActions();
    connectAdminModeAndHelp();
    m_statusPanel = new StatusPanel(this);
    m_ui->mainLayout->insertWidget(1, m_statusPanel);
    connect(m_statusPanel, &StatusPanel::fixRequested, this, &MainWindow::triggerAction);
    showAttachment();
    m_logModel = new LogModel(engine.logRing(), 5000, this);
    m_ui->logView->setModel(m_logModel);
    m_ui->logView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->logView->horizontalHeader()->setStretchLastSection(true);
    m_ui->listenerTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    const int rowHeight = fontMetrics().height() + 6;
    m_ui->logView->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_ui->listenerTable->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_ui->listenerTable->horizontalHeader()->setStretchLastSection(true);

    connect(m_ui->startAction, &QAction::triggered, &m_engine, &EngineLink::startServer);
    connect(m_ui->stopAction, &QAction::triggered, &m_engine, &EngineLink::stopServer);
    // Quit means quit: closing the window may only hide it to the tray (TrayIcon).
    connect(m_ui->quitAction, &QAction::triggered, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    connect(m_ui->logViewerAction, &QAction::triggered, this, &MainWindow::openLogViewer);
    connect(&m_engine, &EngineLink::statusChanged, this, &MainWindow::showStatus);
    connect(m_logModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::followNewestLogLine);
    showStatus(m_engine.status());
}

MainWindow::~MainWindow() = default;

void MainWindow::showListeners(const QList<ListenerState> &listeners, bool certificateLoaded)
{
    QTableWidget *table = m_ui->listenerTable;
    table->setRowCount(int(listeners.size()));
    for (int row = 0; row < listeners.size(); ++row) {
        const ListenerState &state = listeners.at(row);
        const bool listening = state.status == ListenerState::Status::Listening;
        table->setItem(row, 0, new QTableWidgetItem(state.service));
        table->setItem(row, 1, new QTableWidgetItem(state.address));
        table->setItem(row, 2, new QTableWidgetItem(QString::number(listening ? state.port : state.configuredPort)));
        QString tls;
        if (state.service == QStringLiteral("smtps") || state.service == QStringLiteral("pop3s"))
            tls = certificateLoaded ? tr("Implicit TLS") : tr("No certificate");
        else if (certificateLoaded)
            tls = state.service == QStringLiteral("pop3") ? tr("STLS") : tr("STARTTLS");
        else
            tls = tr("None");
        table->setItem(row, 3, new QTableWidgetItem(tls));
        table->setItem(row, 4, new QTableWidgetItem(listening ? tr("Listening") : tr("Failed: %1").arg(state.error)));
    }
}

void MainWindow::showStatus(const EngineStatus &status)
{
    showListeners(status.listeners, status.certificateLoaded);
    m_statusPanel->showStatus(status);
    const bool running = status.running();
    const bool busy = status.state == EngineStatus::State::Starting;
    m_ui->startAction->setEnabled(!running && !busy);
    m_ui->stopAction->setEnabled(running);
    switch (status.state) {
    case EngineStatus::State::Running:
        m_ui->statusLabel->setText(tr("The server is running."));
        break;
    case EngineStatus::State::Starting:
        m_ui->statusLabel->setText(tr("The server is starting…"));
        break;
    case EngineStatus::State::Failed:
        m_ui->statusLabel->setText(tr("The server could not start: %1").arg(status.error));
        break;
    case EngineStatus::State::Stopped:
        m_ui->statusLabel->setText(tr("The server is stopped. Use File > Start server to start it."));
        break;
    }
    if (!m_attachment.isEmpty())
        m_ui->statusLabel->setText(m_attachment + QLatin1Char(' ') + m_ui->statusLabel->text());
    statusBar()->showMessage(running ? tr("Running") : tr("Stopped"));
}

void MainWindow::followNewestLogLine()
{
    QScrollBar *bar = m_ui->logView->verticalScrollBar();
    // Only follow when the admin is already looking at the end, so reading older lines is not interrupted.
    if (bar->value() >= bar->maximum() - 2)
        m_ui->logView->scrollToBottom();
}

void MainWindow::openLogViewer()
{
    if (!m_logViewer) {
        m_logViewer = new LogViewer(&m_engine.logRing(), DataDirectory(m_engine.dataDirectory()).logDirectory(), this);
    } else {
        m_logViewer->refreshDays();
    }
    m_logViewer->show();
    m_logViewer->raise();
    m_logViewer->activateWindow();
}

void MainWindow::connectDialogActions()
{
    using Dialog = DialogLauncher::Dialog;
    const QList<std::pair<QAction *, Dialog>> actions{
        {m_ui->smtpAuthenticationAction, Dialog::SmtpAuthentication},
        {m_ui->smtpAfterPopAction, Dialog::SmtpAfterPop},
        {m_ui->senderRulesAction, Dialog::SenderRules},
        {m_ui->filtersAction, Dialog::Filters},
        {m_ui->attachmentFiltersAction, Dialog::AttachmentFilters},
        {m_ui->addressVerificationAction, Dialog::AddressVerification},
        {m_ui->bannedAddressesAction, Dialog::BannedAddresses},
        {m_ui->trustedAddressesAction, Dialog::TrustedAddresses},
        {m_ui->autoBanAction, Dialog::AutoBan},
        {m_ui->sendLimitsAction, Dialog::SendLimits},
        {m_ui->domainsAction, Dialog::Domains},
        {m_ui->usersAction, Dialog::Users},
        {m_ui->aliasesAction, Dialog::Aliases},
        {m_ui->smtpLoginsAction, Dialog::SmtpLogins},
        {m_ui->optionsAction, Dialog::Options},
        {m_ui->outboundAction, Dialog::Outbound},
        {m_ui->queueAction, Dialog::Queue},
    };
    for (const auto &[action, dialog] : actions)
        connect(action, &QAction::triggered, m_dialogs, [this, dialog = dialog] { m_dialogs->open(dialog); });
}

void MainWindow::connectAdminModeAndHelp()
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/postern.svg")));
    m_adminModeLabel = new QLabel(tr("Administration mode"), this);
    m_adminModeLabel->setObjectName(QStringLiteral("adminModeLabel"));
    statusBar()->addPermanentWidget(m_adminModeLabel);
    connect(m_ui->enterAdminModeAction, &QAction::triggered, this,
            [this] { AdminPasswordPrompt::enter(m_engine, *m_adminMode, this); });
    connect(m_ui->leaveAdminModeAction, &QAction::triggered, m_adminMode, [this] { m_adminMode->setUnlocked(false); });
    connect(m_adminMode, &AdminMode::unlockedChanged, this, &MainWindow::showAdminMode);
    showAdminMode(m_adminMode->isUnlocked());
    connect(m_ui->adminGuideAction, &QAction::triggered, this, [this] { HelpMenu::openAdminGuide(this); });
    connect(m_ui->aboutAction, &QAction::triggered, this, [this] { HelpMenu::showAbout(this); });
}

void MainWindow::showAdminMode(bool unlocked)
{
    m_ui->enterAdminModeAction->setEnabled(!unlocked);
    m_ui->leaveAdminModeAction->setEnabled(unlocked);
    m_adminModeLabel->setVisible(unlocked);
}

void MainWindow::triggerAction(const QString &actionName)
{
    // By objectName, so a warning's button works whichever dialog the action opens.
    if (auto *action = findChild<QAction *>(actionName))
        action->trigger();
}

void MainWindow::showAttachment()
{
    auto *link = qobject_cast<AdminSocketLink *>(&m_engine);
    if (!link)
        return;
    m_attachment = tr("Attached to the server process PID %1.").arg(link->serverPid());
    setWindowTitle(tr("Postern (attached to the server process PID %1)").arg(link->serverPid()));
    connect(link, &EngineLink::disconnected, this, [this](const QString &reason) {
        m_attachment = tr("Detached:");
        setWindowTitle(tr("Postern (server process gone)"));
        m_ui->statusLabel->setText(tr("The server process has gone away: %1 Restart Postern to attach again or to run "
                                      "the server here.").arg(reason));
        m_ui->startAction->setEnabled(false);
        m_ui->stopAction->setEnabled(false);
    });
}
