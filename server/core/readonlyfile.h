#pragma once

#include <QByteArray>
#include <QIODevice>

// A file opened for reading with plain open(2)/read(2): QFile stats the file twice on open,
// which shows in POP3 retrieval of many small messages. Unbuffered; the caller reads in blocks.
class ReadOnlyFile final : public QIODevice
{
public:
    ReadOnlyFile();
    ~ReadOnlyFile() override;

    // False with errno set when the file cannot be opened.
    [[nodiscard]] bool open(const QByteArray &encodedPath);
    void close() override;
    [[nodiscard]] bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    int m_fd = -1;
};
