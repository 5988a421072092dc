#pragma once

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

// The parsed words of a `postern` command line: global options (anywhere), command options and
// positional words. Pure: no I/O, so the grammar is unit-tested.
class CommandLine
{
public:
    // Returns a CommandLine; error() is set (naming the bad argument) when parsing failed.
    [[nodiscard]] static CommandLine parse(const QStringList &arguments);

    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QStringList words() const { return m_words; }
    [[nodiscard]] bool hasFlag(const QString &name) const { return m_flags.contains(name); }
    [[nodiscard]] bool hasOption(const QString &name) const { return m_options.contains(name); }
    [[nodiscard]] QString option(const QString &name) const { return m_options.value(name); }

    // Whether the words name an admin command (as opposed to running the server).
    [[nodiscard]] bool isAdminCommand() const { return !m_words.isEmpty(); }

    [[nodiscard]] static QString usage();

private:
    QStringList m_words;
    QSet<QString> m_flags;
    QMap<QString, QString> m_options;
    QString m_error;
};
