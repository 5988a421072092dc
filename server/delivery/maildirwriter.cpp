#include "maildirwriter.h"
#include "systemerror.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>

#include "maildirlayout.h"

namespace {

constexpr qsizetype kBufferSize = 64 * 1024;

QString pathText(const QByteArray &path)
{
    return QFile::decodeName(path);
}

// 0 or the errno of the failing write(); retries interrupted and short writes.
int writeFully(int fd, const char *data, qsizetype length)
{
    while (length > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(length));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += written;
        length -= written;
    }
    return 0;
}

int fsyncRetrying(int fd)
{
    while (::fsync(fd) != 0) {
        if (errno != EINTR)
            return errno;
    }
    return 0;
}

// 0 or errno; a directory's fsync is what makes a rename or link into it durable.
int fsyncDirectory(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int result = fsyncRetrying(fd);
    ::close(fd);
    return result;
}

} // namespace

std::unique_ptr<MaildirWriter> MaildirWriter::create(const QString &queueId, const QStringList &mailboxPaths,
                                                     QString *error)
{
    if (mailboxPaths.isEmpty()) {
        if (error)
            *error = QStringLiteral("no mailbox to deliver to");
        return nullptr;
    }
    QList<QByteArray> mailboxes;
    mailboxes.reserve(mailboxPaths.size());
    for (const QString &path : mailboxPaths)
        mailboxes.append(QFile::encodeName(path));
    const QByteArray tmpPath = mailboxes.first() + "/tmp/" + QFile::encodeName(queueId) + ".tmp";
    const int fd = ::open(tmpPath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("cannot create %1: %2").arg(pathText(tmpPath), systemErrorText(errno));
        return nullptr;
    }
    return std::unique_ptr<MaildirWriter>(new MaildirWriter(queueId, std::move(mailboxes), tmpPath, fd));
}

MaildirWriter::MaildirWriter(QString queueId, QList<QByteArray> mailboxes, QByteArray tmpPath, int fd)
    : m_queueId(std::move(queueId))
    , m_mailboxes(std::move(mailboxes))
    , m_tmpPath(std::move(tmpPath))
    , m_fd(fd)
    , m_buffer(std::make_unique_for_overwrite<char[]>(kBufferSize))
{
    m_temporaries.append(m_tmpPath);
}

MaildirWriter::~MaildirWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_finished)
        discardCreatedFiles();
}

bool MaildirWriter::write(QByteArrayView bytes)
{
    if (m_finished || m_fd < 0 || !m_error.isEmpty())
        return false;
    const qsizetype length = bytes.size();
    if (length == 0)
        return true;
    if (m_buffered + length > kBufferSize) {
        if (!flushBuffer())
            return false;
        // Large chunks skip the copy; the buffer exists for the many small writes of a DATA stream.
        if (length >= kBufferSize) {
            if (const int error = writeFully(m_fd, bytes.data(), length)) {
                m_error = QStringLiteral("write to %1 failed: %2").arg(pathText(m_tmpPath), systemErrorText(error));
                return false;
            }
            m_size += length;
            return true;
        }
    }
    std::memcpy(m_buffer.get() + m_buffered, bytes.data(), static_cast<size_t>(length));
    m_buffered += length;
    m_size += length;
    return true;
}

bool MaildirWriter::flushBuffer()
{
    if (m_buffered == 0)
        return true;
    if (const int error = writeFully(m_fd, m_buffer.get(), m_buffered)) {
        m_error = QStringLiteral("write to %1 failed: %2").arg(pathText(m_tmpPath), systemErrorText(error));
        return false;
    }
    m_buffered = 0;
    return true;
}

