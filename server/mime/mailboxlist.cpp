#include "mailboxlist.h"

namespace {

// One mailbox being read: its text outside comments, and the angle address if one came.
struct Pending
{
    QByteArray text;
    QByteArray angle;
    bool hasAngle = false;

    void finishInto(QStringList &out)
    {
        const QByteArray address = (hasAngle ? angle : text).trimmed();
        if (!address.isEmpty())
            out << QString::fromUtf8(address);
        *this = Pending();
    }
};

}

QStringList MailboxList::addresses(QByteArrayView value)
{
    QStringList out;
    Pending current;
    qsizetype i = 0;
    const qsizetype n = value.size();
    while (i < n) {
        const char c = value[i];
        if (c == '"') {
            // A quoted string: a display name, or the local part of an addr-spec. Kept whole.
            QByteArray quoted(1, '"');
            ++i;
            while (i < n && value[i] != '"') {
                if (value[i] == '\\' && i + 1 < n)
                    quoted += value[i++];
                quoted += value[i++];
            }
            quoted += '"';
            ++i;
            current.text += quoted;
        } else if (c == '(') {
            // A comment, possibly nested: read past it; it is never part of an address.
            int depth = 0;
            while (i < n) {
                if (value[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (value[i] == '(')
                    ++depth;
                else if (value[i] == ')' && --depth == 0) {
                    ++i;
                    break;
                }
                ++i;
            }
            current.text += ' ';
        } else if (c == '<') {
            const qsizetype close = QByteArrayView(value).indexOf('>', i + 1);
            const qsizetype end = close < 0 ? n : close;
            current.angle = value.sliced(i + 1, end - i - 1).toByteArray();
            current.hasAngle = true;
            i = close < 0 ? n : close + 1;
        } else if (c == '[') {
            // A domain literal ("[IPv6:2001:db8::1]") holds colons that are no group.
            const qsizetype close = QByteArrayView(value).indexOf(']', i + 1);
            const qsizetype end = close < 0 ? n : close + 1;
            current.text += value.sliced(i, end - i).toByteArray();
            i = end;
        } else if (c == ':' && !current.hasAngle) {
            current = Pending();   // "Group name:" introduces a group; the name is no address
            ++i;
        } else if (c == ',' || c == ';') {
            current.finishInto(out);
            ++i;
        } else {
            current.text += c;
            ++i;
        }
    }
    current.finishInto(out);
    return out;
}
