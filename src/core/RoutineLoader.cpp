#include "RoutineLoader.hpp"
#include "Language.hpp"
#include "Translate.hpp"

#include "PrintableText.hpp"
#include "Suggest.hpp"
#include "TextFile.hpp"
#include "YamlDocument.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>

namespace rollcoach {
namespace {

using Kind = YamlNode::Kind;

// Bounds of what a routine may sensibly say. They also bound the work a hostile file can
// cause, since aliases let one small node be reached from many places.
constexpr std::size_t kMaxSteps = 100;
constexpr std::size_t kMaxBalls = 4;
constexpr std::size_t kMaxPathPoints = 50;
constexpr std::size_t kMaxSetupLines = 30;
constexpr std::size_t kMaxTextLength = 500;
constexpr double kMinStepSeconds = 1; // shorter than a cue can be read or heard
constexpr double kMaxStepSeconds = 1800;
constexpr double kMaxSwitchSeconds = 120;
constexpr double kMaxPeriodSeconds = 120;
constexpr double kMinPeriodSeconds = 0.5;
constexpr double kMaxAmplitudeCm = 15;
constexpr double kMaxCoordinateCm = 80;
constexpr int kMaxRounds = 20;
constexpr int kMaxRepeats = 100;
// Kneading circles are a hand's width at most; frictions are small circles, as the guide says.
constexpr double kMaxKneadCm = 8;
constexpr double kMaxFrictionCm = 2;

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

std::string joinOr(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            out += i + 1 == words.size() ? " or " : ", ";
        }
        out += words[i];
    }
    return out;
}

class RoutineReader {
public:
    RoutineReader(const BodyModel& body, Diagnostics& diagnostics)
        : m_body(body), m_diagnostics(diagnostics) {}

    std::optional<Routine> read(const YamlNode& root);

private:
    void error(const SourceMark& mark, const std::string& message) {
        m_diagnostics.push_back({Severity::Error, mark, message});
    }

    // A map's entries, checked: keys must be words from `known`; unknown keys are reported
    // with the nearest known one. Returns nullptr (after reporting) when it is not a map.
    const YamlNode* map(const YamlNode& node, const std::string& what,
                        const std::vector<std::string>& known) {
        if (node.kind != Kind::Map) {
            error(node.mark,
                  fillIn(_("{0} must be a map of keys, got {1}"), what, describeNode(node)));
            return nullptr;
        }
        for (const auto& [key, value] : node.entries) {
            if (key->kind != Kind::Scalar) {
                error(key->mark,
                      fillIn(_("keys must be plain words, got {0}"), describeNode(*key)));
                continue;
            }
            if (std::find(known.begin(), known.end(), key->value) != known.end()) {
                continue;
            }
            // title_de, cue_es: a text's own translation, for the texts that may have one.
            const std::size_t underscore = key->value.find('_');
            const std::string base = key->value.substr(0, underscore);
            if (underscore != std::string::npos && isTranslatable(base) &&
                std::find(known.begin(), known.end(), base) != known.end()) {
                const std::string language = key->value.substr(underscore + 1);
                if (!isLanguageName(language)) {
                    // TRANSLATORS: {0} the key, such as "title_dx", {1} the part after "_".
                    error(key->mark, fillIn(_("unknown key {0}: {1} is not a language name (a "
                                              "translation's key is such as {2}_de or {2}_es)"),
                                            quoted(key->value), quoted(language), base));
                }
                continue;
            }
            const std::string suggestion = closestMatch(key->value, known);
            if (!suggestion.empty()) {
                error(key->mark, fillIn(_("unknown key {0} in {1}: did you mean {2}?"),
                                        quoted(key->value), what, quoted(suggestion)));
            } else {
                error(key->mark, fillIn(_("unknown key {0} in {1} (known keys: {2})"),
                                        quoted(key->value), what, joinOr(known)));
            }
        }
        return &node;
    }

    // The texts a routine may give in other languages too (title_de: ...).
    static bool isTranslatable(const std::string& key) {
        return key == "title" || key == "setup" || key == "name" || key == "cue";
    }

    // Checks a text's own translations (title_de, ...) and gives the one for the person's
    // language; else the catalog's translation of the text as written (the shipped routines'
    // texts are in it), else the text as written.
    std::string local(const YamlNode& map, const std::string& key, const std::string& written,
                      bool allowEmpty = false) {
        std::optional<std::string> chosen;
        std::size_t rank = std::string::npos;
        const std::vector<std::string>& languages = preferredLanguages();
        for (const auto& [k, v] : map.entries) {
            if (k->kind != Kind::Scalar || k->value.size() <= key.size() + 1 ||
                k->value.compare(0, key.size() + 1, key + "_") != 0) {
                continue;
            }
            const std::string language = k->value.substr(key.size() + 1);
            if (!isLanguageName(language)) {
                continue;
            }
            const auto value = text(*v, k->value, allowEmpty);
            const auto at = std::find(languages.begin(), languages.end(), language);
            if (value && at != languages.end() &&
                static_cast<std::size_t>(at - languages.begin()) < rank) {
                rank = static_cast<std::size_t>(at - languages.begin());
                chosen = value;
            }
        }
        if (chosen) {
            return *chosen;
        }
        return written.empty() ? written : translate(written);
    }

