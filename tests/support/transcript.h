#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// A conversation read from a transcript file (see tests/transcripts/README.md): groups of client
// bytes, each followed by the server lines expected in answer.
class QRandomGenerator;

class Transcript
{
public:
    // How a replay cuts the client's bytes: one piece, single bytes, or random pieces of 1-17.
    enum class Chunking { Whole, ByteByByte, Random };
    [[nodiscard]] static QList<QByteArrayView> split(const QByteArray &bytes, Chunking chunking, QRandomGenerator &random);

    struct Step
    {
        QByteArray clientBytes;     // what the client sends in one go (may be empty: the greeting)
        QStringList expectedLines;  // server lines, '*' as wildcard
        bool expectClose = false;   // the server closes after these lines
        bool startTls = false;      // [*** STARTTLS ***]: the TLS handshake follows these lines
    };

    // The marker line after a step whose last reply lets the client start TLS.
    static constexpr const char *kStartTlsMarker = "[*** STARTTLS ***]";

    // False with *error (file:line: what) on a malformed file.
    [[nodiscard]] bool load(const QString &path, QString *error);

    [[nodiscard]] const QList<Step> &steps() const { return m_steps; }
    [[nodiscard]] const QMap<QString, QString> &settings() const { return m_settings; }
    // The per-file setup lines other than @set (see tests/transcripts/README.md): "tls",
    // "client", "service", "auth", each mapped to its value; absent when the file has none.
    [[nodiscard]] QString directive(const QString &name) const { return m_directives.value(name); }
    // Whether the conversation needs TLS: a STARTTLS marker, or an @tls line.
    [[nodiscard]] bool needsTls() const;
    [[nodiscard]] QByteArray allClientBytes() const;

    [[nodiscard]] static bool matches(const QString &pattern, const QString &line);
    [[nodiscard]] static QByteArray unescape(const QString &text, bool *ok);

private:
    [[nodiscard]] static QString checkDirective(const QString &name, const QString &value);

    QList<Step> m_steps;
    QMap<QString, QString> m_settings;
    QMap<QString, QString> m_directives;
};
