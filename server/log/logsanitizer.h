#pragma once

#include <QString>
#include <QStringView>

// Keeps what clients send from forging log lines or leaking credentials into the logs.
class LogSanitizer
{
public:
    // Escapes CR, LF and tab as \r \n \t, other C0/C1 controls and DEL as \xHH, and Unicode
    // line separators and bidi overrides as \uHHHH; all other (printable) Unicode is kept.
    // Backslashes are left alone, so applying it twice changes nothing.
    [[nodiscard]] static QString escapeControl(QStringView text);
    // escapeControl plus spaces turned into '_': for the single-word fields of a log line
    // (component, session) so a client-chosen value cannot shift the columns.
    [[nodiscard]] static QString escapeField(QStringView text);

    // Masks the secret part of a raw client command line (case-insensitive commands):
    //   AUTH <mech> <initial-response>  ->  AUTH <mech> ***
    //   PASS <anything>                 ->  PASS ***
    //   APOP <user> <digest>            ->  APOP <user> ***
    // Any other line, and these commands without the secret argument, come back unchanged.
    // A trailing CR/LF is preserved.
    [[nodiscard]] static QString redactProtocolLine(QStringView line);
    // What to log instead of a line the caller knows is an AUTH continuation (base64 that
    // cannot be told apart from an ordinary command without the session state).
    [[nodiscard]] static QString redacted();
};
