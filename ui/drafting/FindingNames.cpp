#include "FindingNames.h"

#include <QCoreApplication>
#include <QLatin1String>

namespace raddraft::ui {

namespace {

// The names with a translation, in the lower case of the lookup (lupdate collects them from here).
constexpr const char* translatedNames[] = {
    // The chest knowledge graph's nodes (resources/knowledge_graph/chest.json), IU X-ray's tags.
    QT_TRANSLATE_NOOP("Finding", "normal"),
    QT_TRANSLATE_NOOP("Finding", "cardiomegaly"),
    QT_TRANSLATE_NOOP("Finding", "scoliosis"),
    QT_TRANSLATE_NOOP("Finding", "fracture"),
    QT_TRANSLATE_NOOP("Finding", "pleural effusion"),
    QT_TRANSLATE_NOOP("Finding", "pleural thickening"),
    QT_TRANSLATE_NOOP("Finding", "pneumothorax"),
    QT_TRANSLATE_NOOP("Finding", "hiatal hernia"),
    QT_TRANSLATE_NOOP("Finding", "calcinosis"),
    QT_TRANSLATE_NOOP("Finding", "emphysema"),
    QT_TRANSLATE_NOOP("Finding", "pneumonia"),
    QT_TRANSLATE_NOOP("Finding", "pulmonary edema"),
    QT_TRANSLATE_NOOP("Finding", "atelectasis"),
    QT_TRANSLATE_NOOP("Finding", "cicatrix"),
    QT_TRANSLATE_NOOP("Finding", "opacity"),
    QT_TRANSLATE_NOOP("Finding", "nodule"),
    QT_TRANSLATE_NOOP("Finding", "airspace disease"),
    QT_TRANSLATE_NOOP("Finding", "hypoinflation"),
    QT_TRANSLATE_NOOP("Finding", "medical device"),
    QT_TRANSLATE_NOOP("Finding", "others"),
    // CheXpert's observations (labeler::observationName) not named above.
    QT_TRANSLATE_NOOP("Finding", "no finding"),
    QT_TRANSLATE_NOOP("Finding", "enlarged cardiomediastinum"),
    QT_TRANSLATE_NOOP("Finding", "lung lesion"),
    QT_TRANSLATE_NOOP("Finding", "lung opacity"),
    QT_TRANSLATE_NOOP("Finding", "edema"),
    QT_TRANSLATE_NOOP("Finding", "consolidation"),
    QT_TRANSLATE_NOOP("Finding", "pleural other"),
    QT_TRANSLATE_NOOP("Finding", "support devices"),
    QT_TRANSLATE_NOOP("Finding", "scoliosis/degenerative"),
    QT_TRANSLATE_NOOP("Finding", "nodule/mass"),
};

} // namespace

QString findingDisplayName(const QString& name)
{
    const QString key = name.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
    for (const char* translatable : translatedNames)
        if (key == QLatin1String(translatable)) {
            const QString translated = QCoreApplication::translate("Finding", translatable);
            // English (the translation is the key itself) keeps the model's own spelling.
            return translated == key ? name : translated;
        }
    return name;
}

} // namespace raddraft::ui
