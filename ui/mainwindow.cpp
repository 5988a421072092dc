#include "mainwindow.h"

#include "ui_mainwindow.h"

#include "datadirectory.h"
#include "enginecontroller.h"
#include "loghub.h"
#include "logmodel.h"
#include "logviewer.h"

#include <QHeaderView>
#include <QScrollBar>

MainWindow::MainWindow(EngineController &engine, LogHub &hub, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_engine(engine), m_hub(hub)
{
    m_ui->setupUi(this);
    m_logModel = new LogModel(hub.ring(), 5000, this);
    m_ui->logView->setModel(m_logModel);
    m_ui->logView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->logView->horizontalHeader()->setStretchLastSection(true);
    m_ui->listenerTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    const int rowHeight = fontMetrics().height() + 6;
    m_ui->logView->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_ui->listenerTable->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_ui->listenerTable->horizontalHeader()->setStretchLastSection(true);

    connect(m_ui->startAction, &QAction::triggered, &m_engine, &EngineController::start);
    connect(m_ui->stopAction, &QAction::triggered, &m_engine, &EngineController::stop);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->logViewerAction, &QAction::triggered, this, &MainWindow::openLogViewer);
    connect(&m_engine, &EngineController::started, this, [this](const QList<ListenerState> &listeners) {
        showListeners(listeners);
        showRunning(true);
    });
    connect(&m_engine, &EngineController::listenersChanged, this, &MainWindow::showListeners);
    connect(&m_engine, &EngineController::startFailed, this, [this](const QString &reason) {
        showListeners({});
        showRunning(false, reason);
    });
    connect(&m_engine, &EngineController::stopped, this, [this] {
        showListeners({});
        showRunning(false);
    });
    connect(m_logModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::followNewestLogLine);
    showRunning(m_engine.isRunning());
    showListeners(m_engine.listeners());
}

MainWindow::~MainWindow() = default;

void MainWindow::showListeners(const QList<ListenerState> &listeners)
{
    QTableWidget *table = m_ui->listenerTable;
    table->setRowCount(int(listeners.size()));
    for (int row = 0; row < listeners.size(); ++row) {
        const ListenerState &state = listeners.at(row);
        const bool listening = state.status == ListenerState::Status::Listening;
        table->setItem(row, 0, new QTableWidgetItem(state.service));
        table->setItem(row, 1, new QTableWidgetItem(state.address));
        table->setItem(row, 2, new QTableWidgetItem(QString::number(listening ? state.port : state.configuredPort)));
        table->setItem(row, 3, new QTableWidgetItem(listening ? tr("Listening") : tr("Failed: %1").arg(state.error)));
    }
}

void MainWindow::showRunning(bool running, const QString &detail)
{
    m_ui->startAction->setEnabled(!running);
    m_ui->stopAction->setEnabled(running);
    if (running)
        m_ui->statusLabel->setText(tr("The server is running."));
    else if (detail.isEmpty())
        m_ui->statusLabel->setText(tr("The server is stopped. Use File > Start server to start it."));
    else
        m_ui->statusLabel->setText(tr("The server could not start: %1").arg(detail));
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
        m_logViewer = new LogViewer(&m_hub.ring(), DataDirectory(m_engine.options().dataDirectory).logDirectory(), this);
    } else {
        m_logViewer->refreshDays();
    }
    m_logViewer->show();
    m_logViewer->raise();
    m_logViewer->activateWindow();
}
