#include "guipreferences.h"

#include <QSettings>

namespace {
const QString kLanguage = QStringLiteral("gui/language");
const QString kNotifyAutoBans = QStringLiteral("tray/notify_auto_bans");
const QString kTrayHintShown = QStringLiteral("tray/hint_shown");
}

GuiPreferences::GuiPreferences(QString dataDirectory)
    : m_fileName(dataDirectory + QStringLiteral("/gui.ini"))
{
}

QString GuiPreferences::language() const
{
    return QSettings(m_fileName, QSettings::IniFormat).value(kLanguage).toString();
}

void GuiPreferences::setLanguage(const QString &language)
{
    QSettings(m_fileName, QSettings::IniFormat).setValue(kLanguage, language);
}

bool GuiPreferences::notifyAutoBans() const
{
    return QSettings(m_fileName, QSettings::IniFormat).value(kNotifyAutoBans, false).toBool();
}

void GuiPreferences::setNotifyAutoBans(bool notify)
{
    QSettings(m_fileName, QSettings::IniFormat).setValue(kNotifyAutoBans, notify);
}

bool GuiPreferences::trayHintShown() const
{
    return QSettings(m_fileName, QSettings::IniFormat).value(kTrayHintShown, false).toBool();
}

void GuiPreferences::setTrayHintShown(bool shown)
{
    QSettings(m_fileName, QSettings::IniFormat).setValue(kTrayHintShown, shown);
}
