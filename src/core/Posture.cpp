#include "Posture.hpp"
#include "Translate.hpp"

#include "DataReader.hpp"

#include "Motion.hpp"
#include "TextFile.hpp"
#include "YamlDocument.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace rollcoach {
namespace {

constexpr double kPi = 3.14159265358979323846;
const Drill kDrills[] = {Drill::Wall, Drill::Lying, Drill::Partner, Drill::SelfPress};
const Pattern kPatterns[] = {Pattern::Hold,   Pattern::Horizontal, Pattern::Vertical,
                             Pattern::Circle, Pattern::Path,       Pattern::Stroke,
                             Pattern::Knead,  Pattern::Strip,      Pattern::Friction};
const PropKind kPropKinds[] = {PropKind::Wall,  PropKind::Floor, PropKind::Pillow,
                               PropKind::Table, PropKind::Chair, PropKind::Mat};

// Like the body model, the pictures are the app's own data: any problem is fatal and named
// with its place.
// The data reader of body.yaml, with what the posture file needs beside it.
class Reader : public DataReader {
public:
    using DataReader::DataReader;
    using DataReader::number;

    double positive(const YamlNode& map, const std::string& key) const {
        const YamlNode& node = child(map, key);
        const double value = number(node);
        if (value <= 0) {
            fail(node.mark, fillIn(_("\"{0}\" must be more than 0"), key));
        }
        return value;
    }

    std::string text(const YamlNode& node) const {
        if (node.kind != YamlNode::Kind::Scalar) {
            fail(node.mark, fillIn(_("expected text, got {0}"), describeNode(node)));
        }
        return node.value;
    }

    PicturePoint point(const YamlNode& node) const {
        if (node.kind != YamlNode::Kind::Sequence || node.items.size() != 2) {
            fail(node.mark, _("expected a point as [x, y]"));
        }
        return {number(*node.items[0]), number(*node.items[1])};
    }

    const YamlNode& list(const YamlNode& map, const std::string& key) const {
        const YamlNode& node = child(map, key);
        if (node.kind != YamlNode::Kind::Sequence) {
            fail(node.mark, fillIn(_("expected a list for \"{0}\""), key));
        }
        return node;
    }

