#include "maildirnametable.h"

#include <limits>

namespace {

constexpr quint8 kInCur = 1;
constexpr quint8 kRaw = 2;
// Beyond this many distinct hosts or suffixes in one mailbox, names are kept raw.
constexpr qsizetype kMaxInterned = 250;

// Reads an unsigned decimal number of at most 10 digits that fits 32 bits, no leading zero
// (a name with one would not render back the same, so it is left raw anyway).
bool readNumber(QByteArrayView text, qsizetype &at, quint32 &value)
{
    const qsizetype start = at;
    quint64 result = 0;
    while (at < text.size() && at - start < 10 && text.at(at) >= '0' && text.at(at) <= '9')
        result = result * 10 + quint64(text.at(at++) - '0');
    if (at == start || result > std::numeric_limits<quint32>::max())
        return false;
    value = quint32(result);
    return true;
}

bool expect(QByteArrayView text, qsizetype &at, QByteArrayView literal)
{
    if (text.sliced(at).startsWith(literal)) {
        at += literal.size();
        return true;
    }
    return false;
}

bool readHex8(QByteArrayView text, qsizetype &at, quint32 &value)
{
    if (text.size() - at < 8)
        return false;
    bool ok = false;
    value = text.sliced(at, 8).toByteArray().toUInt(&ok, 16);
    at += 8;
    return ok;
}

void appendHex8(QByteArray &out, quint32 value)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    for (int shift = 28; shift >= 0; shift -= 4)
        out += kDigits[(value >> shift) & 0xf];
}

}

MaildirNameTable::MaildirNameTable() = default;
MaildirNameTable::~MaildirNameTable() = default;

int MaildirNameTable::append(QByteArrayView name, bool inCur)
{
    m_records.append(encode(name, inCur));
    return int(m_records.size() - 1);
}

void MaildirNameTable::replace(int index, QByteArrayView name, bool inCur)
{
    // A replaced raw name leaves its old bytes behind; renames are one per RETR at most.
    m_records[index] = encode(name, inCur);
}

void MaildirNameTable::reorder(const QList<int> &order)
{
    QList<Record> records;
    records.reserve(order.size());
    for (const int index : order)
        records.append(m_records.at(index));
    m_records = std::move(records);
}

void MaildirNameTable::squeeze()
{
    m_records.squeeze();
    m_rawNames.squeeze();
}

MaildirNameTable::Record MaildirNameTable::encode(QByteArrayView name, bool inCur)
{
    Record record;
    if (!encodePacked(name, record)) {
        record = Record();
        record.bits = kRaw;
        record.pid = quint32(m_rawNames.size());
        record.sequence = quint32(name.size());
        m_rawNames.append(name);
    }
    if (inCur)
        record.bits |= kInCur;
    return record;
}

bool MaildirNameTable::encodePacked(QByteArrayView name, Record &record)
{
    qsizetype at = 0;
    if (!readNumber(name, at, record.seconds) || !expect(name, at, ".M") || !readNumber(name, at, record.microseconds)
        || !expect(name, at, "P") || !readNumber(name, at, record.pid) || !expect(name, at, "Q")
        || !readNumber(name, at, record.sequence) || !expect(name, at, "R") || !readHex8(name, at, record.random)
        || !expect(name, at, ".")) {
        return false;
    }
    const qsizetype hostEnd = name.indexOf(",S=", at);
    if (hostEnd <= at)
        return false;
    const QByteArrayView host = name.sliced(at, hostEnd - at);
    at = hostEnd + 3;
    if (!readNumber(name, at, record.size) || !expect(name, at, ",W=") || !readNumber(name, at, record.wireSize))
        return false;
    const QByteArrayView suffix = name.sliced(at);
    if (host.contains(':') || host.contains('/') || (!suffix.isEmpty() && !suffix.startsWith(':')))
        return false;
    if (m_hosts.size() >= kMaxInterned || m_suffixes.size() >= kMaxInterned)
        return false;
    record.host = intern(m_hosts, host);
    record.suffix = quint8(intern(m_suffixes, suffix));
    // Only a name that comes back identical may be stored in pieces (leading zeros, upper-case
    // hex and the like do not).
    QByteArray rendered;
    render(record, rendered);
    return rendered == name;
}

quint16 MaildirNameTable::intern(QList<QByteArray> &table, QByteArrayView text)
{
    for (qsizetype i = 0; i < table.size(); ++i) {
        if (table.at(i) == text)
            return quint16(i);
    }
    table.append(text.toByteArray());
    return quint16(table.size() - 1);
}

void MaildirNameTable::render(const Record &record, QByteArray &out) const
{
    if (record.bits & kRaw) {
        out.append(QByteArrayView(m_rawNames).sliced(record.pid, record.sequence));
        return;
    }
    out.reserve(96);
    out += QByteArray::number(record.seconds);
    out += ".M";
    out += QByteArray::number(record.microseconds);
    out += 'P';
    out += QByteArray::number(record.pid);
    out += 'Q';
    out += QByteArray::number(record.sequence);
    out += 'R';
    appendHex8(out, record.random);
    out += '.';
    out += m_hosts.at(record.host);
    out += ",S=";
    out += QByteArray::number(record.size);
    out += ",W=";
    out += QByteArray::number(record.wireSize);
    out += m_suffixes.at(record.suffix);
}

QByteArray MaildirNameTable::name(int index) const
{
    QByteArray out;
    render(m_records.at(index), out);
    return out;
}

QByteArray MaildirNameTable::baseName(int index) const
{
    QByteArray out = name(index);
    const qsizetype colon = out.indexOf(':');
    if (colon >= 0)
        out.truncate(colon);
    return out;
}

bool MaildirNameTable::inCur(int index) const
{
    return (m_records.at(index).bits & kInCur) != 0;
}

bool MaildirNameTable::deliveryTime(int index, qint64 *seconds, qint64 *microseconds) const
{
    const Record &record = m_records.at(index);
    if (!(record.bits & kRaw)) {
        *seconds = record.seconds;
        *microseconds = record.microseconds;
        return true;
    }
    const QByteArrayView name = QByteArrayView(m_rawNames).sliced(record.pid, record.sequence);
    qsizetype i = 0;
    qint64 value = 0;
    while (i < name.size() && i < 18 && name.at(i) >= '0' && name.at(i) <= '9')
        value = value * 10 + (name.at(i++) - '0');
    if (i == 0)
        return false;
    *seconds = value;
    *microseconds = 0;
    if (i + 1 < name.size() && name.at(i) == '.' && name.at(i + 1) == 'M') {
        qint64 micro = 0;
        qsizetype j = i + 2;
        while (j < name.size() && j - i < 12 && name.at(j) >= '0' && name.at(j) <= '9')
            micro = micro * 10 + (name.at(j++) - '0');
        *microseconds = micro;
    }
    return true;
}

qsizetype MaildirNameTable::memoryBytes() const
{
    qsizetype bytes = m_records.capacity() * qsizetype(sizeof(Record)) + m_rawNames.capacity();
    for (const QByteArray &host : m_hosts)
        bytes += host.capacity();
    for (const QByteArray &suffix : m_suffixes)
        bytes += suffix.capacity();
    return bytes;
}
