#include "evaluation/PorterStemmer.h"

#include <algorithm>

namespace raddraft::evaluation {

namespace {

// The algorithm's terms: a consonant is a letter other than a, e, i, o, u, and other than y
// preceded by a consonant; m is the number of VC sequences in [C](VC)^m[V].
class Stemmer {
public:
    explicit Stemmer(std::string word) : word_(std::move(word)) {}

    std::string run()
    {
        step1a();
        step1b();
        step1c();
        step2();
        step3();
        step4();
        step5();
        return word_;
    }

private:
    bool isConsonant(std::size_t i) const
    {
        switch (word_[i]) {
        case 'a': case 'e': case 'i': case 'o': case 'u':
            return false;
        case 'y':
            return i == 0 ? true : !isConsonant(i - 1);
        default:
            return true;
        }
    }

    /// m of word_[0, length).
    int measure(std::size_t length) const
    {
        int count = 0;
        std::size_t i = 0;
        while (i < length && isConsonant(i))
            ++i;
        while (i < length) {
            while (i < length && !isConsonant(i))
                ++i;
            if (i >= length)
                break;
            while (i < length && isConsonant(i))
                ++i;
            ++count;
        }
        return count;
    }

    bool containsVowel(std::size_t length) const
    {
        for (std::size_t i = 0; i < length; ++i)
            if (!isConsonant(i))
                return true;
        return false;
    }

    bool endsWith(const std::string& suffix) const
    {
        return word_.size() >= suffix.size() && word_.compare(word_.size() - suffix.size(), suffix.size(), suffix) == 0;
    }

    /// *d: ends with a double consonant.
    bool endsWithDoubleConsonant(std::size_t length) const
    {
        return length >= 2 && word_[length - 1] == word_[length - 2] && isConsonant(length - 1);
    }

    /// *o: stem ends cvc, where the second c is not w, x or y.
    bool endsCvc(std::size_t length) const
    {
        if (length < 3 || !isConsonant(length - 1) || isConsonant(length - 2) || !isConsonant(length - 3))
            return false;
        const char last = word_[length - 1];
        return last != 'w' && last != 'x' && last != 'y';
    }

    /// If the word ends with suffix and the stem before it has m > minimumMeasure, replace it.
    /// Returns true when the suffix matched (whether or not it was replaced).
    bool replaceIfMeasure(const std::string& suffix, const std::string& replacement, int minimumMeasure)
    {
        if (!endsWith(suffix))
            return false;
        const std::size_t stemLength = word_.size() - suffix.size();
        if (measure(stemLength) > minimumMeasure)
            word_ = word_.substr(0, stemLength) + replacement;
        return true;
    }

    void step1a()
    {
        if (endsWith("sses"))
            word_.resize(word_.size() - 2);
        else if (endsWith("ies"))
            word_.resize(word_.size() - 2);
        else if (endsWith("ss"))
            return;
        else if (endsWith("s"))
            word_.resize(word_.size() - 1);
    }

    void step1b()
    {
        if (endsWith("eed")) {
            if (measure(word_.size() - 3) > 0)
                word_.resize(word_.size() - 1);
            return;
        }
        std::size_t suffixLength = 0;
        if (endsWith("ed"))
            suffixLength = 2;
        else if (endsWith("ing"))
            suffixLength = 3;
        if (suffixLength == 0 || !containsVowel(word_.size() - suffixLength))
            return;
        word_.resize(word_.size() - suffixLength);
        if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
            word_ += 'e';
        } else if (endsWithDoubleConsonant(word_.size())) {
            const char last = word_.back();
            if (last != 'l' && last != 's' && last != 'z')
                word_.pop_back();
        } else if (measure(word_.size()) == 1 && endsCvc(word_.size())) {
            word_ += 'e';
        }
    }

    void step1c()
    {
        if (endsWith("y") && containsVowel(word_.size() - 1))
            word_.back() = 'i';
    }

    void step2()
    {
        static const std::pair<const char*, const char*> rules[] = {
            {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
            {"abli", "able"},   {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
            {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
            {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
        };
        for (const auto& [suffix, replacement] : rules)
            if (replaceIfMeasure(suffix, replacement, 0))
                return;
    }

    void step3()
    {
        static const std::pair<const char*, const char*> rules[] = {
            {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
        };
        for (const auto& [suffix, replacement] : rules)
            if (replaceIfMeasure(suffix, replacement, 0))
                return;
    }

    void step4()
    {
        static const char* const suffixes[] = {"al",  "ance", "ence", "er",  "ic",  "able", "ible", "ant",
                                               "ement", "ment", "ent", "ion", "ou",  "ism",  "ate",  "iti",
                                               "ous", "ive",  "ize"};
        // Longest match first among suffixes sharing an ending (ement/ment/ent).
        for (const char* suffix : suffixes) {
            const std::string text(suffix);
            if (!endsWith(text))
                continue;
            const std::size_t stemLength = word_.size() - text.size();
            if (text == "ion" && !(stemLength > 0 && (word_[stemLength - 1] == 's' || word_[stemLength - 1] == 't')))
                return;
            if (measure(stemLength) > 1)
                word_.resize(stemLength);
            return;
        }
    }

    void step5()
    {
        if (endsWith("e")) {
            const std::size_t stemLength = word_.size() - 1;
            const int m = measure(stemLength);
            if (m > 1 || (m == 1 && !endsCvc(stemLength)))
                word_.resize(stemLength);
        }
        if (measure(word_.size()) > 1 && endsWithDoubleConsonant(word_.size()) && word_.back() == 'l')
            word_.pop_back();
    }

    std::string word_;
};

} // namespace

std::string porterStem(const std::string& word)
{
    if (word.size() <= 2 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return word;
    return Stemmer(word).run();
}

} // namespace raddraft::evaluation
