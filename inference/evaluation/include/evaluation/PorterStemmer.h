#pragma once
// The Porter (1980) suffix-stripping stemmer, written from M. F. Porter, "An algorithm for suffix
// stripping", Program 14(3). Used by METEOR's stem matching.

#include <string>

namespace raddraft::evaluation {

/// Stem of one lower-case ASCII word ("effusions" → "effus", "opacities" → "opac"). Words of
/// one or two letters, and words containing anything but a–z, are returned unchanged.
std::string porterStem(const std::string& word);

} // namespace raddraft::evaluation
