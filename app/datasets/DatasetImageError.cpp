#include "DatasetImageError.h"

namespace raddraft::dataset_io {

DatasetImageError::DatasetImageError(const std::string& file, const std::string& reason)
    : std::runtime_error(file + ": " + reason), m_file(file), m_reason(reason)
{
}

} // namespace raddraft::dataset_io