    void onlyKeys(const YamlNode& map, std::initializer_list<const char*> keys) const {
        for (const auto& entry : map.entries) {
            // A structured binding cannot be captured before C++20: the key by name.
            const YamlNode* k = entry.first;
            if (std::none_of(keys.begin(), keys.end(),
                             [&](const char* key) { return k->value == key; })) {
                std::string known;
                for (const char* key : keys) {
                    known += known.empty() ? key : std::string(", ") + key;
                }
                fail(k->mark, fillIn(_("unknown key \"{0}\" (known: {1})"), k->value, known));
            }
        }
    }
};

PropPiece readProp(const Reader& read, const YamlNode& node) {
    read.onlyKeys(node, {"kind", "box", "ellipse", "line", "width", "layer"});
    PropPiece prop;
    const YamlNode& kind = read.child(node, "kind");
    const std::string name = read.text(kind);
    bool known = false;
    for (PropKind k : kPropKinds) {
        if (name == propKindName(k)) {
            prop.kind = k;
            known = true;
        }
    }
    if (!known) {
        read.fail(kind.mark,
                  fillIn(_("unknown prop \"{0}\" (known: wall, floor, pillow, table, chair, mat)"),
                         name));
    }
    const YamlNode* box = read.find(node, "box");
    const YamlNode* oval = read.find(node, "ellipse");
    const YamlNode* line = read.find(node, "line");
    if ((box != nullptr) + (oval != nullptr) + (line != nullptr) != 1) {
        read.fail(node.mark, _("a prop is one of \"box\", \"ellipse\" or \"line\""));
    }
    if (box != nullptr || oval != nullptr) {
        const YamlNode& shape = box != nullptr ? *box : *oval;
        if (shape.kind != YamlNode::Kind::Sequence || shape.items.size() != 4) {
            read.fail(shape.mark, "expected [left, top, width, height]");
        }
        prop.shape = box != nullptr ? PropPiece::Shape::Box : PropPiece::Shape::Ellipse;
        prop.points = {{read.number(*shape.items[0]), read.number(*shape.items[1])},
                       {read.number(*shape.items[2]), read.number(*shape.items[3])}};
        if (prop.points[1].x <= 0 || prop.points[1].y <= 0) {
            read.fail(shape.mark, _("a prop's width and height must be more than 0"));
        }
    } else {
        if (line->kind != YamlNode::Kind::Sequence || line->items.size() < 2) {
            read.fail(line->mark, _("expected a line as a list of at least two points"));
        }
        prop.shape = PropPiece::Shape::Line;
        for (const YamlNode* p : line->items) {
            prop.points.push_back(read.point(*p));
        }
        prop.width = read.positive(node, "width");
    }
    if (const YamlNode* layer = read.find(node, "layer")) {
        prop.layer = static_cast<int>(read.number(*layer));
    }
    return prop;
}

SegmentShape readShape(const Reader& read, const YamlNode& node) {
    const std::string name = read.text(node);
    if (name == "limb") {
        return SegmentShape::Limb;
    }
    if (name == "trunk") {
        return SegmentShape::Trunk;
    }
    if (name == "head") {
        return SegmentShape::Head;
    }
    if (name == "hand") {
        return SegmentShape::Hand;
    }
    if (name == "foot") {
        return SegmentShape::Foot;
    }
    read.fail(node.mark,
              fillIn(_("unknown shape \"{0}\" (known: limb, trunk, head, hand, foot)"), name));
}

PostureFigure readFigure(const Reader& read, const YamlNode& node, std::set<std::string>& names) {
    read.onlyKeys(node, {"name", "role", "root", "at", "segments", "layer"});
    PostureFigure figure;
    figure.name = read.text(read.child(node, "name"));
    const YamlNode& role = read.child(node, "role");
    const std::string roleName = read.text(role);
    if (roleName != "person" && roleName != "partner") {
        read.fail(role.mark, _("a figure's role is \"person\" or \"partner\""));
    }
    figure.partner = roleName == "partner";
    figure.root = read.text(read.child(node, "root"));
    figure.rootAt = read.point(read.child(node, "at"));
    if (const YamlNode* layer = read.find(node, "layer")) {
        figure.layer = static_cast<int>(read.number(*layer));
    }
    std::set<std::string> joints = {figure.root};
    for (const YamlNode* item : read.list(node, "segments").items) {
        read.onlyKeys(*item,
                      {"name", "from", "to", "length", "angle_deg", "width", "shape", "far"});
        BodySegment segment;
        segment.mark = item->mark;
        const YamlNode& nameNode = read.child(*item, "name");
        segment.name = read.text(nameNode);
        if (!names.insert(segment.name).second) {
            read.fail(nameNode.mark, fillIn(_("a second segment named \"{0}\""), segment.name));
        }
        const YamlNode& from = read.child(*item, "from");
        segment.from = read.text(from);
        if (joints.count(segment.from) == 0) {
            read.fail(from.mark, fillIn(_("joint \"{0}\" is not placed yet: start from the root or "
                                          "the end of a segment above"),
                                        segment.from));
        }
        const YamlNode& to = read.child(*item, "to");
        segment.to = read.text(to);
        if (!joints.insert(segment.to).second) {
            read.fail(to.mark, fillIn(_("joint \"{0}\" is placed twice"), segment.to));
        }
        segment.length = read.positive(*item, "length");
        segment.angleDeg = read.number(read.child(*item, "angle_deg"));
        segment.width = read.positive(*item, "width");
        if (const YamlNode* shape = read.find(*item, "shape")) {
            segment.shape = readShape(read, *shape);
        }
        if (const YamlNode* far = read.find(*item, "far")) {
            const std::string value = read.text(*far);
            if (value != "true" && value != "false") {
                read.fail(far->mark, _("expected true or false"));
            }
            segment.far = value == "true";
        }
        figure.segments.push_back(segment);
    }
    if (figure.segments.empty()) {
        read.fail(node.mark, _("a figure needs at least one segment"));
    }
    return figure;
}

std::vector<PostureKey> readKeys(const Reader& read, const YamlNode& node, const Posture& posture,
                                 const std::set<std::string>& segments) {
    std::vector<PostureKey> keys;
    if (node.kind == YamlNode::Kind::Scalar && node.value == "still") {
        return keys;
    }
    if (node.kind != YamlNode::Kind::Sequence || node.items.size() < 2) {
        read.fail(node.mark, _("expected \"still\" or a list of at least two keys"));
    }
    for (const YamlNode* item : node.items) {
        read.onlyKeys(*item, {"at", "angles", "shift"});
        PostureKey key;
        const YamlNode& at = read.child(*item, "at");
        key.at = read.number(at);
        if (key.at < 0 || key.at >= 1 || (!keys.empty() && key.at <= keys.back().at)) {
            read.fail(at.mark, _("\"at\" is a share of the motion's period, from 0 up to (not "
                                 "including) 1, each key later than the one before"));
        }
        if (const YamlNode* angles = read.find(*item, "angles")) {
            if (angles->kind != YamlNode::Kind::Map) {
                read.fail(angles->mark, _("expected a map of segment names to angles"));
            }
            for (const auto& [k, v] : angles->entries) {
                if (segments.count(k->value) == 0) {
                    read.fail(k->mark, fillIn(_("no segment named \"{0}\""), k->value));
                }
                key.angles[k->value] = read.number(*v);
            }
        }
        if (const YamlNode* shift = read.find(*item, "shift")) {
            if (shift->kind != YamlNode::Kind::Map) {
                read.fail(shift->mark, _("expected a map of figure names to [dx, dy]"));
            }
            for (const auto& entry : shift->entries) {
                const YamlNode* k = entry.first;
                const YamlNode* v = entry.second;
                if (std::none_of(posture.figures.begin(), posture.figures.end(),
                                 [&](const PostureFigure& f) { return f.name == k->value; })) {
                    read.fail(k->mark, fillIn(_("no figure named \"{0}\""), k->value));
                }
                key.shifts[k->value] = read.point(*v);
            }
        }
        keys.push_back(key);
    }
    if (keys.front().at != 0) {
        read.fail(node.items.front()->mark, _("the first key is at 0, where the step starts"));
    }
    return keys;
}

Posture readPosture(const Reader& read, Drill drill, const YamlNode& node) {
    read.onlyKeys(node, {"width", "top", "height", "props", "figures", "contact", "motions"});
    Posture posture;
    posture.drill = drill;
    posture.width = read.positive(node, "width");
    if (const YamlNode* top = read.find(node, "top")) {
        posture.top = read.number(*top);
    }
    if (read.find(node, "height") != nullptr) {
        posture.height = read.positive(node, "height");
    }
    for (const YamlNode* item : read.list(node, "props").items) {
        posture.props.push_back(readProp(read, *item));
    }
    std::set<std::string> segments;
    for (const YamlNode* item : read.list(node, "figures").items) {
        posture.figures.push_back(readFigure(read, *item, segments));
    }
    if (posture.figures.empty()) {
        read.fail(node.mark, _("a posture needs a figure"));
    }
    const YamlNode& contact = read.child(node, "contact");
    read.onlyKeys(contact, {"at", "segment", "along", "across", "radius"});
    posture.contact.radius = read.positive(contact, "radius");
    if (const YamlNode* at = read.find(contact, "at")) {
        posture.contact.fixed = read.point(*at);
    } else {
        const YamlNode& segment = read.child(contact, "segment");
        posture.contact.segment = read.text(segment);
        if (segments.count(posture.contact.segment) == 0) {
            read.fail(segment.mark, fillIn(_("no segment named \"{0}\""), posture.contact.segment));
        }
        if (const YamlNode* along = read.find(contact, "along")) {
            posture.contact.along = read.number(*along);
        }
        if (const YamlNode* across = read.find(contact, "across")) {
            posture.contact.across = read.number(*across);
        }
    }
    const YamlNode& motions = read.child(node, "motions");
    if (motions.kind != YamlNode::Kind::Map) {
        read.fail(motions.mark, _("expected a map of motion patterns"));
    }
    for (const auto& [k, v] : motions.entries) {
        std::optional<Pattern> pattern;
        for (Pattern p : kPatterns) {
            if (k->value == patternName(p)) {
                pattern = p;
            }
        }
        if (!pattern) {
            read.fail(k->mark, fillIn(_("unknown motion \"{0}\""), k->value));
        }
        posture.motions[*pattern] = readKeys(read, *v, posture, segments);
    }
    return posture;
}

double eased(double share) {
    return (1 - std::cos(kPi * std::clamp(share, 0.0, 1.0))) / 2;
}

} // namespace

