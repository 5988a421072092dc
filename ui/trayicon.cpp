#include "trayicon.h"

#include "enginelink.h"
#include "guipreferences.h"

#include <QCloseEvent>
#include <QIcon>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QWidget>

TrayIcon::TrayIcon(EngineLink &engine, QWidget *window, QObject *parent)
    : QObject(parent), m_engine(engine), m_window(window),
      m_preferences(std::make_unique<GuiPreferences>(engine.dataDirectory()))
{
    m_menu = new QMenu(window);
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    const auto addAction = [this](const QString &text, const char *name) {
        QAction *action = m_menu->addAction(text);
        action->setObjectName(QLatin1String(name));
        return action;
    };
    connect(addAction(tr("Open Postern"), "trayOpenAction"), &QAction::triggered, this, &TrayIcon::openWindow);
    connect(addAction(tr("Log Viewer"), "trayLogViewerAction"), &QAction::triggered, this, &TrayIcon::logViewerRequested);
    m_menu->addSeparator();
    m_startAction = addAction(tr("Start Server"), "trayStartAction");
    connect(m_startAction, &QAction::triggered, &m_engine, &EngineLink::startServer);
    m_stopAction = addAction(tr("Stop Server"), "trayStopAction");
    connect(m_stopAction, &QAction::triggered, &m_engine, &EngineLink::stopServer);
    m_menu->addSeparator();
    connect(addAction(tr("Quit"), "trayQuitAction"), &QAction::triggered, this, &TrayIcon::confirmQuit);

    m_tray = new QSystemTrayIcon(this);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            openWindow();
    });
    connect(&m_engine, &EngineLink::statusChanged, this, &TrayIcon::showStatus);
    showStatus(m_engine.status());
    if (isAvailable())
        m_tray->show();
    m_window->installEventFilter(this);
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::showStatus(const EngineStatus &status)
{
    bool failed = status.state == EngineStatus::State::Failed;
    for (const ListenerState &listener : status.listeners)
        failed = failed || listener.status == ListenerState::Status::Failed;
    m_iconName = failed ? QStringLiteral("error") : status.running() ? QStringLiteral("running") : QStringLiteral("stopped");
    m_tray->setIcon(QIcon(QStringLiteral(":/icons/tray-%1.svg").arg(m_iconName)));
    m_tray->setToolTip(toolTipFor(status));
    m_startAction->setEnabled(!status.running() && status.state != EngineStatus::State::Starting);
    m_stopAction->setEnabled(status.running());
    notifyChanges(status);
    m_last = status;
}

QString TrayIcon::toolTipFor(const EngineStatus &status) const
{
    QString state;
    switch (status.state) {
    case EngineStatus::State::Running:
        state = tr("Postern: running");
        break;
    case EngineStatus::State::Starting:
        state = tr("Postern: starting");
        break;
    case EngineStatus::State::Failed:
        state = tr("Postern: could not start");
        break;
    case EngineStatus::State::Stopped:
        state = tr("Postern: stopped");
        break;
    }
    const EngineCounts &counts = status.counts;
    return state + QLatin1Char('\n')
           + tr("Connections now: %1\nToday: %2 received, %3 relayed, %4 logins\nRefused: %5, banned: %6")
                 .arg(counts.connectionsNow)
                 .arg(counts.messagesReceived)
                 .arg(counts.messagesRelayed)
                 .arg(counts.logins)
                 .arg(counts.refusals)
                 .arg(counts.bans);
}

void TrayIcon::notifyChanges(const EngineStatus &status)
{
    if (status.state == EngineStatus::State::Failed && m_last.state != EngineStatus::State::Failed)
        notify(tr("Postern could not start"), status.error, true);

    // Each failure once, until the listener works again.
    QSet<QString> failedNow;
    for (const ListenerState &listener : status.listeners) {
        if (listener.status != ListenerState::Status::Failed)
            continue;
        const QString key = listener.service + QLatin1Char(' ') + listener.endpoint();
        failedNow.insert(key);
        if (!m_failedListeners.contains(key))
            notify(tr("A service could not start"), tr("%1 on %2: %3").arg(listener.service, listener.endpoint(), listener.error),
                   true);
    }
    m_failedListeners = failedNow;

    // A self-signed certificate is a known choice, not news; one about to expire is.
    QSet<QString> kindsNow;
    for (const EngineWarning &warning : status.warnings) {
        kindsNow.insert(warning.kind);
        if (warning.kind == QStringLiteral("certificate-expiring") && !m_warningKinds.contains(warning.kind))
            notify(tr("Certificate problem"), warning.text, false);
    }
    m_warningKinds = kindsNow;

    if (status.counts.bans > m_last.counts.bans && m_last.running() && m_preferences->notifyAutoBans())
        notify(tr("Auto-ban"), tr("%n address(es) banned by auto-ban.", nullptr, int(status.counts.bans - m_last.counts.bans)),
               false);
}

void TrayIcon::notify(const QString &title, const QString &text, bool critical)
{
    if (isAvailable())
        m_tray->showMessage(title, text, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
    Q_EMIT notified(title, text);
}

void TrayIcon::openWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::confirmQuit()
{
    auto *question = new QMessageBox(QMessageBox::Question, tr("Quit Postern"),
                                     tr("Quit Postern? The mail server stops, and mail is no longer received "
                                        "until Postern is started again."),
                                     QMessageBox::Yes | QMessageBox::Cancel, m_window);
    question->setObjectName(QStringLiteral("quitQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this](int result) {
        if (result != QMessageBox::Yes)
            return;
        m_quitting = true;
        Q_EMIT quitRequested();
    });
    question->open();
}

void TrayIcon::askOnClose()
{
    auto *question = new QMessageBox(QMessageBox::Question, tr("Close Postern"),
                                     tr("This desktop has no notification area, so Postern cannot keep running "
                                        "in the background there. Stop the server and quit, or keep it running "
                                        "with the window minimized?"),
                                     QMessageBox::Cancel, m_window);
    question->setObjectName(QStringLiteral("closeQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *quit = question->addButton(tr("Stop server and quit"), QMessageBox::DestructiveRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    QPushButton *minimize = question->addButton(tr("Keep running"), QMessageBox::AcceptRole);
    minimize->setObjectName(QStringLiteral("minimizeButton"));
    question->setDefaultButton(minimize);
    connect(question, &QMessageBox::buttonClicked, this, [this, quit, minimize](QAbstractButton *button) {
        if (button == quit) {
            m_quitting = true;
            Q_EMIT quitRequested();
        } else if (button == minimize) {
            m_window->showMinimized();
        }
    });
    question->open();
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close || m_quitting)
        return QObject::eventFilter(watched, event);
    event->ignore();
    if (!isAvailable()) {
        askOnClose();
        return true;
    }
    m_window->hide();
    if (!m_preferences->trayHintShown()) {
        m_preferences->setTrayHintShown(true);
        notify(tr("Postern keeps running"),
               tr("The mail server keeps running in the background. Use this icon to open the window or to quit."),
               false);
    }
    return true;
}
