#pragma once
// METEOR with METEOR 1.5's English parameters, restricted to the exact and Porter-stem matching
// modules. The synonym (WordNet) and paraphrase modules of the Java reference are NOT available
// here, so scores are a lower bound of METEOR 1.5's (fewer matches, never more); the golden
// vectors hold no METEOR values, so the difference cannot be measured on them (docs/MODELS.md).

#include "evaluation/TextCorpus.h"

namespace raddraft::evaluation {

/// METEOR 1.5 English parameters and module weights.
struct MeteorOptions {
    double alpha = 0.85;      ///< weight of precision vs recall in Fmean = PR/(αP + (1−α)R)
    double beta = 0.20;       ///< exponent of the fragmentation penalty γ·frag^β
    double gamma = 0.60;      ///< maximum fragmentation penalty
    double delta = 0.75;      ///< weight of content words vs function words
    double exactWeight = 1.0; ///< weight of exact matches
    double stemWeight = 0.6;  ///< weight of Porter-stem matches
};

/// Sufficient statistics of one hypothesis/reference alignment (summed for the corpus score, as
/// the METEOR jar aggregates its segment statistics).
struct MeteorStatistics {
    double hypothesisContent = 0, hypothesisFunction = 0; ///< token counts
    double referenceContent = 0, referenceFunction = 0;
    double weightedHypothesisContent = 0, weightedHypothesisFunction = 0; ///< Σ module weight of matched tokens
    double weightedReferenceContent = 0, weightedReferenceFunction = 0;
    double hypothesisMatches = 0, referenceMatches = 0; ///< matched tokens, unweighted
    double chunks = 0;                                   ///< runs contiguous in both texts
};

/// Aligns one hypothesis with one reference (whitespace tokens): exact matches first, then
/// Porter-stem matches among the unmatched tokens; within a stage each hypothesis token, left to
/// right, takes the unmatched reference token that continues the previous match's chunk if there
/// is one, else the leftmost (a greedy stand-in for the jar's beam search over alignments).
MeteorStatistics alignForMeteor(const std::string& hypothesis, const std::string& reference,
                                const MeteorOptions& options = {});

/// Score of statistics: Fmean·(1 − γ·frag^β), frag = chunks / mean matched tokens (0 for a
/// single chunk covering both texts entirely), 0 when precision or recall is 0.
double meteorScore(const MeteorStatistics& statistics, const MeteorOptions& options = {});

/// Per sample: the best score over the references. Corpus: the score of the summed statistics of
/// each sample's best reference. Throws std::invalid_argument on an invalid corpus.
MetricScore computeMeteor(const TextCorpus& corpus, const MeteorOptions& options = {});

/// True for the English function words this implementation counts with weight 1 − δ (our own
/// list of articles, prepositions, pronouns, auxiliaries and conjunctions, plus ".").
bool isFunctionWord(const std::string& token);

} // namespace raddraft::evaluation
