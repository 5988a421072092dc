#pragma once

#include <QString>
#include <QStringView>

// Reduces HTML to the text a reader sees, for content filters: tags and comments removed,
// script and style content dropped, character references decoded. Inline tags vanish without a
// trace ("fr<b>ee</b>" reads "free"); block tags become a space.
class HtmlText
{
public:
    [[nodiscard]] static QString toPlainText(QStringView html);
    // One character reference without its '&' and ';' ("amp", "#233", "#xE9"); null if unknown.
    [[nodiscard]] static QString decodeEntity(QStringView name);
};
