#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

// The first-run wizard's last page in words: what the server's settings already protect, and
// what is left for the admin to decide. Built from the engine's config.list, never from what
// the defaults are believed to be.
class FirstRunSummary
{
    Q_DECLARE_TR_FUNCTIONS(FirstRunSummary)

public:
    FirstRunSummary() = delete;

    // `settings`: key → value as config.list gives them. `certificateFile`: the wizard's choice
    // when it replaces tls.cert_file, else empty. The counts are the filter lists' lengths.
    [[nodiscard]] static QString describe(const QHash<QString, QString> &settings, const QString &certificateFile,
                                          qsizetype filters, qsizetype attachmentFilters);
};
