#include "smtpmessagereceiver.h"

#include "barenewlinefilter.h"
#include "dotstreamdecoder.h"
#include "enginecounters.h"
#include "filterlistholder.h"
#include "log.h"
#include "messagecontentcheck.h"
#include "messagestore.h"
#include "traceheaders.h"

#include <QIODevice>

SmtpMessageReceiver::SmtpMessageReceiver(const ClientInfo &client, MessageStore &store, qint64 maxMessageSize,
                                         bool normalizeBareNewlines, const FilterListHolder *filters)
    : m_client(client), m_store(store), m_maxMessageSize(maxMessageSize), m_normalizeBareNewlines(normalizeBareNewlines),
      m_filters(filters)
{
}

SmtpMessageReceiver::~SmtpMessageReceiver() = default;

void SmtpMessageReceiver::log(const QString &text) const
{
    Log::info(m_client.service, m_client.sessionId, text);
}

QString SmtpMessageReceiver::queueId() const
{
    return m_writer ? m_writer->queueId() : QString();
}

bool SmtpMessageReceiver::open(const MessageTargets &targets, const TraceHeaders &trace)
{
    discard();
    QString error;
    m_writer = m_store.begin(targets, &error);
    if (!m_writer) {
        Log::error(m_client.service, m_client.sessionId, QStringLiteral("cannot store a message: %1").arg(error));
        return false;
    }
    TraceHeaders stamped = trace;
    stamped.queueId = m_writer->queueId();
    m_writeFailed = !m_writer->write(stamped.format());
    m_contentStart = m_writer->size();
    return true;
}

void SmtpMessageReceiver::write(QByteArrayView bytes)
{
    if (bytes.isEmpty() || !m_writer)
        return;
    m_messageBytes += bytes.size();
    m_header.feed(bytes);
    if (m_maxMessageSize > 0 && m_messageBytes > m_maxMessageSize)
        m_tooBig = true;   // keep reading to the end, store nothing
    if (!m_tooBig && !m_writeFailed)
        m_writeFailed = !m_writer->write(bytes);
}

bool SmtpMessageReceiver::consumeData(QByteArray &input)
{
    if (!m_decoder) {
        m_decoder = std::make_unique<DotStreamDecoder>(m_normalizeBareNewlines ? DotStreamDecoder::BareNewlines::Normalize
                                                                                : DotStreamDecoder::BareNewlines::Keep);
    }
    QByteArray decoded;
    const qsizetype used = m_decoder->decode(input, decoded);
    input.remove(0, used);
    write(decoded);
    return m_decoder->finished();
}

void SmtpMessageReceiver::startChunks()
{
    m_chunkFilter = std::make_unique<BareNewlineFilter>(m_normalizeBareNewlines);
}

void SmtpMessageReceiver::consumeChunk(QByteArrayView bytes)
{
    m_chunkOctets += bytes.size();
    QByteArray filtered;
    m_chunkFilter->filter(bytes, filtered);
    write(filtered);
}

QByteArray SmtpMessageReceiver::finish(const QString &reversePath, const QStringList &recipients)
{
    bool bareNewlines = false;
    if (m_chunkFilter) {
        QByteArray tail;
        m_chunkFilter->finish(tail);
        write(tail);
        bareNewlines = m_chunkFilter->sawBareNewline();
    } else if (m_decoder) {
        bareNewlines = m_decoder->sawBareNewline();
    }
    bareNewlines = bareNewlines && !m_normalizeBareNewlines;
    const std::unique_ptr<MessageWriter> writer = std::move(m_writer);
    const QString queueId = writer ? writer->queueId() : QString();
    const qint64 size = m_messageBytes;
    const bool tooBig = m_tooBig;
    const bool writeFailed = m_writeFailed;
    const qint64 contentStart = m_contentStart;
    discard();

    if (bareNewlines) {
        log(QStringLiteral("message %1 refused: bare CR or LF in the data 550 5.6.11").arg(queueId));
        return "550 5.6.11 Error: bare CR or LF in message data; use CRLF line endings";
    }
    if (tooBig) {
        log(QStringLiteral("message %1 refused: larger than %2 bytes 552 5.3.4").arg(queueId).arg(m_maxMessageSize));
        return "552 5.3.4 Message size exceeds fixed limit";
    }
    if (writer && !writeFailed) {
        const QByteArray verdict = checkContent(*writer, contentStart, queueId);
        if (!verdict.isEmpty())
            return verdict;   // the writer goes out of scope uncommitted: nothing is stored
    }
    const MessageWriter::CommitResult result = writer && !writeFailed ? writer->commit() : MessageWriter::CommitResult{};
    if (!result.ok) {
        Log::error(m_client.service, m_client.sessionId,
                   QStringLiteral("message %1 not stored: %2 451 4.3.0")
                       .arg(queueId, result.error.isEmpty() ? QStringLiteral("write error") : result.error));
        return "451 4.3.0 Error: local storage failure, try again later";
    }
    log(QStringLiteral("message %1 stored: %2 bytes from <%3> to %4")
            .arg(queueId).arg(size).arg(reversePath, recipients.join(QStringLiteral(", "))));
    if (m_counters)
        m_counters->messageReceived();
    return "250 2.0.0 Ok: queued as " + queueId.toLatin1();
}

QByteArray SmtpMessageReceiver::checkContent(MessageWriter &writer, qint64 contentStart, const QString &queueId) const
{
    if (!m_filters)
        return {};
    const std::shared_ptr<const FilterListSnapshot> filters = m_filters->current();
    if (filters->isEmpty())
        return {};   // nothing to look for: the message is not read back at all
    QString error;
    const std::unique_ptr<QIODevice> message = writer.readBack(&error);
    if (!message || !message->seek(contentStart)) {
        Log::error(m_client.service, m_client.sessionId,
                   QStringLiteral("message %1 not stored: cannot read it back for the filters: %2 451 4.3.0")
                       .arg(queueId, message ? message->errorString() : error));
        return "451 4.3.0 Error: local storage failure, try again later";
    }
    const PolicyDecision decision = MessageContentCheck::check(*filters, *message);
    const QString subject = QStringLiteral("message %1").arg(queueId);
    switch (decision.action()) {
    case PolicyDecision::Action::Accept:
        return {};
    case PolicyDecision::Action::Drop:
        // Accepted and thrown away, as the admin asked: no bounce, nothing in any mailbox.
        log(decision.logLine(subject));
        if (m_counters)
            m_counters->refused();
        return "250 2.0.0 Ok: queued as " + queueId.toLatin1();
    case PolicyDecision::Action::Reject:
        log(decision.logLine(subject));
        if (m_counters)
            m_counters->refused();
        return decision.replyLine();
    case PolicyDecision::Action::Tempfail:
        Log::error(m_client.service, m_client.sessionId, decision.logLine(subject));
        return decision.replyLine();
    }
    return {};
}

void SmtpMessageReceiver::discard()
{
    m_writer.reset();
    m_decoder.reset();
    m_chunkFilter.reset();
    m_header.clear();
    m_contentStart = 0;
    m_messageBytes = 0;
    m_chunkOctets = 0;
    m_tooBig = false;
    m_writeFailed = false;
}
