#pragma once
// The sentences CVSE retrieves and groups (Ni et al. 2020, "Learning Visual-Semantic Embeddings
// for Reporting Abnormal Findings on Chest X-rays"), as the R2Gen family sees a report: the
// cleaned report split at "." into word lists, each with a readable form for the draft pane and a
// lookup key. Standard C++ only (no torch): the trainer, the model and the evaluation tool share
// these definitions so that a sentence read from report text and the same sentence read back from
// token ids are the same sentence.

#include "inference/Text.h"

#include <cstdint>
#include <string>
#include <vector>

namespace raddraft::inference {

/// What a draft says when no abnormal finding is retrieved (CVSE), and the report of a study
/// without abnormal sentences when a baseline trains on the abnormal findings only.
constexpr const char* kNoAbnormalFindingSentence = "No acute cardiopulmonary abnormality.";

struct FindingSentence {
    std::vector<std::string> words; ///< cleaned tokens, the terminating "." left out
    std::string text;               ///< readable: detokenizeSentence of the words ("Small left pleural effusion.")
};

/// The sentences of a report: cleaned with `style`, split at ".", empty sentences dropped, in
/// report order (a sentence that occurs twice is returned twice).
std::vector<FindingSentence> reportSentences(const std::string& report, CleaningStyle style);

/// The sentences of decoded token ids (EOS excluded): what a model's output or a teacher-forcing
/// target says, split at ".". Ids outside the vocabulary throw InferenceError(InvalidArgument).
std::vector<FindingSentence> tokenSentences(const std::vector<std::int64_t>& ids, const Vocabulary& vocabulary);

/// The lookup key of a sentence: its words mapped through the vocabulary (unknown words become
/// "<unk>") and joined by single spaces, so that a sentence read from text and the same sentence
/// read from token ids have the same key.
std::string sentenceKey(const std::vector<std::string>& words, const Vocabulary& vocabulary);

/// Token ids of the words (unknown → "<unk>"), without "." and without BOS/EOS.
std::vector<std::int64_t> sentenceTokenIds(const std::vector<std::string>& words, const Vocabulary& vocabulary);

} // namespace raddraft::inference
