#pragma once

#include <QString>

// Where queued message files live: DATA_DIR/queue, shaped like a Maildir (tmp/, new/, cur/) so
// MaildirWriter writes a message once, publishes it into queue/new and hard-links it into the
// local mailboxes of the same message. The database row names the file (QueuedMessage::fileName).
class QueueDirectory
{
public:
    explicit QueueDirectory(QString path);

    [[nodiscard]] QString path() const { return m_path; }
    // <path>/new/<fileName>
    [[nodiscard]] QString filePath(const QString &fileName) const;
    // Creates tmp/ new/ cur/ (mode 0700) and fsyncs what it created. False with *error.
    [[nodiscard]] bool ensureExists(QString *error) const;
    // Removes a queued file (after its rows are gone); false when it was not there.
    bool removeFile(const QString &fileName) const;

private:
    QString m_path;
};
