#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

// Puts the admin GUI's language in place before the first window: Postern's own catalogue
// (embedded, :/i18n/postern_<lang>.qm) and Qt's for its standard buttons and dialogs.
class TranslationLoader
{
public:
    // The languages with a complete catalogue, as codes ("de", "ru"); English needs none.
    [[nodiscard]] static QStringList available();
    // `language`: a code from available(), "en", or empty to follow the system locale.
    // Returns the language now in use ("en" when nothing matched).
    static QString install(QCoreApplication &app, const QString &language);
};
