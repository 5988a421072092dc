#pragma once

#include "listenerstate.h"

#include <QMainWindow>

#include <memory>

class EngineController;
class LogHub;
class LogModel;

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

    std::unique_ptr<Ui::MainWindow> m_ui;
    EngineController &m_engine;
    LogModel *m_logModel = nullptr;
};
