#include "readonlyfile.h"
#include "systemerror.h"

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

ReadOnlyFile::ReadOnlyFile() = default;

ReadOnlyFile::~ReadOnlyFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool ReadOnlyFile::open(const QByteArray &encodedPath)
{
    if (m_fd >= 0)
        close();
    int fd;
    do {
        fd = ::open(encodedPath.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return false;
    m_fd = fd;
    return QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void ReadOnlyFile::close()
{
    QIODevice::close();
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

qint64 ReadOnlyFile::readData(char *data, qint64 maxSize)
{
    ssize_t count;
    do {
        count = ::read(m_fd, data, size_t(maxSize));
    } while (count < 0 && errno == EINTR);
    if (count < 0) {
        setErrorString(systemErrorText(errno));
        return -1;
    }
    return count;
}

qint64 ReadOnlyFile::writeData(const char *, qint64)
{
    return -1;
}
