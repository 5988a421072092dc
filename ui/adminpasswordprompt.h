#pragma once

#include <QDialog>

#include <memory>

class AdminMode;
class EngineLink;

namespace Ui {
class AdminPasswordPrompt;
}

// Asks for the admin password to enter administration mode; the engine checks it
// (admin.password.check) and logs a wrong one. Stays open on a wrong password, saying so.
class AdminPasswordPrompt : public QDialog
{
    Q_OBJECT

public:
    AdminPasswordPrompt(EngineLink &engine, AdminMode &mode, QWidget *parent = nullptr);
    ~AdminPasswordPrompt() override;

    // File > Enter administration mode: unlocks at once when no admin password is set, otherwise
    // opens a prompt (a child of `parent`, deleted when closed).
    static void enter(EngineLink &engine, AdminMode &mode, QWidget *parent);

    void accept() override;

private:
    std::unique_ptr<Ui::AdminPasswordPrompt> m_ui;
    EngineLink &m_engine;
    AdminMode &m_mode;
};
