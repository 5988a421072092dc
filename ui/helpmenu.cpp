#include "helpmenu.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QUrl>
#include <QWidget>

namespace {
const QString kGuide = QStringLiteral("admin-guide.md");
// The project has not chosen its licence yet; one line to change when it does.
const char kLicence[] = QT_TRANSLATE_NOOP("HelpMenu", "Licence: not chosen yet (see the README).");
}

QStringList HelpMenu::adminGuideCandidates()
{
    return {
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../" POSTERN_DOC_RELATIVE_DIR "/") + kGuide),
        QStringLiteral(POSTERN_DOC_DIR "/") + kGuide,
        QStringLiteral(POSTERN_SOURCE_DOC_DIR "/") + kGuide,
    };
}

QString HelpMenu::adminGuidePath()
{
    for (const QString &candidate : adminGuideCandidates()) {
        if (QFileInfo(candidate).isFile())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

void HelpMenu::openAdminGuide(QWidget *parent)
{
    const QString path = adminGuidePath();
    if (!path.isEmpty() && QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        return;
    const QString text = path.isEmpty()
                             ? QCoreApplication::translate("HelpMenu",
                                                           "The Admin Guide is not installed on this computer. It is "
                                                           "docs/admin-guide.md in Postern's sources and %1 once "
                                                           "installed.")
                                   .arg(QStringLiteral(POSTERN_DOC_DIR "/") + kGuide)
                             : QCoreApplication::translate("HelpMenu",
                                                           "No program to show the Admin Guide was found. Open %1 "
                                                           "with any text viewer.")
                                   .arg(path);
    QMessageBox::information(parent, QCoreApplication::translate("HelpMenu", "Admin Guide"), text);
}

QString HelpMenu::aboutText()
{
    return QCoreApplication::translate("HelpMenu",
                                       "<h3>Postern %1</h3><p>A mail server for small offices: SMTP and POP3 with "
                                       "the security rules an office needs.</p><p>%2</p><p>Built with Qt %3, running "
                                       "on Qt %4.</p>")
        .arg(QStringLiteral(POSTERN_VERSION), QCoreApplication::translate("HelpMenu", kLicence),
             QStringLiteral(QT_VERSION_STR), QLatin1String(qVersion()));
}

void HelpMenu::showAbout(QWidget *parent)
{
    QMessageBox::about(parent, QCoreApplication::translate("HelpMenu", "About Postern"), aboutText());
}
