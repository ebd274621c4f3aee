#include "Routine.hpp"
#include "Translate.hpp"

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
