#include "CliCommand.h"

#include <algorithm>
#include <iostream>

namespace raddraft::cli {

void printError(const std::string& message)
{
    std::string line = message;
    std::replace(line.begin(), line.end(), '\n', ' ');
    std::cerr << "raddraft-cli: " << line << std::endl;
}

} // namespace raddraft::cli
