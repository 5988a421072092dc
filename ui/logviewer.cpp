#include "logviewer.h"

#include "ui_logviewer.h"

#include "logfileindex.h"
#include "logfilemodel.h"
#include "logfilewriter.h"
#include "logfilterproxy.h"
#include "logmodel.h"

#include <algorithm>

#include <QAction>
#include <QClipboard>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QTimer>

namespace {
// Kept from the ring, bounded for memory: 50 s at 1,000 lines/s, hours on a quiet day; the
// older lines are in today's file, one entry down the day list.
constexpr int kLiveRows = 50000;
constexpr int kFilterDelayMs = 300;
// Today's file grows while it is shown; checking twice a second batches the new lines.
constexpr int kFollowMs = 500;
}

LogViewer::LogViewer(LogRingBuffer *ring, QString logDirectory, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_ui(std::make_unique<Ui::LogViewer>())
    , m_ring(ring)
    , m_directory(std::move(logDirectory))
    , m_fileModel(new LogFileModel(this))
    , m_proxy(new LogFilterProxy(this))
    , m_filterDelay(new QTimer(this))
{
    m_ui->setupUi(this);
    if (m_ring)
        m_liveModel = new LogModel(*m_ring, kLiveRows, this);
    m_ui->levelCombo->addItem(tr("Debug"), int(LogLevel::Debug));
    m_ui->levelCombo->addItem(tr("Info"), int(LogLevel::Info));
    m_ui->levelCombo->addItem(tr("Warning"), int(LogLevel::Warning));
    m_ui->levelCombo->addItem(tr("Error"), int(LogLevel::Error));
    m_ui->logView->setModel(m_proxy);
    m_ui->logView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Fixed row height: the view never measures rows, so a million-line file scrolls freely.
    m_ui->logView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->logView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);

    auto *copyAction = new QAction(tr("Copy"), this);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto *sessionAction = new QAction(tr("Show only this session"), this);
    m_ui->logView->addAction(copyAction);
    m_ui->logView->addAction(sessionAction);

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(kFilterDelayMs);
    connect(m_filterDelay, &QTimer::timeout, this, &LogViewer::applyFilters);
    for (QLineEdit *edit : {m_ui->serviceEdit, m_ui->ipEdit, m_ui->accountEdit, m_ui->textEdit})
        connect(edit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_ui->levelCombo, &QComboBox::currentIndexChanged, this, &LogViewer::applyFilters);
    connect(m_ui->dayCombo, &QComboBox::currentIndexChanged, this, &LogViewer::chooseDay);
    connect(m_ui->sessionButton, &QPushButton::clicked, this, &LogViewer::showSessionOfCurrentLine);
    connect(sessionAction, &QAction::triggered, this, &LogViewer::showSessionOfCurrentLine);
    connect(m_ui->logView, &QAbstractItemView::doubleClicked, this, &LogViewer::showSessionOfCurrentLine);
    connect(m_ui->allSessionsButton, &QPushButton::clicked, this, &LogViewer::showAllSessions);
    connect(m_ui->copyButton, &QPushButton::clicked, this, &LogViewer::copySelection);
    connect(copyAction, &QAction::triggered, this, &LogViewer::copySelection);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &LogViewer::exportWithDialog);
    connect(m_ui->jumpButton, &QPushButton::clicked, this, [this] {
        m_ui->followCheck->setChecked(true);
        m_ui->logView->scrollToBottom();
    });
    connect(m_ui->followCheck, &QCheckBox::toggled, this, [this](bool follow) {
        if (follow)
            m_ui->logView->scrollToBottom();
    });
    // Scrolling up to read stops following, scrolling back to the end resumes it: the admin
    // is never pulled away from a line they are reading.
    QScrollBar *bar = m_ui->logView->verticalScrollBar();
    connect(bar, &QAbstractSlider::actionTriggered, this, [this, bar] {
        QTimer::singleShot(0, this, [this, bar] { m_ui->followCheck->setChecked(bar->value() >= bar->maximum()); });
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &LogViewer::onRowsInserted);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LogViewer::updateStatus);
    connect(&m_fileModel->fileIndex(), &LogFileIndex::indexingFinished, this, &LogViewer::updateStatus);

    refreshDays();
}

LogViewer::~LogViewer() = default;

void LogViewer::refreshDays()
{
    const QString current = m_ui->dayCombo->currentData().toString();
    const QSignalBlocker blocker(m_ui->dayCombo);
    m_ui->dayCombo->clear();
    if (m_ring)
        m_ui->dayCombo->addItem(tr("Live: newest lines"), QString());
    const QString todayName = LogFileWriter::fileNameFor(QDate::currentDate());
    const QDir dir(m_directory);
    // The file names sort by date; newest first is what the admin looks for.
    const QStringList names = dir.entryList({QStringLiteral("postern-*.log")}, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : names) {
        const QString day = name.mid(8, 10);
        m_ui->dayCombo->addItem(name == todayName ? tr("%1 (today)").arg(day) : day, dir.filePath(name));
    }
    const int keep = m_ui->dayCombo->findData(current);
    m_ui->dayCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    if (keep < 0 || m_proxy->sourceModel() == nullptr)
        chooseDay(m_ui->dayCombo->currentIndex());
}