    // The setup lines in the person's language: setup_de when it is given, else each line
    // through the catalog.
    std::vector<std::string> localSetup(const YamlNode& root,
                                        const std::vector<std::string>& written) {
        std::optional<std::vector<std::string>> chosen;
        std::size_t rank = std::string::npos;
        const std::vector<std::string>& languages = preferredLanguages();
        for (const auto& [k, v] : root.entries) {
            if (k->kind != Kind::Scalar || k->value.compare(0, 6, "setup_") != 0 ||
                !isLanguageName(k->value.substr(6))) {
                continue;
            }
            if (list(*v, k->value, kMaxSetupLines) == nullptr) {
                continue;
            }
            std::vector<std::string> lines;
            bool ok = true;
            for (const YamlNode* line : v->items) {
                const auto value = text(*line, k->value);
                ok = ok && value.has_value();
                lines.push_back(value.value_or(""));
            }
            const auto at = std::find(languages.begin(), languages.end(), k->value.substr(6));
            if (ok && at != languages.end() &&
                static_cast<std::size_t>(at - languages.begin()) < rank) {
                rank = static_cast<std::size_t>(at - languages.begin());
                chosen = lines;
            }
        }
        if (chosen) {
            return *chosen;
        }
        std::vector<std::string> out;
        for (const std::string& line : written) {
            out.push_back(translate(line));
        }
        return out;
    }

    static const YamlNode* find(const YamlNode& map, const std::string& key) {
        for (const auto& [k, v] : map.entries) {
            if (k->kind == Kind::Scalar && k->value == key) {
                return v;
            }
        }
        return nullptr;
    }

    const YamlNode* require(const YamlNode& map, const std::string& key, const std::string& what) {
        const YamlNode* node = find(map, key);
        if (node == nullptr) {
            error(map.mark, fillIn(_("missing required key {0} in {1}"), quoted(key), what));
        }
        return node;
    }

    std::optional<std::string> text(const YamlNode& node, const std::string& key,
                                    bool allowEmpty = false) {
        if (node.kind != Kind::Scalar) {
            error(node.mark,
                  fillIn(_("{0} must be text, got {1}"), quoted(key), describeNode(node)));
            return std::nullopt;
        }
        // A name of zero-width or no-break spaces shows as nothing, just as an empty one does.
        if (!allowEmpty && looksBlank(node.value)) {
            error(node.mark, fillIn(_("{0} must not be empty (or only spaces)"), quoted(key)));
            return std::nullopt;
        }
        if (countCharacters(node.value) > kMaxTextLength) {
            error(node.mark, fillIn(_("{0} is too long: at most {1} characters"), quoted(key),
                                    std::to_string(kMaxTextLength)));
            return std::nullopt;
        }
        return node.value;
    }

    // A number in [min, max]; `minExclusive` makes the lower bound strict (durations > 0).
    std::optional<double> number(const YamlNode& node, const std::string& key, double min,
                                 double max, bool minExclusive = false) {
        if (node.kind != Kind::Scalar || !node.plain) {
            error(node.mark,
                  fillIn(_("{0} must be a number, got {1}"), quoted(key), describeNode(node)));
            return std::nullopt;
        }
        std::string lower = node.value;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (lower.find("nan") != std::string::npos || lower.find("inf") != std::string::npos) {
            error(node.mark, fillIn(_("{0} must be a finite number, got {1}"), quoted(key),
                                    describeNode(node)));
            return std::nullopt;
        }
        const char* begin = node.value.data();
        const char* end = begin + node.value.size();
        if (begin != end && *begin == '+') {
            ++begin;
        }
        double value = 0;
        const auto [ptr, ec] = std::from_chars(begin, end, value);
        if (ec == std::errc::result_out_of_range) {
            error(node.mark,
                  fillIn(_("{0} is out of range: {1}"), quoted(key), describeNode(node)));
            return std::nullopt;
        }
        if (ec != std::errc() || ptr != end) {
            error(node.mark,
                  fillIn(_("{0} must be a number, got {1}"), quoted(key), describeNode(node)));
            return std::nullopt;
        }
        if (!std::isfinite(value)) {
            error(node.mark, fillIn(_("{0} must be a finite number, got {1}"), quoted(key),
                                    describeNode(node)));
            return std::nullopt;
        }
        const bool low = minExclusive ? value <= min : value < min;
        if (low || value > max) {
            error(node.mark,
                  fillIn(_("{0} is out of range: {1} (must be {2}{3} and at most {4})"),
                         quoted(key), node.value, (minExclusive ? "above " : _("at least ")),
                         formatNumber(min), formatNumber(max)));
            return std::nullopt;
        }
        return value;
    }

