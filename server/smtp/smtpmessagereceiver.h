#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>

#include "clientinfo.h"
#include "headerblockcapture.h"

class EngineCounters;
class BareNewlineFilter;
class DotStreamDecoder;
class FilterListHolder;
class MessageStore;
class MessageWriter;
struct MessageTargets;
struct TraceHeaders;

// The content of one message on its way into the MessageStore: the trace headers, then DATA's
// dot-stuffed stream (RFC 5321 §4.1.1.4) or BDAT's chunks (RFC 3030), with the size limit and
// the bare-newline rule, until finish() commits it (only then may the session say 250) or
// refuses it. Nothing partial ever reaches a mailbox: an unfinished message is thrown away.
// Before committing, the message is read back from the store and checked against the Filters and
// Attachment Filters (MessageContentCheck), whatever the size limit, for every sender.
class SmtpMessageReceiver
{
public:
    // filters: the lists in force, read at each finish(); null scans nothing.
    SmtpMessageReceiver(const ClientInfo &client, MessageStore &store, qint64 maxMessageSize, bool normalizeBareNewlines,
                        const FilterListHolder *filters = nullptr);
    ~SmtpMessageReceiver();

    // Today's counts (messages stored, filter refusals); null: not counted.
    void setCounters(EngineCounters *counters) { m_counters = counters; }

    // Starts a message for these mailboxes and remote recipients with its trace headers; false
    // (logged) when the store cannot even start one.
    [[nodiscard]] bool open(const MessageTargets &targets, const TraceHeaders &trace);
    [[nodiscard]] bool isOpen() const { return bool(m_writer); }
    [[nodiscard]] QString queueId() const;

    // DATA: the bytes after 354. Takes what belongs to the message from the front of `input`;
    // true once the end-of-data line has been read (the rest of `input` is the next command).
    bool consumeData(QByteArray &input);

    // BDAT: the chunks, as the client counts them.
    [[nodiscard]] bool usesChunks() const { return bool(m_chunkFilter); }
    void startChunks();
    void consumeChunk(QByteArrayView bytes);
    [[nodiscard]] qint64 chunkOctets() const { return m_chunkOctets; }

    // The message's own header block so far (not the trace headers), for end-of-data rules.
    [[nodiscard]] const QByteArray &headerBlock() const { return m_header.block(); }

    // More than the size limit arrived: the rest is still read, nothing is stored.
    [[nodiscard]] bool tooBig() const { return m_tooBig; }
    // The end of the message (DATA's terminator or BDAT LAST): commits it unless it is refused,
    // logs the outcome and returns the reply. The receiver is empty again afterwards.
    [[nodiscard]] QByteArray finish(const QString &reversePath, const QStringList &recipients);
    // Throws the message away (RSET, a refused chunk, the client leaving).
    void discard();

private:
    void write(QByteArrayView bytes);
    void log(const QString &text) const;
    // The content rules' verdict on the written message; empty to go on and commit it.
    [[nodiscard]] QByteArray checkContent(MessageWriter &writer, qint64 contentStart, const QString &queueId) const;

    ClientInfo m_client;
    MessageStore &m_store;
    const qint64 m_maxMessageSize;
    const bool m_normalizeBareNewlines;
    const FilterListHolder *m_filters;
    EngineCounters *m_counters = nullptr;

    std::unique_ptr<MessageWriter> m_writer;
    std::unique_ptr<DotStreamDecoder> m_decoder;
    std::unique_ptr<BareNewlineFilter> m_chunkFilter;
    HeaderBlockCapture m_header;
    qint64 m_contentStart = 0;   // where the client's bytes begin, after our trace headers
    qint64 m_messageBytes = 0;
    qint64 m_chunkOctets = 0;
    bool m_tooBig = false;
    bool m_writeFailed = false;
};