void LogViewer::chooseDay(int comboIndex)
{
    showSource(comboIndex >= 0 ? m_ui->dayCombo->itemData(comboIndex).toString() : QString());
}

void LogViewer::showSource(const QString &path)
{
    const int item = m_ui->dayCombo->findData(path);
    if (item >= 0 && item != m_ui->dayCombo->currentIndex()) {
        const QSignalBlocker blocker(m_ui->dayCombo);
        m_ui->dayCombo->setCurrentIndex(item);
    }
    if (path.isEmpty()) {
        m_fileModel->close();
        m_fileModel->fileIndex().setFollowInterval(0);
        m_proxy->setSourceModel(m_liveModel);
    } else {
        m_proxy->setSourceModel(m_fileModel);
        if (!m_fileModel->open(path)) {
            m_ui->statusLabel->setText(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path),
                                                                     m_fileModel->fileIndex().errorString()));
            return;
        }
        const bool today = QFileInfo(path).fileName() == LogFileWriter::fileNameFor(QDate::currentDate());
        m_fileModel->fileIndex().setFollowInterval(today ? kFollowMs : 0);
    }
    updateStatus();
}

void LogViewer::refilter(const std::function<void()> &change)
{
    // QSortFilterProxyModel refilters every row at once; on a file of millions of lines that
    // would freeze the window. Emptying the file model first and letting it hand the rows back
    // in batches makes the proxy filter one batch per event-loop turn.
    if (m_proxy->sourceModel() == m_fileModel)
        m_fileModel->replayRows();
    change();
    updateStatus();
}

void LogViewer::applyFilters()
{
    m_filterDelay->stop();
    refilter([this] {
        m_proxy->setMinimumLevel(LogLevel(m_ui->levelCombo->currentData().toInt()));
        m_proxy->setService(m_ui->serviceEdit->text());
        m_proxy->setClientIp(m_ui->ipEdit->text());
        m_proxy->setAccount(m_ui->accountEdit->text());
        m_proxy->setText(m_ui->textEdit->text());
    });
}

void LogViewer::showSessionOfCurrentLine()
{
    const QModelIndex current = m_ui->logView->currentIndex();
    const QString session = current.isValid()
        ? m_proxy->index(current.row(), LogModel::Session).data().toString() : QString();
    if (session.isEmpty()) {
        m_ui->sessionLabel->setText(tr("Select a line that belongs to a session first."));
        return;
    }
    refilter([this, session] { m_proxy->setSession(session); });
    m_ui->sessionLabel->setText(tr("Showing only session %1, in every service.").arg(session));
    m_ui->allSessionsButton->setEnabled(true);
    updateStatus();
}

void LogViewer::showAllSessions()
{
    refilter([this] { m_proxy->setSession(QString()); });
    m_ui->sessionLabel->clear();
    m_ui->allSessionsButton->setEnabled(false);
    updateStatus();
}

QStringList LogViewer::selectedLines() const
{
    QModelIndexList rows = m_ui->logView->selectionModel()->selectedRows(LogModel::Text);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    if (rows.isEmpty()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            lines << m_proxy->index(row, LogModel::Text).data(LogModel::LineRole).toString();
        return lines;
    }
    for (const QModelIndex &index : std::as_const(rows))
        lines << index.data(LogModel::LineRole).toString();
    return lines;
}

void LogViewer::copySelection()
{
    const QStringList lines = selectedLines();
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    m_ui->sessionLabel->setText(tr("Copied %n line(s).", nullptr, int(lines.size())));
}

bool LogViewer::exportSelection(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QStringList lines = selectedLines();
    for (const QString &line : lines)
        file.write(line.toUtf8() + '\n');
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void LogViewer::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export log lines"), QDir::homePath(),
                                                      tr("Log files (*.log);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportSelection(path, &error))
        QMessageBox::warning(this, tr("Export log lines"), tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error));
}

void LogViewer::onRowsInserted()
{
    if (m_ui->followCheck->isChecked())
        m_ui->logView->scrollToBottom();
    updateStatus();
}

void LogViewer::updateStatus()
{
    const QAbstractItemModel *source = m_proxy->sourceModel();
    const int total = source ? source->rowCount() : 0;
    const bool reading = source == m_fileModel && (m_fileModel->fileIndex().isIndexing() || m_fileModel->isReplaying());
    m_ui->statusLabel->setText(reading ? tr("%1 of %2 lines (reading the file…)").arg(m_proxy->rowCount()).arg(total)
                                       : tr("%1 of %2 lines").arg(m_proxy->rowCount()).arg(total));
}
