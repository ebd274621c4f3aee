#include "BodyModel.hpp"
#include "Language.hpp"
#include "Translate.hpp"

#include "DataReader.hpp"
#include "TextFile.hpp"
#include "YamlDocument.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace rollcoach {

namespace {

// The body model's texts (labels, props, safety notes) are in the catalog: they are shown in
// the person's language.
std::vector<std::string> translated(std::vector<std::string> texts) {
    for (std::string& text : texts) {
        text = translate(text);
    }
    return texts;
}

} // namespace
namespace {

// The reference body to this one: widths by shoulder width, lengths by height.
struct Scale {
    double x = 1;
    double y = 1;
};

Point scaled(Point p, Scale factor) {
    return {p.xCm * factor.x, p.yCm * factor.y};
}

void scaleAll(std::vector<Point>& points, Scale factor) {
    for (Point& p : points) {
        p = scaled(p, factor);
    }
}

} // namespace

std::string tenths(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string text = buffer;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
        text.resize(text.size() - 2);
    }
    return text;
}

double segmentDistanceSquared(Point p, Point a, Point b) {
    const double dx = b.xCm - a.xCm;
    const double dy = b.yCm - a.yCm;
    const double lengthSquared = dx * dx + dy * dy;
    double t =
        lengthSquared > 0 ? ((p.xCm - a.xCm) * dx + (p.yCm - a.yCm) * dy) / lengthSquared : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = p.xCm - (a.xCm + t * dx);
    const double ey = p.yCm - (a.yCm + t * dy);
    return ex * ex + ey * ey;
}

namespace {

// Whether the edge ab crosses the ray from `p` to the right: the even-odd rule counts these.
bool crossesRay(const Point& a, const Point& b, Point p) {
    if ((a.yCm > p.yCm) == (b.yCm > p.yCm)) {
        return false;
    }
    return p.xCm < (b.xCm - a.xCm) * (p.yCm - a.yCm) / (b.yCm - a.yCm) + a.xCm;
}

} // namespace

bool polygonContains(const std::vector<Point>& polygon, Point point) {
    bool inside = false;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        inside ^= crossesRay(polygon[i], polygon[j], point);
    }
    return inside;
}

bool BodyModel::isOnBody(Point point) const {
    // The outline is the right half closed along the midline; the body is symmetric.
    return polygonContains(outline, {std::abs(point.xCm), point.yCm});
}

bool BodyModel::patchOnBody(Point point, double radiusCm) const {
    const Point p{std::abs(point.xCm), point.yCm};
    // One walk round the outline answers both questions: whether the centre is inside (the
    // crossings polygonContains counts) and whether an edge comes within the radius. The advice
    // search asks this of thousands of places a routine.
    const double r2 = radiusCm * radiusCm;
    bool inside = false;
    for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
        const Point& a = outline[i];
        const Point& b = outline[j];
        inside ^= crossesRay(a, b, p);
        // The edge along the midline closes the right half only: the left half goes on across
        // it. An edge wholly above, below or beside the patch cannot touch it.
        if ((a.xCm == 0 && b.xCm == 0) || p.yCm + radiusCm < std::min(a.yCm, b.yCm) ||
            p.yCm - radiusCm > std::max(a.yCm, b.yCm) ||
            p.xCm + radiusCm < std::min(a.xCm, b.xCm) ||
            p.xCm - radiusCm > std::max(a.xCm, b.xCm)) {
            continue;
        }
        if (segmentDistanceSquared(p, b, a) < r2) {
            return false;
        }
    }
    return inside;
}

double BodyModel::insideByCm(Point point) const {
    const Point p{std::abs(point.xCm), point.yCm};
    // One walk, as patchOnBody's: the crossings say inside or out, the edges how far.
    double nearest = std::numeric_limits<double>::infinity();
    bool inside = false;
    for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
        const Point& a = outline[i];
        const Point& b = outline[j];
        inside ^= crossesRay(a, b, p);
        // The left half goes on across the midline: that edge is no edge of the body.
        if (!(a.xCm == 0 && b.xCm == 0)) {
            nearest = std::min(nearest, segmentDistanceSquared(p, b, a));
        }
    }
    const double distance = std::sqrt(nearest);
    return inside ? distance : -distance;
}

std::string BodyModel::describe() const {
    return sex + ", shoulders " + tenths(shoulderWidthCm) + " cm, height " + tenths(heightCm) +
           " cm";
}

