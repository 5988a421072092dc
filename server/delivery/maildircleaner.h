#pragma once

#include <chrono>

#include <QString>

// Removes what interrupted deliveries left in the mailboxes' tmp/ directories. Nothing in tmp/
// was ever acknowledged, so deleting it loses no mail.
class MaildirCleaner
{
public:
    // Walks <mailRoot>/*/*/tmp/ and removes every non-directory entry whose mtime is at least
    // olderThan in the past; returns how many were removed. With the default of 0 it removes
    // everything, which is only right at start, before any delivery runs.
    static int removeStaleTmpFiles(const QString &mailRoot, std::chrono::seconds olderThan = std::chrono::seconds(0));
};