    std::optional<long long> integer(const YamlNode& node, const std::string& key, long long min,
                                     long long max) {
        if (node.kind != Kind::Scalar || !node.plain) {
            error(node.mark, fillIn(_("{0} must be a whole number, got {1}"), quoted(key),
                                    describeNode(node)));
            return std::nullopt;
        }
        long long value = 0;
        const char* begin = node.value.data();
        const char* end = begin + node.value.size();
        const auto [ptr, ec] = std::from_chars(begin, end, value);
        if (ec == std::errc::result_out_of_range) {
            error(node.mark,
                  fillIn(_("{0} is out of range: {1}"), quoted(key), describeNode(node)));
            return std::nullopt;
        }
        if (ec != std::errc() || ptr != end) {
            error(node.mark, fillIn(_("{0} must be a whole number, got {1}"), quoted(key),
                                    describeNode(node)));
            return std::nullopt;
        }
        if (value < min || value > max) {
            error(node.mark, fillIn(_("{0} is out of range: {1} (must be {2} to {3})"), quoted(key),
                                    node.value, std::to_string(min), std::to_string(max)));
            return std::nullopt;
        }
        return value;
    }

    // A word from a fixed list, with the nearest one suggested.
    std::optional<std::string> choice(const YamlNode& node, const std::string& key,
                                      const std::string& what,
                                      const std::vector<std::string>& allowed) {
        if (node.kind != Kind::Scalar) {
            error(node.mark, fillIn(_("{0} must be one of {1}, got {2}"), quoted(key),
                                    joinOr(allowed), describeNode(node)));
            return std::nullopt;
        }
        if (std::find(allowed.begin(), allowed.end(), node.value) != allowed.end()) {
            return node.value;
        }
        std::string message = "unknown " + what + " " + quoted(node.value);
        const std::string suggestion = closestMatch(node.value, allowed);
        if (!suggestion.empty()) {
            message += fillIn(_(": did you mean {0}?"), quoted(suggestion));
        } else {
            message += ": expected " + joinOr(allowed);
        }
        error(node.mark, message);
        return std::nullopt;
    }

    const YamlNode* list(const YamlNode& node, const std::string& key, std::size_t maxItems) {
        if (node.kind != Kind::Sequence) {
            error(node.mark,
                  fillIn(_("{0} must be a list, got {1}"), quoted(key), describeNode(node)));
            return nullptr;
        }
        if (node.items.size() > maxItems) {
            error(node.mark, fillIn(_("{0} has too many entries: {1}, at most {2}"), quoted(key),
                                    std::to_string(node.items.size()), std::to_string(maxItems)));
            return nullptr;
        }
        return &node;
    }

    static std::string formatNumber(double value) {
        char buffer[32];
        const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        return ec == std::errc() ? std::string(buffer, ptr) : std::string("?");
    }

    // A place on the back: centimetres ({x_cm, y_cm}), or by anatomy, resolved for the body:
    // {at: NAME, ...} or {between: [NAME, NAME], fraction: F, ...}, with offsets dx_cm and
    // dy_cm in centimetres on the person, or x_cm (y_cm) for the distance from the midline
    // (below C7) in place of the anatomy's own. `byAnatomy` is set for the second form.
    std::optional<Point> point(const YamlNode& node, const std::string& what,
                               bool* byAnatomy = nullptr) {
        if (node.kind == Kind::Map &&
            (find(node, "at") != nullptr || find(node, "between") != nullptr)) {
            if (byAnatomy != nullptr) {
                *byAnatomy = true;
            }
            return anatomyPoint(node, what);
        }
        if (map(node, what, {"x_cm", "y_cm", "at", "between"}) == nullptr) {
            return std::nullopt;
        }
        const YamlNode* x = require(node, "x_cm", what);
        const YamlNode* y = require(node, "y_cm", what);
        std::optional<double> xv;
        std::optional<double> yv;
        if (x != nullptr) {
            xv = number(*x, "x_cm", -kMaxCoordinateCm, kMaxCoordinateCm);
        }
        if (y != nullptr) {
            yv = number(*y, "y_cm", -kMaxCoordinateCm, kMaxCoordinateCm);
        }
        if (!xv || !yv) {
            return std::nullopt;
        }
        return Point{*xv, *yv};
    }

    std::optional<Point> landmark(const YamlNode& node) {
        const auto name = choice(node, "at", _("place on the body"), m_body.anatomyNames());
        if (!name) {
            return std::nullopt;
        }
        return m_body.anatomyPoint(*name);
    }

