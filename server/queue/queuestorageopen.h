#pragma once

#include <memory>

class DatabaseUrl;
class QueueStorage;

// The queue storage for `url` (SqlQueueStorage): a new connection owned by the caller's thread.
// Throws StorageError when the database cannot be opened.
[[nodiscard]] std::unique_ptr<QueueStorage> openQueueStorage(const DatabaseUrl &url);
