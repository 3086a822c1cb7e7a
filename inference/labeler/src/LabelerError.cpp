#include "labeler/LabelerError.h"

namespace raddraft::labeler {

LabelerError::LabelerError(const std::string& message) : std::runtime_error(message) {}

} // namespace raddraft::labeler