    std::optional<Point> anatomyPoint(const YamlNode& node, const std::string& what) {
        const YamlNode* at = find(node, "at");
        const YamlNode* between = find(node, "between");
        std::vector<std::string> keys = {"dx_cm", "dy_cm", "x_cm", "y_cm", "side"};
        keys.insert(keys.begin(), at != nullptr ? "at" : "between");
        if (at == nullptr) {
            keys.insert(keys.begin() + 1, "fraction");
        }
        if (at != nullptr && between != nullptr) {
            const YamlNode* later =
                between->mark.line > at->mark.line || (between->mark.line == at->mark.line &&
                                                       between->mark.column > at->mark.column)
                    ? between
                    : at;
            error(later->mark,
                  fillIn(_("{0} is placed by \"at\" or by \"between\", not both"), what));
            return std::nullopt;
        }
        if (map(node, what, keys) == nullptr) {
            return std::nullopt;
        }
        std::optional<Point> base;
        if (at != nullptr) {
            base = landmark(*at);
        } else if (list(*between, "between", 2) != nullptr) {
            if (between->items.size() != 2) {
                error(between->mark, _("\"between\" names two places on the body, e.g. [neck-side, "
                                       "acromion]"));
                return std::nullopt;
            }
            const auto from = landmark(*between->items[0]);
            const auto to = landmark(*between->items[1]);
            const YamlNode* fraction = require(node, "fraction", what);
            std::optional<double> f;
            if (fraction != nullptr) {
                f = number(*fraction, "fraction", 0, 1);
            }
            if (from && to && f) {
                base = Point{from->xCm + (to->xCm - from->xCm) * *f,
                             from->yCm + (to->yCm - from->yCm) * *f};
            }
        }
        bool ok = base.has_value();
        Point out = base.value_or(Point{});
        for (const char* axis : {"x", "y"}) {
            const std::string offsetKey = std::string("d") + axis + "_cm";
            const std::string absoluteKey = std::string(axis) + "_cm";
            const YamlNode* offset = find(node, offsetKey);
            const YamlNode* absolute = find(node, absoluteKey);
            double& value = axis[0] == 'x' ? out.xCm : out.yCm;
            if (offset != nullptr && absolute != nullptr) {
                error(
                    absolute->mark,
                    fillIn(_("{0} takes \"{1}\" (from the place) or \"{2}\" (from {3}), not both"),
                           what, offsetKey, absoluteKey,
                           (axis[0] == 'x' ? _("the midline") : "C7")));
                ok = false;
                continue;
            }
            if (offset != nullptr) {
                const auto v = number(*offset, offsetKey, -kMaxCoordinateCm, kMaxCoordinateCm);
                ok = ok && v.has_value();
                value += v.value_or(0);
            }
            if (absolute != nullptr) {
                const auto v = number(*absolute, absoluteKey, -kMaxCoordinateCm, kMaxCoordinateCm);
                ok = ok && v.has_value();
                value = v.value_or(0);
            }
        }
        // The same place on the other side of the back: a second hand, across the midline.
        if (const YamlNode* side = find(node, "side")) {
            const auto value = choice(*side, "side", "side", {"working", "other"});
            ok = ok && value.has_value();
            if (value == "other") {
                out.xCm = -out.xCm;
            }
        }
        if (!ok) {
            return std::nullopt;
        }
        return out;
    }

    std::optional<BallChoice> ball(const YamlNode& node);
    std::optional<Schedule> schedule(const YamlNode& node);
    std::optional<Motion> motion(const YamlNode& node, const std::string& where);
    std::optional<Motion> handMotion(const YamlNode& node, const std::string& pattern,
                                     const std::string& where);
    std::optional<std::vector<Point>> points(const YamlNode& node, const std::string& key,
                                             bool allowEmpty);
    std::optional<Tool> tool(const YamlNode& node);
    std::optional<Step> step(const YamlNode& node, std::size_t index);

    const BodyModel& m_body;
    Diagnostics& m_diagnostics;
    bool m_byHand = false; // the routine uses a tool: the hand motions and rests are open
};

std::optional<Tool> RoutineReader::tool(const YamlNode& node) {
    const auto name = choice(node, "tool", "tool", {"hands", "thumb", "fingers"});
    if (!name) {
        return std::nullopt;
    }
    return *name == "hands" ? Tool::Hands : *name == "thumb" ? Tool::Thumb : Tool::Fingers;
}

