#pragma once

#include "enginestatus.h"

#include <QWidget>

#include <memory>

class QGridLayout;

namespace Ui {
class StatusPanel;
}

// The main window's summary of today: live counts and the warnings the engine raised, each
// with a "Fix…" button. The panel does not know the dialogs: it asks for the menu action
// that fixes a warning by its objectName (fixRequested), and the window triggers it.
class StatusPanel : public QWidget
{
    Q_OBJECT

public:
    explicit StatusPanel(QWidget *parent = nullptr);
    ~StatusPanel() override;

    void showStatus(const EngineStatus &status);

    // The objectName of the menu action that fixes a warning of this kind ("optionsAction").
    [[nodiscard]] static QString fixActionFor(const QString &kind);

Q_SIGNALS:
    void fixRequested(const QString &actionName);

private:
    void showWarnings(const QList<EngineWarning> &warnings);

    std::unique_ptr<Ui::StatusPanel> m_ui;
    QList<EngineWarning> m_shownWarnings;
};
