#include "RoutineDraft.hpp"
#include "Translate.hpp"

#include "Language.hpp"
#include "PrintableText.hpp"
#include "RoutineTemplate.hpp"
#include "SafetyCheck.hpp"
#include "Translate.hpp"
#include "YamlDocument.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

namespace rollcoach {

namespace {

// Within this distance of the midline a place keeps its distance from the midline in
// centimetres: the spine's keep-out band is as wide on every body, so "7.5 cm out" must mean
// 7.5 cm on everyone.
constexpr double kNearSpineCm = 9;

double hundredths(double value) {
    const double rounded = std::round(value * 100) / 100;
    return rounded == 0 ? 0 : rounded; // no "-0"
}

std::string formatNumber(double value) {
    if (value == 0) {
        return "0";
    }
    char buffer[32];
    const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, ptr) : std::string("0");
}

std::optional<double> parseNumber(const std::string& text) {
    std::size_t first = text.find_first_not_of(" \t");
    std::size_t last = text.find_last_not_of(" \t");
    if (first == std::string::npos) {
        return std::nullopt;
    }
    const char* begin = text.data() + first;
    const char* end = text.data() + last + 1;
    if (*begin == '+') {
        ++begin;
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

// A number as the editor shows it: as many decimals as the file writes, with the language's
// separator ("0,5" in German); the file keeps "0.5".
std::string shownNumber(double value) {
    const std::string written = formatNumber(value);
    const std::size_t point = written.find('.');
    if (point == std::string::npos || written.find_first_of("eE") != std::string::npos) {
        return written;
    }
    return humanDecimal(value, static_cast<int>(written.size() - point - 1));
}

// More than one decimal separator, a point or a comma ("1,2,3", "0,5.5"): no number, as
// neither a decimal nor a thousands separator can be guessed.
bool hasTwoSeparators(const std::string& text) {
    const std::size_t separator = text.find_first_of(".,");
    return separator != std::string::npos &&
           text.find_first_of(".,", separator + 1) != std::string::npos;
}

// A number as a person types it into the editor: with a point or a comma, whatever the
// language, so "0,5" and "0.5" are the same half.
std::optional<double> typedNumber(const std::string& text) {
    if (hasTwoSeparators(text)) {
        return std::nullopt;
    }
    std::string withPoint = text;
    if (const std::size_t comma = withPoint.find(','); comma != std::string::npos) {
        withPoint[comma] = '.';
    }
    return parseNumber(withPoint);
}

// Text YAML reads back as the very same text without quotes: letters first, no character
// that means something to YAML, no word it reads as true, false or null.
bool plainIsSafe(const std::string& text) {
    if (text.empty() || text.size() > 200) {
        return false;
    }
    const unsigned char first = static_cast<unsigned char>(text.front());
    if (!std::isalpha(first) || text.back() == ' ') {
        return false;
    }
    for (const char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f ||
            std::string(":#{}[],&*!|>'\"%@`\\").find(c) != std::string::npos) {
            return false;
        }
    }
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* word : {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}) {
        if (lower == word) {
            return false;
        }
    }
    return true;
}

std::string yamlText(const std::string& text) {
    if (plainIsSafe(text)) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7f) {
            // Written as an escape so the file stays one line per key; the loader refuses it.
            static const char digits[] = "0123456789abcdef";
            out += "\\x";
            out += digits[u >> 4];
            out += digits[u & 15];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string placeText(const PlaceSpec& place) {
    std::string out = "{";
    auto add = [&out](const std::string& key, const std::string& value) {
        if (out.size() > 1) {
            out += ", ";
        }
        out += key + ": " + value;
    };
    if (place.form == PlaceSpec::Form::At) {
        add("at", place.at);
    } else if (place.form == PlaceSpec::Form::Between) {
        add("between", "[" + place.at + ", " + place.to + "]");
        add("fraction", formatNumber(place.fraction));
    }
    if (place.xCm) {
        add("x_cm", formatNumber(*place.xCm));
    }
    if (place.dxCm) {
        add("dx_cm", formatNumber(*place.dxCm));
    }
    if (place.yCm) {
        add("y_cm", formatNumber(*place.yCm));
    }
    if (place.dyCm) {
        add("dy_cm", formatNumber(*place.dyCm));
    }
    if (place.byAnatomy() && place.otherSide) {
        add("side", "other");
    }
    return out + "}";
}

void writePoints(std::string& out, const char* key, const std::vector<PlaceSpec>& points) {
    out += "      " + std::string(key) + ":\n";
    for (const PlaceSpec& point : points) {
        out += "        - " + placeText(point) + "\n";
    }
}

const YamlNode* find(const YamlNode* map, const std::string& key) {
    if (map == nullptr || map->kind != YamlNode::Kind::Map) {
        return nullptr;
    }
    for (const auto& [k, v] : map->entries) {
        if (k->value == key) {
            return v;
        }
    }
    return nullptr;
}

double numberOf(const YamlNode* node, double fallback = 0) {
    return node != nullptr ? parseNumber(node->value).value_or(fallback) : fallback;
}

std::string textOf(const YamlNode* node) {
    return node != nullptr ? node->value : std::string();
}

std::optional<double> optionalNumber(const YamlNode* map, const char* key) {
    const YamlNode* node = find(map, key);
    return node != nullptr ? parseNumber(node->value) : std::nullopt;
}

PlaceSpec readPlace(const YamlNode* node) {
    PlaceSpec place;
    place.xCm = optionalNumber(node, "x_cm");
    place.yCm = optionalNumber(node, "y_cm");
    place.dxCm = optionalNumber(node, "dx_cm");
    place.dyCm = optionalNumber(node, "dy_cm");
    if (const YamlNode* at = find(node, "at")) {
        place.form = PlaceSpec::Form::At;
        place.at = at->value;
    } else if (const YamlNode* between = find(node, "between")) {
        place.form = PlaceSpec::Form::Between;
        if (between->items.size() == 2) {
            place.at = between->items[0]->value;
            place.to = between->items[1]->value;
        }
        place.fraction = numberOf(find(node, "fraction"));
    }
    place.otherSide = textOf(find(node, "side")) == "other";
    return place;
}

std::vector<PlaceSpec> readPlaces(const YamlNode* list) {
    std::vector<PlaceSpec> out;
    if (list != nullptr) {
        for (const YamlNode* item : list->items) {
            out.push_back(readPlace(item));
        }
    }
    return out;
}

std::optional<Tool> toolNamed(const std::string& name) {
    if (name == "hands") {
        return Tool::Hands;
    }
    if (name == "thumb") {
        return Tool::Thumb;
    }
    if (name == "fingers") {
        return Tool::Fingers;
    }
    return std::nullopt;
}

std::optional<Drill> drillNamed(const std::string& name) {
    for (const Drill drill : {Drill::Wall, Drill::Lying, Drill::Partner, Drill::SelfPress}) {
        if (name == drillName(drill)) {
            return drill;
        }
    }
    return std::nullopt;
}

const std::vector<Pattern>& ballPatterns() {
    static const std::vector<Pattern> patterns = {
        Pattern::Hold, Pattern::Horizontal, Pattern::Vertical, Pattern::Circle, Pattern::Path};
    return patterns;
}

const std::vector<Pattern>& handPatterns() {
    static const std::vector<Pattern> patterns = {
        Pattern::Hold,   Pattern::Horizontal, Pattern::Vertical, Pattern::Circle,  Pattern::Path,
        Pattern::Stroke, Pattern::Knead,      Pattern::Strip,    Pattern::Friction};
    return patterns;
}

std::optional<Pattern> patternNamed(const std::string& name) {
    for (const Pattern pattern : handPatterns()) {
        if (name == patternName(pattern)) {
            return pattern;
        }
    }
    return std::nullopt;
}

// Text compared as a person means it: blanks around it and the case of its letters aside
// (the ASCII ones and the accented Latin ones, "Ü" as "ü").
std::string folded(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t");
    std::string out = first == std::string::npos
                          ? ""
                          : text.substr(first, text.find_last_not_of(" \t") - first + 1);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c + ('a' - 'A'));
        } else if (c == 0xC3 && i + 1 < out.size()) {
            // U+00C0-U+00DE are the capitals of U+00E0-U+00FE, all but the multiplication sign.
            const auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) {
                out[i + 1] = static_cast<char>(next + 0x20);
            }
            ++i;
        }
    }
    return out;
}

