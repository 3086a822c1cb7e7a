#include "ReportSentence.h"

#include <cctype>
#include <stdexcept>

namespace raddraft::phantom::detail {

std::string fillTemplate(const std::string& text, const std::map<std::string, std::string>& words)
{
    std::string filled;
    std::size_t position = 0;
    while (position < text.size()) {
        const std::size_t open = text.find('{', position);
        if (open == std::string::npos) {
            filled += text.substr(position);
            break;
        }
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos)
            throw std::logic_error("phantom report template has an unclosed placeholder: " + text);
        filled += text.substr(position, open - position);
        const std::string name = text.substr(open + 1, close - open - 1);
        const auto word = words.find(name);
        if (word == words.end())
            throw std::logic_error("phantom report template uses {" + name + "}, which this finding has no word for: "
                                   + text);
        filled += word->second;
        position = close + 1;
    }
    if (!filled.empty())
        filled[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(filled[0])));
    return filled;
}

} // namespace raddraft::phantom::detail
