#pragma once

#include <QString>

class LogHub;

// Process-wide entry points so engine code can log without passing a hub around. Dialogs do
// not use these; they read the hub through the engine interface.
namespace Log {

// Pass nullptr to uninstall. The hub must outlive every thread that may still be logging;
// LogHub's destructor uninstalls itself as a last line of defence.
void install(LogHub *hub);
[[nodiscard]] LogHub *hub();

// Without a hub, warning and error go to stderr and debug and info are dropped.
void debug(const QString &component, const QString &session, const QString &text);
void info(const QString &component, const QString &session, const QString &text);
void warning(const QString &component, const QString &session, const QString &text);
void error(const QString &component, const QString &session, const QString &text);

}
