// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelpScreen.hpp"

#include "app/Palette.hpp"
#include "core/Language.hpp"
#include "core/Translate.hpp"

#include <algorithm>

namespace rollcoach {

namespace {

std::vector<std::string> voiceHelp() {
    // The recogniser's model knows the English words alone: they are said as they are, in
    // every language, and a person reading another language is told so.
    std::vector<std::string> lines = {rollcoach::fillIn(
        // TRANSLATORS: {0} to {4} are the English voice command words, which stay English.
        _("Say one word alone: {0}, {1}, {2}, {3}, or {4} (as X), or a number 0 to 10"), "pause",
        "resume", "next", "back", "stop")};
    if (catalogLanguage().compare(0, 2, voiceCommandLanguage()) != 0) {
        lines.push_back(_("The voice words are English in every language: the speech model "
                          "installed knows English words only."));
    }
    return lines;
}

} // namespace

std::vector<HelpSection> helpSections(const Workspace& workspace, bool editor) {
    const HelpSection files = {
        _("Where your files are"),
        {rollcoach::fillIn(_("Your routines and history: {0}"), workspace.dataDir),
         rollcoach::fillIn(_("History: {0}"), workspace.dataDir + "/history.sqlite"),
         rollcoach::fillIn(_("Settings: {0}"), workspace.settingsFile),
         rollcoach::fillIn(_("rollcoach's own files: {0}"), workspace.paths.dataDir.empty()
                                                                ? std::string(_("not found"))
                                                                : workspace.paths.dataDir)}};
    if (editor) {
        return {
            {_("Keys in the editor"),
             {_("Tab, Shift+Tab: the next field, the one before; Enter: type into it, or change a "
                "choice; Enter, Tab or Esc: done typing"),
              _("Arrows (Shift: finer) or a drag: move the chosen ball or path point; 1-4: which "
                "ball; P, Shift+P: the next path point, the one before"),
              _("Ctrl+P: a path point more; Ctrl+Shift+P: delete it; Ctrl+B: a ball more; "
                "Ctrl+Shift+B: one fewer"),
              _("Page Up, Page Down: the step; Insert or Ctrl+N: a new step; Ctrl+D: duplicate it; "
                "Ctrl+Delete: delete it; Ctrl+Up, Ctrl+Down: move it"),
              _("Ctrl+L: a setup line more; Ctrl+Shift+L: delete the chosen one; Ctrl+V: paste a "
                "placement copied in the explorer"),
              _("Ctrl+Z: undo; Ctrl+Y or Ctrl+Shift+Z: redo; Ctrl+S: save; Esc: back (asks "
                "first when unsaved)")}},
            {_("Keys everywhere"),
             {_("F1, H or ? (not while typing): this help"), _("F or F11: full screen and back")}},
            files,
        };
    }
    return {
        {_("Keys in a session"),
         {_("Space: pause and resume"),
          _("Left, Right (or Page Up, Down): the step before, the next"),
          _("X: stop at once, for sharp pain, numbness or tingling"),
          _("M: mute sounds and speech"), _("Esc: asks whether to leave; Esc again leaves"),
          _("0-9, T for 10: how tense a side is")}},
        {_("Keys everywhere"),
         {_("F1, H or ?: this help"), _("F or F11: full screen and back"), _("Esc: back a screen"),
          _("On the list: Up, Down choose, Enter opens, P progress, E placement explorer, "
            "N new routine, C edit, R reloads")}},
        {_("Media keys and headset buttons"),
         {_("Play/pause: pause and resume"), _("Next, previous: change step"),
          _("Stop: leaves at once, without asking")}},
        {_("Gamepad"),
         {_("A: pause and resume"), _("Shoulder buttons or D-pad: back and forth"), _("Back: mute"),
          _("Start: asks whether to leave; Start again leaves"), _("X: stop at once, for pain")}},
        {_("Voice (listen: true in settings, or run --listen)"), voiceHelp()},
        {_("Keys in the editor"),
         {_("Tab, Enter: fields; arrows: the ball; Ctrl+S: save; F1 there: every key")}},
        files,
    };
}

bool isHelpKey(const sf::Event& event) {
    if (event.type == sf::Event::KeyPressed) {
        return event.key.code == sf::Keyboard::F1 || event.key.code == sf::Keyboard::H;
    }
    return event.type == sf::Event::TextEntered && event.text.unicode == '?';
}

HelpScreen::HelpScreen(AppResources& app, bool editor)
    : m_app(app), m_sections(helpSections(app.workspace, editor)) {}

void HelpScreen::layout(sf::Vector2u size) {
    shrinkToFit([&](float t) { return arrange(size, t); });
}

bool HelpScreen::arrange(sf::Vector2u size, float t) {
    LayoutStart start(size, t, m_lenient, {0.75f, 40, 10});
    const Canvas& c = start.c;
    const float u = c.u, k = start.k, m = start.m, gap = start.gap;
    auto px = [&start](float units) { return start.px(units); };
    const float pad = 16 * u * k;
    const MeasuredFont& regular = m_app.fonts.regular;
    const MeasuredFont& bold = m_app.fonts.bold;
    Boxes& boxes = start.boxes;
    std::vector<PlacedText>& texts = start.texts;
    std::vector<sf::FloatRect> panels;
    const unsigned line = px(34);
    const unsigned heading = px(36);
    const unsigned closing = px(34);

    const std::string close =
        _("Any key or click closes this help. X still stops a session at once.");
    const float closeHeight = measureText(regular, close, closing, c.w - 2 * m).y;
    TextColumn top(boxes, texts, {m, m, c.w - 2 * m, c.h - 2 * m - closeHeight - gap}, gap);
    if (!top.add("title", bold, _("Help"), px(56), palette::text)) {
        return false;
    }
    TextColumn bottom(boxes, texts, {m, c.h - m - closeHeight, c.w - 2 * m, closeHeight}, gap);
    if (!bottom.add("close", regular, close, closing, palette::dimText)) {
        return false;
    }
    // Two columns side by side on a wide window, one on a tall one.
    const bool wide = c.w > c.h * 1.15f;
    const int columns = wide ? 2 : 1;
    const float columnWidth = (c.w - 2 * m - static_cast<float>(columns - 1) * m) / columns;
    const float columnTop = top.y();
    const float columnBottom = top.bottom();
    // The sections in order, the first half (by lines) in the first column.
    std::size_t totalLines = 0;
    for (const HelpSection& s : m_sections) {
        totalLines += s.lines.size() + 1;
    }
    std::size_t split = m_sections.size();
    if (columns == 2) {
        std::size_t counted = 0;
        for (std::size_t i = 0; i < m_sections.size(); ++i) {
            counted += m_sections[i].lines.size() + 1;
            if (counted * 2 >= totalLines) {
                split = i + 1;
                break;
            }
        }
    }
    for (int column = 0; column < columns; ++column) {
        const float left = m + static_cast<float>(column) * (columnWidth + m);
        // The texts stay a pad inside their panels on both sides.
        TextColumn text(boxes, texts,
                        {left, columnTop, columnWidth - pad, columnBottom - columnTop}, gap / 2);
        const std::size_t from = column == 0 ? 0 : split;
        const std::size_t to = column == 0 ? split : m_sections.size();
        for (std::size_t i = from; i < to; ++i) {
            const HelpSection& section = m_sections[i];
            const float sectionTop = text.y();
            if (!text.add("heading " + std::to_string(i + 1), bold, section.heading, heading,
                          palette::accent, pad)) {
                return false;
            }
            for (std::size_t j = 0; j < section.lines.size(); ++j) {
                if (!text.add("line " + std::to_string(i + 1) + "." + std::to_string(j + 1),
                              regular, section.lines[j], line, palette::text, pad)) {
                    return false;
                }
            }
            panels.push_back(
                {left, sectionTop - pad / 2, columnWidth, text.y() - sectionTop + pad / 2});
            sf::FloatRect room;
            if (i + 1 < to && !text.block("space " + std::to_string(i + 1), gap, room)) {
                return false;
            }
        }
    }
    m_smallest = std::min({line, heading, closing});
    m_boxes = boxes;
    m_texts = texts;
    m_panels = panels;
    m_edge = 3 * u;
    return true;
}

ScreenRequest HelpScreen::handle(const sf::Event& event) {
    if (event.type == sf::Event::KeyPressed || event.type == sf::Event::MouseButtonPressed ||
        event.type == sf::Event::JoystickButtonPressed) {
        return {ScreenRequest::Kind::Back, {}, std::nullopt};
    }
    return {};
}

void HelpScreen::draw(sf::RenderTarget& target) const {
    beginFrame(target);
    for (const sf::FloatRect& panel : m_panels) {
        drawPanel(target, panel, palette::panel, std::nullopt, m_edge);
    }
    drawPlaced(target, m_texts);
}

} // namespace rollcoach
