#include "quotedprintable.h"

namespace {

void appendEncodedByte(QByteArray &token, unsigned char c)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    token.append('=');
    token.append(hex[c >> 4]);
    token.append(hex[c & 0x0f]);
}

// One line without its CRLF. Space and tab are literal unless they end the line, where a
// receiver may strip them (rule 3); bare CR and LF are encoded so they survive unchanged.
void encodeLine(QByteArrayView line, QByteArray &out)
{
    qsizetype column = 0;
    QByteArray token;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        const bool last = i + 1 == line.size();
        token.clear();
        if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
            token.append(static_cast<char>(c));
        else
            appendEncodedByte(token, c);
        // A token that is not the line's last must leave room for the soft break's '='.
        const qsizetype limit = last ? QuotedPrintable::kMaxLine : QuotedPrintable::kMaxLine - 1;
        if (column + token.size() > limit) {
            out.append("=\r\n");
            column = 0;
        }
        out.append(token);
        column += token.size();
    }
}

} // namespace

QByteArray QuotedPrintable::encode(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 8 + 16);
    qsizetype pos = 0;
    while (true) {
        const qsizetype end = bytes.indexOf(QByteArrayView("\r\n"), pos);
        if (end < 0) {
            encodeLine(bytes.sliced(pos), out);
            break;
        }
        encodeLine(bytes.sliced(pos, end - pos), out);
        out.append("\r\n");
        pos = end + 2;
    }
    return out;
}
