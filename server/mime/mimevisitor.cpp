#include "mimevisitor.h"

MimeVisitor::~MimeVisitor() = default;
