#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Prepares a message for the DATA phase as it streams out (RFC 5321 §4.5.2): a '.' at the start
// of a line gets a second one, in any chunking, and the end is CRLF "." CRLF with a CRLF added
// when the message does not end with one. Bare CR and bare LF become CRLF (RFC 5321 §2.3.8), so
// the receiver and we agree on where lines start.
class DotStuffer
{
public:
    // Appends the stuffed form of `raw` to `out`.
    void stuff(QByteArrayView raw, QByteArray &out);
    // Appends what ends the data (the missing CRLF, then ".\r\n"); the stuffer starts afresh.
    void finish(QByteArray &out);

private:
    bool m_lineStart = true;   // the next byte starts a line
    bool m_pendingCR = false;  // the last byte was a CR, not yet known to be bare
};
