#include "Routine.hpp"

namespace rollcoach {

Side otherSide(Side side) {
    return side == Side::Left ? Side::Right : Side::Left;
}

const char* sideName(Side side) {
    return side == Side::Left ? "left" : "right";
}

const char* drillName(Drill drill) {
    return drill == Drill::Wall ? "wall" : "lying";
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

} // namespace rollcoach
