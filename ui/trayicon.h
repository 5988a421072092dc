#pragma once

#include "enginestatus.h"

#include <QObject>
#include <QSet>

#include <memory>

class EngineLink;
class GuiPreferences;
class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

// The notification-area icon: the server's state as its colour (running, stopped, error), today's
// counts as its tooltip, a menu (Open Postern, Log Viewer, Start/Stop Server, Quit) and
// notifications for what needs the admin (a service that failed, a failed start, a certificate
// about to expire, auto-bans when asked for in Options). It also decides what closing the main
// window means: hide to the tray while the server keeps running, or, where no tray exists, ask
// whether to stop the server and quit or keep running minimized.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    TrayIcon(EngineLink &engine, QWidget *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    // False where the desktop has no notification area: the window's close asks instead.
    [[nodiscard]] bool isAvailable() const;
    [[nodiscard]] QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    [[nodiscard]] QMenu *menu() const { return m_menu; }
    [[nodiscard]] QString iconName() const { return m_iconName; }

Q_SIGNALS:
    void logViewerRequested();
    // The admin confirmed Quit (tray menu) or chose to stop the server and quit on close.
    void quitRequested();
    // Each notification shown (also where the desktop drops it), for the log and the tests.
    void notified(const QString &title, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showStatus(const EngineStatus &status);
    void notifyChanges(const EngineStatus &status);
    void notify(const QString &title, const QString &text, bool critical);
    void openWindow();
    void confirmQuit();
    void askOnClose();
    [[nodiscard]] QString toolTipFor(const EngineStatus &status) const;

    EngineLink &m_engine;
    QWidget *m_window;
    std::unique_ptr<GuiPreferences> m_preferences;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QString m_iconName;
    EngineStatus m_last;
    QSet<QString> m_failedListeners;
    QSet<QString> m_warningKinds;
    bool m_quitting = false;
};