bool sameWords(const std::string& typed, const std::string& words) {
    return folded(typed) == folded(words);
}

// A weekday by its keyword ("mon"), or by its short or long name in the language ("Mo",
// "Montag"), so the days are typed as they are shown.
std::optional<Weekday> weekdayNamed(const std::string& name) {
    for (int i = 0; i < 7; ++i) {
        if (name == weekdayName(static_cast<Weekday>(i)) || sameWords(name, weekdayShortName(i)) ||
            sameWords(name, weekdayLongName(i))) {
            return static_cast<Weekday>(i);
        }
    }
    return std::nullopt;
}

// The days as the language writes them short: "Mo Di Mi Do Fr Sa So".
std::string shortDayNames() {
    std::string out;
    for (int i = 0; i < 7; ++i) {
        out += (i == 0 ? "" : " ") + weekdayShortName(i);
    }
    return out;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    for (const char c : text + " ") {
        if (c == ' ' || c == ',' || c == '\t') {
            if (!word.empty()) {
                out.push_back(word);
            }
            word.clear();
        } else {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

bool hasAmplitude(Pattern pattern) {
    return pattern == Pattern::Horizontal || pattern == Pattern::Vertical ||
           pattern == Pattern::Circle || pattern == Pattern::Knead || pattern == Pattern::Friction;
}
bool hasPeriod(Pattern pattern) {
    return pattern != Pattern::Hold && pattern != Pattern::Stroke && pattern != Pattern::Strip;
}
bool hasRepeat(Pattern pattern) {
    return pattern == Pattern::Stroke || pattern == Pattern::Strip;
}
bool hasPoints(Pattern pattern) {
    return pattern == Pattern::Path || pattern == Pattern::Stroke || pattern == Pattern::Strip;
}
double maxAmplitude(Pattern pattern) {
    return pattern == Pattern::Knead ? 8 : pattern == Pattern::Friction ? 2 : 15;
}

// How a step's sweep written for the reference body grows on this one (see the loader).
double amplitudeScale(Pattern pattern, const BodyModel& body) {
    switch (pattern) {
    case Pattern::Horizontal:
        return body.widthScale;
    case Pattern::Vertical:
        return body.lengthScale;
    case Pattern::Circle:
    case Pattern::Knead:
    case Pattern::Friction:
        return std::min(body.widthScale, body.lengthScale);
    default:
        return 1;
    }
}

struct NumberRange {
    double min;
    double max;
    bool minExclusive;
    bool whole;
    const char* unit;
};

std::optional<NumberRange> rangeOf(const DraftRoutine& routine, std::size_t step,
                                   DraftField field) {
    switch (field) {
    case DraftField::Rounds:
        return NumberRange{1, 20, false, true, "rounds"};
    case DraftField::SwitchS:
        return NumberRange{1, 120, false, false, "s"};
    case DraftField::LeadInS:
        return NumberRange{0, 120, false, false, "s"};
    case DraftField::BallSize:
        return NumberRange{3, 15, false, false, "cm"};
    case DraftField::Duration:
        return NumberRange{1, 1800, false, false, "s"};
    case DraftField::Period:
        return NumberRange{0.5, 120, false, false, "s"};
    case DraftField::Repeat:
        return NumberRange{1, 100, false, true, "times"};
    case DraftField::Amplitude: {
        const Pattern pattern =
            step < routine.steps.size() ? routine.steps[step].motion.pattern : Pattern::Circle;
        return NumberRange{0, maxAmplitude(pattern), true, false, "cm"};
    }
    default:
        return std::nullopt;
    }
}

std::string rangeText(const NumberRange& range) {
    return (range.minExclusive ? fillIn(_("over {0}, up to "), shownNumber(range.min))
                               : shownNumber(range.min) + "-") +
           shownNumber(range.max) + " " + range.unit;
}

bool isTextField(DraftField field) {
    return field == DraftField::Title || field == DraftField::StepName ||
           field == DraftField::Cue || field == DraftField::Days || field == DraftField::Time ||
           field == DraftField::SetupLine;
}

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return "";
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// A muscle a routine or a step targets, by the body's label when there is one.
std::string targetWords(const std::string& target, const std::string& none, const BodyModel* body) {
    if (target.empty()) {
        return none;
    }
    const Muscle* muscle = body != nullptr ? body->findMuscle(target) : nullptr;
    return muscle != nullptr && !muscle->label.empty() ? muscle->label : target;
}

std::string ballWords(const BallChoice& ball, const BodyModel* body) {
    if (ball.kind == "custom") {
        return _("of its own size");
    }
    const BallKind* kind = body != nullptr ? body->findBall(ball.kind) : nullptr;
    return kind != nullptr && !kind->label.empty() ? kind->label : ball.kind;
}

std::string noMuscle() {
    // TRANSLATORS: the muscle a routine targets, when it names none.
    return C_("muscle", "none");
}

// The English words of a step's "as the routine", accepted in every language as the keywords are.
bool asTheRoutineInEnglish(const std::string& text) {
    return folded(text) == "as the routine"; // untranslated: the English words, in every language
}

std::string asTheRoutine() {
    // TRANSLATORS: a step's tool or muscle when the step names none of its own.
    return _("as the routine");
}

} // namespace

PlaceSpec PlaceSpec::centimetres(Point point) {
    PlaceSpec place;
    place.xCm = point.xCm;
    place.yCm = point.yCm;
    return place;
}

std::optional<Point> resolvePlace(const PlaceSpec& place, const BodyModel& body) {
    if (place.form == PlaceSpec::Form::Centimetres) {
        return Point{place.xCm.value_or(0), place.yCm.value_or(0)};
    }
    std::optional<Point> base;
    if (place.form == PlaceSpec::Form::At) {
        base = body.anatomyPoint(place.at);
    } else {
        const auto from = body.anatomyPoint(place.at);
        const auto to = body.anatomyPoint(place.to);
        if (from && to) {
            base = Point{from->xCm + (to->xCm - from->xCm) * place.fraction,
                         from->yCm + (to->yCm - from->yCm) * place.fraction};
        }
    }
    if (!base) {
        return std::nullopt;
    }
    Point out = *base;
    // The same order of operations as the loader, so the very same doubles come out.
    if (place.dxCm) {
        out.xCm += *place.dxCm;
    }
    if (place.xCm) {
        out.xCm = *place.xCm;
    }
    if (place.dyCm) {
        out.yCm += *place.dyCm;
    }
    if (place.yCm) {
        out.yCm = *place.yCm;
    }
    if (place.otherSide) {
        out.xCm = -out.xCm;
    }
    return out;
}

std::string placeYaml(const PlaceSpec& place) {
    return placeText(place);
}

PlaceSpec placeByAnatomy(Point point, const BodyModel& body) {
    const bool nearSpine = std::abs(point.xCm) <= kNearSpineCm;
    const bool across = !nearSpine && point.xCm < 0;
    const Point working{std::abs(point.xCm), point.yCm};
    const AnatomyPoint* nearest = nullptr;
    double best = std::numeric_limits<double>::infinity();
    for (const AnatomyPoint& named : body.anatomy) {
        const double dx = named.at.xCm - working.xCm;
        const double dy = named.at.yCm - working.yCm;
        const double distance = dx * dx + dy * dy;
        if (distance < best) {
            best = distance;
            nearest = &named;
        }
    }
    if (nearest == nullptr) {
        return PlaceSpec::centimetres({hundredths(point.xCm), hundredths(point.yCm)});
    }
    PlaceSpec place;
    place.form = PlaceSpec::Form::At;
    place.at = nearest->name;
    if (nearSpine) {
        place.xCm = hundredths(point.xCm);
    } else {
        const double dx = hundredths(working.xCm - nearest->at.xCm);
        if (dx != 0) {
            place.dxCm = dx;
        }
        place.otherSide = across;
    }
    const double dy = hundredths(working.yCm - nearest->at.yCm);
    if (dy != 0) {
        place.dyCm = dy;
    }
    return place;
}

std::string placementText(const PlaceSpec& place) {
    return placeText(place);
}

PlacementRead parsePlacement(const std::string& text, const BodyModel& body) {
    PlacementRead read;
    std::string given = trimmed(text);
    while (!given.empty() && (given.back() == '\n' || given.back() == '\r')) {
        given = trimmed(given.substr(0, given.size() - 1));
    }
    if (given.rfind("- ", 0) == 0) {
        given = trimmed(given.substr(2));
    }
    if (given.empty()) {
        read.problem = _("the clipboard is empty");
        return read;
    }
    const std::string example = "{at: scapula-inner-edge, dx_cm: 1, dy_cm: 2}";
    Diagnostics diagnostics;
    YamlLimits limits;
    limits.maxBytes = 4096;
    const YamlDocument document = YamlDocument::parse(given, diagnostics, limits);
    const YamlNode* root = document.root();
    if (!diagnostics.empty() || root == nullptr || root->kind != YamlNode::Kind::Map) {
        read.problem = fillIn(_("not a placement: copy one in the explorer, such as {0}"), example);
        return read;
    }
    PlaceSpec place;
    bool hasSide = false;
    bool hasFraction = false;
    for (const auto& [key, value] : root->entries) {
        const std::string& name = key->value;
        const bool number = name == "dx_cm" || name == "dy_cm" || name == "x_cm" ||
                            name == "y_cm" || name == "fraction";
        if (number) {
            const auto parsed =
                value->kind == YamlNode::Kind::Scalar ? parseNumber(value->value) : std::nullopt;
            if (!parsed || std::abs(*parsed) > 80 ||
                (name == "fraction" && (*parsed < 0 || *parsed > 1))) {
                read.problem =
                    name == "fraction"
                        ? _("\"fraction\" must be a number from 0 to 1")
                        : fillIn(_("\"{0}\" must be a number of centimetres, -80 to 80"), name);
                return read;
            }
            if (name == "fraction") {
                place.fraction = *parsed;
                hasFraction = true;
            } else {
                (name == "dx_cm"   ? place.dxCm
                 : name == "dy_cm" ? place.dyCm
                 : name == "x_cm"  ? place.xCm
                                   : place.yCm) = *parsed;
            }
        } else if (name == "at" && value->kind == YamlNode::Kind::Scalar) {
            place.form = PlaceSpec::Form::At;
            place.at = value->value;
        } else if (name == "between" && value->kind == YamlNode::Kind::Sequence &&
                   value->items.size() == 2) {
            place.form = PlaceSpec::Form::Between;
            place.at = value->items[0]->value;
            place.to = value->items[1]->value;
        } else if (name == "side" && value->kind == YamlNode::Kind::Scalar &&
                   (value->value == "other" || value->value == "working")) {
            place.otherSide = value->value == "other";
            hasSide = true;
        } else {
            read.problem = fillIn(_("\"{0}\" is not part of a placement, such as {1}"),
                                  printable(name), example);
            return read;
        }
    }
    if ((place.form == PlaceSpec::Form::Between) != hasFraction) {
        read.problem = _("\"between\" takes two places and a \"fraction\" from 0 to 1");
        return read;
    }
    if ((place.dxCm && place.xCm) || (place.dyCm && place.yCm)) {
        read.problem = _("give dx_cm or x_cm, dy_cm or y_cm: not both");
        return read;
    }
    if (!place.byAnatomy() && (!place.xCm || !place.yCm || hasSide)) {
        read.problem = fillIn(_("not a placement: it names no place, such as {0}"), example);
        return read;
    }
    for (const std::string& named : {place.at, place.to}) {
        if (place.byAnatomy() && !named.empty() && !body.anatomyPoint(named)) {
            read.problem = fillIn(_("\"{0}\" is not a place on the body"), printable(named));
            return read;
        }
    }
    if (place.form == PlaceSpec::Form::At && place.at.empty()) {
        read.problem = fillIn(_("not a placement: it names no place, such as {0}"), example);
        return read;
    }
    if (!resolvePlace(place, body)) {
        read.problem = fillIn(_("not a placement: copy one in the explorer, such as {0}"), example);
        return read;
    }
    read.place = place;
    return read;
}

std::string writeRoutineYaml(const DraftRoutine& routine) {
    std::string out = "format: 1\n";
    out += "title: " + yamlText(routine.title) + "\n";
    out += std::string("drill: ") + drillName(routine.drill) + "\n";
    if (byHand(routine.drill)) {
        out += std::string("tool: ") + toolName(routine.tool.value_or(Tool::Hands)) + "\n";
    } else if (routine.ball.kind == "custom") {
        out += "ball: {diameter_cm: " + formatNumber(routine.ball.diameterCm) + "}\n";
    } else {
        out += "ball: " + routine.ball.kind + "\n";
    }
    if (!routine.target.empty()) {
        out += "target: " + routine.target + "\n";
    }
    if (!routine.setup.empty()) {
        out += "setup:\n";
        for (const std::string& line : routine.setup) {
            out += "  - " + yamlText(line) + "\n";
        }
    }
    const Schedule& schedule = routine.schedule;
    out += "schedule:\n";
    out += "  rounds: " + std::to_string(schedule.rounds) + "\n";
    out += std::string("  first_side: ") +
           (schedule.firstSide == FirstSide::Left    ? "left"
            : schedule.firstSide == FirstSide::Right ? "right"
                                                     : "auto") +
           "\n";
    out += "  switch_s: " + formatNumber(schedule.switchS) + "\n";
    out += "  lead_in_s: " + formatNumber(schedule.leadInS) + "\n";
    if (!schedule.days.empty()) {
        out += "  days: [";
        for (std::size_t i = 0; i < schedule.days.size(); ++i) {
            out += (i > 0 ? ", " : "") + std::string(weekdayName(schedule.days[i]));
        }
        out += "]\n";
    }
    if (schedule.minuteOfDay) {
        out += "  time: \"" + timeOfDayText(*schedule.minuteOfDay) + "\"\n";
    }
    out += "steps:\n";
    for (const DraftStep& step : routine.steps) {
        out += "  - name: " + yamlText(step.name) + "\n";
        if (step.bothSides) {
            out += "    sides: both\n";
        }
        if (step.tool) {
            out += std::string("    tool: ") + toolName(*step.tool) + "\n";
        }
        if (!step.target.empty()) {
            out += "    target: " + step.target + "\n";
        }
        out += "    duration_s: " + formatNumber(step.durationS) + "\n";
        if (!step.cue.empty()) {
            out += "    cue: " + yamlText(step.cue) + "\n";
        }
        if (step.place.empty()) {
            out += "    place: []\n";
        } else {
            out += "    place:\n";
            for (const PlaceSpec& place : step.place) {
                out += "      - " + placeText(place) + "\n";
            }
        }
        const DraftMotion& motion = step.motion;
        if (motion.pattern == Pattern::Hold) {
            out += "    motion: hold\n";
            continue;
        }
        out += "    motion:\n";
        out += std::string("      pattern: ") + patternName(motion.pattern) + "\n";
        if (hasAmplitude(motion.pattern)) {
            out += "      amplitude_cm: " + formatNumber(motion.amplitudeCm) + "\n";
        }
        if (hasPeriod(motion.pattern)) {
            out += "      period_s: " + formatNumber(motion.periodS) + "\n";
        }
        if (hasPoints(motion.pattern) || !motion.points.empty()) {
            writePoints(out, "points", motion.points);
        }
        if (motion.pattern == Pattern::Stroke && !motion.returnPoints.empty()) {
            writePoints(out, "return", motion.returnPoints);
        }
        if (hasRepeat(motion.pattern)) {
            out += "      repeat: " + std::to_string(motion.repeat) + "\n";
        }
    }
    return out;
}

DraftRead readDraft(const std::string& text, const BodyModel& body) {
    DraftRead read;
    RoutineLoad load = parseRoutine(text, body);
    if (!load.routine) {
        read.diagnostics = std::move(load.diagnostics);
        return read;
    }
    Diagnostics ignored;
    const YamlDocument document = YamlDocument::parse(text, ignored);
    const YamlNode* root = document.root();
    const Routine& loaded = *load.routine;
    DraftRoutine draft;
    draft.title = loaded.title;
    draft.drill = loaded.drill;
    draft.ball = loaded.ball.kind.empty() ? BallChoice{"tennis", 0} : loaded.ball;
    draft.tool = loaded.tool;
    draft.target = loaded.target;
    draft.setup = loaded.setup;
    draft.schedule = loaded.schedule;
    const YamlNode* steps = find(root, "steps");
    for (std::size_t i = 0; i < loaded.steps.size() && steps != nullptr; ++i) {
        const Step& from = loaded.steps[i];
        const YamlNode* node = steps->items[i];
        DraftStep step;
        step.name = from.name;
        step.durationS = from.durationS;
        step.cue = from.cue;
        step.tool = from.tool;
        step.target = from.target;
        step.bothSides = from.bothSides;
        step.place = readPlaces(find(node, "place"));
        // Lengths as written: a step placed by anatomy gives them for the reference body.
        const YamlNode* motion = find(node, "motion");
        step.motion.pattern = from.motion.pattern;
        step.motion.amplitudeCm = numberOf(find(motion, "amplitude_cm"));
        step.motion.periodS = from.motion.periodS;
        step.motion.repeat = from.motion.repeat;
        step.motion.points = readPlaces(find(motion, "points"));
        step.motion.returnPoints = readPlaces(find(motion, "return"));
        draft.steps.push_back(std::move(step));
    }
    read.draft = std::move(draft);
    return read;
}

DraftRoutine templateDraft(const std::string& drill, const std::string& title,
                           const BodyModel& body) {
    const std::string text =
        "format: 1\ntitle: " + yamlText(title) + "\n" + routineTemplateBody(drill);
    DraftRead read = readDraft(text, body);
    if (!read.draft) {
        return DraftRoutine{};
    }
    // Written in centimetres for the average man, its places go by anatomy, grown or shrunk from
    // the average man's to the person's: down the back with the height, across with the shoulders,
    // but beside the spine by the same centimetres (the keep-out band does not shrink).
    auto fitted = [&body](const PlaceSpec& place) {
        if (place.byAnatomy()) {
            return place;
        }
        const double x = place.xCm.value_or(0);
        const double across = std::abs(x) <= kNearSpineCm ? x : x * body.widthScale;
        return placeByAnatomy({across, place.yCm.value_or(0) * body.lengthScale}, body);
    };
    for (DraftStep& step : read.draft->steps) {
        for (auto* places : {&step.place, &step.motion.points, &step.motion.returnPoints}) {
            for (PlaceSpec& place : *places) {
                place = fitted(place);
            }
        }
    }
    return *read.draft;
}

std::string drillWords(Drill drill) {
    switch (drill) {
    case Drill::Wall:
        return _("wall drill");
    case Drill::Lying:
        return _("lying drill");
    case Drill::Partner:
        return _("partner massage");
    case Drill::SelfPress:
        return _("self-press drill");
    }
    return drillName(drill);
}

std::string patternWords(Pattern pattern) {
    // TRANSLATORS: a step's motion as the editor offers it. hold: the ball stays put;
    // horizontal, vertical: rolled side to side, up and down; circle: small circles; path:
    // along points; stroke: effleurage; knead: petrissage; strip: stripping, slow pressure
    // along a muscle; friction: small deep circles.
    switch (pattern) {
    case Pattern::Hold:
        return C_("motion", "hold");
    case Pattern::Horizontal:
        return C_("motion", "horizontal");
    case Pattern::Vertical:
        return C_("motion", "vertical");
    case Pattern::Circle:
        return C_("motion", "circles");
    case Pattern::Path:
        return C_("motion", "path");
    case Pattern::Stroke:
        return C_("motion", "stroke");
    case Pattern::Knead:
        return C_("motion", "knead");
    case Pattern::Strip:
        return C_("motion", "strip");
    case Pattern::Friction:
        return C_("motion", "friction");
    }
    return patternName(pattern);
}

std::string toolWords(Tool tool) {
    // TRANSLATORS: what presses in a massage given by hand, as the editor offers it.
    switch (tool) {
    case Tool::Hands:
        return C_("tool", "hands");
    case Tool::Thumb:
        return C_("tool", "thumb");
    case Tool::Fingers:
        return C_("tool", "fingertips");
    }
    return toolName(tool);
}

std::string firstSideWords(FirstSide side) {
    // TRANSLATORS: the side a session starts on; "by turns": the other side from last time.
    switch (side) {
    case FirstSide::Left:
        return C_("first side", "left");
    case FirstSide::Right:
        return C_("first side", "right");
    case FirstSide::Auto:
        return C_("first side", "by turns");
    }
    return "";
}

std::string sidesWords(bool bothSides) {
    // TRANSLATORS: a step's sides: both at once, or run on each side in turn.
    return bothSides ? C_("sides", "both at once") : C_("sides", "each in turn");
}

std::optional<std::string> choiceKeyword(DraftField field, const std::string& text,
                                         const BodyModel* body) {
    auto from = [&text](auto values, auto keyword, auto words) -> std::optional<std::string> {
        for (const auto value : values) {
            if (folded(text) == keyword(value) || sameWords(text, words(value))) {
                return std::string(keyword(value));
            }
        }
        return std::nullopt;
    };
    switch (field) {
    case DraftField::Drill:
        return from(std::initializer_list<Drill>{Drill::Wall, Drill::Lying, Drill::Partner,
                                                 Drill::SelfPress},
                    drillName, drillWords);
    case DraftField::Pattern:
        return from(handPatterns(), patternName, patternWords);
    case DraftField::Tool:
    case DraftField::StepTool:
        if (field == DraftField::StepTool &&
            (sameWords(text, asTheRoutine()) || asTheRoutineInEnglish(text))) {
            return std::string();
        }
        return from(std::initializer_list<Tool>{Tool::Hands, Tool::Thumb, Tool::Fingers}, toolName,
                    toolWords);
    case DraftField::FirstSide:
        return from(
            std::initializer_list<FirstSide>{FirstSide::Left, FirstSide::Right, FirstSide::Auto},
            [](FirstSide side) {
                return side == FirstSide::Left    ? "left"
                       : side == FirstSide::Right ? "right"
                                                  : "auto";
            },
            firstSideWords);
    case DraftField::Sides:
        return from(
            std::initializer_list<bool>{true, false},
            [](bool both) { return both ? "both" : "each"; }, sidesWords);
    case DraftField::Days:
        if (const auto day = weekdayNamed(trimmed(text))) {
            return std::string(weekdayName(*day));
        }
        return std::nullopt;
    case DraftField::Ball:
        if (folded(text) == "custom" || sameWords(text, _("of its own size"))) {
            return std::string("custom");
        }
        if (body != nullptr) {
            for (const std::string& name : body->ballNames()) {
                if (folded(text) == name || sameWords(text, ballWords({name, 0}, body))) {
                    return name;
                }
            }
            return std::nullopt;
        }
        return trimmed(text);
    case DraftField::Target:
    case DraftField::StepTarget: {
        const std::string none = field == DraftField::Target ? noMuscle() : asTheRoutine();
        if (sameWords(text, none) ||
            (field == DraftField::Target ? folded(text) == "none" : asTheRoutineInEnglish(text))) {
            return std::string();
        }
        if (body != nullptr) {
            for (const std::string& name : body->targetNames()) {
                if (folded(text) == name || sameWords(text, targetWords(name, "", body))) {
                    return name;
                }
            }
            return std::nullopt;
        }
        return trimmed(text);
    }
    default:
        return std::nullopt;
    }
}

std::vector<FieldView> routineFields(const DraftRoutine& routine, const BodyModel* body) {
    using Kind = FieldView::Kind;
    std::vector<FieldView> out;
    out.push_back(
        {DraftField::Title, Kind::Text, _("Title"), routine.title, _("at most 500 characters")});
    out.push_back({DraftField::Drill, Kind::Choice, _("Drill"), drillWords(routine.drill), ""});
    if (byHand(routine.drill)) {
        out.push_back({DraftField::Tool, Kind::Choice, _("Tool"),
                       toolWords(routine.tool.value_or(Tool::Hands)), ""});
    } else {
        out.push_back(
            {DraftField::Ball, Kind::Choice, _("Ball"), ballWords(routine.ball, body), ""});
        if (routine.ball.kind == "custom") {
            out.push_back({DraftField::BallSize, Kind::Number, _("Ball size"),
                           shownNumber(routine.ball.diameterCm), _("3-15 cm across")});
        }
    }
    out.push_back({DraftField::Target, Kind::Choice, _("Muscle"),
                   targetWords(routine.target, noMuscle(), body), ""});
    const Schedule& schedule = routine.schedule;
    out.push_back(
        {DraftField::Rounds, Kind::Number, _("Rounds"), std::to_string(schedule.rounds), "1-20"});
    out.push_back({DraftField::FirstSide, Kind::Choice, _("First side"),
                   firstSideWords(schedule.firstSide), ""});
    out.push_back({DraftField::LeadInS, Kind::Number, _("Get ready"), shownNumber(schedule.leadInS),
                   "0-120 s"});
    out.push_back({DraftField::SwitchS, Kind::Number, _("Switch sides"),
                   shownNumber(schedule.switchS), "1-120 s"});
    std::string days;
    for (const Weekday day : schedule.days) {
        days += (days.empty() ? "" : " ") + weekdayShortName(static_cast<int>(day));
    }
    // TRANSLATORS: the days field's example: {0} Monday, {1} Thursday, as short names.
    out.push_back({DraftField::Days, Kind::Text, _("Days"), days,
                   fillIn(_("e.g. {0} {1}"), weekdayShortName(0), weekdayShortName(3))});
    out.push_back({DraftField::Time, Kind::Text, _("Time"),
                   schedule.minuteOfDay ? timeOfDayText(*schedule.minuteOfDay) : std::string(),
                   _("HH:MM; empty: your settings' time")});
    for (std::size_t i = 0; i < routine.setup.size(); ++i) {
        out.push_back({DraftField::SetupLine, Kind::Text, fillIn(_("Setup {0}"), i + 1),
                       routine.setup[i], _("at most 500 characters"), i});
    }
    if (routine.setup.empty()) {
        // Typed into, it becomes the first line.
        out.push_back(
            {DraftField::SetupLine, Kind::Text, _("Setup"), "", _("Ctrl+L: a new line"), 0});
    }
    return out;
}

std::vector<FieldView> stepFields(const DraftRoutine& routine, std::size_t index,
                                  const BodyModel* body) {
    using Kind = FieldView::Kind;
    std::vector<FieldView> out;
    if (index >= routine.steps.size()) {
        return out;
    }
    const DraftStep& step = routine.steps[index];
    const Pattern pattern = step.motion.pattern;
    out.push_back(
        {DraftField::StepName, Kind::Text, _("Name"), step.name, _("at most 500 characters")});
    out.push_back({DraftField::Duration, Kind::Number, _("Duration"), shownNumber(step.durationS),
                   "1-1800 s"});
    out.push_back({DraftField::Pattern, Kind::Choice, _("Motion"), patternWords(pattern), ""});
    if (hasAmplitude(pattern)) {
        out.push_back({DraftField::Amplitude, Kind::Number, _("Size"),
                       shownNumber(step.motion.amplitudeCm),
                       fillIn(_("up to {0} cm"), shownNumber(maxAmplitude(pattern)))});
    }
    if (hasPeriod(pattern)) {
        out.push_back({DraftField::Period, Kind::Number, _("Period"),
                       shownNumber(step.motion.periodS), shownNumber(0.5) + "-120 s"});
    }
    if (hasRepeat(pattern)) {
        out.push_back({DraftField::Repeat, Kind::Number, _("Repeat"),
                       std::to_string(step.motion.repeat), "1-100"});
    }
    if (byHand(routine.drill)) {
        out.push_back({DraftField::StepTool, Kind::Choice, _("Tool"),
                       step.tool ? toolWords(*step.tool) : asTheRoutine(), ""});
    }
    out.push_back({DraftField::StepTarget, Kind::Choice, _("Muscle"),
                   targetWords(step.target, asTheRoutine(), body), ""});
    out.push_back({DraftField::Sides, Kind::Choice, _("Sides"), sidesWords(step.bothSides), ""});
    out.push_back({DraftField::Cue, Kind::Text, _("Cue"), step.cue, _("at most 500 characters")});
    return out;
}

std::string fieldProblem(const DraftRoutine& routine, std::size_t step, DraftField field,
                         const std::string& text) {
    if (field == DraftField::Days) {
        for (const std::string& word : words(text)) {
            if (!weekdayNamed(word)) {
                // TRANSLATORS: {1} the days' short names: "Mo Di Mi Do Fr Sa So".
                return fillIn(_("\"{0}\" is not a day: {1}"), printable(word), shortDayNames());
            }
        }
        return "";
    }
    if (field == DraftField::Time) {
        if (trimmed(text).empty() || parseTimeOfDay(trimmed(text))) {
            return "";
        }
        return _("a time of day as HH:MM, 00:00 to 23:59; empty: your settings' time");
    }
    if (isTextField(field)) {
        const std::size_t count = countCharacters(text);
        if (count > kMaxDraftText) {
            return fillIn(_("{0} characters: at most {1}"), std::to_string(count),
                          std::to_string(kMaxDraftText));
        }
        if (findControlCharacter(text)) {
            return _("a control character cannot be shown");
        }
        if (field == DraftField::SetupLine && looksBlank(text)) {
            return _("empty: write the instruction, or delete the line with Ctrl+Shift+L");
        }
        if (field != DraftField::Cue && looksBlank(text)) {
            return _("empty: give it a name");
        }
        return "";
    }
    const auto range = rangeOf(routine, step, field);
    if (!range) {
        return "";
    }
    const auto value = typedNumber(text);
    if (!value) {
        if (hasTwoSeparators(text)) {
            // TRANSLATORS: {0} what was typed, "1,2,3"; {1} the field's limits, "1-1800 s".
            return fillIn(_("\"{0}\" has more than one decimal separator: a number, {1}"),
                          printable(trimmed(text)), rangeText(*range));
        }
        return fillIn(_("a number, {0}"), rangeText(*range));
    }
    if (*value < range->min || (range->minExclusive && *value <= range->min) ||
        *value > range->max || (range->whole && std::floor(*value) != *value)) {
        return (range->whole ? _("a whole number, ") : "") + rangeText(*range);
    }
    return "";
}

template <typename Change> void RoutineDraft::change(const std::string& key, Change&& apply) {
    const bool joins = !key.empty() && key == m_runKey && !m_undo.empty();
    const std::string before = writeRoutineYaml(m_routine);
    Snapshot snapshot{m_routine, m_revision};
    apply(m_routine);
    if (writeRoutineYaml(m_routine) == before) {
        return; // nothing changed: nothing to undo
    }
    if (!joins) {
        m_undo.push_back(std::move(snapshot));
    }
    m_redo.clear();
    m_revision = m_nextRevision++;
    m_runKey = key;
}

void RoutineDraft::addStep(std::size_t after) {
    if (m_routine.steps.size() >= kMaxDraftSteps) {
        return;
    }
    endRun();
    change("", [after](DraftRoutine& routine) {
        const std::size_t at = std::min(after + 1, routine.steps.size());
        DraftStep step;
        step.name = "Step " + std::to_string(routine.steps.size() + 1);
        step.durationS = 30;
        if (!routine.steps.empty()) {
            step.place = routine.steps[std::min(after, routine.steps.size() - 1)].place;
        }
        if (step.place.empty() && !byHand(routine.drill)) {
            step.place.push_back(PlaceSpec::centimetres({7.5, 9}));
        }
        routine.steps.insert(routine.steps.begin() + static_cast<std::ptrdiff_t>(at), step);
    });
}

void RoutineDraft::duplicateStep(std::size_t index) {
    if (index >= m_routine.steps.size() || m_routine.steps.size() >= kMaxDraftSteps) {
        return;
    }
    endRun();
    change("", [index](DraftRoutine& routine) {
        const DraftStep copy = routine.steps[index];
        routine.steps.insert(routine.steps.begin() + static_cast<std::ptrdiff_t>(index + 1), copy);
    });
}

void RoutineDraft::deleteStep(std::size_t index) {
    // A routine keeps at least one step: the format needs one.
    if (index >= m_routine.steps.size() || m_routine.steps.size() <= 1) {
        return;
    }
    endRun();
    change("", [index](DraftRoutine& routine) {
        routine.steps.erase(routine.steps.begin() + static_cast<std::ptrdiff_t>(index));
    });
}

bool RoutineDraft::moveStep(std::size_t index, int delta) {
    const long to = static_cast<long>(index) + delta;
    if (index >= m_routine.steps.size() || to < 0 ||
        to >= static_cast<long>(m_routine.steps.size()) || delta == 0) {
        return false;
    }
    endRun();
    change("", [index, to](DraftRoutine& routine) {
        DraftStep moved = std::move(routine.steps[index]);
        routine.steps.erase(routine.steps.begin() + static_cast<std::ptrdiff_t>(index));
        routine.steps.insert(routine.steps.begin() + to, std::move(moved));
    });
    return true;
}

std::string RoutineDraft::setField(DraftField field, std::size_t index, const std::string& text,
                                   bool typing, const BodyModel* body) {
    const std::string problem = fieldProblem(m_routine, index, field, text);
    const bool stepField = field >= DraftField::StepName;
    if (stepField && index >= m_routine.steps.size()) {
        return problem;
    }
    const bool itemField = stepField || field == DraftField::SetupLine;
    const std::string key = typing ? "field:" + std::to_string(static_cast<int>(field)) + ":" +
                                         std::to_string(itemField ? index : 0)
                                   : std::string();
    if (!typing) {
        endRun();
    }
    if (field == DraftField::SetupLine) {
        // Typed into the line after the last (the empty list's one row), it is a new line.
        if (index > m_routine.setup.size() ||
            (index == m_routine.setup.size() &&
             (text.empty() || m_routine.setup.size() >= kMaxDraftSetup))) {
            return problem;
        }
    }
    if (isTextField(field) && field != DraftField::Days && field != DraftField::Time) {
        // Text is kept as typed, even over its limit: the limit is shown, and saving waits.
        change(key, [&](DraftRoutine& routine) {
            if (field == DraftField::SetupLine) {
                if (index == routine.setup.size()) {
                    routine.setup.push_back(text);
                } else {
                    routine.setup[index] = text;
                }
            } else if (field == DraftField::Title) {
                routine.title = text;
            } else if (field == DraftField::StepName) {
                routine.steps[index].name = text;
            } else {
                routine.steps[index].cue = text;
            }
        });
        return problem;
    }
    if (!problem.empty()) {
        return problem;
    }
    // A choice is given by its keyword or by its words in the language, as the editor shows it.
    const std::optional<std::string> keyword = choiceKeyword(field, text, body);
    change(key, [&](DraftRoutine& routine) {
        const auto number = typedNumber(text).value_or(0);
        Schedule& schedule = routine.schedule;
        switch (field) {
        case DraftField::Days: {
            std::vector<Weekday> days;
            for (const std::string& word : words(text)) {
                const Weekday day = *weekdayNamed(word);
                if (std::find(days.begin(), days.end(), day) == days.end()) {
                    days.push_back(day);
                }
            }
            schedule.days = days;
            break;
        }
        case DraftField::Time:
            schedule.minuteOfDay =
                trimmed(text).empty() ? std::nullopt : parseTimeOfDay(trimmed(text));
            break;
        case DraftField::Rounds:
            schedule.rounds = static_cast<int>(number);
            break;
        case DraftField::SwitchS:
            schedule.switchS = number;
            break;
        case DraftField::LeadInS:
            schedule.leadInS = number;
            break;
        case DraftField::BallSize:
            routine.ball.diameterCm = number;
            break;
        case DraftField::Duration:
            routine.steps[index].durationS = number;
            break;
        case DraftField::Amplitude:
            routine.steps[index].motion.amplitudeCm = number;
            break;
        case DraftField::Period:
            routine.steps[index].motion.periodS = number;
            break;
        case DraftField::Repeat:
            routine.steps[index].motion.repeat = static_cast<int>(number);
            break;
        case DraftField::Drill:
            if (const auto drill = drillNamed(keyword.value_or(""))) {
                routine.drill = *drill;
            }
            break;
        case DraftField::Ball:
            if (keyword && !keyword->empty()) {
                routine.ball = BallChoice{
                    *keyword, *keyword == "custom"
                                  ? (routine.ball.diameterCm > 0 ? routine.ball.diameterCm : 6.7)
                                  : 0};
            }
            break;
        case DraftField::Tool:
            if (keyword) {
                routine.tool = toolNamed(*keyword);
            }
            break;
        case DraftField::Target:
            if (keyword) {
                routine.target = *keyword;
            }
            break;
        case DraftField::FirstSide:
            if (keyword) {
                schedule.firstSide = *keyword == "left"    ? FirstSide::Left
                                     : *keyword == "right" ? FirstSide::Right
                                                           : FirstSide::Auto;
            }
            break;
        case DraftField::StepTool:
            if (keyword) {
                routine.steps[index].tool = toolNamed(*keyword);
            }
            break;
        case DraftField::StepTarget:
            if (keyword) {
                routine.steps[index].target = *keyword;
            }
            break;
        case DraftField::Sides:
            if (keyword) {
                routine.steps[index].bothSides = *keyword == "both";
            }
            break;
        case DraftField::Pattern:
            if (const auto pattern = patternNamed(keyword.value_or(""))) {
                routine.steps[index].motion.pattern = *pattern;
            }
            break;
        default:
            break;
        }
    });
    return "";
}

namespace {

template <typename T> T stepThrough(const std::vector<T>& choices, const T& current, int delta) {
    if (choices.empty()) {
        return current;
    }
    const auto it = std::find(choices.begin(), choices.end(), current);
    const long n = static_cast<long>(choices.size());
    const long at = it == choices.end() ? 0 : static_cast<long>(it - choices.begin());
    return choices[static_cast<std::size_t>(((at + delta) % n + n) % n)];
}

// A motion's points for a new pattern: up the back for strokes and strips (effleurage goes
// toward the heart), down it for a path; a hand's sweep is small.
void startMotion(DraftStep& step, Pattern pattern, const BodyModel& body) {
    DraftMotion& motion = step.motion;
    motion.pattern = pattern;
    if (step.place.empty()) {
        step.place.push_back(placeByAnatomy({7.5, 10}, body));
    }
    const Point first = resolvePlace(step.place.front(), body).value_or(Point{7.5, 10});
    auto along = [&](double dyCm) {
        return std::vector<PlaceSpec>{placeByAnatomy({first.xCm, first.yCm + dyCm}, body)};
    };
    motion.points.clear();
    motion.returnPoints.clear();
    if (hasAmplitude(pattern) &&
        (motion.amplitudeCm <= 0 || motion.amplitudeCm > maxAmplitude(pattern))) {
        motion.amplitudeCm = pattern == Pattern::Friction ? 0.5 : 1.5;
    }
    if (hasPeriod(pattern) && (motion.periodS < 0.5 || motion.periodS > 120)) {
        motion.periodS = pattern == Pattern::Friction ? 1.5 : pattern == Pattern::Knead ? 3 : 6;
    }
    if (hasRepeat(pattern) && motion.repeat < 1) {
        motion.repeat = std::clamp(static_cast<int>(step.durationS / 10), 1, 100);
    }
    if (pattern == Pattern::Path) {
        motion.points = along(5);
    } else if (pattern == Pattern::Stroke || pattern == Pattern::Strip) {
        motion.points = along(first.yCm > 8 ? -6 : 4);
    }
    if (pattern == Pattern::Hold) {
        motion = DraftMotion{};
    }
}

} // namespace

void RoutineDraft::cycleField(DraftField field, std::size_t index, int delta,
                              const BodyModel& body) {
    const bool stepField = field >= DraftField::StepName;
    if (stepField && index >= m_routine.steps.size()) {
        return;
    }
    endRun();
    change("", [&](DraftRoutine& routine) {
        switch (field) {
        case DraftField::Drill: {
            const Drill before = routine.drill;
            routine.drill = stepThrough(
                {Drill::Wall, Drill::Lying, Drill::Partner, Drill::SelfPress}, before, delta);
            if (byHand(routine.drill) && !byHand(before)) {
                routine.tool = routine.drill == Drill::SelfPress ? Tool::Fingers : Tool::Hands;
            } else if (!byHand(routine.drill) && byHand(before)) {
                // A ball rolls: no tool, no motions given by hand, no rest off the back.
                routine.tool.reset();
                for (DraftStep& step : routine.steps) {
                    step.tool.reset();
                    if (isHandMotion(step.motion.pattern)) {
                        step.motion = DraftMotion{};
                    }
                    if (step.place.empty()) {
                        step.place.push_back(placeByAnatomy({7.5, 10}, body));
                    }
                }
            }
            break;
        }
        case DraftField::Ball: {
            // The body model's balls, then one of its own size (first as big as the last).
            std::vector<std::string> names = body.ballNames();
            names.push_back("custom");
            const BallKind* before = body.findBall(routine.ball.kind);
            const double size = routine.ball.kind == "custom" ? routine.ball.diameterCm
                                : before != nullptr           ? before->diameterCm
                                                              : 6.7;
            const std::string next = stepThrough(names, routine.ball.kind, delta);
            routine.ball = BallChoice{next, next == "custom" ? size : 0};
            break;
        }
        case DraftField::Tool:
            routine.tool = stepThrough({Tool::Hands, Tool::Thumb, Tool::Fingers},
                                       routine.tool.value_or(Tool::Hands), delta);
            break;
        case DraftField::Target: {
            std::vector<std::string> names = body.targetNames();
            names.insert(names.begin(), "");
            routine.target = stepThrough(names, routine.target, delta);
            break;
        }
        case DraftField::FirstSide:
            routine.schedule.firstSide =
                stepThrough({FirstSide::Auto, FirstSide::Left, FirstSide::Right},
                            routine.schedule.firstSide, delta);
            break;
        case DraftField::Pattern: {
            DraftStep& step = routine.steps[index];
            const auto& patterns = byHand(routine.drill) ? handPatterns() : ballPatterns();
            startMotion(step, stepThrough(patterns, step.motion.pattern, delta), body);
            break;
        }
        case DraftField::StepTool: {
            DraftStep& step = routine.steps[index];
            const std::vector<std::optional<Tool>> tools = {std::nullopt, Tool::Hands, Tool::Thumb,
                                                            Tool::Fingers};
            step.tool = stepThrough(tools, step.tool, delta);
            break;
        }
        case DraftField::StepTarget: {
            std::vector<std::string> names = body.targetNames();
            names.insert(names.begin(), "");
            routine.steps[index].target = stepThrough(names, routine.steps[index].target, delta);
            break;
        }
        case DraftField::Sides:
            routine.steps[index].bothSides = !routine.steps[index].bothSides;
            break;
        default:
            break;
        }
    });
}

namespace {

// Puts one of a step's places at `place`; the motion's points are where the first one goes, so
// they move with it.
void putPlace(DraftStep& step, std::size_t which, const PlaceSpec& place, Point to,
              const BodyModel& body) {
    const bool wasByAnatomy = step.place.front().byAnatomy();
    const auto from = resolvePlace(step.place[which], body);
    step.place[which] = place;
    if (which != 0 || !from) {
        return;
    }
    const double dx = to.xCm - from->xCm;
    const double dy = to.yCm - from->yCm;
    for (auto* points : {&step.motion.points, &step.motion.returnPoints}) {
        for (PlaceSpec& point : *points) {
            if (const auto at = resolvePlace(point, body)) {
                point = placeByAnatomy({at->xCm + dx, at->yCm + dy}, body);
            }
        }
    }
    if (!wasByAnatomy && place.byAnatomy()) {
        // Placed by anatomy, a sweep is written for the reference body: keep its size on
        // this one.
        step.motion.amplitudeCm /= amplitudeScale(step.motion.pattern, body);
    }
}

std::vector<PlaceSpec>& pointsOf(DraftStep& step, PointList list) {
    return list == PointList::Return ? step.motion.returnPoints : step.motion.points;
}

} // namespace

void RoutineDraft::movePlace(std::size_t index, std::size_t which, Point to, const BodyModel& body,
                             bool dragging) {
    if (index >= m_routine.steps.size() || which >= m_routine.steps[index].place.size()) {
        return;
    }
    const std::string key =
        dragging ? "drag:" + std::to_string(index) + ":" + std::to_string(which) : std::string();
    if (!dragging) {
        endRun();
    }
    change(key, [&](DraftRoutine& routine) {
        putPlace(routine.steps[index], which, placeByAnatomy(to, body), to, body);
    });
}

bool RoutineDraft::setPlace(std::size_t index, std::size_t which, const PlaceSpec& place,
                            const BodyModel& body) {
    if (index >= m_routine.steps.size()) {
        return false;
    }
    const auto to = resolvePlace(place, body);
    const DraftStep& step = m_routine.steps[index];
    if (!to || which > step.place.size() || which >= kMaxDraftPlaces) {
        return false;
    }
    endRun();
    change("", [&](DraftRoutine& routine) {
        DraftStep& changed = routine.steps[index];
        if (which == changed.place.size()) {
            // A rest with the hands off the back gets its first hand.
            changed.place.push_back(place);
        } else {
            putPlace(changed, which, place, *to, body);
        }
    });
    return true;
}

const std::vector<PlaceSpec>& motionPoints(const DraftStep& step, PointList list) {
    return list == PointList::Return ? step.motion.returnPoints : step.motion.points;
}

std::size_t fewestPoints(Pattern pattern, PointList list) {
    return list == PointList::Points && hasPoints(pattern) ? 1 : 0;
}

std::size_t mostPoints(Pattern pattern, PointList list) {
    if (list == PointList::Return) {
        return pattern == Pattern::Stroke ? kMaxDraftPoints : 0;
    }
    return hasPoints(pattern) || pattern == Pattern::Knead || pattern == Pattern::Friction
               ? kMaxDraftPoints
               : 0;
}

void RoutineDraft::movePoint(std::size_t index, PointList list, std::size_t which, Point to,
                             const BodyModel& body, bool dragging) {
    if (index >= m_routine.steps.size() ||
        which >= motionPoints(m_routine.steps[index], list).size()) {
        return;
    }
    const std::string key = dragging ? "point:" + std::to_string(index) + ":" +
                                           std::to_string(static_cast<int>(list)) + ":" +
                                           std::to_string(which)
                                     : std::string();
    if (!dragging) {
        endRun();
    }
    change(key, [&](DraftRoutine& routine) {
        pointsOf(routine.steps[index], list)[which] = placeByAnatomy(to, body);
    });
}

bool RoutineDraft::setPoint(std::size_t index, PointList list, std::size_t which,
                            const PlaceSpec& place) {
    if (index >= m_routine.steps.size() ||
        which >= motionPoints(m_routine.steps[index], list).size()) {
        return false;
    }
    endRun();
    change("", [&](DraftRoutine& routine) { pointsOf(routine.steps[index], list)[which] = place; });
    return true;
}

bool RoutineDraft::addPoint(std::size_t index, PointList list, std::size_t after,
                            const BodyModel& body) {
    if (index >= m_routine.steps.size()) {
        return false;
    }
    const DraftStep& step = m_routine.steps[index];
    const std::vector<PlaceSpec>& points = motionPoints(step, list);
    if (points.size() >= mostPoints(step.motion.pattern, list)) {
        return false;
    }
    auto at = [&body](const PlaceSpec& place) {
        return resolvePlace(place, body).value_or(Point{7.5, 10});
    };
    const Point start = step.place.empty() ? Point{7.5, 10} : at(step.place.front());
    // The whole way: the place, the points, and for a stroke the way back to the place.
    std::vector<Point> way;
    if (list == PointList::Points) {
        way.push_back(start);
    } else {
        way.push_back(step.motion.points.empty() ? start : at(step.motion.points.back()));
    }
    for (const PlaceSpec& point : points) {
        way.push_back(at(point));
    }
    const std::size_t slot = std::min(after + 1, points.size()); // where the new one goes
    Point made;
    if (slot < points.size()) {
        // Halfway between its neighbours.
        const Point a = way[slot];
        const Point b = way[slot + 1];
        made = {(a.xCm + b.xCm) / 2, (a.yCm + b.yCm) / 2};
    } else if (list == PointList::Return) {
        // Back toward the place, out to the side of the way the hands pressed.
        const Point a = way.back();
        made = {(a.xCm + start.xCm) / 2 + 3, (a.yCm + start.yCm) / 2};
    } else if (way.size() >= 2) {
        // On past the last, as far again as the last part of the way.
        const Point a = way[way.size() - 2];
        const Point b = way.back();
        const double length = std::hypot(b.xCm - a.xCm, b.yCm - a.yCm);
        const double scale = length > 0.5 ? std::min(1.0, 4 / length) : 0;
        made = scale > 0 ? Point{b.xCm + (b.xCm - a.xCm) * scale, b.yCm + (b.yCm - a.yCm) * scale}
                         : Point{b.xCm, b.yCm + 4};
        const bool pressedUp =
            step.motion.pattern == Pattern::Stroke || step.motion.pattern == Pattern::Strip;
        if (pressedUp && made.yCm >= b.yCm) {
            made = {b.xCm, b.yCm - 4}; // effleurage goes up, toward the heart
        }
    } else {
        // Strokes and strips go up the back, toward the heart; a path down it.
        const bool up =
            step.motion.pattern == Pattern::Stroke || step.motion.pattern == Pattern::Strip;
        made = {start.xCm, start.yCm + (up ? -4 : 4)};
    }
    endRun();
    change("", [&](DraftRoutine& routine) {
        std::vector<PlaceSpec>& list_ = pointsOf(routine.steps[index], list);
        list_.insert(list_.begin() + static_cast<std::ptrdiff_t>(slot), placeByAnatomy(made, body));
    });
    return true;
}

bool RoutineDraft::removePoint(std::size_t index, PointList list, std::size_t which) {
    if (index >= m_routine.steps.size()) {
        return false;
    }
    const DraftStep& step = m_routine.steps[index];
    const std::vector<PlaceSpec>& points = motionPoints(step, list);
    if (which >= points.size() || points.size() <= fewestPoints(step.motion.pattern, list)) {
        return false;
    }
    endRun();
    change("", [&](DraftRoutine& routine) {
        std::vector<PlaceSpec>& list_ = pointsOf(routine.steps[index], list);
        list_.erase(list_.begin() + static_cast<std::ptrdiff_t>(which));
    });
    return true;
}

bool RoutineDraft::addSetupLine(std::size_t after, const std::string& text) {
    if (m_routine.setup.size() >= kMaxDraftSetup) {
        return false;
    }
    endRun();
    // A new line is empty until typed into: the change is the line itself.
    const std::size_t at = std::min(after + 1, m_routine.setup.size());
    m_undo.push_back({m_routine, m_revision});
    m_redo.clear();
    m_routine.setup.insert(m_routine.setup.begin() + static_cast<std::ptrdiff_t>(at), text);
    m_revision = m_nextRevision++;
    return true;
}

bool RoutineDraft::deleteSetupLine(std::size_t line) {
    if (line >= m_routine.setup.size()) {
        return false;
    }
    endRun();
    m_undo.push_back({m_routine, m_revision});
    m_redo.clear();
    m_routine.setup.erase(m_routine.setup.begin() + static_cast<std::ptrdiff_t>(line));
    m_revision = m_nextRevision++;
    return true;
}

bool RoutineDraft::moveSetupLine(std::size_t line, int delta) {
    const long to = static_cast<long>(line) + delta;
    if (line >= m_routine.setup.size() || to < 0 ||
        to >= static_cast<long>(m_routine.setup.size()) || delta == 0) {
        return false;
    }
    endRun();
    change("", [line, to](DraftRoutine& routine) {
        std::string moved = std::move(routine.setup[line]);
        routine.setup.erase(routine.setup.begin() + static_cast<std::ptrdiff_t>(line));
        routine.setup.insert(routine.setup.begin() + to, std::move(moved));
    });
    return true;
}

bool RoutineDraft::addPlace(std::size_t index, const BodyModel& body) {
    if (index >= m_routine.steps.size() || m_routine.steps[index].place.size() >= kMaxDraftPlaces) {
        return false;
    }
    endRun();
    change("", [&](DraftRoutine& routine) {
        DraftStep& step = routine.steps[index];
        if (step.place.empty()) {
            step.place.push_back(placeByAnatomy({7.5, 10}, body));
            return;
        }
        // A second one mirrors the first across the spine, as two hands or a peanut ball do;
        // more go a little lower.
        const Point first = resolvePlace(step.place.front(), body).value_or(Point{7.5, 10});
        const Point last = resolvePlace(step.place.back(), body).value_or(first);
        const Point at =
            step.place.size() == 1 ? Point{-first.xCm, first.yCm} : Point{last.xCm, last.yCm + 4};
        PlaceSpec place = step.place.size() == 1 ? step.place.front() : placeByAnatomy(at, body);
        if (step.place.size() == 1) {
            if (place.byAnatomy()) {
                place.otherSide = !place.otherSide;
            } else {
                place = PlaceSpec::centimetres(at);
            }
        }
        step.place.push_back(place);
    });
    return true;
}

bool RoutineDraft::removePlace(std::size_t index) {
    if (index >= m_routine.steps.size()) {
        return false;
    }
    const DraftStep& step = m_routine.steps[index];
    // By hand a step may rest with the hands off the back, if it holds still; a ball stays.
    const std::size_t fewest =
        byHand(m_routine.drill) && step.motion.pattern == Pattern::Hold ? 0 : 1;
    if (step.place.size() <= fewest) {
        return false;
    }
    endRun();
    change("", [index](DraftRoutine& routine) { routine.steps[index].place.pop_back(); });
    return true;
}

bool RoutineDraft::undo() {
    endRun();
    if (m_undo.empty()) {
        return false;
    }
    m_redo.push_back({m_routine, m_revision});
    m_routine = std::move(m_undo.back().routine);
    m_revision = m_undo.back().revision;
    m_undo.pop_back();
    return true;
}

bool RoutineDraft::redo() {
    endRun();
    if (m_redo.empty()) {
        return false;
    }
    m_undo.push_back({m_routine, m_revision});
    m_routine = std::move(m_redo.back().routine);
    m_revision = m_redo.back().revision;
    m_redo.pop_back();
    return true;
}

RoutineLoad RoutineDraft::check(const BodyModel& body) const {
    RoutineLoad load = parseRoutine(yaml(), body);
    if (load.routine) {
        checkPlacements(load, body);
    }
    return load;
}

} // namespace rollcoach
