#include "datasets/DatasetError.h"

namespace raddraft::datasets {

DatasetError::DatasetError(const std::string& file, const std::string& reason)
    : std::runtime_error(file + ": " + reason), file_(file), reason_(reason) {}

} // namespace raddraft::datasets