std::optional<std::vector<Point>> RoutineReader::points(const YamlNode& node,
                                                        const std::string& key, bool allowEmpty) {
    if (list(node, key, kMaxPathPoints) == nullptr) {
        return std::nullopt;
    }
    if (node.items.empty() && !allowEmpty) {
        error(node.mark, fillIn(_("{0} is empty: a path needs at least one point"), quoted(key)));
        return std::nullopt;
    }
    std::vector<Point> out;
    bool ok = true;
    for (const YamlNode* item : node.items) {
        const auto p = point(*item, _("path point"));
        ok = ok && p.has_value();
        if (p) {
            out.push_back(*p);
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    return out;
}

// The motions given by hand: a stroke and a strip follow a path a number of times; kneading
// and frictions are circles whose centre may travel along a path over the step.
std::optional<Motion> RoutineReader::handMotion(const YamlNode& node, const std::string& pattern,
                                                const std::string& where) {
    Motion motion;
    motion.mark = node.mark;
    const bool repeated = pattern == "stroke" || pattern == "strip";
    std::vector<std::string> keys = {"pattern", "points"};
    if (repeated) {
        keys.push_back("repeat");
    } else {
        keys.push_back("amplitude_cm");
        keys.push_back("period_s");
    }
    if (pattern == "stroke") {
        keys.push_back("return");
    }
    if (map(node, fillIn(_("{0} motion of {1}"), pattern, where), keys) == nullptr) {
        return std::nullopt;
    }
    if (!m_byHand) {
        error(node.mark,
              fillIn(_("a {0} is given by hand: it needs a routine with \"tool\" (hands, "
                       "thumb or fingers), not a ball"),
                     pattern));
        return std::nullopt;
    }
    motion.pattern = pattern == "stroke"  ? Pattern::Stroke
                     : pattern == "strip" ? Pattern::Strip
                     : pattern == "knead" ? Pattern::Knead
                                          : Pattern::Friction;
    bool ok = true;
    if (repeated) {
        if (const YamlNode* path =
                require(node, "points", fillIn(_("{0} motion of {1}"), pattern, where))) {
            const auto value = points(*path, "points", false);
            ok = ok && value.has_value();
            motion.points = value.value_or(std::vector<Point>{});
        } else {
            ok = false;
        }
        if (const YamlNode* repeat =
                require(node, "repeat", fillIn(_("{0} motion of {1}"), pattern, where))) {
            const auto value = integer(*repeat, "repeat", 1, kMaxRepeats);
            ok = ok && value.has_value();
            motion.repeat = static_cast<int>(value.value_or(1));
        } else {
            ok = false;
        }
        if (const YamlNode* back = find(node, "return")) {
            const auto value = points(*back, "return", true);
            ok = ok && value.has_value();
            motion.returnPoints = value.value_or(std::vector<Point>{});
        }
    } else {
        if (const YamlNode* path = find(node, "points")) {
            const auto value = points(*path, "points", true);
            ok = ok && value.has_value();
            motion.points = value.value_or(std::vector<Point>{});
        }
        if (const YamlNode* period =
                require(node, "period_s", fillIn(_("{0} motion of {1}"), pattern, where))) {
            const auto value = number(*period, "period_s", kMinPeriodSeconds, kMaxPeriodSeconds);
            ok = ok && value.has_value();
            motion.periodS = value.value_or(1);
        } else {
            ok = false;
        }
        const double most = pattern == "knead" ? kMaxKneadCm : kMaxFrictionCm;
        if (const YamlNode* amplitude =
                require(node, "amplitude_cm", fillIn(_("{0} motion of {1}"), pattern, where))) {
            const auto value = number(*amplitude, "amplitude_cm", 0, most, true);
            ok = ok && value.has_value();
            motion.amplitudeCm = value.value_or(0);
        } else {
            ok = false;
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    return motion;
}

std::optional<BallChoice> RoutineReader::ball(const YamlNode& node) {
    if (node.kind == Kind::Map) {
        if (map(node, "ball", {"diameter_cm"}) == nullptr) {
            return std::nullopt;
        }
        const YamlNode* diameter = require(node, "diameter_cm", "ball");
        if (diameter == nullptr) {
            return std::nullopt;
        }
        // Balls used for self-massage run from a lacrosse ball to a small physio ball.
        const auto value = number(*diameter, "diameter_cm", 3, 15);
        if (!value) {
            return std::nullopt;
        }
        return BallChoice{"custom", *value};
    }
    const auto name = choice(node, "ball", "ball", m_body.ballNames());
    if (!name) {
        return std::nullopt;
    }
    return BallChoice{*name, m_body.findBall(*name)->diameterCm};
}

std::optional<Schedule> RoutineReader::schedule(const YamlNode& node) {
    if (map(node, "schedule", {"rounds", "first_side", "switch_s", "lead_in_s", "days", "time"}) ==
        nullptr) {
        return std::nullopt;
    }
    Schedule schedule;
    bool ok = true;
    if (const YamlNode* rounds = find(node, "rounds")) {
        const auto value = integer(*rounds, "rounds", 1, kMaxRounds);
        ok = ok && value.has_value();
        schedule.rounds = static_cast<int>(value.value_or(1));
    }
    if (const YamlNode* first = find(node, "first_side")) {
        const auto value = choice(*first, "first_side", "side", {"left", "right", "auto"});
        ok = ok && value.has_value();
        if (value == "left") {
            schedule.firstSide = FirstSide::Left;
        } else if (value == "right") {
            schedule.firstSide = FirstSide::Right;
        }
    }
    if (const YamlNode* pause = find(node, "switch_s")) {
        const auto value = number(*pause, "switch_s", 1, kMaxSwitchSeconds);
        ok = ok && value.has_value();
        schedule.switchS = value.value_or(5);
    }
    if (const YamlNode* leadIn = find(node, "lead_in_s")) {
        // 0 is allowed: no get-ready, the first step starts at once.
        const auto value = number(*leadIn, "lead_in_s", 0, kMaxSwitchSeconds);
        schedule.leadInS = value.value_or(10);
    }
    if (const YamlNode* days = find(node, "days")) {
        if (list(*days, "days", 7) != nullptr) {
            const std::vector<std::string> names = {"mon", "tue", "wed", "thu",
                                                    "fri", "sat", "sun"};
            for (const YamlNode* day : days->items) {
                const auto value = choice(*day, "days", "weekday", names);
                if (!value) {
                    ok = false;
                    continue;
                }
                const auto weekday = static_cast<Weekday>(
                    std::find(names.begin(), names.end(), *value) - names.begin());
                if (std::find(schedule.days.begin(), schedule.days.end(), weekday) !=
                    schedule.days.end()) {
                    error(day->mark, fillIn(_("weekday {0} is listed twice"), quoted(*value)));
                    ok = false;
                }
                schedule.days.push_back(weekday);
            }
        } else {
            ok = false;
        }
    }
    if (const YamlNode* time = find(node, "time")) {
        // The time of day this routine is due, over the settings' time.
        schedule.minuteOfDay =
            time->kind == Kind::Scalar ? parseTimeOfDay(time->value) : std::nullopt;
        if (!schedule.minuteOfDay) {
            error(time->mark, fillIn(_("\"time\" must be a time of day as \"HH:MM\", 00:00 to "
                                       "23:59, such as \"18:30\", got {0}"),
                                     describeNode(*time)));
            ok = false;
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    return schedule;
}

std::optional<Motion> RoutineReader::motion(const YamlNode& node, const std::string& where) {
    Motion motion;
    motion.mark = node.mark;
    if (node.kind == Kind::Scalar) {
        if (!choice(node, "motion", "motion", {"hold"})) {
            return std::nullopt;
        }
        return motion;
    }
    if (node.kind != Kind::Map) {
        error(node.mark, fillIn(_("\"motion\" must be hold or a map with a pattern, got {0}"),
                                describeNode(node)));
        return std::nullopt;
    }
    const YamlNode* patternNode = find(node, "pattern");
    if (patternNode == nullptr) {
        map(node, fillIn(_("motion of {0}"), where),
            {"pattern", "amplitude_cm", "period_s", "points"});
        error(node.mark, fillIn(_("missing required key \"pattern\" in motion of {0}"), where));
        return std::nullopt;
    }
    const auto pattern = choice(
        *patternNode, "pattern", _("motion pattern"),
        {"horizontal", "vertical", "circle", "path", "stroke", "knead", "strip", "friction"});
    if (!pattern) {
        map(node, fillIn(_("motion of {0}"), where),
            {"pattern", "amplitude_cm", "period_s", "points"});
        return std::nullopt;
    }
    if (*pattern == "stroke" || *pattern == "knead" || *pattern == "strip" ||
        *pattern == "friction") {
        return handMotion(node, *pattern, where);
    }
    const bool isPath = *pattern == "path";
    if (isPath) {
        motion.pattern = Pattern::Path;
        if (map(node, fillIn(_("path motion of {0}"), where), {"pattern", "points", "period_s"}) ==
            nullptr) {
            return std::nullopt;
        }
    } else {
        motion.pattern = *pattern == "horizontal" ? Pattern::Horizontal
                         : *pattern == "vertical" ? Pattern::Vertical
                                                  : Pattern::Circle;
        if (map(node, *pattern + fillIn(_(" motion of {0}"), where),
                {"pattern", "amplitude_cm", "period_s"}) == nullptr) {
            return std::nullopt;
        }
    }
    bool ok = true;
    if (const YamlNode* period = require(node, "period_s", fillIn(_("motion of {0}"), where))) {
        const auto value = number(*period, "period_s", kMinPeriodSeconds, kMaxPeriodSeconds);
        ok = ok && value.has_value();
        motion.periodS = value.value_or(1);
    } else {
        ok = false;
    }
    if (isPath) {
        const YamlNode* points = require(node, "points", fillIn(_("path motion of {0}"), where));
        if (points != nullptr && list(*points, "points", kMaxPathPoints) != nullptr) {
            if (points->items.empty()) {
                error(points->mark, _("\"points\" is empty: a path needs at least one point"));
                ok = false;
            }
            for (const YamlNode* item : points->items) {
                const auto p = point(*item, _("path point"));
                ok = ok && p.has_value();
                if (p) {
                    motion.points.push_back(*p);
                }
            }
        } else {
            ok = false;
        }
    } else if (const YamlNode* amplitude =
                   require(node, "amplitude_cm", fillIn(_("motion of {0}"), where))) {
        const auto value = number(*amplitude, "amplitude_cm", 0, kMaxAmplitudeCm, true);
        ok = ok && value.has_value();
        motion.amplitudeCm = value.value_or(0);
    } else {
        ok = false;
    }
    if (!ok) {
        return std::nullopt;
    }
    return motion;
}

std::optional<Step> RoutineReader::step(const YamlNode& node, std::size_t index) {
    std::string where = fillIn(_("step {0}"), index + 1);
    if (map(node, where,
            {"name", "duration_s", "cue", "place", "motion", "tool", "target", "sides"}) ==
        nullptr) {
        return std::nullopt;
    }
    Step step;
    step.mark = node.mark;
    bool ok = true;
    if (const YamlNode* name = require(node, "name", where)) {
        const auto value = text(*name, "name");
        ok = ok && value.has_value();
        step.name = value ? local(node, "name", *value) : "";
        if (value) {
            // TRANSLATORS: a step in messages: {0} "step 2", {1} its name in quotes.
            where = fillIn(_("{0} ({1})"), where, quoted(*value));
        }
    } else {
        ok = false;
    }
    if (const YamlNode* duration = require(node, "duration_s", where)) {
        const auto value = number(*duration, "duration_s", kMinStepSeconds, kMaxStepSeconds);
        ok = ok && value.has_value();
        step.durationS = value.value_or(0);
    } else {
        ok = false;
    }
    if (const YamlNode* cue = find(node, "cue")) {
        const auto value = text(*cue, "cue", true);
        ok = ok && value.has_value();
        step.cue = value ? local(node, "cue", *value, true) : "";
    }
    if (const YamlNode* place = require(node, "place", where)) {
        if (list(*place, "place", kMaxBalls) != nullptr) {
            // By hand, an empty place is a rest with the hands off the back.
            if (place->items.empty() && !m_byHand) {
                error(place->mark,
                      fillIn(_("\"place\" is empty in {0}: give one entry per ball"), where));
                ok = false;
            }
            for (const YamlNode* item : place->items) {
                bool byAnatomy = false;
                const auto p = point(*item, fillIn(_("place of {0}"), where), &byAnatomy);
                ok = ok && p.has_value();
                if (p) {
                    step.place.push_back({*p, item->mark, byAnatomy});
                }
            }
        } else {
            ok = false;
        }
    } else {
        ok = false;
    }
    if (const YamlNode* motionNode = find(node, "motion")) {
        const auto value = motion(*motionNode, where);
        ok = ok && value.has_value();
        if (value) {
            step.motion = *value;
        }
    } else {
        step.motion.mark = node.mark;
    }
    if (!step.place.empty() && step.place.front().byAnatomy) {
        // Placed by anatomy, the step fits every body: its sweeps and circles are written for
        // the reference body and grow and shrink with the person, as its places do.
        const double across = m_body.widthScale;
        const double down = m_body.lengthScale;
        switch (step.motion.pattern) {
        case Pattern::Horizontal:
            step.motion.amplitudeCm *= across;
            break;
        case Pattern::Vertical:
            step.motion.amplitudeCm *= down;
            break;
        case Pattern::Circle:
        case Pattern::Knead:
        case Pattern::Friction:
            step.motion.amplitudeCm *= std::min(across, down);
            break;
        default:
            break;
        }
    }
    if (step.place.empty() && step.motion.pattern != Pattern::Hold && ok) {
        error(step.motion.mark, _("a rest with nothing in \"place\" cannot move: give the place "
                                  "of each hand, thumb or finger, or use motion: hold"));
        ok = false;
    }
    if (const YamlNode* toolNode = find(node, "tool")) {
        const auto value = tool(*toolNode);
        ok = ok && value.has_value();
        if (value && !m_byHand) {
            error(toolNode->mark, _("\"tool\" in a step needs a routine given by hand (a "
                                    "\"tool\" at the top, no ball)"));
            ok = false;
        }
        step.tool = value;
    }
    if (const YamlNode* target = find(node, "target")) {
        const auto value = choice(*target, "target", _("target muscle"), m_body.targetNames());
        ok = ok && value.has_value();
        step.target = value.value_or("");
    }
    if (const YamlNode* sides = find(node, "sides")) {
        const auto value = choice(*sides, "sides", "sides", {"each", "both"});
        ok = ok && value.has_value();
        step.bothSides = value == "both";
    }
    if (!ok) {
        return std::nullopt;
    }
    return step;
}

std::optional<Routine> RoutineReader::read(const YamlNode& root) {
    const std::vector<std::string> topKeys = {"format", "title", "drill",    "ball", "tool",
                                              "target", "setup", "schedule", "steps"};
    if (root.kind != Kind::Map) {
        error(root.mark,
              fillIn(_("a routine must be a map of keys (format, title, drill, ...), got {0}"),
                     describeNode(root)));
        return std::nullopt;
    }
    // The format comes first: keys of another format may mean other things, so nothing
    // else is checked in a file this version cannot read.
    const YamlNode* format = find(root, "format");
    if (format == nullptr) {
        error(root.mark,
              fillIn(_("missing required key \"format\" (this version reads format {0})"),
                     std::to_string(kRoutineFormat)));
        return std::nullopt;
    }
    const auto formatValue = integer(*format, "format", 0, 1000000);
    if (!formatValue) {
        return std::nullopt;
    }
    if (*formatValue != kRoutineFormat) {
        error(format->mark,
              fillIn(_("unknown format {0}: this version of rollcoach reads format {1}"),
                     std::to_string(*formatValue), std::to_string(kRoutineFormat)));
        return std::nullopt;
    }

    map(root, _("the routine"), topKeys);
    Routine routine;
    bool ok = true;
    if (const YamlNode* title = require(root, "title", _("the routine"))) {
        const auto value = text(*title, "title");
        ok = ok && value.has_value();
        routine.title = value ? local(root, "title", *value) : "";
        routine.key = value.value_or("");
    } else {
        ok = false;
    }
    const YamlNode* drill = require(root, "drill", _("the routine"));
    if (drill != nullptr) {
        const auto value =
            choice(*drill, "drill", "drill", {"wall", "lying", "partner", "self-press"});
        ok = ok && value.has_value();
        routine.drill = value == "lying"        ? Drill::Lying
                        : value == "partner"    ? Drill::Partner
                        : value == "self-press" ? Drill::SelfPress
                                                : Drill::Wall;
    } else {
        ok = false;
    }
    // Exactly one of a ball or a tool, as the drill asks: the ball drills roll a ball, the
    // others are given by hand.
    m_byHand = byHand(routine.drill);
    const YamlNode* ballNode = find(root, "ball");
    const YamlNode* toolNode = find(root, "tool");
    if (ballNode != nullptr && toolNode != nullptr) {
        const YamlNode* later = ballNode->mark.line > toolNode->mark.line ||
                                        (ballNode->mark.line == toolNode->mark.line &&
                                         ballNode->mark.column > toolNode->mark.column)
                                    ? ballNode
                                    : toolNode;
        error(later->mark, _("a routine uses a ball or a tool, not both: remove \"ball\" or "
                             "\"tool\""));
        ok = false;
    } else if (m_byHand) {
        if (ballNode != nullptr) {
            error(ballNode->mark, fillIn(_("the {0} drill is given by hand: use \"tool\" (hands, "
                                           "thumb or fingers), not \"ball\""),
                                         drillName(routine.drill)));
            ok = false;
        } else if (toolNode == nullptr) {
            error(root.mark,
                  fillIn(_("missing required key \"tool\" in the routine (hands, thumb or "
                           "fingers: the {0} drill is given by hand)"),
                         std::string(drillName(routine.drill))));
            ok = false;
        }
    } else if (toolNode != nullptr && drill != nullptr && ok) {
        error(toolNode->mark, fillIn(_("the {0} drill rolls a ball: use \"ball\", not \"tool\" (a "
                                       "tool is for the partner and self-press drills)"),
                                     drillName(routine.drill)));
        ok = false;
    } else if (ballNode == nullptr && toolNode == nullptr) {
        error(root.mark, _("missing required key \"ball\" in the routine"));
        ok = false;
    }
    if (ballNode != nullptr && toolNode == nullptr && !m_byHand) {
        const auto value = ball(*ballNode);
        ok = ok && value.has_value();
        if (value) {
            routine.ball = *value;
        }
    }
    if (toolNode != nullptr && ballNode == nullptr && m_byHand) {
        const auto value = tool(*toolNode);
        ok = ok && value.has_value();
        routine.tool = value;
    }
    if (const YamlNode* target = find(root, "target")) {
        const auto value = choice(*target, "target", _("target muscle"), m_body.targetNames());
        ok = ok && value.has_value();
        routine.target = value.value_or("");
    }
    if (const YamlNode* setup = find(root, "setup")) {
        if (list(*setup, "setup", kMaxSetupLines) != nullptr) {
            for (const YamlNode* line : setup->items) {
                const auto value = text(*line, "setup");
                ok = ok && value.has_value();
                if (value) {
                    routine.setup.push_back(*value);
                }
            }
        } else {
            ok = false;
        }
    }
    routine.setup = localSetup(root, routine.setup);
    if (const YamlNode* scheduleNode = find(root, "schedule")) {
        const auto value = schedule(*scheduleNode);
        ok = ok && value.has_value();
        if (value) {
            routine.schedule = *value;
        }
    }
    if (const YamlNode* steps = require(root, "steps", _("the routine"))) {
        if (list(*steps, "steps", kMaxSteps) != nullptr) {
            if (steps->items.empty()) {
                error(steps->mark, _("\"steps\" is empty: a routine needs at least one step"));
                ok = false;
            }
            for (std::size_t i = 0; i < steps->items.size(); ++i) {
                const auto value = step(*steps->items[i], i);
                ok = ok && value.has_value();
                if (value) {
                    routine.steps.push_back(*value);
                }
            }
            // Steps for both sides at once open or close the session; between steps of one
            // side they would break the side in two.
            bool seenOneSide = false;
            bool closing = false;
            for (const Step& s : routine.steps) {
                if (!s.bothSides) {
                    if (closing) {
                        error(
                            s.mark,
                            fillIn(_("step \"{0}\" works one side but comes after a step for both "
                                     "sides that follows the steps of one side: steps for both "
                                     "sides go before or after those of one side"),
                                   s.name));
                        ok = false;
                        break;
                    }
                    seenOneSide = true;
                } else if (seenOneSide) {
                    closing = true;
                }
            }
        } else {
            ok = false;
        }
    } else {
        ok = false;
    }
    if (!ok || hasErrors(m_diagnostics)) {
        return std::nullopt;
    }
    return routine;
}

} // namespace

RoutineLoad parseRoutine(const std::string& text, const BodyModel& body) {
    RoutineLoad load;
    YamlLimits limits;
    limits.maxBytes = kMaxRoutineBytes;
    YamlDocument document = YamlDocument::parse(text, load.diagnostics, limits);
    if (document.root() == nullptr) {
        if (load.diagnostics.empty()) {
            load.diagnostics.push_back({Severity::Error, {1, 1}, _("the file is empty")});
        }
        return load;
    }
    RoutineReader reader(body, load.diagnostics);
    load.routine = reader.read(*document.root());
    if (hasErrors(load.diagnostics)) {
        load.routine.reset();
    }
    std::stable_sort(load.diagnostics.begin(), load.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.mark.line != b.mark.line ? a.mark.line < b.mark.line
                                                           : a.mark.column < b.mark.column;
                     });
    return load;
}

RoutineLoad loadRoutineFile(const std::string& path, const BodyModel& body) {
    TextFile file = readTextFile(path, kMaxRoutineBytes);
    if (!file.error.empty()) {
        RoutineLoad load;
        load.diagnostics.push_back({Severity::Error, {}, file.error});
        return load;
    }
    RoutineLoad load = parseRoutine(file.text, body);
    load.hash = routineHash(file.text);
    return load;
}

} // namespace rollcoach
