#pragma once

#include "listenerstate.h"

#include <QMainWindow>

#include <memory>

class EngineController;
class LogHub;
class LogModel;
class LogViewer;

namespace Ui {
class MainWindow;
}

// The admin's window on the running server: each listener's state and the live log.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(EngineController &engine, LogHub &hub, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] LogModel *logModel() const { return m_logModel; }

private:
    void showListeners(const QList<ListenerState> &listeners);
    void showRunning(bool running, const QString &detail = {});
    void followNewestLogLine();
    void openLogViewer();

    std::unique_ptr<Ui::MainWindow> m_ui;
    EngineController &m_engine;
    LogHub &m_hub;
    LogModel *m_logModel = nullptr;
    LogViewer *m_logViewer = nullptr;   // created on first use, then shown again
};
