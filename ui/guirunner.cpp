#include "guirunner.h"

#include "firstrunwizard.h"
#include "inprocessenginelink.h"
#include "mainwindow.h"
#include "signalwatcher.h"
#include "trayicon.h"

#include "guipreferences.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QTranslator>

namespace {

// Options > Language, read once: widgets do not retranslate themselves while open.
void applyLanguage(const QString &dataDirectory)
{
    const QString language = GuiPreferences(dataDirectory).language();
    if (language.isEmpty())
        return;
    const QLocale locale(language);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(qApp);
    if (ours->load(locale, QStringLiteral("postern"), QStringLiteral("_"), QStringLiteral(":/translations")))
        QCoreApplication::installTranslator(ours);
}

}

int runGui(const EngineOptions &options, LogHub &hub)
{
    InProcessEngineLink engine(options, hub);
    applyLanguage(engine.dataDirectory());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/postern.svg")));
    SignalWatcher signalWatcher;
    MainWindow window(engine);
    // With a tray, closing the window only hides it; quitting is explicit (menu, tray, signal).
    QApplication::setQuitOnLastWindowClosed(false);
    TrayIcon tray(engine, &window);
    QObject::connect(&tray, &TrayIcon::quitRequested, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    QObject::connect(&tray, &TrayIcon::logViewerRequested, &window, &MainWindow::openLogViewer);
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, qApp, &QCoreApplication::quit);
    window.show();
    engine.startServer();
    FirstRunWizard::openIfNoDomain(engine, &window);
    return QApplication::exec();
}
