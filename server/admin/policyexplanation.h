#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QString>
#include <QStringList>

class Storage;

// `policy explain` against what is stored: the settings, the banned and trusted lists, the
// accounts and aliases and the SMTP-only logins, as a server would load them now.
class PolicyExplanation
{
public:
    struct Request
    {
        QHostAddress client;
        QString login;       // --auth, or empty
        QString sender;      // --from; empty: <>
        QString recipient;   // --to
    };

    // mailDirectory: where the mailboxes are, for the quota check of a local recipient.
    [[nodiscard]] static QStringList explain(Storage &storage, const QString &mailDirectory, const Request &request,
                                             const QDateTime &now = QDateTime::currentDateTimeUtc());
};
