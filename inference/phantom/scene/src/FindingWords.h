#pragma once
// The words a report uses for one finding's laterality, zone, severity and size: the values of
// the {placeholders} in FindingPhrases.cpp. Every side is written as the word "left", "right" or
// "bilateral"/"both" so that a horizontal flip can swap it in the text.

#include "ReportSentence.h"
#include "phantom/PhantomSpec.h"

#include <map>
#include <string>

namespace raddraft::phantom::detail {

/// Placeholders (only those meaningful for the finding's kind are set):
///   {side}    "left", "right", "bilateral"
///   {sev}     severity adjective: "small"/"moderate"/"large" (effusion, pneumothorax),
///             "mild"/"moderate"/"marked" (cardiomegaly), "mild"/"moderate"/"severe" (others)
///   {sevly}   adverb: "mildly", "moderately", "markedly"/"severely"
///   {lobe}    adjective: "right lower lobe", "left midlung", "bilateral lower lobe"
///   {theLobe} "the right lower lobe", "both lower lobes"
///   {theArea} "the right lung base", "the left upper lung zone", "both lung bases"
///   {ribs}    "upper", "mid", "lower"
///   {size}    "12 mm";  {sizeCm} "4 cm" (mass); {aSize}, {aSizeCm} with the article: "an 8 mm"
///   {cm}      endotracheal tube tip above the carina, "4 cm"
///   {tip}     central line tip: "the superior vena cava", "the cavoatrial junction", "the right atrium"
///   {place}   pleural thickening: "apical" (Zone::Upper) or "lateral"
std::map<std::string, std::string> findingWords(const FindingInstance& finding);

/// The PhrasingFit bits this finding satisfies (its severity and laterality).
unsigned findingFit(const FindingInstance& finding);

/// The context label's location: "left", "right lower", "bilateral", "" (kinds without side).
std::string findingLocation(const FindingInstance& finding);
/// The context label's severity (ContextLabel::severity in PhantomReport.h).
std::string findingSeverity(const FindingInstance& finding);

} // namespace raddraft::phantom::detail
