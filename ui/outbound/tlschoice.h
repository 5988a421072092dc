#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QComboBox;

// The TLS policies of outbound connections as the settings and route.add name them (none,
// opportunistic, required, verify), for the combo boxes of the Outbound Delivery and Route
// dialogs and the routes table.
class TlsChoice
{
    Q_DECLARE_TR_FUNCTIONS(TlsChoice)

public:
    TlsChoice() = delete;

    // Gives the combo's items, in the order of the .ui, the stored names as item data.
    static void attach(QComboBox *combo, bool withNone);
    // "required" → "Required", for the routes table.
    [[nodiscard]] static QString label(const QString &policy);
};
