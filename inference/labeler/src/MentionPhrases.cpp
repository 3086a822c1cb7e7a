#include "labeler/MentionPhrases.h"

// Our own lists, written from common chest radiograph wording. Changing them is changing the
// labeler: re-run raddraft-labeler-validate and update docs/MODELS.md ("Labeler").

namespace raddraft::labeler {

namespace {

const std::vector<std::string> kSizeQualifiers = {
    "enlarged", "enlargement", "large", "increased", "prominent", "prominence", "borderline",
    "upper limits of normal", "upper limit of normal", "upper normal", "top normal", "high normal",
    "mildly enlarged", "moderately enlarged", "severely enlarged", "cardiomegaly"};

} // namespace

const std::vector<ObservationPhrases>& observationPhrases()
{
    static const std::vector<ObservationPhrases> phrases = {
        {Observation::EnlargedCardiomediastinum,
         {"widened mediastinum", "mediastinal widening", "widening of the mediastinum", "mediastinal enlargement",
          "enlarged mediastinum", "enlarged cardiomediastinum", "enlarged cardiomediastinal silhouette",
          "enlargement of the cardiomediastinal silhouette", "mediastinal prominence", "prominence of the superior mediastinum",
          "prominent superior mediastinum", "superior mediastinal prominence", "superior mediastinal widening"},
         {"mediastinum", "mediastinal contour*", "mediastinal silhouette", "mediastinal width", "cardiomediastinal silhouette",
          "cardiomediastinal contour*", "mediastinal structures"},
         {"widened", "widening", "enlarged", "enlargement", "prominent", "prominence", "increased", "large"},
         {"mediastinal lymph node*", "pneumomediastinum"}},
        {Observation::Cardiomegaly,
         {"cardiomegaly", "cardiac enlargement", "enlarged heart", "enlargement of the heart", "enlarged cardiac silhouette",
          "enlargement of the cardiac silhouette", "cardiac silhouette enlargement"},
         {"heart", "heart size", "cardiac silhouette", "cardiac contour*", "cardiac shadow", "cardiac size",
          "cardiomediastinal silhouette", "cardiomediastinal contour*", "cardiopericardial silhouette", "heart shadow"},
         kSizeQualifiers,
         {"heart failure", "heart valve", "cardiac valve", "cardiac device", "cardiac lead*", "cardiac pacemaker"}},
        {Observation::LungLesion,
         {"lung lesion*", "pulmonary lesion*", "lesion*", "tumor*", "tumour*", "neoplas*", "carcinoma*", "cancer",
          "malignan*", "metasta*", "cavitary lesion*", "cavitation", "cavity", "cavitary"},
         {},
         {},
         {"bone lesion*", "bony lesion*", "osseous lesion*", "lytic lesion*", "sclerotic lesion*", "blastic lesion*",
          "skin lesion*", "breast cancer", "skin lesion*"}},
        {Observation::LungOpacity,
         {"opacit*", "opacification", "opacified", "infiltrat*", "density", "densities", "increased density",
          "decreased translucency", "haziness", "hazy", "ground glass", "reticular", "reticulonodular",
          "interstitial marking*", "interstitial prominence", "interstitial pattern", "interstitial disease",
          "interstitial lung disease", "interstitial process"},
         {},
         {},
         {"bone density", "bone densities", "soft tissue density", "soft tissue densities", "nipple shadow*",
          "calcified density", "calcified densities", "bony density"}},
        {Observation::Edema,
         {"edema", "oedema", "pulmonary edema", "interstitial edema", "alveolar edema", "vascular congestion",
          "pulmonary congestion", "pulmonary venous congestion", "venous congestion", "congestive heart failure",
          "congestive failure", "heart failure", "chf", "fluid overload", "cephalization", "kerley b line*",
          "kerley lines", "congestion", "vascular prominence", "vascular engorgement", "engorged", "engorgement",
          "pulmonary venous hypertension", "indistinct vascular margination", "cardiac failure", "early failure"},
         {},
         {},
         {"soft tissue edema", "subcutaneous edema", "nasal congestion"}},
        {Observation::Consolidation, {"consolidat*"}, {}, {}, {}},
        {Observation::Pneumonia,
         {"pneumonia*", "pneumonitis", "bronchopneumonia", "infection", "infectious process", "infectious",
          "infective process", "aspiration pneumonia"},
         {},
         {},
         {"granulomatous infection*", "tuberculous infection*", "tuberculosis infection*", "symptoms of infection",
          "signs of infection"}},
        {Observation::Atelectasis,
         {"atelecta*", "collapse", "collapsed", "volume loss", "loss of volume"},
         {},
         {},
         {"vertebral body collapse", "vertebral collapse", "compression"}},
        {Observation::Pneumothorax,
         {"pneumothora*", "hydropneumothora*", "pneumothoraces"}, {}, {}, {}},
        {Observation::PleuralEffusion,
         {"pleural effusion*", "effusion*", "pleural fluid", "hydrothorax", "blunting of the costophrenic angle*",
          "blunting of the right costophrenic angle*", "blunting of the left costophrenic angle*",
          "blunting of both costophrenic angle*", "costophrenic angle blunting", "costophrenic blunting",
          "blunted costophrenic angle*", "blunting of the costophrenic sulc*"},
         {"costophrenic angle*", "costophrenic recess*", "costophrenic sulc*"},
         {"blunt*"},
         {"pericardial effusion*", "joint effusion*", "knee effusion*"}},
        {Observation::PleuralOther,
         {"pleural plaque*", "pleural calcification*", "calcified pleural plaque*", "fibrothorax", "pleural scarring",
          "pleural scar", "pleural fibrosis", "pleural reaction", "pleural abnormalit*", "pleural disease"},
         {},
         {},
         {}},
        {Observation::Fracture, {"fractur*", "fx"}, {}, {}, {}},
        {Observation::SupportDevices,
         {"endotracheal tube", "et tube", "tracheostomy", "chest tube*", "nasogastric tube", "ng tube", "enteric tube",
          "feeding tube", "orogastric tube", "dobbhoff", "catheter*", "picc", "central line", "central venous line",
          "port a cath", "portacath", "power port", "pacemaker*", "pacer", "defibrillator", "aicd", "icd",
          "pacemaker lead*", "pacer lead*", "cardiac lead*", "transvenous lead*", "sternotomy", "sternal wire*",
          "sternotomy wire*", "median sternotomy", "cabg", "surgical clip*", "clip", "clips", "stent*", "prosthe*",
          "valve replacement", "hardware", "fixation", "device*", "staples", "surgical sutures", "suture*",
          "drain", "drains", "swan ganz", "spinal fusion", "wire*", "loop recorder", "vascular graft",
          "tube", "tubes", "line", "lines"},
         {},
         {},
         {"kerley b line*", "kerley lines", "midline", "line of", "lines of", "tube of", "mediastinal line*",
          "pleural line*", "paratracheal line*", "paraspinal line*", "azygoesophageal line*", "costophrenic line*",
          "fissure line*", "linear", "skin fold line*", "hairline", "hair line", "lung line*", "b line*"}},
        {Observation::Emphysema,
         {"emphysema*", "emphysematous", "copd", "chronic obstructive pulmonary disease", "chronic obstructive lung disease",
          "chronic obstructive airway* disease", "obstructive lung disease", "obstructive pulmonary disease", "bulla",
          "bullae", "bullous"},
         {},
         {},
         {"subcutaneous emphysema", "soft tissue emphysema"}},
        {Observation::ScoliosisDegenerative,
         {"scolio*", "dextroscolio*", "levoscolio*", "dextrocurvature", "levocurvature", "curvature of the spine",
          "spinal curvature", "degenerative", "degeneration", "spondylosis", "spondylotic", "spondylitic", "osteophyt*",
          "kyphosis", "kyphotic", "kyphoscoliosis", "arthritic", "arthritis", "arthropathy", "osteoarthritis",
          "diffuse idiopathic skeletal hyperostosis", "spurring", "spur", "spurs", "disc space narrowing",
          "disc disease", "osteopenia", "demineralization", "osteoporosis", "osteoporotic"},
         {},
         {},
         {}},
        {Observation::HiatalHernia,
         {"hiatal hernia*", "hiatus hernia*", "hernia*", "herniation of the stomach", "intrathoracic stomach"},
         {},
         {},
         {"disc hernia*", "inguinal hernia*", "umbilical hernia*", "ventral hernia*", "incisional hernia*"}},
        {Observation::Calcinosis,
         {"calcified granuloma*", "granuloma*", "granulomatous", "calcification*", "calcified", "calcific", "calcinosis",
          "calcified nodule*", "calcified lymph node*", "calcified node*"},
         {},
         {},
         {}},
        {Observation::Cicatrix,
         {"scar", "scars", "scarring", "scarred", "cicatri*", "fibrotic scarring", "fibrosis", "fibrotic"},
         {},
         {},
         {"pleural scar*", "pleural fibrosis", "cystic fibrosis"}},
        {Observation::AirspaceDisease,
         {"airspace disease", "air space disease", "airspace opacit*", "air space opacit*", "airspace consolidation",
          "air space consolidation", "airspace process", "air space process", "alveolar opacit*", "alveolar disease",
          "alveolar process", "airspace infiltrat*", "air space infiltrat*"},
         {},
         {},
         {}},
        {Observation::Hypoinflation,
         {"hypoinflat*", "hypoventilat*", "hypoexpan*", "underinflat*", "low lung volume*", "low volume*",
          "poor inspiration", "poor inspiratory effort", "shallow inspiration", "low inspiratory volume*",
          "decreased lung volume*", "reduced lung volume*", "diminished lung volume*", "lungs are hypoinflated",
          "low lung volume*", "poorly inflated", "poorly expanded", "suboptimal inspiration", "suboptimal inspiratory effort"},
         {"lung volume*", "inspiration", "inspiratory effort", "inspiratory volume*"},
         {"low", "lower", "decreased", "reduced", "diminished", "small", "poor", "shallow", "suboptimal"},
         {}},
        {Observation::PleuralThickening,
         {"pleural thickening", "thickening of the pleura", "thickened pleura", "pleural parenchymal thickening",
          "pleural based thickening", "pleural-based thickening", "apical thickening", "apical pleural thickening",
          "apical cap*", "pleuroparenchymal thickening", "pleural thickenings", "pleural thickened",
          "pleural capping", "fissural thickening", "thickening of the fissure*", "thickening of the minor fissure",
          "thickening of the major fissure", "fissural pleural thickening"},
         {},
         {},
         {}},
        {Observation::NoduleMass,
         {"nodul*", "mass", "masses", "nodular density", "nodular opacit*", "pulmonary nodule*", "lung nodule*"},
         {},
         {},
         {"mass effect", "soft tissue mass", "breast mass*", "muscle mass", "calcified nodul*", "nodular calcification*",
          "lymph node*"}},
    };
    return phrases;
}

const std::vector<std::string>& noFindingBlockerPhrases()
{
    static const std::vector<std::string> phrases = {
        "hyperinflat*", "hyperexpan*", "hyperaerat*", "hyperlucen*", "overinflat*", "flattened hemidiaphragm*",
        "flattening of the hemidiaphragm*", "flattening of the diaphragm*", "tortuous", "tortuosity", "atherosclero*",
        "atheromatous", "ectatic", "ectasia", "aneurysm*", "unfolded aorta", "unfolding", "eventration", "elevated",
        "elevation", "bronchiectasis", "bronchitis", "bronchial wall thickening", "peribronchial thickening",
        "airway disease", "airways disease", "reactive airway*", "chronic lung disease", "chronic changes",
        "chronic interstitial", "deformity", "deformities", "lymphadenopathy", "adenopathy", "hilar prominence",
        "prominent hil*", "hilar enlargement", "cyst*", "lucency", "lucencies", "pulmonary hypertension",
        "pulmonary arterial hypertension", "postoperative", "post operative", "postsurgical", "post surgical",
        "mastectomy", "cholecystectomy", "lobectomy", "pneumonectomy", "thoracotomy", "surgical changes",
        "abnormalit*", "bronchovascular crowding", "crowding", "azygos lobe", "epicardial fat", "foreign bod*",
        "pneumoperitoneum", "free air", "subcutaneous emphysema", "pericardial effusion*", "pneumomediastinum"};
    return phrases;
}

const std::vector<std::string>& normalQualifierPhrases()
{
    static const std::vector<std::string> phrases = {"normal", "normally", "within normal limits", "unremarkable",
                                                     "not enlarged", "normal size", "normal in size",
                                                     "well expanded", "adequate", "good"};
    return phrases;
}

const std::vector<std::string>& preNegationUncertaintyPhrases()
{
    static const std::vector<std::string> phrases = {
        "cannot exclude", "can not exclude", "can't exclude", "cannot be excluded", "can not be excluded",
        "can't be excluded", "not excluded", "not be excluded", "not entirely excluded", "not completely excluded",
        "not definitely excluded", "cannot be entirely excluded", "cannot be completely excluded", "cannot be confidently excluded",
        "not confidently excluded", "difficult to exclude",
        "cannot rule out", "can not rule out", "cannot be ruled out", "can not be ruled out", "not ruled out",
        "not be ruled out", "not entirely ruled out", "cannot be entirely ruled out", "rule out", "to exclude",
        "no definite", "without definite", "not definitely", "not well seen", "not well visualized",
        "not clearly seen", "not clearly visualized", "cannot be assessed", "not be assessed", "obscur*"};
    return phrases;
}

const std::vector<std::string>& negationBeforePhrases()
{
    static const std::vector<std::string> phrases = {
        "no", "not", "without", "negative for", "free of", "clear of", "no evidence of", "no sign of", "no signs of",
        "absence of", "absent", "resolved", "resolution of", "resolving", "removal of", "removed", "nor", "neither",
        "rather than", "clear", "cleared", "interval clearing of", "negative"};
    return phrases;
}

const std::vector<std::string>& pseudoNegationPhrases()
{
    static const std::vector<std::string> phrases = {
        "no change", "no interval change", "no significant change", "no significant interval change",
        "no appreciable change", "no substantial change", "not changed", "not significantly changed",
        "not much changed", "no increase", "no decrease", "without change", "without interval change",
        "without significant change", "not only", "no longer seen with"};
    return phrases;
}

const std::vector<std::string>& negationAfterPhrases()
{
    static const std::vector<std::string> phrases = {
        "absent", "not seen", "not identified", "not present", "not visualized", "not appreciated", "not demonstrated",
        "not evident", "not noted", "not detected", "not visible", "not apparent", "not be seen", "not be identified",
        "not be visualized", "not be appreciated", "not been seen", "no longer", "resolved", "has resolved",
        "have resolved", "resolution", "cleared", "has cleared", "have cleared", "removed", "has been removed",
        "have been removed", "is negative", "are negative", "within normal limits", "within limits of normal"};
    return phrases;
}

const std::vector<std::string>& uncertaintyBeforePhrases()
{
    static const std::vector<std::string> phrases = {
        "may", "might", "may represent", "could", "could be", "could represent", "possible", "possibly", "probable",
        "probably", "suspicious", "suspicious for", "suspected", "suspect", "concerning for", "concern for", "worrisome for",
        "likely", "unlikely", "question of", "questionable", "equivocal", "indeterminate", "presumably", "presumed",
        "suggest*", "consider", "considered", "differential", "uncertain", "versus", "vs", "borderline", "perhaps",
        "upper limits of normal", "upper limit of normal", "upper normal", "top normal", "high normal", "favor*",
        "potential", "compatible with early", "can't be"};
    return phrases;
}

const std::vector<std::string>& uncertaintyAfterPhrases()
{
    static const std::vector<std::string> phrases = {
        "versus", "vs", "is possible", "are possible", "is likely", "are likely", "is suspected", "are suspected",
        "is not certain", "is uncertain", "is questionable", "is equivocal", "is indeterminate", "not certain",
        "borderline", "upper limits of normal", "upper limit of normal", "upper normal", "top normal", "high normal",
        "may", "might", "could", "possibly", "probably", "can't be"};
    return phrases;
}

const std::vector<std::string>& scopeStopPhrases()
{
    static const std::vector<std::string> phrases = {";", ":", "but", "however", "although", "though", "whereas",
                                                     "except", "which", "there", "apart from", "aside from"};
    return phrases;
}

const std::vector<std::string>& afterUncertaintyStopPhrases()
{
    static const std::vector<std::string> phrases = {"and", "with", "in", "of"};
    return phrases;
}

} // namespace raddraft::labeler
