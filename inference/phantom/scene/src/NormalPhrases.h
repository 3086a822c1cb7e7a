#pragma once
// The report's statements of what is normal, per organ system, for what the study lacks, and
// the Impression of a study with nothing acute.

#include "ReportSentence.h"

#include <vector>

namespace raddraft::phantom::detail {

enum class NormalStatement {
    HeartSize,              ///< no cardiomegaly
    Mediastinum,            ///< (never enlarged in a phantom)
    HeartAndMediastinum,    ///< no cardiomegaly: one sentence for both
    LungsClear,             ///< no finding in the lung parenchyma at all
    NoConsolidation,        ///< no consolidation, pneumonia or edema (other lung findings allowed)
    LungsOtherwiseClear,    ///< focal lung findings only, none diffuse (edema, emphysema)
    NoEdema,                ///< no edema (stated when the heart is enlarged)
    NoEffusionOrPneumothorax,
    NoPneumothorax,         ///< an effusion is present
    NoEffusion,             ///< a pneumothorax is present
    BonesNormal,            ///< no fracture and no scoliosis
    NoFracture,             ///< scoliosis, but no fracture
    NormalImpression,       ///< a study without findings
    NoAcuteImpression,      ///< nothing acute: normal, or only incidental findings
};

/// At least five phrasings per statement; each lists its mentions (negations, mostly).
const std::vector<Phrasing>& normalPhrasings(NormalStatement statement);

} // namespace raddraft::phantom::detail
