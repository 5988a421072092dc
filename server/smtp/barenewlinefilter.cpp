#include "barenewlinefilter.h"

void BareNewlineFilter::bare(char c, QByteArray &output)
{
    m_sawBare = true;
    if (m_normalize)
        output.append("\r\n", 2);
    else
        output.append(c);
}

void BareNewlineFilter::filter(QByteArrayView input, QByteArray &output)
{
    qsizetype i = 0;
    const qsizetype n = input.size();
    while (i < n) {
        if (m_pendingCR) {
            m_pendingCR = false;
            if (input[i] == '\n') {
                output.append("\r\n", 2);
                ++i;
                continue;
            }
            bare('\r', output);
        }
        // Copy the run of ordinary bytes in one go.
        qsizetype end = i;
        while (end < n && input[end] != '\r' && input[end] != '\n')
            ++end;
        output.append(input.sliced(i, end - i));
        i = end;
        if (i == n)
            break;
        if (input[i] == '\r')
            m_pendingCR = true;
        else
            bare('\n', output);
        ++i;
    }
}

void BareNewlineFilter::finish(QByteArray &output)
{
    if (std::exchange(m_pendingCR, false))
        bare('\r', output);
}
