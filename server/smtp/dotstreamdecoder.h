#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Decodes the DATA phase as it streams in: removes dot-stuffing, finds the end of data and
// notices bare CR or LF. Only <CRLF>.<CRLF> ends the data; <LF>.<LF>, <LF>.<CRLF>, <CR>.<CR> and
// <CRLF>.<LF> are message content (SMTP smuggling, CVE-2023-51764/51765/51766). The CRLF that
// ended the DATA command counts as the first line break, so ".\r\n" at once is an empty message.
class DotStreamDecoder
{
public:
    enum class BareNewlines { Keep, Normalize };

    explicit DotStreamDecoder(BareNewlines mode = BareNewlines::Keep);

    // Decodes as much of `input` as belongs to the message, appending message bytes to `output`.
    // Returns how many bytes of `input` were consumed; fewer than input.size() only when the end
    // of data was reached (the rest is the next command).
    qsizetype decode(QByteArrayView input, QByteArray &output);

    [[nodiscard]] bool finished() const { return m_state == State::Finished; }
    [[nodiscard]] bool sawBareNewline() const { return m_bareNewline; }

private:
    enum class State { LineStart, Middle, AfterCR, Dot, DotCR, Finished };

    void emitBareCR(QByteArray &output);
    void emitBareLF(QByteArray &output);

    BareNewlines m_mode;
    State m_state = State::LineStart;
    bool m_bareNewline = false;
};