const char* propKindName(PropKind kind) {
    switch (kind) {
    case PropKind::Wall:
        return "wall";
    case PropKind::Floor:
        return "floor";
    case PropKind::Pillow:
        return "pillow";
    case PropKind::Table:
        return "table";
    case PropKind::Chair:
        return "chair";
    case PropKind::Mat:
        return "mat";
    }
    return "floor";
}

double posturePeriodS(const Step& step) {
    if (step.motion.periodS > 0) {
        return step.motion.periodS;
    }
    const double repetition = repetitionS(step);
    return repetition > 0 ? repetition : 4.0;
}

PostureFrame Posture::frame(std::optional<Pattern> pattern, double periodS, double seconds) const {
    // Where in the motion's keys this moment falls: between two keys, eased in and out, the
    // last key leading back to the first.
    const std::vector<PostureKey>* keys = nullptr;
    if (pattern) {
        const auto it = motions.find(*pattern);
        if (it != motions.end() && it->second.size() >= 2) {
            keys = &it->second;
        }
    }
    const PostureKey* before = nullptr;
    const PostureKey* after = nullptr;
    double blend = 0;
    if (keys != nullptr && periodS > 0 && std::isfinite(seconds)) {
        const double phase = std::fmod(std::max(0.0, seconds) / periodS, 1.0);
        std::size_t i = keys->size() - 1;
        while (i > 0 && (*keys)[i].at > phase) {
            --i;
        }
        before = &(*keys)[i];
        after = &(*keys)[(i + 1) % keys->size()];
        const double end = i + 1 < keys->size() ? after->at : 1.0;
        blend = eased((phase - before->at) / std::max(1e-9, end - before->at));
    }
    auto angleOf = [&](const BodySegment& segment) {
        if (before == nullptr) {
            return segment.angleDeg;
        }
        auto value = [&](const PostureKey& key) {
            const auto it = key.angles.find(segment.name);
            return it != key.angles.end() ? it->second : segment.angleDeg;
        };
        return value(*before) + (value(*after) - value(*before)) * blend;
    };
    auto shiftOf = [&](const std::string& figure) {
        if (before == nullptr) {
            return PicturePoint{};
        }
        auto value = [&](const PostureKey& key) {
            const auto it = key.shifts.find(figure);
            return it != key.shifts.end() ? it->second : PicturePoint{};
        };
        const PicturePoint a = value(*before);
        const PicturePoint b = value(*after);
        return PicturePoint{a.x + (b.x - a.x) * blend, a.y + (b.y - a.y) * blend};
    };

    PostureFrame frame;
    std::vector<std::pair<int, PostureFrame::Item>> layered;
    for (const PropPiece& prop : props) {
        PostureFrame::Item item;
        item.prop = &prop;
        layered.push_back({prop.layer * 2, item});
    }
    for (const PostureFigure& figure : figures) {
        std::map<std::string, PicturePoint> joints;
        const PicturePoint shift = shiftOf(figure.name);
        joints[figure.root] = {figure.rootAt.x + shift.x, figure.rootAt.y + shift.y};
        for (const BodySegment& segment : figure.segments) {
            const double a = angleOf(segment) * kPi / 180;
            const PicturePoint from = joints[segment.from];
            const PicturePoint to{from.x + segment.length * std::cos(a),
                                  from.y - segment.length * std::sin(a)};
            joints[segment.to] = to;
            PostureFrame::Item item;
            item.segment = {from, to, segment.width, segment.shape, segment.far, figure.partner};
            // Far limbs behind the figure, the rest over it, in the figure's layer.
            layered.push_back({figure.layer * 2 + 1 - (segment.far ? 1 : 0), item});
            if (segment.name == contact.segment) {
                const double dx = to.x - from.x;
                const double dy = to.y - from.y;
                const double length = std::max(1e-9, std::hypot(dx, dy));
                // Across: to the right of the way the segment points.
                frame.contact = {from.x + dx * contact.along - dy / length * contact.across,
                                 from.y + dy * contact.along + dx / length * contact.across};
            }
        }
    }
    if (contact.fixed) {
        frame.contact = *contact.fixed;
    }
    frame.contactRadius = contact.radius;
    std::stable_sort(layered.begin(), layered.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [layer, item] : layered) {
        frame.items.push_back(item);
    }
    return frame;
}

