#pragma once
// The workstation's light and dark themes: the application palette (Fusion style) and the
// colours that carry a meaning (errors, warnings, a sentence's provenance, a finding's label),
// chosen per theme so they stay readable on its background. The image viewports stay black in
// both themes; only the panels around them change.

#include <QColor>
#include <QString>

class QApplication;
class QPalette;

namespace raddraft::ui {

enum class Theme {
    Dark,  ///< the default: reading rooms are dim, a dark interface keeps attention on the images
    Light, ///< for bright offices and printing-like reading of the report
};

/// QSettings key of the theme: "dark" or "light" (absent: dark).
QString themeSetting();
/// "dark" / "light": the setting's values.
QString themeName(Theme theme);
/// The theme named `name`; `fallback` for anything else.
Theme themeFromName(const QString& name, Theme fallback = Theme::Dark);
/// The theme in the settings (dark when none is set).
Theme configuredTheme();

/// Sets the Fusion style and the theme's palette on the application. Widgets follow at once
/// (QEvent::PaletteChange); those that bake colours into text or items redo them on that event.
void applyTheme(QApplication& application, Theme theme);

/// True when `palette`'s text background is dark (the dark theme, or a dark system palette).
bool isDarkPalette(const QPalette& palette);

/// Colours with a meaning, in the shade that reads well on `palette`'s background.
enum class ThemeColor {
    Error,          ///< failures, problems (text)
    Warning,        ///< consistency warnings (text)
    Accepted,       ///< a reviewed sentence's ✓
    Rejected,       ///< a rejected sentence's ✗
    AiEdited,       ///< the model's sentence, changed by a person (amber)
    UserWritten,    ///< a person's own sentence (blue)
    Alternative,    ///< a sentence chosen from another source (violet)
    FindingPresent, ///< a finding labelled present
    FindingAbsent,  ///< a finding labelled absent
    FindingUncertain, ///< a finding labelled uncertain
};
QColor themeColor(ThemeColor role, const QPalette& palette);

} // namespace raddraft::ui
