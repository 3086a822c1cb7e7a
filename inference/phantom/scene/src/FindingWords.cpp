#include "FindingWords.h"

#include <cmath>

namespace raddraft::phantom::detail {

namespace {

bool hasSizeScale(FindingKind kind)
{
    return kind == FindingKind::PleuralEffusion || kind == FindingKind::Pneumothorax;
}

/// Kinds whose severity the report states (the others draw Severity::None).
bool hasSeverity(FindingKind kind)
{
    switch (kind) {
    case FindingKind::Cardiomegaly:
    case FindingKind::PleuralEffusion:
    case FindingKind::Pneumothorax:
    case FindingKind::PulmonaryEdema:
    case FindingKind::Emphysema:
    case FindingKind::Scoliosis:
        return true;
    default:
        return false;
    }
}

/// Kinds whose zone is part of their location (the others' zone is implied or means something
/// else: a device's tip, an effusion's base).
bool zoneIsLocation(FindingKind kind)
{
    switch (kind) {
    case FindingKind::Consolidation:
    case FindingKind::Pneumonia:
    case FindingKind::Atelectasis:
    case FindingKind::Nodule:
    case FindingKind::Mass:
    case FindingKind::CalcifiedGranuloma:
    case FindingKind::RibFracture:
    case FindingKind::PleuralThickening:
        return true;
    default:
        return false;
    }
}

std::string severityAdjective(const FindingInstance& finding)
{
    const bool size = hasSizeScale(finding.kind);
    switch (finding.severity) {
    case Severity::Mild:
        return size ? "small" : "mild";
    case Severity::Moderate:
        return "moderate";
    case Severity::Severe:
        return size ? "large" : finding.kind == FindingKind::Cardiomegaly ? "marked" : "severe";
    case Severity::None:
        break;
    }
    return "";
}

std::string severityAdverb(const FindingInstance& finding)
{
    switch (finding.severity) {
    case Severity::Mild:
        return "mildly";
    case Severity::Moderate:
        return "moderately";
    case Severity::Severe:
        return finding.kind == FindingKind::Cardiomegaly ? "markedly" : "severely";
    case Severity::None:
        break;
    }
    return "";
}

std::string lobeAdjective(Side side, Zone zone)
{
    const std::string sideWord = side == Side::Bilateral ? "bilateral" : sideKey(side);
    switch (zone) {
    case Zone::Upper:
        return sideWord + " upper lobe";
    case Zone::Middle:
        return side == Side::Right ? "right middle lobe" : sideWord + " midlung";
    case Zone::Lower:
    case Zone::None:
        break;
    }
    return sideWord + " lower lobe";
}

std::string theLobe(Side side, Zone zone)
{
    if (side != Side::Bilateral)
        return "the " + lobeAdjective(side, zone);
    switch (zone) {
    case Zone::Upper:
        return "both upper lobes";
    case Zone::Middle:
        return "both midlung zones";
    case Zone::Lower:
    case Zone::None:
        break;
    }
    return "both lower lobes";
}

std::string theArea(Side side, Zone zone)
{
    if (side == Side::Bilateral) {
        switch (zone) {
        case Zone::Upper:
            return "both upper lung zones";
        case Zone::Middle:
            return "both midlung zones";
        case Zone::Lower:
        case Zone::None:
            break;
        }
        return "both lung bases";
    }
    const std::string sideWord = sideKey(side);
    switch (zone) {
    case Zone::Upper:
        return "the " + sideWord + " upper lung zone";
    case Zone::Middle:
        return "the " + sideWord + " midlung zone";
    case Zone::Lower:
    case Zone::None:
        break;
    }
    return "the " + sideWord + " lung base";
}

std::string ribLevel(Zone zone)
{
    switch (zone) {
    case Zone::Upper:
        return "upper";
    case Zone::Middle:
        return "mid";
    case Zone::Lower:
    case Zone::None:
        break;
    }
    return "lower";
}

std::string centralLineTip(Zone zone)
{
    switch (zone) {
    case Zone::Middle:
        return "the cavoatrial junction";
    case Zone::Lower:
        return "the right atrium";
    case Zone::Upper:
    case Zone::None:
        break;
    }
    return "the superior vena cava";
}

std::string millimetres(double value)
{
    return std::to_string(static_cast<long>(std::lround(value))) + " mm";
}

std::string centimetres(double millimetresValue)
{
    return std::to_string(static_cast<long>(std::lround(millimetresValue / 10.0))) + " cm";
}

/// "a 12 mm", "an 8 mm", "an 11 mm": the article as the number is spoken.
std::string withArticle(const std::string& measure)
{
    const bool vowelSound = measure.rfind('8', 0) == 0 || measure.rfind("11 ", 0) == 0 || measure.rfind("18 ", 0) == 0;
    return (vowelSound ? "an " : "a ") + measure;
}

} // namespace

std::map<std::string, std::string> findingWords(const FindingInstance& finding)
{
    std::map<std::string, std::string> words;
    if (finding.side != Side::None)
        words["side"] = sideKey(finding.side);
    if (hasSeverity(finding.kind)) {
        words["sev"] = severityAdjective(finding);
        words["sevly"] = severityAdverb(finding);
    }
    if (finding.side != Side::None && finding.zone != Zone::None) {
        words["lobe"] = lobeAdjective(finding.side, finding.zone);
        words["theLobe"] = theLobe(finding.side, finding.zone);
        words["theArea"] = theArea(finding.side, finding.zone);
    }
    if (finding.kind == FindingKind::RibFracture)
        words["ribs"] = ribLevel(finding.zone);
    if (finding.sizeMm > 0.0) {
        words["size"] = millimetres(finding.sizeMm);
        words["sizeCm"] = centimetres(finding.sizeMm);
        words["aSize"] = withArticle(words["size"]);
        words["aSizeCm"] = withArticle(words["sizeCm"]);
    }
    if (finding.kind == FindingKind::EndotrachealTube)
        words["cm"] = centimetres(finding.tipAboveCarinaMm);
    if (finding.kind == FindingKind::CentralLine)
        words["tip"] = centralLineTip(finding.zone);
    if (finding.kind == FindingKind::PleuralThickening)
        words["place"] = finding.zone == Zone::Upper ? "apical" : "lateral";
    return words;
}

unsigned findingFit(const FindingInstance& finding)
{
    unsigned fit = finding.side == Side::Bilateral ? kFitsBilateral : kFitsUnilateral;
    switch (finding.severity) {
    case Severity::Moderate:
        return fit | kFitsModerate;
    case Severity::Severe:
        return fit | kFitsSevere;
    case Severity::Mild:
    case Severity::None:
        break;
    }
    return fit | kFitsMild;
}

std::string findingLocation(const FindingInstance& finding)
{
    std::string location = sideKey(finding.side);
    if (zoneIsLocation(finding.kind) && finding.zone != Zone::None)
        location += (location.empty() ? "" : " ") + std::string(zoneKey(finding.zone));
    return location;
}

std::string findingSeverity(const FindingInstance& finding)
{
    if (finding.kind == FindingKind::Nodule)
        return finding.sizeMm < 10.0 ? "small" : "moderate";
    if (finding.kind == FindingKind::Mass)
        return "large";
    if (!hasSeverity(finding.kind))
        return "";
    if (hasSizeScale(finding.kind))
        return severityAdjective(finding);
    return severityKey(finding.severity);
}

} // namespace raddraft::phantom::detail
