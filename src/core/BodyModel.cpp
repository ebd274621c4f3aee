#include "BodyModel.hpp"

#include "TextFile.hpp"
#include "YamlDocument.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace rollcoach {
namespace {

// The app's own data file is trusted less than code but more than a routine: any problem
// in it is fatal and reported with its place.
class DataReader {
public:
    explicit DataReader(std::string fileName) : m_fileName(std::move(fileName)) {}

    [[noreturn]] void fail(const SourceMark& mark, const std::string& message) const {
        throw DataFileError(formatDiagnostic(m_fileName, {Severity::Error, mark, message}));
    }

    const YamlNode& child(const YamlNode& map, const std::string& key) const {
        if (map.kind != YamlNode::Kind::Map) {
            fail(map.mark, "expected a map holding \"" + key + "\"");
        }
        for (const auto& [k, v] : map.entries) {
            if (k->kind == YamlNode::Kind::Scalar && k->value == key) {
                return *v;
            }
        }
        fail(map.mark, "missing key \"" + key + "\"");
    }

    double number(const YamlNode& node) const {
        if (node.kind == YamlNode::Kind::Scalar) {
            char* end = nullptr;
            const double value = std::strtod(node.value.c_str(), &end);
            if (end != node.value.c_str() && *end == '\0' && std::isfinite(value)) {
                return value;
            }
        }
        fail(node.mark, "expected a number, got " + describeNode(node));
    }

    double number(const YamlNode& map, const std::string& key) const {
        return number(child(map, key));
    }

    std::string text(const YamlNode& map, const std::string& key) const {
        const YamlNode& node = child(map, key);
        if (node.kind != YamlNode::Kind::Scalar) {
            fail(node.mark, "expected text for \"" + key + "\"");
        }
        return node.value;
    }

    Colour colour(const YamlNode& map, const std::string& key) const {
        const YamlNode& node = child(map, key);
        if (node.kind != YamlNode::Kind::Sequence || node.items.size() != 3) {
            fail(node.mark, "expected a colour as [red, green, blue], each 0-255");
        }
        int rgb[3] = {0, 0, 0};
        for (std::size_t i = 0; i < 3; ++i) {
            const double value = number(*node.items[i]);
            if (!(value >= 0 && value <= 255) || value != std::floor(value)) {
                fail(node.items[i]->mark, "expected a whole number from 0 to 255");
            }
            rgb[i] = static_cast<int>(value);
        }
        return {rgb[0], rgb[1], rgb[2]};
    }

    std::vector<std::string> texts(const YamlNode& map, const std::string& key) const {
        const YamlNode& node = child(map, key);
        if (node.kind != YamlNode::Kind::Sequence) {
            fail(node.mark, "expected a list of text for \"" + key + "\"");
        }
        std::vector<std::string> out;
        for (const YamlNode* item : node.items) {
            if (item->kind != YamlNode::Kind::Scalar) {
                fail(item->mark, "expected text");
            }
            out.push_back(item->value);
        }
        return out;
    }

    Point point(const YamlNode& node) const { return {number(node, "x_cm"), number(node, "y_cm")}; }

    std::vector<Point> points(const YamlNode& node) const {
        if (node.kind != YamlNode::Kind::Sequence || node.items.size() < 2) {
            fail(node.mark, "expected a list of points");
        }
        std::vector<Point> out;
        for (const YamlNode* item : node.items) {
            out.push_back(point(*item));
        }
        return out;
    }

private:
    std::string m_fileName;
};

Point scaled(Point p, double factor) {
    return {p.xCm * factor, p.yCm * factor};
}

void scaleAll(std::vector<Point>& points, double factor) {
    for (Point& p : points) {
        p = scaled(p, factor);
    }
}

} // namespace

bool polygonContains(const std::vector<Point>& polygon, Point point) {
    bool inside = false;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Point& a = polygon[i];
        const Point& b = polygon[j];
        if ((a.yCm > point.yCm) != (b.yCm > point.yCm)) {
            const double x = (b.xCm - a.xCm) * (point.yCm - a.yCm) / (b.yCm - a.yCm) + a.xCm;
            if (point.xCm < x) {
                inside = !inside;
            }
        }
    }
    return inside;
}

bool BodyModel::isOnBody(Point point) const {
    // The outline is the right half closed along the midline; the body is symmetric.
    return polygonContains(outline, {std::abs(point.xCm), point.yCm});
}

const ToolKind* BodyModel::findTool(Tool tool) const {
    for (const ToolKind& kind : tools) {
        if (kind.name == toolName(tool)) {
            return &kind;
        }
    }
    return nullptr;
}

