#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

class AddressListSnapshot;
class RecipientDirectory;
class RelayStanding;
struct PolicySettings;

// `postern policy explain`: which rules a session with the given facts would meet, in the order
// the server applies them, and what each decides, without sending anything. The admin's answer
// to "why was this refused?". Uses the same rule functions the sessions use.
class PolicyExplainer
{
public:
    struct Facts
    {
        QHostAddress client;
        QString login;          // the authenticated login, or empty
        bool loginKnown = false;
        QString sender;         // MAIL FROM, as given; empty: <>
        QString recipient;      // RCPT TO, as given
        // What the rest of the policy holds, for the lines about it.
        int contentFilters = 0;
        int attachmentFilters = 0;
        bool autoBanEnabled = false;
        QString autoBanNever;   // the autoban.never range holding the client, or empty
        QString autoBanLimit;   // "10 failures in 10 min ban for 60 min"
    };

    PolicyExplainer(const PolicySettings &settings, const AddressListSnapshot &lists, const RecipientDirectory &directory);

    // One line per rule met, then "Result: ...". `now`: for bans and their expiry.
    [[nodiscard]] QStringList explain(const Facts &facts, const QDateTime &now) const;

private:
    [[nodiscard]] QString explainRecipient(const Facts &facts, const RelayStanding &standing, QString *result) const;

    const PolicySettings &m_settings;
    const AddressListSnapshot &m_lists;
    const RecipientDirectory &m_directory;
};
