#include "CliCommand.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <stdexcept>

namespace raddraft::cli {

void printError(const std::string& message)
{
    std::string line = message;
    std::replace(line.begin(), line.end(), '\n', ' ');
    std::cerr << "raddraft-cli: " << line << std::endl;
}

void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& parts)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::random_device random;
    const fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(random()));
    const auto discard = [&temporary] {
        std::error_code ignored;
        fs::remove(temporary, ignored);
    };
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        if (!stream)
            throw std::runtime_error(path + ": cannot create the output file (" + std::strerror(errno) + ")");
        for (const std::string_view part : parts)
            stream.write(part.data(), static_cast<std::streamsize>(part.size()));
        stream.close();
        if (!stream) {
            discard();
            throw std::runtime_error(path + ": write error");
        }
    }
    std::error_code error;
    fs::rename(temporary, target, error);
    if (error) {
        discard();
        throw std::runtime_error(path + ": cannot move the output into place (" + error.message() + ")");
    }
}

} // namespace raddraft::cli
