#pragma once

#include <QObject>

// "Administration mode", as in ArgoSoft's Security menu: settings are shown read-only until the
// admin enters it (with the admin password when one is set). One object per window tree; the
// dialogs follow its unlockedChanged() signal.
class AdminMode : public QObject
{
    Q_OBJECT

public:
    explicit AdminMode(QObject *parent = nullptr);

    [[nodiscard]] bool isUnlocked() const { return m_unlocked; }
    void setUnlocked(bool unlocked);

Q_SIGNALS:
    void unlockedChanged(bool unlocked);

private:
    bool m_unlocked = false;
};
