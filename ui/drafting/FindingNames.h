#pragma once
// Finding names as the interface shows them. A model names its findings (tags, graph nodes) in
// English in its bundle ("pleural effusion", CheXpert's "Pleural Effusion"); the names stay the
// keys everywhere (labels, edit log, consistency checks) and are translated only for display.

#include <QString>

namespace raddraft::ui {

/// `name` in the interface language (translation context "Finding"): the chest knowledge graph's
/// nodes and the CheXpert observations are translated, in any case and with '_' for spaces;
/// any other name is shown as the model gives it.
QString findingDisplayName(const QString& name);

} // namespace raddraft::ui
