#include "phantom/PhantomSentences.h"

#include "NormalPhrases.h"

#include <algorithm>

namespace raddraft::phantom {

const std::vector<std::string>& normalStatementSentences()
{
    static const std::vector<std::string> sentences = [] {
        std::vector<std::string> list;
        for (int i = 0; i <= static_cast<int>(detail::NormalStatement::NoAcuteImpression); ++i) {
            for (const detail::Phrasing& phrasing : detail::normalPhrasings(static_cast<detail::NormalStatement>(i))) {
                // Sentences end with "." and are separated by one space (ReportSentence.h).
                const std::string text = phrasing.text;
                std::size_t begin = 0;
                while (begin < text.size()) {
                    std::size_t end = text.find(". ", begin);
                    end = end == std::string::npos ? text.size() : end + 1;
                    list.push_back(text.substr(begin, end - begin));
                    begin = end + 1;
                }
            }
        }
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        return list;
    }();
    return sentences;
}

} // namespace raddraft::phantom
