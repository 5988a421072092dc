#include "adminmode.h"

AdminMode::AdminMode(QObject *parent) : QObject(parent) {}

void AdminMode::setUnlocked(bool unlocked)
{
    if (unlocked == m_unlocked)
        return;
    m_unlocked = unlocked;
    Q_EMIT unlockedChanged(unlocked);
}
