#include "dotstreamdecoder.h"

DotStreamDecoder::DotStreamDecoder(BareNewlines mode)
    : m_mode(mode)
{
}

void DotStreamDecoder::emitBareCR(QByteArray &output)
{
    m_bareNewline = true;
    output.append(m_mode == BareNewlines::Normalize ? QByteArrayView("\r\n") : QByteArrayView("\r"));
}

void DotStreamDecoder::emitBareLF(QByteArray &output)
{
    m_bareNewline = true;
    output.append(m_mode == BareNewlines::Normalize ? QByteArrayView("\r\n") : QByteArrayView("\n"));
}

qsizetype DotStreamDecoder::decode(QByteArrayView input, QByteArray &output)
{
    qsizetype i = 0;
    const qsizetype n = input.size();
    while (i < n && m_state != State::Finished) {
        const char c = input[i];
        switch (m_state) {
        case State::LineStart:
            if (c == '.') {
                m_state = State::Dot;
                ++i;
                continue;
            }
            m_state = State::Middle;
            continue;   // the same byte, as ordinary line content
        case State::Middle: {
            // Fast path: copy the run of ordinary bytes up to the next CR or LF in one go.
            qsizetype end = i;
            while (end < n && input[end] != '\r' && input[end] != '\n')
                ++end;
            output.append(input.sliced(i, end - i));
            i = end;
            if (i == n)
                break;
            if (input[i] == '\r') {
                m_state = State::AfterCR;
            } else {
                emitBareLF(output);   // a bare LF never starts a line: no terminator can follow it
            }
            ++i;
            break;
        }
        case State::AfterCR:
            if (c == '\n') {
                output.append("\r\n", 2);
                m_state = State::LineStart;
                ++i;
            } else {
                emitBareCR(output);
                m_state = State::Middle;   // re-read c as line content (another CR stays pending)
            }
            break;
        case State::Dot:
            if (c == '\r') {
                m_state = State::DotCR;
                ++i;
            } else {
                m_state = State::Middle;   // the leading dot was stuffing: drop it, keep the line
            }
            break;
        case State::DotCR:
            if (c == '\n') {
                m_state = State::Finished;
                ++i;
            } else {
                // "." then a bare CR: the dot was stuffing, the CR is content.
                emitBareCR(output);
                m_state = State::Middle;
            }
            break;
        case State::Finished:
            break;
        }
    }
    return i;
}
