#pragma once

#include "filterlistsnapshot.h"
#include "snapshotholder.h"

// The Filters and Attachment Filters in force: the engine replaces the snapshot when the admin
// changes a list, and each message scan keeps the snapshot it started with. Thread-safe.
class FilterListHolder final : public SnapshotHolder<FilterListSnapshot>
{
};
