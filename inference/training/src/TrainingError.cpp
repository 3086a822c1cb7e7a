#include "training/TrainingError.h"

namespace raddraft::training {

TrainingError::TrainingError(const std::string& message) : std::runtime_error(message) {}

} // namespace raddraft::training
