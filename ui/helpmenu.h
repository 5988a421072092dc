#pragma once

#include <QString>
#include <QStringList>

class QWidget;

// The Help menu: the Admin Guide (the installed Markdown file, opened with the desktop's viewer)
// and About.
class HelpMenu
{
public:
    HelpMenu() = delete;

    // Where the guide may be, most specific first: next to an installed binary, the configured
    // install prefix, the source tree this binary was built from.
    [[nodiscard]] static QStringList adminGuideCandidates();
    // The first candidate that exists, or empty.
    [[nodiscard]] static QString adminGuidePath();
    static void openAdminGuide(QWidget *parent);

    [[nodiscard]] static QString aboutText();
    static void showAbout(QWidget *parent);
};
