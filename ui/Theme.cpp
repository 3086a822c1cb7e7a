#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace raddraft::ui {

QString themeSetting() { return QStringLiteral("interface/theme"); }

QString themeName(Theme theme) { return theme == Theme::Light ? QStringLiteral("light") : QStringLiteral("dark"); }

Theme themeFromName(const QString& name, Theme fallback)
{
    if (name == themeName(Theme::Dark))
        return Theme::Dark;
    if (name == themeName(Theme::Light))
        return Theme::Light;
    return fallback;
}

Theme configuredTheme() { return themeFromName(QSettings().value(themeSetting()).toString(), Theme::Dark); }

namespace {

QPalette darkPalette(const QStyle& fusion)
{
    // The roles not set here (the bevels: Light, Mid, Dark, Shadow) are Fusion's own, so the
    // palette is the same whichever theme was applied before.
    QPalette palette = fusion.standardPalette();
    palette.setColor(QPalette::Window, QColor(37, 40, 45));
    palette.setColor(QPalette::WindowText, QColor(220, 223, 228));
    palette.setColor(QPalette::Base, QColor(27, 29, 33));
    palette.setColor(QPalette::AlternateBase, QColor(45, 48, 54));
    palette.setColor(QPalette::ToolTipBase, QColor(50, 54, 60));
    palette.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    palette.setColor(QPalette::PlaceholderText, QColor(140, 144, 150));
    palette.setColor(QPalette::Text, QColor(220, 223, 228));
    palette.setColor(QPalette::Button, QColor(48, 52, 58));
    palette.setColor(QPalette::ButtonText, QColor(220, 223, 228));
    palette.setColor(QPalette::Link, QColor(110, 170, 240));
    palette.setColor(QPalette::LinkVisited, QColor(170, 140, 230));
    palette.setColor(QPalette::Highlight, QColor(70, 140, 220));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 124, 130));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 124, 130));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 124, 130));
    return palette;
}

QPalette lightPalette(const QStyle& fusion)
{
    // Fusion's own light palette, with the dark theme's selection blue so both read alike.
    QPalette palette = fusion.standardPalette();
    palette.setColor(QPalette::Highlight, QColor(48, 120, 210));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

} // namespace

void applyTheme(QApplication& application, Theme theme)
{
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QStyle& fusion = *QApplication::style();
    application.setPalette(theme == Theme::Light ? lightPalette(fusion) : darkPalette(fusion));
}

bool isDarkPalette(const QPalette& palette) { return palette.color(QPalette::Base).lightness() < 128; }

QColor themeColor(ThemeColor role, const QPalette& palette)
{
    // Dark theme: light tints; light theme: darker shades of the same hue (contrast ≥ 4.5:1 on white).
    const bool dark = isDarkPalette(palette);
    switch (role) {
    case ThemeColor::Error: return dark ? QColor(255, 123, 114) : QColor(192, 40, 40);
    case ThemeColor::Warning: return dark ? QColor(224, 160, 48) : QColor(150, 95, 0);
    case ThemeColor::Accepted: return dark ? QColor(63, 185, 80) : QColor(26, 127, 55);
    case ThemeColor::Rejected: return dark ? QColor(235, 87, 87) : QColor(200, 34, 46);
    case ThemeColor::AiEdited: return dark ? QColor(214, 150, 24) : QColor(160, 98, 0);
    case ThemeColor::UserWritten: return dark ? QColor(72, 152, 240) : QColor(9, 100, 210);
    case ThemeColor::Alternative: return dark ? QColor(168, 120, 236) : QColor(125, 70, 215);
    case ThemeColor::FindingPresent: return dark ? QColor(236, 146, 48) : QColor(180, 70, 0);
    case ThemeColor::FindingAbsent: return dark ? QColor(120, 150, 190) : QColor(50, 90, 150);
    case ThemeColor::FindingUncertain: return dark ? QColor(214, 190, 60) : QColor(125, 105, 0);
    }
    return palette.color(QPalette::Text);
}

} // namespace raddraft::ui
