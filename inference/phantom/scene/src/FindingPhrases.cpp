#include "FindingPhrases.h"

// The phrase tables. Each phrasing lists every mention the labeler finds in it, with the status
// the labeler gives it; wording rules that keep that exact (checked by PhantomReportTest):
//  - hedge words come before the finding ("Cannot exclude a small nodule in ..."): after the
//    finding the labeler looks only six words ahead and stops at "in", "of", "and", "with";
//  - no "opacity", "density", "lesion", "line(s)", "tube", "obscured", "absent" or "degenerative"
//    outside the findings they name (each is a mention or a negation of its own);
//  - sides are the words "left"/"right"; no "lingula", "dextro"/"levo", decimals or hyphenated
//    sides, so a horizontal flip can swap sides in the text and R2Gen's cleaning keeps the words.

namespace raddraft::phantom::detail {

namespace {

using O = labeler::Observation;

struct KindPhrasings {
    std::vector<Phrasing> findings;
    std::vector<Phrasing> findingsHedged;
    std::vector<Phrasing> impression;
    std::vector<Phrasing> impressionHedged;
};

constexpr unsigned kUni = kFitsAnySeverity | kFitsUnilateral;
constexpr unsigned kBi = kFitsAnySeverity | kFitsBilateral;
constexpr unsigned kSmallUni = kFitsMild | kFitsUnilateral;
constexpr unsigned kSmallBi = kFitsMild | kFitsBilateral;

KindPhrasings cardiomegaly()
{
    const std::vector<Mention> cm = {positive(O::Cardiomegaly)};
    return {
        {{"The heart is {sevly} enlarged.", cm},
         {"{sev} cardiomegaly.", cm},
         {"There is {sev} cardiomegaly.", cm},
         {"The cardiac silhouette is {sevly} enlarged.", cm},
         {"{sev} enlargement of the cardiac silhouette.", cm},
         {"Heart size is {sevly} enlarged.", cm},
         {"{sev} cardiac enlargement.", cm}},
        {},
        {{"{sev} cardiomegaly.", cm},
         {"Cardiomegaly.", cm},
         {"Enlarged heart.", cm},
         {"{sev} enlargement of the cardiac silhouette.", cm},
         {"Cardiac enlargement.", cm}},
        {},
    };
}

KindPhrasings pleuralEffusion()
{
    const std::vector<Mention> pe = {positive(O::PleuralEffusion)};
    const std::vector<Mention> peHedged = {uncertain(O::PleuralEffusion)};
    return {
        {{"There is a {sev} {side} pleural effusion.", pe, kUni},
         {"{sev} {side} pleural effusion.", pe, kUni},
         {"{sev} pleural effusion on the {side}.", pe, kUni},
         {"A {sev} {side} pleural effusion is present.", pe, kUni},
         {"A {sev} pleural effusion is seen on the {side}.", pe, kUni},
         {"The {side} costophrenic angle is blunted by a {sev} effusion.", pe, kUni},
         {"Blunting of the {side} costophrenic angle consistent with a small effusion.", pe, kSmallUni},
         {"There are {sev} bilateral pleural effusions.", pe, kBi},
         {"{sev} bilateral pleural effusions.", pe, kBi},
         {"Bilateral {sev} pleural effusions are present.", pe, kBi},
         {"{sev} pleural effusions are seen bilaterally.", pe, kBi},
         {"There are {sev} pleural effusions on both sides.", pe, kBi},
         {"Blunting of both costophrenic angles consistent with small bilateral effusions.", pe, kSmallBi}},
        {{"Possible small {side} pleural effusion.", peHedged, kSmallUni},
         {"Minimal blunting of the {side} costophrenic angle may represent a small effusion.", peHedged, kSmallUni},
         {"Cannot exclude a small {side} pleural effusion.", peHedged, kSmallUni},
         {"Likely small {side} pleural effusion.", peHedged, kSmallUni},
         {"Small {side} pleural effusion is suspected.", peHedged, kSmallUni},
         {"Subtle blunting of the {side} costophrenic angle, possibly a small effusion.", peHedged, kSmallUni},
         {"Possible small bilateral pleural effusions.", peHedged, kSmallBi},
         {"Minimal blunting of both costophrenic angles may represent small effusions.", peHedged, kSmallBi},
         {"Cannot exclude small bilateral pleural effusions.", peHedged, kSmallBi},
         {"Likely small bilateral pleural effusions.", peHedged, kSmallBi},
         {"Small bilateral pleural effusions are suspected.", peHedged, kSmallBi},
         {"Questionable small bilateral pleural effusions.", peHedged, kSmallBi}},
        {{"{sev} {side} pleural effusion.", pe, kUni},
         {"{side} pleural effusion.", pe, kUni},
         {"{sev} {side} effusion.", pe, kUni},
         {"{sev} pleural effusion on the {side}.", pe, kUni},
         {"{sev} bilateral pleural effusions.", pe, kBi},
         {"Bilateral pleural effusions.", pe, kBi},
         {"Bilateral {sev} effusions.", pe, kBi}},
        {{"Possible small {side} pleural effusion.", peHedged, kSmallUni},
         {"Questionable small {side} effusion.", peHedged, kSmallUni},
         {"Probable small {side} pleural effusion.", peHedged, kSmallUni},
         {"Possible small bilateral pleural effusions.", peHedged, kSmallBi},
         {"Probable small bilateral effusions.", peHedged, kSmallBi},
         {"Cannot exclude small bilateral pleural effusions.", peHedged, kSmallBi}},
    };
}

KindPhrasings pneumothorax()
{
    const std::vector<Mention> ptx = {positive(O::Pneumothorax)};
    const std::vector<Mention> ptxHedged = {uncertain(O::Pneumothorax)};
    return {
        {{"There is a {sev} {side} apical pneumothorax.", ptx},
         {"{sev} {side} pneumothorax.", ptx},
         {"A {sev} {side} pneumothorax is present.", ptx},
         {"{sev} {side} pneumothorax with a visible visceral pleural line.", ptx},
         {"{sev} pneumothorax is noted on the {side}.", ptx},
         {"There is a {sev} pneumothorax on the {side}.", ptx}},
        {{"Possible small {side} apical pneumothorax.", ptxHedged},
         {"Cannot exclude a small {side} pneumothorax.", ptxHedged},
         {"Questionable small {side} apical pneumothorax.", ptxHedged},
         {"A subtle {side} apical pleural line may represent a small pneumothorax.", ptxHedged},
         {"Small {side} apical pneumothorax is suspected.", ptxHedged},
         {"Probable small {side} apical pneumothorax.", ptxHedged}},
        {{"{sev} {side} pneumothorax.", ptx},
         {"{side} pneumothorax.", ptx},
         {"{sev} {side} apical pneumothorax.", ptx},
         {"{sev} pneumothorax on the {side}.", ptx}},
        {{"Possible small {side} pneumothorax.", ptxHedged},
         {"Cannot exclude a small {side} pneumothorax.", ptxHedged},
         {"Questionable small {side} apical pneumothorax.", ptxHedged}},
    };
}

KindPhrasings consolidation()
{
    const std::vector<Mention> cons = {positive(O::Consolidation)};
    const std::vector<Mention> consAirspace = {positive(O::Consolidation), positive(O::AirspaceDisease)};
    const std::vector<Mention> consHedged = {uncertain(O::Consolidation)};
    return {
        {{"There is consolidation in {theLobe}.", cons},
         {"Focal consolidation in {theLobe}.", cons, kUni},
         {"Airspace consolidation in {theLobe}.", consAirspace},
         {"{lobe} consolidation is present.", cons},
         {"Patchy consolidation is seen in {theArea}.", cons},
         {"There is airspace consolidation in {theArea}.", consAirspace}},
        {{"Possible consolidation in {theLobe}.", consHedged},
         {"Cannot exclude consolidation in {theLobe}.", consHedged},
         {"Subtle {lobe} consolidation is suspected.", consHedged},
         {"Questionable consolidation in {theArea}.", consHedged},
         {"Probable early consolidation in {theLobe}.", consHedged},
         {"Likely consolidation in {theLobe}.", consHedged}},
        {{"{lobe} consolidation.", cons},
         {"Consolidation in {theLobe}.", cons},
         {"{lobe} airspace consolidation.", consAirspace},
         {"Focal {lobe} consolidation.", cons, kUni}},
        {{"Possible {lobe} consolidation.", consHedged},
         {"Questionable consolidation in {theLobe}.", consHedged},
         {"Cannot exclude consolidation in {theLobe}.", consHedged}},
    };
}

KindPhrasings pneumonia()
{
    const std::vector<Mention> pna = {positive(O::Pneumonia)};
    const std::vector<Mention> consPna = {positive(O::Consolidation), positive(O::Pneumonia)};
    const std::vector<Mention> airspacePna = {positive(O::Consolidation), positive(O::AirspaceDisease),
                                              positive(O::Pneumonia)};
    const std::vector<Mention> pnaHedged = {uncertain(O::Pneumonia)};
    const std::vector<Mention> consPnaHedged = {uncertain(O::Consolidation), uncertain(O::Pneumonia)};
    return {
        {{"{lobe} consolidation consistent with pneumonia.", consPna},
         {"There is consolidation in {theLobe} compatible with pneumonia.", consPna},
         {"{lobe} pneumonia.", pna},
         {"Airspace consolidation in {theLobe} consistent with pneumonia.", airspacePna},
         {"Focal {lobe} pneumonia is present.", pna, kUni},
         {"Dense consolidation of {theLobe} representing pneumonia.", consPna}},
        {{"Possible {lobe} pneumonia.", pnaHedged},
         {"Subtle {lobe} consolidation may represent early pneumonia.", consPnaHedged},
         {"Cannot exclude early pneumonia in {theLobe}.", pnaHedged},
         {"Findings are suspicious for pneumonia in {theLobe}.", pnaHedged},
         {"Patchy {lobe} consolidation, possibly pneumonia.", consPnaHedged},
         {"{lobe} pneumonia is possible.", pnaHedged}},
        {{"{lobe} pneumonia.", pna},
         {"Pneumonia in {theLobe}.", pna},
         {"Findings consistent with {lobe} pneumonia.", pna},
         {"{lobe} consolidation consistent with pneumonia.", consPna}},
        {{"Possible {lobe} pneumonia.", pnaHedged},
         {"Cannot exclude pneumonia in {theLobe}.", pnaHedged},
         {"Findings suspicious for early {lobe} pneumonia.", pnaHedged}},
    };
}

KindPhrasings atelectasis()
{
    const std::vector<Mention> atx = {positive(O::Atelectasis)};
    const std::vector<Mention> atxHedged = {uncertain(O::Atelectasis)};
    return {
        {{"Plate-like atelectasis in {theArea}.", atx},
         {"There is atelectasis in {theArea}.", atx},
         {"Linear atelectasis at {theArea}.", atx},
         {"Subsegmental atelectasis in {theArea}.", atx},
         {"Discoid atelectasis is noted in {theArea}.", atx},
         {"Mild atelectasis is present in {theArea}.", atx}},
        {{"Possible atelectasis in {theArea}.", atxHedged},
         {"Likely subsegmental atelectasis in {theArea}.", atxHedged},
         {"Probable atelectasis in {theArea}.", atxHedged},
         {"Cannot exclude atelectasis in {theArea}.", atxHedged},
         {"Findings may represent atelectasis in {theArea}.", atxHedged},
         {"Questionable atelectasis in {theArea}.", atxHedged}},
        {{"Atelectasis in {theArea}.", atx},
         {"Plate-like atelectasis in {theArea}.", atx},
         {"Subsegmental atelectasis.", atx},
         {"Mild atelectasis in {theArea}.", atx}},
        {{"Possible atelectasis in {theArea}.", atxHedged},
         {"Probable atelectasis in {theArea}.", atxHedged},
         {"Likely subsegmental atelectasis.", atxHedged}},
    };
}

KindPhrasings pulmonaryEdema()
{
    const std::vector<Mention> ed = {positive(O::Edema)};
    const std::vector<Mention> edHedged = {uncertain(O::Edema)};
    return {
        {{"{sev} pulmonary edema.", ed},
         {"There is {sev} interstitial pulmonary edema.", ed},
         {"Findings consistent with {sev} pulmonary edema.", ed},
         {"{sev} pulmonary edema with Kerley B lines.", ed},
         {"Pulmonary vascular congestion with {sev} interstitial edema.", ed},
         {"{sev} perihilar pulmonary edema.", ed}},
        {{"Possible mild pulmonary edema.", edHedged, kFitsMild | kFitsBilateral},
         {"Mild pulmonary vascular congestion cannot be excluded.", edHedged, kFitsMild | kFitsBilateral},
         {"Findings may represent mild interstitial edema.", edHedged, kFitsMild | kFitsBilateral},
         {"Questionable mild pulmonary vascular congestion.", edHedged, kFitsMild | kFitsBilateral},
         {"Probable mild interstitial edema.", edHedged, kFitsMild | kFitsBilateral},
         {"Mild interstitial edema is suspected.", edHedged, kFitsMild | kFitsBilateral}},
        {{"{sev} pulmonary edema.", ed},
         {"Pulmonary edema.", ed},
         {"{sev} interstitial edema.", ed},
         {"Findings consistent with {sev} pulmonary edema.", ed},
         {"Pulmonary vascular congestion and {sev} edema.", ed}},
        {{"Possible mild pulmonary edema.", edHedged, kFitsMild | kFitsBilateral},
         {"Mild pulmonary vascular congestion, possibly early edema.", edHedged, kFitsMild | kFitsBilateral},
         {"Questionable mild interstitial edema.", edHedged, kFitsMild | kFitsBilateral}},
    };
}

KindPhrasings nodule()
{
    const std::vector<Mention> nm = {positive(O::NoduleMass)};
    const std::vector<Mention> nmHedged = {uncertain(O::NoduleMass)};
    return {
        {{"There is {aSize} nodule in {theLobe}.", nm},
         {"{size} {lobe} pulmonary nodule.", nm},
         {"{aSize} nodule projects over {theArea}.", nm},
         {"Well circumscribed {size} nodule in {theLobe}.", nm},
         {"{lobe} nodule measuring {size}.", nm},
         {"{aSize} pulmonary nodule is seen in {theArea}.", nm}},
        {{"Possible {size} nodule in {theLobe}.", nmHedged},
         {"Questionable {size} nodule in {theLobe}.", nmHedged},
         {"Possible {size} nodule projecting over {theArea}.", nmHedged},
         {"Cannot exclude {aSize} nodule in {theLobe}.", nmHedged},
         {"A subtle focus in {theLobe} may represent {aSize} nodule.", nmHedged},
         {"Probable {size} nodule in {theArea}.", nmHedged}},
        {{"{size} {lobe} pulmonary nodule.", nm},
         {"{lobe} pulmonary nodule, recommend CT for further evaluation.", nm},
         {"Pulmonary nodule in {theLobe}.", nm},
         {"{size} nodule in {theLobe}, CT recommended.", nm},
         {"Noncalcified pulmonary nodule in {theLobe}.", nm}},
        {{"Possible small {lobe} nodule.", nmHedged},
         {"Questionable {size} {lobe} nodule.", nmHedged},
         {"Cannot exclude a small nodule in {theLobe}.", nmHedged}},
    };
}

KindPhrasings mass()
{
    const std::vector<Mention> nm = {positive(O::NoduleMass)};
    return {
        {{"There is {aSizeCm} mass in {theLobe}.", nm},
         {"{lobe} mass measuring {size}.", nm},
         {"Large {lobe} mass measuring approximately {sizeCm}.", nm},
         {"{aSize} mass is seen in {theArea}.", nm},
         {"{sizeCm} {lobe} pulmonary mass.", nm},
         {"There is a rounded mass in {theLobe} measuring {size}.", nm}},
        {},
        {{"{lobe} mass.", nm},
         {"{sizeCm} {lobe} mass, further evaluation with CT is recommended.", nm},
         {"Mass in {theLobe} measuring {size}.", nm},
         {"{lobe} mass concerning for malignancy.", {positive(O::NoduleMass), uncertain(O::LungLesion)}},
         {"Large {lobe} pulmonary mass.", nm}},
        {},
    };
}

KindPhrasings calcifiedGranuloma()
{
    const std::vector<Mention> calc = {positive(O::Calcinosis)};
    return {
        {{"Calcified granuloma in {theLobe}.", calc},
         {"There is {aSize} calcified granuloma in {theArea}.", calc},
         {"A small calcified granuloma projects over {theArea}.", calc},
         {"{lobe} calcified granuloma.", calc},
         {"Calcified nodule in {theLobe} consistent with old granulomatous disease.", calc},
         {"Stable appearing calcified granuloma in {theLobe}.", calc}},
        {},
        {{"Calcified granuloma.", calc},
         {"Old granulomatous disease.", calc},
         {"Calcified granuloma in {theLobe}.", calc}},
        {},
    };
}

KindPhrasings emphysema()
{
    const std::vector<Mention> emph = {positive(O::Emphysema)};
    const std::vector<Mention> emphBlocker = {positive(O::Emphysema), positiveBlocker()};
    const std::vector<Mention> emphTwoBlockers = {positive(O::Emphysema), positiveBlocker(), positiveBlocker()};
    return {
        {{"The lungs are hyperinflated with flattening of the hemidiaphragms consistent with {sev} emphysema.",
          emphTwoBlockers},
         {"{sev} emphysema.", emph},
         {"Hyperinflated lungs consistent with {sev} emphysema.", emphBlocker},
         {"There are {sev} emphysematous changes.", emph},
         {"Changes of {sev} emphysema with hyperlucent upper lobes.", emphBlocker},
         {"{sev} upper lobe predominant emphysema.", emph}},
        {},
        {{"Emphysema.", emph},
         {"{sev} emphysema.", emph},
         {"Changes of emphysema.", emph},
         {"Hyperinflated lungs consistent with emphysema.", emphBlocker},
         {"Chronic obstructive pulmonary disease.", emph}},
        {},
    };
}

KindPhrasings hypoinflation()
{
    const std::vector<Mention> hypo = {positive(O::Hypoinflation)};
    return {
        {{"Low lung volumes.", hypo},
         {"Lung volumes are low.", hypo},
         {"The lungs are hypoinflated.", hypo},
         {"There are low lung volumes with crowding of the bronchovascular markings.", {positive(O::Hypoinflation), positiveBlocker()}},
         {"Hypoinflation of the lungs.", hypo},
         {"Shallow inspiration with low lung volumes.", hypo}},
        {},
        {{"Low lung volumes.", hypo},
         {"Hypoinflation.", hypo},
         {"Hypoinflated lungs.", hypo},
         {"Poor inspiratory effort with low lung volumes.", hypo}},
        {},
    };
}

KindPhrasings scoliosis()
{
    const std::vector<Mention> scol = {positive(O::ScoliosisDegenerative)};
    return {
        {{"{sev} scoliosis of the thoracic spine convex to the {side}.", scol},
         {"There is {sev} thoracic scoliosis, convex to the {side}.", scol},
         {"{sev} {side} convex thoracic scoliosis.", scol},
         {"The thoracic spine shows {sev} scoliosis convex to the {side}.", scol},
         {"{sev} thoracic spinal curvature convex to the {side}.", scol},
         {"{sev} scoliosis is present with convexity to the {side}.", scol}},
        {},
        {{"Thoracic scoliosis.", scol},
         {"{sev} scoliosis.", scol},
         {"{sev} thoracic scoliosis convex to the {side}.", scol}},
        {},
    };
}

KindPhrasings ribFracture()
{
    const std::vector<Mention> fx = {positive(O::Fracture)};
    const std::vector<Mention> fxHedged = {uncertain(O::Fracture)};
    return {
        {{"Fracture of a {side} {ribs} rib.", fx},
         {"There is an acute {side} {ribs} rib fracture.", fx},
         {"Nondisplaced fracture of a {side} {ribs} rib.", fx},
         {"{side} {ribs} rib fracture.", fx},
         {"A {side} {ribs} rib fracture is present.", fx},
         {"Displaced {side} {ribs} rib fracture.", fx}},
        {{"Possible nondisplaced {side} {ribs} rib fracture.", fxHedged},
         {"Cannot exclude a nondisplaced fracture of a {side} {ribs} rib.", fxHedged},
         {"Questionable {side} {ribs} rib fracture.", fxHedged},
         {"Subtle cortical irregularity of a {side} {ribs} rib may represent a fracture.", fxHedged},
         {"Probable {side} {ribs} rib fracture.", fxHedged},
         {"Suspected fracture of a {side} {ribs} rib.", fxHedged}},
        {{"{side} {ribs} rib fracture.", fx},
         {"Fracture of a {side} {ribs} rib.", fx},
         {"Acute {side} {ribs} rib fracture.", fx},
         {"{side} rib fracture.", fx}},
        {{"Possible {side} {ribs} rib fracture.", fxHedged},
         {"Questionable {side} rib fracture.", fxHedged},
         {"Cannot exclude a nondisplaced {side} rib fracture.", fxHedged}},
    };
}

KindPhrasings hiatalHernia()
{
    const std::vector<Mention> hh = {positive(O::HiatalHernia)};
    return {
        {{"There is a hiatal hernia.", hh},
         {"Retrocardiac soft tissue density with an air fluid level consistent with a hiatal hernia.", hh},
         {"A hiatal hernia is present.", hh},
         {"Retrocardiac hiatal hernia.", hh},
         {"Hiatal hernia is noted behind the heart.", hh},
         {"Incidental hiatal hernia.", hh}},
        {},
        {{"Hiatal hernia.", hh},
         {"Incidental hiatal hernia.", hh},
         {"Hiatal hernia is noted.", hh}},
        {},
    };
}

KindPhrasings pleuralThickening()
{
    const std::vector<Mention> pt = {positive(O::PleuralThickening)};
    return {
        {{"{side} {place} pleural thickening.", pt},
         {"There is {side} {place} pleural thickening.", pt},
         {"Mild {side} {place} pleural thickening.", pt},
         {"{place} pleural thickening on the {side}.", pt},
         {"Smooth {side} {place} pleural thickening is present.", pt},
         {"{side} {place} pleural thickening is noted.", pt}},
        {},
        {{"{side} {place} pleural thickening.", pt},
         {"{side} pleural thickening.", pt},
         {"Mild {place} pleural thickening on the {side}.", pt}},
        {},
    };
}

KindPhrasings aorticCalcification()
{
    const std::vector<Mention> calc = {positive(O::Calcinosis)};
    return {
        {{"Calcification of the aortic knob.", calc},
         {"Atherosclerotic calcification of the aortic arch.", {positive(O::Calcinosis), positiveBlocker()}},
         {"The aortic knob is calcified.", calc},
         {"Aortic arch calcification.", calc},
         {"There are calcifications in the aortic knob.", calc},
         {"Calcified aortic knob.", calc}},
        {},
        {{"Aortic atherosclerosis.", {positiveBlocker()}},
         {"Calcified aortic knob.", calc},
         {"Aortic calcification.", calc}},
        {},
    };
}

KindPhrasings endotrachealTube()
{
    const std::vector<Mention> sd = {positive(O::SupportDevices)};
    return {
        {{"Endotracheal tube terminates {cm} above the carina.", sd},
         {"The endotracheal tube tip is {cm} above the carina.", sd},
         {"Endotracheal tube in place with tip {cm} above the carina.", sd},
         {"An endotracheal tube is present, tip approximately {cm} above the carina.", sd},
         {"Endotracheal tube with its tip {cm} from the carina.", sd},
         {"Tip of the endotracheal tube projects {cm} above the carina.", sd}},
        {},
        {{"Endotracheal tube in satisfactory position.", sd},
         {"Endotracheal tube {cm} above the carina.", sd},
         {"Support devices as described.", sd},
         {"Endotracheal tube in appropriate position.", sd}},
        {},
    };
}

KindPhrasings centralLine()
{
    const std::vector<Mention> sd = {positive(O::SupportDevices)};
    return {
        {{"{side} internal jugular central venous catheter with tip in {tip}.", sd},
         {"{side} internal jugular central line terminates in {tip}.", sd},
         {"A {side} internal jugular venous catheter is present with its tip projecting over {tip}.", sd},
         {"The {side} central venous catheter tip projects over {tip}.", sd},
         {"{side} sided central line with tip at {tip}.", sd},
         {"Central venous catheter from the {side} internal jugular approach, tip in {tip}.", sd}},
        {},
        {{"{side} central venous catheter with tip in {tip}.", sd},
         {"Central line in satisfactory position.", sd},
         {"{side} internal jugular catheter in {tip}.", sd}},
        {},
    };
}

KindPhrasings pacemaker()
{
    const std::vector<Mention> sd = {positive(O::SupportDevices)};
    return {
        {{"{side} chest wall pacemaker with leads in the right atrium and right ventricle.", sd},
         {"Dual chamber pacemaker with generator over the {side} chest.", sd},
         {"A {side} sided cardiac pacemaker is present with leads terminating in the right atrium and right ventricle.",
          sd},
         {"{side} subclavian pacemaker with two leads in expected position.", sd},
         {"Pacemaker generator projects over the {side} chest wall with leads in the right heart.", sd},
         {"There is a {side} chest wall dual lead pacemaker.", sd}},
        {},
        {{"Pacemaker in place.", sd},
         {"Cardiac pacemaker.", sd},
         {"{side} chest wall pacemaker.", sd}},
        {},
    };
}

KindPhrasings sternotomyWires()
{
    const std::vector<Mention> sd = {positive(O::SupportDevices)};
    return {
        {{"Median sternotomy wires are present.", sd},
         {"Intact sternotomy wires.", sd},
         {"The patient is status post median sternotomy.", sd},
         {"Sternal wires are noted.", sd},
         {"Postoperative changes of median sternotomy.", {positive(O::SupportDevices), positiveBlocker()}},
         {"Sternotomy wires are intact.", sd}},
        {},
        {{"Median sternotomy.", sd},
         {"Status post median sternotomy.", sd},
         {"Postoperative changes of median sternotomy.", {positive(O::SupportDevices), positiveBlocker()}}},
        {},
    };
}

KindPhrasings phrasingsOf(FindingKind kind)
{
    switch (kind) {
    case FindingKind::Cardiomegaly:
        return cardiomegaly();
    case FindingKind::PleuralEffusion:
        return pleuralEffusion();
    case FindingKind::Pneumothorax:
        return pneumothorax();
    case FindingKind::Consolidation:
        return consolidation();
    case FindingKind::Pneumonia:
        return pneumonia();
    case FindingKind::Atelectasis:
        return atelectasis();
    case FindingKind::PulmonaryEdema:
        return pulmonaryEdema();
    case FindingKind::Nodule:
        return nodule();
    case FindingKind::Mass:
        return mass();
    case FindingKind::CalcifiedGranuloma:
        return calcifiedGranuloma();
    case FindingKind::Emphysema:
        return emphysema();
    case FindingKind::Hypoinflation:
        return hypoinflation();
    case FindingKind::Scoliosis:
        return scoliosis();
    case FindingKind::RibFracture:
        return ribFracture();
    case FindingKind::HiatalHernia:
        return hiatalHernia();
    case FindingKind::PleuralThickening:
        return pleuralThickening();
    case FindingKind::AorticCalcification:
        return aorticCalcification();
    case FindingKind::EndotrachealTube:
        return endotrachealTube();
    case FindingKind::CentralLine:
        return centralLine();
    case FindingKind::Pacemaker:
        return pacemaker();
    case FindingKind::SternotomyWires:
        return sternotomyWires();
    }
    return {};
}

} // namespace

const std::vector<Phrasing>& findingPhrasings(FindingKind kind, bool hedged, ReportSection section)
{
    static const std::vector<KindPhrasings> table = [] {
        std::vector<KindPhrasings> result;
        for (const FindingKind each : allFindingKinds())
            result.push_back(phrasingsOf(each));
        return result;
    }();
    const KindPhrasings& phrasings = table[static_cast<std::size_t>(kind)];
    if (section == ReportSection::Findings)
        return hedged ? phrasings.findingsHedged : phrasings.findings;
    return hedged ? phrasings.impressionHedged : phrasings.impression;
}

bool isImpressionFinding(FindingKind kind)
{
    switch (kind) {
    case FindingKind::CalcifiedGranuloma:
    case FindingKind::AorticCalcification:
    case FindingKind::Scoliosis:
    case FindingKind::PleuralThickening:
    case FindingKind::Pacemaker:
    case FindingKind::SternotomyWires:
        return false;
    default:
        return true;
    }
}

int impressionPriority(FindingKind kind)
{
    static const FindingKind order[] = {
        FindingKind::Pneumothorax,       FindingKind::Pneumonia,         FindingKind::Consolidation,
        FindingKind::PulmonaryEdema,     FindingKind::Cardiomegaly,      FindingKind::PleuralEffusion,
        FindingKind::Mass,               FindingKind::Nodule,            FindingKind::RibFracture,
        FindingKind::Atelectasis,        FindingKind::Emphysema,         FindingKind::Hypoinflation,
        FindingKind::HiatalHernia,       FindingKind::EndotrachealTube,  FindingKind::CentralLine,
        FindingKind::Pacemaker,          FindingKind::SternotomyWires,   FindingKind::CalcifiedGranuloma,
        FindingKind::AorticCalcification, FindingKind::PleuralThickening, FindingKind::Scoliosis,
    };
    int rank = 0;
    for (const FindingKind each : order) {
        if (each == kind)
            return rank;
        ++rank;
    }
    return rank;
}

} // namespace raddraft::phantom::detail
