#pragma once

class QueueDirectory;
class QueueStorage;

// Makes the queue's files and rows agree again after a crash, at engine start and before any
// delivery begins. A file in queue/new that no row names was never acknowledged (the crash came
// between publishing it and committing its rows; the client got no 250 and sends it again), so
// it is removed. A row whose file is gone cannot be delivered: the rows are removed and the loss
// is logged as an error with the id and recipients. queue/tmp holds only unfinished writes.
class QueueRecovery
{
public:
    struct Result
    {
        int orphanFiles = 0;    // files in new/ without rows, removed
        int lostMessages = 0;   // rows without a file, removed
        int unfinished = 0;     // files in tmp/, removed
        [[nodiscard]] bool nothingToDo() const { return orphanFiles == 0 && lostMessages == 0 && unfinished == 0; }
    };

    // Logs each step. Throws StorageError when the rows cannot be read or removed.
    [[nodiscard]] static Result run(const QueueDirectory &directory, QueueStorage &storage);
};
