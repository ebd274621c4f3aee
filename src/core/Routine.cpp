#include "Routine.hpp"
#include "Translate.hpp"

#include <cstdio>

namespace rollcoach {

Side otherSide(Side side) {
    return side == Side::Left ? Side::Right : Side::Left;
}

const char* sideName(Side side) {
    return side == Side::Left ? "left" : "right";
}

std::string sideWords(Side side) {
    return side == Side::Left ? _("left side") : _("right side");
}

std::string sideHeading(Side side) {
    return side == Side::Left ? _("Left side") : _("Right side");
}

const char* drillName(Drill drill) {
    switch (drill) {
    case Drill::Wall:
        return "wall";
    case Drill::Lying:
        return "lying";
    case Drill::Partner:
        return "partner";
    case Drill::SelfPress:
        return "self-press";
    }
    return "wall";
}

std::optional<int> parseTimeOfDay(const std::string& text) {
    // No sign, no space, no third digit: "+7:-0" or "7:5" is refused rather than read as
    // something else.
    const std::size_t colon = text.find(':');
    if (colon == std::string::npos || colon < 1 || colon > 2 || text.size() != colon + 3) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != colon && (text[i] < '0' || text[i] > '9')) {
            return std::nullopt;
        }
    }
    const int h = std::stoi(text.substr(0, colon));
    const int m = std::stoi(text.substr(colon + 1));
    if (h > 23 || m > 59) {
        return std::nullopt;
    }
    return h * 60 + m;
}

std::string timeOfDayText(int minuteOfDay) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", (minuteOfDay / 60) % 100, minuteOfDay % 60);
    return text;
}

bool byHand(Drill drill) {
    return drill == Drill::Partner || drill == Drill::SelfPress;
}

const char* toolName(Tool tool) {
    switch (tool) {
    case Tool::Hands:
        return "hands";
    case Tool::Thumb:
        return "thumb";
    case Tool::Fingers:
        return "fingers";
    }
    return "hands";
}

bool isHandMotion(Pattern pattern) {
    return pattern == Pattern::Stroke || pattern == Pattern::Knead || pattern == Pattern::Strip ||
           pattern == Pattern::Friction;
}

std::optional<Side> parseSide(const std::string& text) {
    if (text == "left") {
        return Side::Left;
    }
    if (text == "right") {
        return Side::Right;
    }
    return std::nullopt;
}

const char* patternName(Pattern pattern) {
    switch (pattern) {
    case Pattern::Hold:
        return "hold";
    case Pattern::Horizontal:
        return "horizontal";
    case Pattern::Vertical:
        return "vertical";
    case Pattern::Circle:
        return "circle";
    case Pattern::Path:
        return "path";
    case Pattern::Stroke:
        return "stroke";
    case Pattern::Knead:
        return "knead";
    case Pattern::Strip:
        return "strip";
    case Pattern::Friction:
        return "friction";
    }
    return "hold";
}

const char* weekdayName(Weekday day) {
    static const char* const names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return names[static_cast<int>(day)];
}

double Routine::sideSeconds() const {
    double total = 0;
    for (const Step& step : steps) {
        total += step.durationS;
    }
    return total;
}

std::optional<Tool> Routine::toolFor(const Step& step) const {
    return step.tool ? step.tool : tool;
}

const std::string& Routine::targetFor(const Step& step) const {
    return step.target.empty() ? target : step.target;
}

} // namespace rollcoach
