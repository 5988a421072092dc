#include "transcript.h"

#include <algorithm>

#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QRegularExpression>

QByteArray Transcript::unescape(const QString &text, bool *ok)
{
    *ok = true;
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c != '\\') {
            out.append(c);
            continue;
        }
        if (++i >= utf8.size()) {
            *ok = false;
            return {};
        }
        switch (utf8.at(i)) {
        case 'r': out.append('\r'); break;
        case 'n': out.append('\n'); break;
        case 't': out.append('\t'); break;
        case '\\': out.append('\\'); break;
        case 'x': {
            bool hexOk = false;
            const int value = utf8.mid(i + 1, 2).toInt(&hexOk, 16);
            if (!hexOk || utf8.mid(i + 1, 2).size() != 2) {
                *ok = false;
                return {};
            }
            out.append(char(value));
            i += 2;
            break;
        }
        default:
            *ok = false;
            return {};
        }
    }
    return out;
}

bool Transcript::matches(const QString &pattern, const QString &line)
{
    if (!pattern.contains(QLatin1Char('*')))
        return pattern == line;
    QString regex = QStringLiteral("\\A");
    for (const QString &part : pattern.split(QLatin1Char('*')))
        regex += QRegularExpression::escape(part) + QStringLiteral(".*");
    regex.chop(2);
    regex += QStringLiteral("\\z");
    return QRegularExpression(regex, QRegularExpression::DotMatchesEverythingOption).match(line).hasMatch();
}

QString Transcript::checkDirective(const QString &name, const QString &value)
{
    if (name == QStringLiteral("tls"))
        return value == QStringLiteral("available") || value == QStringLiteral("active") ? QString()
                                                                                         : QStringLiteral("@tls is available or active");
    if (name == QStringLiteral("auth"))
        return value == QStringLiteral("unavailable") ? QString() : QStringLiteral("@auth is unavailable");
    if (name == QStringLiteral("service"))
        return QStringList{QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("pop3")}.contains(value)
                   ? QString()
                   : QStringLiteral("@service is smtp, submission or pop3");
    if (name == QStringLiteral("client"))
        return QHostAddress(value).isNull() ? QStringLiteral("@client needs an IP address") : QString();
    return QStringLiteral("unknown directive @%1").arg(name);
}

bool Transcript::needsTls() const
{
    if (m_directives.contains(QStringLiteral("tls")))
        return true;
    return std::any_of(m_steps.cbegin(), m_steps.cend(), [](const Step &step) { return step.startTls; });
}

bool Transcript::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open").arg(path);
        return false;
    }
    m_steps.clear();
    m_settings.clear();
    m_directives.clear();
    Step current;
    bool sawServerLine = false;
    int number = 0;
    const auto fail = [&](const QString &why) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(number).arg(why);
        return false;
    };
    for (const QByteArray &rawLine : file.readAll().split('\n')) {
        ++number;
        QString line = QString::fromUtf8(rawLine);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QStringLiteral("@set "))) {
            const QString assignment = line.mid(5).trimmed();
            const qsizetype eq = assignment.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return fail(QStringLiteral("@set needs key=value"));
            m_settings.insert(assignment.left(eq), assignment.mid(eq + 1));
            continue;
        }
        if (line.startsWith(QLatin1Char('@'))) {
            const QString name = line.mid(1).section(QLatin1Char(' '), 0, 0);
            const QString value = line.section(QLatin1Char(' '), 1).trimmed();
            const QString problem = checkDirective(name, value);
            if (!problem.isEmpty())
                return fail(problem);
            m_directives.insert(name, value);
            continue;
        }
        if (line.trimmed() == QLatin1String(kStartTlsMarker)) {
            if (current.expectClose || current.startTls)
                return fail(QStringLiteral("STARTTLS marker after X or twice"));
            current.startTls = true;
            continue;
        }
        const bool client = line.startsWith(QStringLiteral("C: ")) || line == QStringLiteral("C:");
        const bool raw = line.startsWith(QStringLiteral("R: "));
        if (client || raw) {
            if (sawServerLine || current.expectClose || current.startTls) {
                m_steps << current;
                current = Step();
                sawServerLine = false;
            }
            if (client) {
                current.clientBytes += line.mid(3).toUtf8() + "\r\n";
            } else {
                bool ok = false;
                current.clientBytes += unescape(line.mid(3), &ok);
                if (!ok)
                    return fail(QStringLiteral("bad escape in R: line"));
            }
        } else if (line.startsWith(QStringLiteral("S: ")) || line == QStringLiteral("S:")) {
            current.expectedLines << line.mid(3);
            sawServerLine = true;
        } else if (line.trimmed() == QStringLiteral("X")) {
            current.expectClose = true;
        } else {
            return fail(QStringLiteral("unknown line \"%1\"").arg(line));
        }
    }
    if (!current.clientBytes.isEmpty() || !current.expectedLines.isEmpty() || current.expectClose || current.startTls)
        m_steps << current;
    if (m_steps.isEmpty())
        return fail(QStringLiteral("empty transcript"));
    return true;
}

QByteArray Transcript::allClientBytes() const
{
    QByteArray all;
    for (const Step &step : m_steps)
        all += step.clientBytes;
    return all;
}

QList<QByteArrayView> Transcript::split(const QByteArray &bytes, Chunking chunking, QRandomGenerator &random)
{
    QList<QByteArrayView> pieces;
    qsizetype at = 0;
    while (at < bytes.size()) {
        qsizetype length = bytes.size() - at;
        if (chunking == Chunking::ByteByByte)
            length = 1;
        else if (chunking == Chunking::Random)
            length = std::min<qsizetype>(length, 1 + random.bounded(17));
        pieces << QByteArrayView(bytes).sliced(at, length);
        at += length;
    }
    return pieces;
}
