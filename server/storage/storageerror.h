#pragma once

#include <QString>

#include <stdexcept>

// What went wrong in storage, in terms callers can act on (CLI exit codes, GUI messages).
class StorageError : public std::runtime_error
{
public:
    enum class Kind {
        NotFound,     // the named domain, account or alias does not exist
        Duplicate,    // it exists already
        Invalid,      // the request breaks a rule of the data (e.g. alias over an account)
        Unavailable,  // the database cannot be reached or answered with an error
        TooNew,       // the database schema is newer than this program
    };

    StorageError(Kind kind, const QString &message)
        : std::runtime_error(message.toStdString()), m_kind(kind), m_message(message) {}

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString message() const { return m_message; }

private:
    Kind m_kind;
    QString m_message;
};
