#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Finds bare CR and bare LF in message bytes that arrive without dot-stuffing (BDAT chunks), and
// optionally turns them into CRLF, so BDAT follows the same smtp.bare_newlines rule as DATA and
// every stored message has CRLF line ends (POP3 sizes count them).
class BareNewlineFilter
{
public:
    explicit BareNewlineFilter(bool normalize) : m_normalize(normalize) {}

    // Appends the filtered bytes to `output`. A CR at the end is held until the next call.
    void filter(QByteArrayView input, QByteArray &output);
    // The end of the message: a CR still held is bare.
    void finish(QByteArray &output);

    [[nodiscard]] bool sawBareNewline() const { return m_sawBare; }

private:
    void bare(char c, QByteArray &output);

    bool m_normalize;
    bool m_pendingCR = false;
    bool m_sawBare = false;
};
