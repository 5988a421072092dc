#include "queuestorageopen.h"

#include "sqlqueuestorage.h"

std::unique_ptr<QueueStorage> openQueueStorage(const DatabaseUrl &url)
{
    return std::make_unique<SqlQueueStorage>(url);
}
