#pragma once

#include "enginestatus.h"

#include <QMainWindow>

#include <memory>

class EngineLink;
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
    explicit MainWindow(EngineLink &engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] LogModel *logModel() const { return m_logModel; }

private:
    void showStatus(const EngineStatus &status);
    void showListeners(const QList<ListenerState> &listeners);
    void followNewestLogLine();
    void openLogViewer();

    std::unique_ptr<Ui::MainWindow> m_ui;
    EngineLink &m_engine;
    LogModel *m_logModel = nullptr;
    LogViewer *m_logViewer = nullptr;   // created on first use, then shown again
};