double BodyModel::toolContactRadiusCm(Tool tool) const {
    const ToolKind* kind = findTool(tool);
    return kind != nullptr ? kind->contactRadiusCm : 0;
}

const BallKind* BodyModel::findBall(const std::string& name) const {
    for (const BallKind& ball : balls) {
        if (ball.name == name) {
            return &ball;
        }
    }
    return nullptr;
}

const Muscle* BodyModel::findMuscle(const std::string& name) const {
    for (const auto* list : {&muscles, &moreMuscles}) {
        for (const Muscle& muscle : *list) {
            if (muscle.name == name) {
                return &muscle;
            }
        }
    }
    return nullptr;
}

std::vector<std::string> BodyModel::ballNames() const {
    std::vector<std::string> names;
    for (const BallKind& ball : balls) {
        names.push_back(ball.name);
    }
    return names;
}

Colour BodyModel::ballColour(const BallChoice& ball) const {
    const BallKind* kind = findBall(ball.kind);
    return kind != nullptr ? kind->colour : otherBallColour;
}

const std::vector<std::string>& BodyModel::props(Drill drill) const {
    switch (drill) {
    case Drill::Wall:
        return wallProps;
    case Drill::Lying:
        return lyingProps;
    case Drill::Partner:
        return partnerProps;
    case Drill::SelfPress:
        return selfPressProps;
    }
    return wallProps;
}

std::vector<std::string> BodyModel::targetNames() const {
    std::vector<std::string> names = muscleNames();
    for (const Muscle& muscle : moreMuscles) {
        names.push_back(muscle.name);
    }
    return names;
}

std::vector<std::string> BodyModel::muscleNames() const {
    std::vector<std::string> names;
    for (const Muscle& muscle : muscles) {
        names.push_back(muscle.name);
    }
    return names;
}

