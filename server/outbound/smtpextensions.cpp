#include "smtpextensions.h"

SmtpExtensions SmtpExtensions::parse(const QList<QByteArray> &texts)
{
    SmtpExtensions extensions;
    for (qsizetype i = 1; i < texts.size(); ++i) {
        const QList<QByteArray> words = texts[i].simplified().split(' ');
        QByteArray keyword = words.first().toUpper();
        QList<QByteArray> arguments = words.mid(1);
        // "AUTH=LOGIN PLAIN", sent by old servers for old clients, names mechanisms too.
        if (keyword.startsWith("AUTH=")) {
            arguments.prepend(keyword.mid(5));
            keyword = "AUTH";
        }
        if (keyword.isEmpty())
            continue;
        const QString name = QString::fromLatin1(keyword);
        if (!extensions.m_keywords.contains(name))
            extensions.m_keywords.append(name);
        if (keyword == "SIZE" && !arguments.isEmpty()) {
            bool ok = false;
            const qint64 limit = arguments.first().toLongLong(&ok);
            if (ok && limit > 0)
                extensions.m_sizeLimit = limit;
        } else if (keyword == "AUTH") {
            for (const QByteArray &mechanism : std::as_const(arguments)) {
                const QString upper = QString::fromLatin1(mechanism.toUpper());
                if (!upper.isEmpty() && !extensions.m_authMechanisms.contains(upper))
                    extensions.m_authMechanisms.append(upper);
            }
        }
    }
    return extensions;
}