std::string BodyModel::describeInWords() const {
    // The averages are named "men" and "women" in assets/body.yaml.
    const char* pattern = sex == "women" ? _("women, shoulders {0} cm, height {1} cm")
                          : sex == "men" ? _("men, shoulders {0} cm, height {1} cm")
                                         : _("shoulders {0} cm, height {1} cm");
    // Tenths, without a trailing zero: "32 cm", "162.9 cm", as tenths() writes them.
    const auto inTenths = [](double cm) {
        const double rounded = std::round(cm * 10) / 10;
        return humanDecimal(rounded, rounded == std::round(rounded) ? 0 : 1);
    };
    return fillIn(pattern, inTenths(shoulderWidthCm), inTenths(heightCm));
}

std::optional<Point> BodyModel::anatomyPoint(const std::string& name) const {
    for (const AnatomyPoint& point : anatomy) {
        if (point.name == name) {
            return point.at;
        }
    }
    return std::nullopt;
}

std::vector<std::string> BodyModel::anatomyNames() const {
    std::vector<std::string> names;
    for (const AnatomyPoint& point : anatomy) {
        names.push_back(point.name);
    }
    return names;
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

const std::string& BodyModel::safety(Drill drill) const {
    static const std::string general = _("Press gently: discomfort is fine, pain is not. Stop at "
                                         "once on sharp pain, numbness or tingling.");
    const auto it = drillSafety.find(drillName(drill));
    return it != drillSafety.end() ? it->second : general;
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
        read.fail({}, _("the body model is empty"));
    }
    const YamlNode& root = *document.root();
    if (read.number(root, "format") != 1) {
        read.fail(read.child(root, "format").mark, _("unknown body model format"));
    }

    BodyModel body;
    const YamlNode& reference = read.child(root, "reference");
    const double referenceWidth = read.number(reference, "shoulder_width_cm");
    const double referenceHeight = read.number(reference, "height_cm");
    const YamlNode& accepted = read.child(root, "accepted");
    const auto range = [&](const std::string& key, double& low, double& high) {
        const YamlNode& node = read.child(accepted, key);
        if (node.kind != YamlNode::Kind::Sequence || node.items.size() != 2) {
            read.fail(node.mark, "expected [lowest, highest]");
        }
        low = read.number(*node.items[0]);
        high = read.number(*node.items[1]);
        if (!(low > 0 && high > low)) {
            read.fail(node.mark, _("expected [lowest, highest], lowest above 0 and below highest"));
        }
    };
    range("shoulder_width_cm", body.minShoulderWidthCm, body.maxShoulderWidthCm);
    range("height_cm", body.minHeightCm, body.maxHeightCm);

    // Profiles: the named ones fill in what the person did not give.
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
    if (chosen == nullptr) {
        throw DataFileError(std::string("rollcoach: error: ") +
                            fillIn(_("unknown body type \"{0}\": use men or women"), profile.name));
    }
    body.sex = profile.name;
    body.shoulderWidthCm = read.number(*chosen, "shoulder_width_cm");
    body.heightCm = read.number(*chosen, "height_cm");
    body.neckHalfWidthCm = read.number(*chosen, "neck_half_width_cm");
    body.profileName = profile.name;
    if (profile.shoulderWidthCm) {
        const double width = *profile.shoulderWidthCm;
        if (!(width >= body.minShoulderWidthCm && width <= body.maxShoulderWidthCm)) {
            throw DataFileError(
                std::string("rollcoach: error: ") +
                fillIn(_("shoulder width must be between {0} and "
                         "{1} cm (acromion to acromion), not {2}"),
                       tenths(body.minShoulderWidthCm), tenths(body.maxShoulderWidthCm),
                       (std::isfinite(width) ? tenths(width) : std::string("that"))));
        }
        body.shoulderWidthCm = width;
        // Interpolate the neck between the two measured profiles, never below the narrower:
        // a smaller keep-out zone would let a ball closer to the neck.
        double neck = womenNeck;
        if (menWidth > womenWidth) {
            neck =
                womenNeck + (menNeck - womenNeck) * (width - womenWidth) / (menWidth - womenWidth);
        }
        body.neckHalfWidthCm = std::max(neck, std::min(womenNeck, menNeck));
    }
    if (profile.heightCm) {
        const double height = *profile.heightCm;
        if (!(height >= body.minHeightCm && height <= body.maxHeightCm)) {
            throw DataFileError(
                std::string("rollcoach: error: ") +
                fillIn(_("height must be between {0} and {1} cm, not {2}"),
                       tenths(body.minHeightCm), tenths(body.maxHeightCm),
                       (std::isfinite(height) ? tenths(height) : std::string("that"))));
        }
        body.heightCm = height;
    }
    if (profile.shoulderWidthCm || profile.heightCm) {
        body.profileName = body.describe();
    }
    body.widthScale = body.shoulderWidthCm / referenceWidth;
    body.lengthScale = body.heightCm / referenceHeight;
    const Scale factor{body.widthScale, body.lengthScale};

    const YamlNode& safety = read.child(root, "safety");
    body.spineHalfWidthCm = read.number(safety, "spine_half_width_cm");
    body.neckTopCm = read.number(safety, "neck_top_cm") * factor.y;
    body.contactRadiusRatio = read.number(safety, "contact_radius_ratio");
    body.clearanceCm = read.number(safety, "clearance_cm");
    for (const auto& [key, value] : read.child(root, "balls").entries) {
        body.balls.push_back({key->value, translate(read.text(*value, "label")),
                              read.number(*value, "diameter_cm"), read.colour(*value, "colour")});
    }
    body.otherBallColour = read.colour(root, "other_ball_colour");
    const YamlNode& drills = read.child(root, "drills");
    body.wallProps = translated(read.texts(read.child(drills, "wall"), "props"));
    body.lyingProps = translated(read.texts(read.child(drills, "lying"), "props"));

    const YamlNode& landmarks = read.child(root, "landmarks");
    body.thoracicLevelCm = read.number(landmarks, "thoracic_level_cm") * factor.y;
    body.spineBottomCm = read.number(landmarks, "spine_bottom_cm") * factor.y;
    body.acromion = scaled(read.point(read.child(landmarks, "acromion")), factor);
    const YamlNode& head = read.child(landmarks, "head");
    body.head = {scaled(read.point(head), factor), read.number(head, "radius_x_cm") * factor.x,
                 read.number(head, "radius_y_cm") * factor.y};
    body.outline = read.points(read.child(landmarks, "outline"));
    body.scapula = read.points(read.child(landmarks, "scapula"));
    body.scapulaSpine = read.points(read.child(landmarks, "scapula_spine"));
    scaleAll(body.outline, factor);
    scaleAll(body.scapula, factor);
    scaleAll(body.scapulaSpine, factor);

    for (const auto& [key, value] : read.child(root, "muscles").entries) {
        Muscle muscle{key->value, translate(read.text(*value, "label")),
                      read.points(read.child(*value, "outline"))};
        scaleAll(muscle.outline, factor);
        body.muscles.push_back(std::move(muscle));
    }
    for (const auto& [key, value] : read.child(root, "more_muscles").entries) {
        Muscle muscle{key->value, translate(read.text(*value, "label")),
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
        read.fail(backOfNeck.mark, _("the back of the neck needs inner_cm below outer_cm"));
    }
    for (Tool tool : {Tool::Hands, Tool::Thumb, Tool::Fingers}) {
        const YamlNode& node = read.child(read.child(root, "tools"), toolName(tool));
        const double radius = read.number(node, "contact_radius_cm");
        if (!(radius > 0 && radius < 10)) {
            read.fail(node.mark, _("a tool's contact radius must be above 0 and below 10 cm"));
        }
        body.tools.push_back({toolName(tool), translate(read.text(node, "label")), radius,
                              read.colour(node, "colour")});
    }

    body.partnerProps = translated(read.texts(read.child(drills, "partner"), "props"));
    body.selfPressProps = translated(read.texts(read.child(drills, "self-press"), "props"));
    // What the setup screen's safety box says for each drill: only that drill's rules.
    for (const char* name : {"wall", "lying", "partner", "self-press"}) {
        const YamlNode& drill = read.child(drills, name);
        for (const auto& [k, v] : drill.entries) {
            if (k->value == "safety") {
                body.drillSafety[name] = translate(read.text(drill, "safety"));
            }
        }
    }
    body.sacrumBottomCm = read.number(landmarks, "sacrum_bottom_cm") * factor.y;
    const YamlNode& lowerBack = read.child(root, "lower_back");
    body.lowerBack = read.points(read.child(lowerBack, "outline"));
    body.sacrum = read.points(read.child(lowerBack, "sacrum"));
    scaleAll(body.lowerBack, factor);
    scaleAll(body.sacrum, factor);

    // The named places come last: "neck-base" follows the neck zone, which is not scaled down.
    for (const auto& [key, value] : read.child(root, "anatomy").entries) {
        body.anatomy.push_back({key->value, scaled(read.point(*value), factor)});
    }
    body.anatomy.push_back({"neck-base", {body.neckHalfWidthCm, 0}});
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
