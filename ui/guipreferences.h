#pragma once

#include <QString>

// The GUI's own preferences (not engine settings): the language override and the tray's
// notifications, kept in DATA_DIR/gui.ini so each data directory (and each test) has its own.
class GuiPreferences
{
public:
    explicit GuiPreferences(QString dataDirectory);

    // "" (the system's language), "en", "de" or "ru"; read once at start.
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);
    [[nodiscard]] bool notifyAutoBans() const;
    void setNotifyAutoBans(bool notify);
    // Whether the admin has been told once that closing the window keeps the server running.
    [[nodiscard]] bool trayHintShown() const;
    void setTrayHintShown(bool shown);

    [[nodiscard]] QString fileName() const { return m_fileName; }

private:
    QString m_fileName;
};