std::unique_ptr<QIODevice> MaildirWriter::readBack(QString *error)
{
    const auto failed = [&](const QString &why) {
        if (error)
            *error = why;
        return std::unique_ptr<QIODevice>();
    };
    if (m_finished || m_fd < 0 || !m_error.isEmpty() || !flushBuffer())
        return failed(m_error.isEmpty() ? QStringLiteral("message %1 is closed").arg(m_queueId) : m_error);
    // A second descriptor on the same file: reading it never moves the write position.
    const int fd = ::open(m_tmpPath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return failed(QStringLiteral("cannot read %1: %2").arg(pathText(m_tmpPath), systemErrorText(errno)));
    auto file = std::make_unique<QFile>();
    if (!file->open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return failed(QStringLiteral("cannot read %1: %2").arg(pathText(m_tmpPath), file->errorString()));
    }
    return file;
}

MessageWriter::CommitResult MaildirWriter::commit()
{
    if (m_finished)
        return CommitResult{false, QStringLiteral("message %1 was already committed or abandoned").arg(m_queueId), {}};
    if (!m_error.isEmpty() || !flushBuffer())
        return fail(m_error);

    if (const int error = fsyncRetrying(m_fd))
        return fail(QStringLiteral("fsync of %1 failed: %2").arg(pathText(m_tmpPath), systemErrorText(error)));
    const int closed = ::close(m_fd);
    m_fd = -1;
    if (closed != 0 && errno != EINTR)
        return fail(QStringLiteral("close of %1 failed: %2").arg(pathText(m_tmpPath), systemErrorText(errno)));

    // Stage the message in every further mailbox's tmp/ before anything appears in a new/:
    // the steps that can realistically fail (other file system, no space for a copy, a broken
    // mailbox) then fail while nothing is visible yet. Publishing is only renames.
    const QByteArray tmpName = QFile::encodeName(m_queueId) + ".tmp";
    for (qsizetype i = 1; i < m_mailboxes.size(); ++i) {
        const QByteArray target = m_mailboxes.at(i) + "/tmp/" + tmpName;
        if (::link(m_tmpPath.constData(), target.constData()) == 0) {
            m_temporaries.append(target);
            continue;
        }
        const int error = errno;
        if (error != EXDEV && error != EMLINK && error != EPERM)
            return fail(QStringLiteral("link %1 -> %2 failed: %3").arg(pathText(m_tmpPath), pathText(target), systemErrorText(error)));
        if (const QString copyError = stageCopy(target); !copyError.isEmpty())
            return fail(copyError);
    }

    // m_temporaries[i] now belongs to m_mailboxes[i]. Rename from the back so the entries still
    // to be renamed stay at the front of m_temporaries for cleanup.
    QList<QByteArray> published(m_mailboxes.size());
    for (qsizetype i = m_mailboxes.size() - 1; i >= 0; --i) {
        const QByteArray source = m_temporaries.at(i);
        const QByteArray target = m_mailboxes.at(i) + "/new/" + QFile::encodeName(MaildirLayout::uniqueName(m_size));
        if (::rename(source.constData(), target.constData()) != 0)
            return fail(QStringLiteral("rename %1 -> %2 failed: %3").arg(pathText(source), pathText(target), systemErrorText(errno)));
        m_temporaries.removeLast();
        m_published.append(target);
        published[i] = target;
    }

    for (const QByteArray &mailbox : std::as_const(m_mailboxes)) {
        const QByteArray newDir = mailbox + "/new";
        if (const int error = fsyncDirectory(newDir))
            return fail(QStringLiteral("fsync of directory %1 failed: %2").arg(pathText(newDir), systemErrorText(error)));
    }

    m_finished = true;
    CommitResult result;
    result.ok = true;
    result.deliveredFiles.reserve(published.size());
    for (const QByteArray &path : std::as_const(published))
        result.deliveredFiles.append(pathText(path));
    return result;
}

QString MaildirWriter::stageCopy(const QByteArray &target)
{
    const int source = ::open(m_tmpPath.constData(), O_RDONLY | O_CLOEXEC);
    if (source < 0)
        return QStringLiteral("cannot open %1 to copy it: %2").arg(pathText(m_tmpPath), systemErrorText(errno));
    const int copy = ::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (copy < 0) {
        const int error = errno;
        ::close(source);
        return QStringLiteral("cannot create copy %1: %2").arg(pathText(target), systemErrorText(error));
    }
    m_temporaries.append(target);

    QString error;
    while (error.isEmpty()) {
        const ssize_t got = ::read(source, m_buffer.get(), kBufferSize);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            error = QStringLiteral("read of %1 failed: %2").arg(pathText(m_tmpPath), systemErrorText(errno));
        } else if (got == 0) {
            break;
        } else if (const int writeError = writeFully(copy, m_buffer.get(), got)) {
            error = QStringLiteral("write to copy %1 failed: %2").arg(pathText(target), systemErrorText(writeError));
        }
    }
    if (error.isEmpty()) {
        if (const int syncError = fsyncRetrying(copy))
            error = QStringLiteral("fsync of copy %1 failed: %2").arg(pathText(target), systemErrorText(syncError));
    }
    ::close(source);
    if (::close(copy) != 0 && errno != EINTR && error.isEmpty())
        error = QStringLiteral("close of copy %1 failed: %2").arg(pathText(target), systemErrorText(errno));
    return error;
}

MessageWriter::CommitResult MaildirWriter::fail(const QString &error)
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    discardCreatedFiles();
    m_finished = true;
    return CommitResult{false, error, {}};
}

void MaildirWriter::discardCreatedFiles()
{
    // Best effort: the caller answers 451 whatever happens here. Syncing the new/ directories
    // keeps a crash right after the 451 from resurrecting a copy the client will send again.
    QList<QByteArray> touchedDirectories;
    for (const QByteArray &path : std::as_const(m_published)) {
        ::unlink(path.constData());
        const QByteArray dir = path.left(path.lastIndexOf('/'));
        if (!touchedDirectories.contains(dir))
            touchedDirectories.append(dir);
    }
    for (const QByteArray &dir : std::as_const(touchedDirectories))
        fsyncDirectory(dir);
    for (const QByteArray &path : std::as_const(m_temporaries))
        ::unlink(path.constData());
    m_published.clear();
    m_temporaries.clear();
}
