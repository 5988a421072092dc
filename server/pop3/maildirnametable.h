#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// The file names of one listed Maildir, kept small because a logged-in POP3 session holds them
// for its whole life: a name in the shape Postern delivers
// (<sec>.M<usec>P<pid>Q<seq>R<8 hex>.<host>,S=<n>,W=<n>[<info>]) is stored as its numbers in a
// 32-byte record, with the host and the info suffix (":2,S" ...) kept once per table; any other
// name is kept as it is. Every name comes back byte for byte as it was added.
class MaildirNameTable
{
public:
    MaildirNameTable();
    ~MaildirNameTable();

    // Appends a name found in new/ (inCur false) or cur/; returns its index.
    int append(QByteArrayView name, bool inCur);
    // Replaces entry index's name and folder (after a rename or after another client moved it).
    void replace(int index, QByteArrayView name, bool inCur);
    // Keeps only the entries at the given indexes, in that order.
    void reorder(const QList<int> &order);
    // Releases spare capacity once the table is complete.
    void squeeze();

    [[nodiscard]] int count() const { return int(m_records.size()); }
    [[nodiscard]] QByteArray name(int index) const;
    // The name before ':' (Maildir's unique part), which POP3 derives the uid from.
    [[nodiscard]] QByteArray baseName(int index) const;
    [[nodiscard]] bool inCur(int index) const;
    // Delivery time from the name's leading "<sec>.M<usec>", for ordering; false when the name
    // does not start with a number.
    [[nodiscard]] bool deliveryTime(int index, qint64 *seconds, qint64 *microseconds) const;
    // Bytes of memory the table holds, for tests of the compact form.
    [[nodiscard]] qsizetype memoryBytes() const;

private:
    // Packed: the numbers of the name. Raw: offset and length into m_rawNames.
    struct Record
    {
        quint32 seconds = 0;
        quint32 microseconds = 0;
        quint32 pid = 0;          // raw: offset
        quint32 sequence = 0;     // raw: length
        quint32 random = 0;
        quint32 size = 0;         // ,S=
        quint32 wireSize = 0;     // ,W=
        quint16 host = 0;
        quint8 suffix = 0;
        quint8 bits = 0;          // kInCur, kRaw
    };
    [[nodiscard]] Record encode(QByteArrayView name, bool inCur);
    [[nodiscard]] bool encodePacked(QByteArrayView name, Record &record);
    [[nodiscard]] quint16 intern(QList<QByteArray> &table, QByteArrayView text);
    void render(const Record &record, QByteArray &out) const;

    QList<Record> m_records;
    QByteArray m_rawNames;         // names in no known shape, back to back
    QList<QByteArray> m_hosts;     // host parts of packed names
    QList<QByteArray> m_suffixes;  // what follows the ,W= number ("" or ":2,<flags>")
};
