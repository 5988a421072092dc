#pragma once

#include "enginestatus.h"

#include <QMainWindow>

#include <memory>

class AdminMode;
class DialogLauncher;
class EngineLink;
class LogModel;
class LogViewer;
class QLabel;
class StatusPanel;

namespace Ui {
class MainWindow;
}

// The admin's window on the running server: each listener's state and the live log.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(EngineLink &engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openLogViewer();

    [[nodiscard]] LogModel *logModel() const { return m_logModel; }
    [[nodiscard]] AdminMode &adminMode() const { return *m_adminMode; }
    [[nodiscard]] DialogLauncher &dialogs() const { return *m_dialogs; }

private:
    void showStatus(const EngineStatus &status);
    void showListeners(const QList<ListenerState> &listeners, bool certificateLoaded);
    void triggerAction(const QString &actionName);
    void showAttachment();
    void followNewestLogLine();
    void connectDialogActions();
    void connectAdminModeAndHelp();
    void showAdminMode(bool unlocked);

    std::unique_ptr<Ui::MainWindow> m_ui;
    EngineLink &m_engine;
    AdminMode *m_adminMode = nullptr;
    DialogLauncher *m_dialogs = nullptr;
    LogModel *m_logModel = nullptr;
    LogViewer *m_logViewer = nullptr;   // created on first use, then shown again
    QLabel *m_adminModeLabel = nullptr;
    StatusPanel *m_statusPanel = nullptr;
    QString m_attachment;   // "attached to the server process PID …" when the engine is another process
};