BodyModel BodyModel::parse(const std::string& text, const std::string& fileName,
                           const BodyProfile& profile) {
    Diagnostics diagnostics;
    YamlDocument document = YamlDocument::parse(text, diagnostics);
    if (!diagnostics.empty()) {
        throw DataFileError(formatDiagnostic(fileName, diagnostics.front()));
    }
    DataReader read(fileName);
    if (document.root() == nullptr) {
        read.fail({}, "the body model is empty");
    }
    const YamlNode& root = *document.root();
    if (read.number(root, "format") != 1) {
        read.fail(read.child(root, "format").mark, "unknown body model format");
    }

    BodyModel body;
    const double referenceWidth = read.number(read.child(root, "reference"), "shoulder_width_cm");

    // Profiles: the named ones, and a shoulder width of one's own.
    const YamlNode& profiles = read.child(root, "profiles");
    double menWidth = 0;
    double menNeck = 0;
    double womenWidth = 0;
    double womenNeck = 0;
    const YamlNode* chosen = nullptr;
    for (const auto& [key, value] : profiles.entries) {
        body.m_profileNames.push_back(key->value);
        if (key->value == profile.name) {
            chosen = value;
        }
        if (key->value == "men") {
            menWidth = read.number(*value, "shoulder_width_cm");
            menNeck = read.number(*value, "neck_half_width_cm");
        } else if (key->value == "women") {
            womenWidth = read.number(*value, "shoulder_width_cm");
            womenNeck = read.number(*value, "neck_half_width_cm");
        }
    }
    if (profile.shoulderWidthCm) {
        const double width = *profile.shoulderWidthCm;
        if (!(width >= 25 && width <= 60)) {
            throw DataFileError("shoulder width must be between 25 and 60 cm");
        }
        body.profileName = "shoulder width " + std::to_string(static_cast<int>(width)) + " cm";
        body.shoulderWidthCm = width;
        // Interpolate the neck between the two measured profiles, never below the narrower:
        // a smaller keep-out zone would let a ball closer to the neck.
        double neck = womenNeck;
        if (menWidth > womenWidth) {
            neck =
                womenNeck + (menNeck - womenNeck) * (width - womenWidth) / (menWidth - womenWidth);
        }
        body.neckHalfWidthCm = std::max(neck, std::min(womenNeck, menNeck));
    } else {
        if (chosen == nullptr) {
            throw DataFileError("unknown body profile \"" + profile.name + "\"");
        }
        body.profileName = profile.name;
        body.shoulderWidthCm = read.number(*chosen, "shoulder_width_cm");
        body.neckHalfWidthCm = read.number(*chosen, "neck_half_width_cm");
    }
    const double factor = body.shoulderWidthCm / referenceWidth;

    const YamlNode& safety = read.child(root, "safety");
    body.spineHalfWidthCm = read.number(safety, "spine_half_width_cm");
    body.neckTopCm = read.number(safety, "neck_top_cm") * factor;
    body.contactRadiusRatio = read.number(safety, "contact_radius_ratio");
    body.clearanceCm = read.number(safety, "clearance_cm");
    for (const auto& [key, value] : read.child(root, "balls").entries) {
        body.balls.push_back({key->value, read.text(*value, "label"),
                              read.number(*value, "diameter_cm"), read.colour(*value, "colour")});
    }
    body.otherBallColour = read.colour(root, "other_ball_colour");
    const YamlNode& drills = read.child(root, "drills");
    body.wallProps = read.texts(read.child(drills, "wall"), "props");
    body.lyingProps = read.texts(read.child(drills, "lying"), "props");

    const YamlNode& landmarks = read.child(root, "landmarks");
    body.thoracicLevelCm = read.number(landmarks, "thoracic_level_cm") * factor;
    body.spineBottomCm = read.number(landmarks, "spine_bottom_cm") * factor;
    body.acromion = scaled(read.point(read.child(landmarks, "acromion")), factor);
    const YamlNode& head = read.child(landmarks, "head");
    body.head = {scaled(read.point(head), factor), read.number(head, "radius_x_cm") * factor,
                 read.number(head, "radius_y_cm") * factor};
    body.outline = read.points(read.child(landmarks, "outline"));
    body.scapula = read.points(read.child(landmarks, "scapula"));
    body.scapulaSpine = read.points(read.child(landmarks, "scapula_spine"));
    scaleAll(body.outline, factor);
    scaleAll(body.scapula, factor);
    scaleAll(body.scapulaSpine, factor);

    for (const auto& [key, value] : read.child(root, "muscles").entries) {
        Muscle muscle{key->value, read.text(*value, "label"),
                      read.points(read.child(*value, "outline"))};
        scaleAll(muscle.outline, factor);
        body.muscles.push_back(std::move(muscle));
    }
    for (const auto& [key, value] : read.child(root, "more_muscles").entries) {
        Muscle muscle{key->value, read.text(*value, "label"),
                      read.points(read.child(*value, "outline"))};
        scaleAll(muscle.outline, factor);
        body.moreMuscles.push_back(std::move(muscle));
    }

    // What the drills given by hand need: read after the rest, which every body model has.
    const YamlNode& backOfNeck = read.child(safety, "back_of_neck");
    body.backOfNeckInnerCm = read.number(backOfNeck, "inner_cm");
    body.backOfNeckOuterCm = read.number(backOfNeck, "outer_cm");
    body.backOfNeckClearanceCm = read.number(backOfNeck, "clearance_cm");
    if (!(body.backOfNeckInnerCm >= 0 && body.backOfNeckOuterCm > body.backOfNeckInnerCm)) {
        read.fail(backOfNeck.mark, "the back of the neck needs inner_cm below outer_cm");
    }
    for (Tool tool : {Tool::Hands, Tool::Thumb, Tool::Fingers}) {
        const YamlNode& node = read.child(read.child(root, "tools"), toolName(tool));
        const double radius = read.number(node, "contact_radius_cm");
        if (!(radius > 0 && radius < 10)) {
            read.fail(node.mark, "a tool's contact radius must be above 0 and below 10 cm");
        }
        body.tools.push_back(
            {toolName(tool), read.text(node, "label"), radius, read.colour(node, "colour")});
    }

    body.partnerProps = read.texts(read.child(drills, "partner"), "props");
    body.selfPressProps = read.texts(read.child(drills, "self-press"), "props");
    body.sacrumBottomCm = read.number(landmarks, "sacrum_bottom_cm") * factor;
    const YamlNode& lowerBack = read.child(root, "lower_back");
    body.lowerBack = read.points(read.child(lowerBack, "outline"));
    body.sacrum = read.points(read.child(lowerBack, "sacrum"));
    scaleAll(body.lowerBack, factor);
    scaleAll(body.sacrum, factor);
    return body;
}

BodyModel BodyModel::load(const std::string& path, const BodyProfile& profile) {
    TextFile file = readTextFile(path, 1024 * 1024);
    if (!file.error.empty()) {
        throw DataFileError(path + ": error: " + file.error);
    }
    return parse(file.text, path, profile);
}

} // namespace rollcoach