Postures Postures::parse(const std::string& text, const std::string& fileName) {
    Diagnostics diagnostics;
    YamlDocument document = YamlDocument::parse(text, diagnostics);
    if (!diagnostics.empty()) {
        throw DataFileError(formatDiagnostic(fileName, diagnostics.front()));
    }
    Reader read(fileName);
    if (document.root() == nullptr) {
        read.fail({}, _("the posture pictures are empty"));
    }
    const YamlNode& root = *document.root();
    read.onlyKeys(root, {"format", "postures"});
    if (read.number(read.child(root, "format")) != 1) {
        read.fail(read.child(root, "format").mark, _("unknown posture format"));
    }
    const YamlNode& postures = read.child(root, "postures");
    if (postures.kind != YamlNode::Kind::Map) {
        read.fail(postures.mark, _("expected a map of drills"));
    }
    Postures out;
    for (const auto& [k, v] : postures.entries) {
        std::optional<Drill> drill;
        for (Drill d : kDrills) {
            if (k->value == drillName(d)) {
                drill = d;
            }
        }
        if (!drill) {
            read.fail(k->mark,
                      fillIn(_("unknown drill \"{0}\" (known: wall, lying, partner, self-press)"),
                             k->value));
        }
        out.m_postures.push_back(readPosture(read, *drill, *v));
    }
    for (Drill d : kDrills) {
        if (std::none_of(out.m_postures.begin(), out.m_postures.end(),
                         [&](const Posture& p) { return p.drill == d; })) {
            read.fail(postures.mark, fillIn(_("no posture for the {0} drill"), drillName(d)));
        }
    }
    return out;
}

Postures Postures::load(const std::string& path) {
    TextFile file = readTextFile(path, 1024 * 1024);
    if (!file.error.empty()) {
        throw DataFileError(path + ": error: " + file.error);
    }
    return parse(file.text, path);
}

const Posture& Postures::of(Drill drill) const {
    for (const Posture& posture : m_postures) {
        if (posture.drill == drill) {
            return posture;
        }
    }
    return m_postures.front();
}

} // namespace rollcoach
