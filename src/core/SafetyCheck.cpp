#include "SafetyCheck.hpp"
#include "Language.hpp"
#include "Translate.hpp"

#include "Motion.hpp"
#include "RoutineLoader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

namespace rollcoach {
namespace {

// The length of (dx, dy). The zones are checked at every sample of every motion and at every
// place an advice search looks at: std::hypot guards against overflow these centimetres never
// come near, at several times the cost.
double distance(double dx, double dy) {
    return std::sqrt(dx * dx + dy * dy);
}

// Spacing between the positions looked at along a motion; the check then widens every
// distance by half of it, so a zone is never missed between two samples.
constexpr double kSampleSpacingCm = 0.02;

// A length on the half-centimetre grid of advice: "3", "2.5".
std::string halfCentimetres(double value) {
    const double rounded = std::round(std::abs(value) * 2) / 2;
    return humanDecimal(rounded, rounded == std::floor(rounded) ? 0 : 1);
}

// Advice moves on a half-centimetre grid, this many steps each way: 30 cm.
constexpr int kMoveSteps = 60;

// Every move on the grid within 30 cm, nearest first; among equal ones, outward (+x) before
// inward, and down (+y) before up: down the back is where it is safe.
const std::vector<Point>& movesNearestFirst() {
    static const std::vector<Point> moves = [] {
        std::vector<Point> all;
        for (int i = -kMoveSteps; i <= kMoveSteps; ++i) {
            for (int j = -kMoveSteps; j <= kMoveSteps; ++j) {
                if ((i != 0 || j != 0) && i * i + j * j <= kMoveSteps * kMoveSteps) {
                    all.push_back({i * 0.5, j * 0.5});
                }
            }
        }
        std::stable_sort(all.begin(), all.end(), [](const Point& a, const Point& b) {
            const double la = a.xCm * a.xCm + a.yCm * a.yCm;
            const double lb = b.xCm * b.xCm + b.yCm * b.yCm;
            if (la != lb) {
                return la < lb;
            }
            if (a.xCm != b.xCm) {
                return a.xCm > b.xCm;
            }
            return a.yCm > b.yCm;
        });
        return all;
    }();
    return moves;
}

// What the shortcuts below keep back from a distance they reason with: far more than rounding
// moves a computed distance, far less than the grid of moves (0.5 cm) or a sample's spacing.
constexpr double kRoundingCm = 1e-6;

// Moves of the grid struck off untried. A move that fails at a point of a path by some amount
// fails there, for the same reason, at every move nearer to it than that amount: gaps and
// distances change no faster than the patch moves.
class StruckMoves {
public:
    bool struck(Point shift) const { return m_cells[index(step(shift.xCm), step(shift.yCm))]; }

    // Strikes off every move nearer `shift` than `byCm` (less kRoundingCm).
    void strikeAround(Point shift, double byCm) {
        // No move of the grid is further from another than the grid is wide.
        const double by = std::clamp(byCm - kRoundingCm, 0.0, 4.0 * kMoveSteps);
        const int ci = step(shift.xCm);
        const int cj = step(shift.yCm);
        const int reach = static_cast<int>(by * 2);
        const double within = by * by * 4; // in half centimetres, squared
        for (int i = std::max(-kMoveSteps, ci - reach); i <= std::min(kMoveSteps, ci + reach);
             ++i) {
            for (int j = std::max(-kMoveSteps, cj - reach); j <= std::min(kMoveSteps, cj + reach);
                 ++j) {
                if ((i - ci) * (i - ci) + (j - cj) * (j - cj) < within) {
                    m_cells[index(i, j)] = 1;
                }
            }
        }
    }

private:
    static constexpr int kSide = 2 * kMoveSteps + 1;
    static int step(double cm) { return static_cast<int>(std::lround(cm * 2)); }
    static std::size_t index(int i, int j) {
        return static_cast<std::size_t>((i + kMoveSteps) * kSide + j + kMoveSteps);
    }
    std::vector<char> m_cells = std::vector<char>(kSide * kSide, 0);
};

std::string oneDecimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// Within this distance of the outline a sampled position could fall either side of it by
// rounding, so the samples decide.
constexpr double kOutlineClearanceCm = 1e-6;

// The squared distance between segments ab and cd (0 when they cross).
double segmentDistanceSquared(Point a, Point b, Point c, Point d) {
    const auto cross = [](Point o, Point p, Point q) {
        return (p.xCm - o.xCm) * (q.yCm - o.yCm) - (p.yCm - o.yCm) * (q.xCm - o.xCm);
    };
    const double d1 = cross(a, b, c);
    const double d2 = cross(a, b, d);
    const double d3 = cross(c, d, a);
    const double d4 = cross(c, d, b);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        return 0;
    }
    return std::min(
        {rollcoach::segmentDistanceSquared(a, c, d), rollcoach::segmentDistanceSquared(b, c, d),
         rollcoach::segmentDistanceSquared(c, a, b), rollcoach::segmentDistanceSquared(d, a, b)});
}

// True when a polyline (in the routine frame, right side) lies inside the body outline with
// room to spare: it starts inside and comes nowhere near an edge. The outline is the right
// half closed along the midline, so a polyline that crosses the midline is not cleared here.
bool wellInside(const BodyModel& body, const std::vector<Point>& line, double radiusCm) {
    if (line.empty() || !body.isOnBody(line.front())) {
        return false;
    }
    const std::vector<Point>& outline = body.outline;
    for (const Point& p : line) {
        if (p.xCm < kOutlineClearanceCm) {
            return false;
        }
    }
    const double clearance = radiusCm + kOutlineClearanceCm;
    for (std::size_t i = 0; i + 1 < line.size() || i == 0; ++i) {
        const Point a = line[i];
        const Point b = i + 1 < line.size() ? line[i + 1] : line[i];
        for (std::size_t k = 0, j = outline.size() - 1; k < outline.size(); j = k++) {
            if (segmentDistanceSquared(a, b, outline[j], outline[k]) <= clearance * clearance) {
                return false;
            }
        }
    }
    return true;
}

// True when every place the ball can reach during the step, whatever the timing, lies well
// inside the outline: the sweep's full line, the square round a circle, the whole path.
bool reachWellInside(const BodyModel& body, const Step& step, std::size_t ball, double radiusCm) {
    const Point at = step.place[ball].at;
    const Motion& motion = step.motion;
    const double a = motion.amplitudeCm;
    std::vector<Point> line;
    switch (motion.pattern) {
    case Pattern::Hold:
        line = {at};
        break;
    case Pattern::Horizontal:
        line = {{at.xCm - a, at.yCm}, {at.xCm + a, at.yCm}};
        break;
    case Pattern::Vertical:
        line = {{at.xCm, at.yCm - a}, {at.xCm, at.yCm + a}};
        break;
    case Pattern::Circle:
        // A simple outline has no holes: a square whose edges stay inside holds the circle.
        line = {{at.xCm - a, at.yCm - a},
                {at.xCm + a, at.yCm - a},
                {at.xCm + a, at.yCm + a},
                {at.xCm - a, at.yCm + a},
                {at.xCm - a, at.yCm - a}};
        break;
    case Pattern::Path: {
        const Point first = step.place.front().at;
        line.push_back(at);
        for (const Point& p : motion.points) {
            line.push_back({at.xCm + p.xCm - first.xCm, at.yCm + p.yCm - first.yCm});
        }
        break;
    }
    case Pattern::Stroke:
    case Pattern::Knead:
    case Pattern::Strip:
    case Pattern::Friction:
        // Returns and circles round a travelling centre: their positions are sampled.
        return false;
    }
    return wellInside(body, line, radiusCm);
}

Closeness closenessFor(double gap, double clearance) {
    if (gap <= 0) {
        return Closeness::On;
    }
    if (gap <= clearance) {
        return Closeness::Near;
    }
    return Closeness::Safe;
}

} // namespace

const char* zoneName(Zone zone) {
    return zone == Zone::Spine ? "spine" : "neck";
}

const char* zoneWords(Zone zone) {
    return zone == Zone::Spine ? _("spine") : _("neck");
}

std::string PlacementVerdict::headline() const {
    // On the spine or the neck is the worse danger: it is said first, off the body or not.
    const bool onZone = !zones.empty() && zones.front().closeness == Closeness::On;
    if (!onBody && !onZone) {
        return _("Off the body: move the ball back onto the back");
    }
    if (zones.empty()) {
        return {};
    }
    const ZoneVerdict& first = zones.front();
    // TRANSLATORS: a safety warning's headline; {0} says what to do about it.
    if (first.zone == Zone::Spine) {
        return first.closeness == Closeness::On
                   ? fillIn(_("On the spine: {0}"), first.advice)
                   : fillIn(_("Too close to the spine: {0}"), first.advice);
    }
    return first.closeness == Closeness::On ? fillIn(_("On the neck: {0}"), first.advice)
                                            : fillIn(_("Too close to the neck: {0}"), first.advice);
}

std::string contactText(Zone zone, double gapCm) {
    return contactText(zone, gapCm, "ball");
}

namespace {

// "the ball's contact patch", for the noun a contact is named by (ball, hand, thumb, fingertip).
std::string contactPatch(const std::string& noun) {
    if (noun == "hand") {
        return _("the hand's contact patch");
    }
    if (noun == "thumb") {
        return _("the thumb's contact patch");
    }
    if (noun == "fingertip") {
        return _("the fingertip's contact patch");
    }
    return _("the ball's contact patch");
}

// "ball 2", "hand 1": which of a step's contacts.
std::string contactNumbered(const std::string& noun, std::size_t number) {
    if (noun == "hand") {
        return fillIn(_("hand {0}"), number);
    }
    if (noun == "thumb") {
        return fillIn(_("thumb {0}"), number);
    }
    if (noun == "fingertip") {
        return fillIn(_("fingertip {0}"), number);
    }
    return fillIn(_("ball {0}"), number);
}

} // namespace

std::string contactText(Zone zone, double gapCm, const std::string& noun) {
    // Distances are shown to a tenth of a centimetre; one that rounds to nothing touches.
    const std::string patch = contactPatch(noun);
    if (oneDecimal(std::abs(gapCm)) == "0.0") {
        return fillIn(zone == Zone::Spine ? _("{0} touches the spine") : _("{0} touches the neck"),
                      patch);
    }
    const std::string shown = humanDecimal(std::abs(gapCm), 1);
    if (gapCm < 0) {
        // TRANSLATORS: {0} is "the ball's contact patch" or the like, {1} a distance in cm.
        return fillIn(zone == Zone::Spine ? _("{0} overlaps the spine by {1} cm")
                                          : _("{0} overlaps the neck by {1} cm"),
                      patch, shown);
    }
    return fillIn(zone == Zone::Spine ? _("{0} comes within {1} cm of the spine")
                                      : _("{0} comes within {1} cm of the neck"),
                  patch, shown);
}

Contact Contact::ball(const BodyModel& body, double diameterCm) {
    Contact contact;
    contact.radiusCm = diameterCm * body.contactRadiusRatio;
    return contact;
}

Contact Contact::of(const BodyModel& body, const Routine& routine, const Step& step) {
    const std::optional<Tool> tool = routine.toolFor(step);
    if (!tool) {
        return ball(body, routine.ball.diameterCm);
    }
    Contact contact;
    contact.tool = tool;
    contact.radiusCm = body.toolContactRadiusCm(*tool);
    contact.noun = *tool == Tool::Hands ? "hand" : *tool == Tool::Thumb ? "thumb" : "fingertip";
    contact.fingerFriction = *tool == Tool::Fingers && step.motion.pattern == Pattern::Friction;
    return contact;
}

std::string SafetyWarning::message() const {
    const std::string where =
        closeness == Closeness::On
            ? (zone == Zone::Spine ? _("on the spine") : _("on the neck"))
            : (zone == Zone::Spine ? _("near the spine") : _("near the neck"));
    const std::string sides = bothSides ? std::string(_("left and right sides")) : sideWords(side);
    // TRANSLATORS: where a safety warning is: {0} "on the spine" or the like, {1} the step's
    // number, {2} its name, {3} the side, {4} "ball 1" or the like.
    std::string text = fillIn(_("{0}: step {1} (\"{2}\"), {3}, {4}"), where, stepIndex + 1,
                              stepName, sides, contactNumbered(noun, ball + 1));
    if (moving) {
        text += fillIn(_(", {0} s into the step"), humanDecimal(atS, 1));
    }
    text += ": " + contactText(zone, gapCm, noun);
    if (!reason.empty()) {
        // TRANSLATORS: a further reason a placement is not safe, after what was said of it.
        text += fillIn(_(", and {0}"), reason);
    }
    text += "; " + advice;
    return text;
}

namespace {

// One ball's positions over a step's motion, close enough together (a quarter centimetre)
// that the advice margin covers what lies between two of them.
std::vector<Point> pathOf(const Step& step, std::size_t ball) {
    std::vector<Point> path;
    std::vector<Point> positions;
    for (double t : sampleTimes(step, 0.25)) {
        ballPositions(step, t, positions);
        path.push_back(positions[ball]);
    }
    return path;
}

} // namespace

double SafetyCheck::contactRadiusCm(double ballDiameterCm) const {
    return ballDiameterCm * m_body.contactRadiusRatio;
}

double SafetyCheck::spineGapCm(Point point, double radius) const {
    // The spine band runs down the midline from C7; above C7 the neck zone takes over.
    const double dx = std::max(0.0, std::abs(point.xCm) - m_body.spineHalfWidthCm);
    const double dy = std::max(0.0, -point.yCm);
    return distance(dx, dy) - radius;
}

double SafetyCheck::neckGapCm(Point point, const Contact& contact) const {
    const double x = std::abs(point.xCm);
    const double dy = std::max({0.0, point.yCm, m_body.neckTopCm - point.yCm});
    if (!contact.fingerFriction) {
        return distance(std::max(0.0, x - m_body.neckHalfWidthCm), dy) - contact.radiusCm;
    }
    // Light finger frictions may work the back of the neck: what they keep out of is the
    // cervical spine in the middle and the sides of the neck, from C7 up to the skull.
    const double toSpine = std::max(0.0, x - m_body.backOfNeckInnerCm);
    const double toSides = x < m_body.backOfNeckOuterCm ? m_body.backOfNeckOuterCm - x
                           : x > m_body.neckHalfWidthCm ? x - m_body.neckHalfWidthCm
                                                        : 0.0;
    return std::min(distance(toSpine, dy), distance(toSides, dy)) - contact.radiusCm;
}

double SafetyCheck::neckClearanceCm(const Contact& contact) const {
    return contact.fingerFriction ? m_body.backOfNeckClearanceCm : m_body.clearanceCm;
}

ZoneVerdict SafetyCheck::spineVerdict(Point point, double radius, double margin) const {
    ZoneVerdict verdict;
    verdict.zone = Zone::Spine;
    verdict.gapCm = spineGapCm(point, radius) - margin;
    verdict.closeness = closenessFor(verdict.gapCm, m_body.clearanceCm);
    return verdict;
}

ZoneVerdict SafetyCheck::neckVerdict(Point point, const Contact& contact, double margin) const {
    ZoneVerdict verdict;
    verdict.zone = Zone::Neck;
    verdict.gapCm = neckGapCm(point, contact) - margin;
    verdict.closeness = closenessFor(verdict.gapCm, neckClearanceCm(contact));
    return verdict;
}

double SafetyCheck::zoneShortfallCm(Point point, const Contact& contact) const {
    return std::max(m_body.clearanceCm + kAdviceMarginCm - spineGapCm(point, contact.radiusCm),
                    neckClearanceCm(contact) + kAdviceMarginCm - neckGapCm(point, contact));
}

std::optional<Point> SafetyCheck::safeMove(const std::vector<Point>& path, Point reference,
                                           double ballDiameterCm) const {
    return safeMove(path, reference, Contact::ball(m_body, ballDiameterCm));
}

std::optional<Point> SafetyCheck::safeMove(const std::vector<Point>& path, Point reference,
                                           const Contact& contact) const {
    // Outward is away from the midline on the reference's own side.
    const double outward = reference.xCm < 0 ? -1 : 1;
    // A patch that reaches past the outline's box is off the body: most of the thousands of
    // moves tried are turned away by these three comparisons, before the outline is walked.
    double right = 0;
    double top = std::numeric_limits<double>::infinity();
    double bottom = -top;
    for (const Point& corner : m_body.outline) {
        right = std::max(right, corner.xCm);
        top = std::min(top, corner.yCm);
        bottom = std::max(bottom, corner.yCm);
    }
    const double r = contact.radiusCm;
    // Both zones' gaps and the distance to the outline change by no more than the patch
    // moves: a point with more room than a move needs no test at that move. Most of a path
    // lies well clear of the zones, and most of it well inside the outline, so most tests
    // are passed over for the moves tried first. (kRoundingCm is kept back.)
    struct Room {
        double zones;   ///< to either zone, beyond what advice needs
        double outline; ///< to the outline, beyond the patch
    };
    std::vector<Room> room(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        room[i] = {-zoneShortfallCm(path[i], contact) - kRoundingCm,
                   m_body.insideByCm(path[i]) - r - kRoundingCm};
    }
    // By how much a move fails at a point of the path: how far it would have to go on to
    // pass there, at the least; negative when it passes.
    const auto shortOf = [&](std::size_t i, const Point& shift, double length) {
        const Point moved{path[i].xCm + shift.xCm, path[i].yCm + shift.yCm};
        // The zones are a distance each and go first; the outline test walks a polygon.
        if (room[i].zones <= length) {
            if (const double shortfall = zoneShortfallCm(moved, contact); shortfall >= 0) {
                return shortfall;
            }
        }
        if (room[i].outline > length) {
            return -1.0;
        }
        const double pastBox = std::max(
            {std::abs(moved.xCm) + r - right, top - (moved.yCm - r), moved.yCm + r - bottom});
        if (pastBox > 0) {
            return pastBox;
        }
        return m_body.patchOnBody(moved, r) ? -1.0 : std::max(0.0, r - m_body.insideByCm(moved));
    };
    // Where no move clears a path, striking off is what spares trying all eleven thousand
    // moves at each of its points.
    StruckMoves struck;
    // Moves next to each other fail at the same place of the path, mostly: that place is
    // tried first for the next move.
    std::size_t lastFailed = 0;
    for (const Point& move : movesNearestFirst()) {
        const Point shift{move.xCm * outward, move.yCm};
        if (struck.struck(shift)) {
            continue;
        }
        const double length = distance(move.xCm, move.yCm);
        double failedBy = path.empty() ? -1 : shortOf(lastFailed, shift, length);
        for (std::size_t i = 0; i < path.size() && failedBy < 0; ++i) {
            if (i != lastFailed) {
                failedBy = shortOf(i, shift, length);
                if (failedBy >= 0) {
                    lastFailed = i;
                }
            }
        }
        if (failedBy < 0) {
            return shift;
        }
        struck.strikeAround(shift, failedBy);
    }
    return std::nullopt;
}

std::string SafetyCheck::adviceFor(const std::vector<Point>& path, Point reference,
                                   double ballDiameterCm) const {
    return adviceFor(path, reference, Contact::ball(m_body, ballDiameterCm));
}

std::string SafetyCheck::adviceFor(const std::vector<Point>& path, Point reference,
                                   const Contact& contact) const {
    const std::optional<Point> move = safeMove(path, reference, contact);
    // Whole sentences for each thing moved, so a language gives each its own grammar.
    const std::string& noun = contact.noun;
    if (!move) {
        if (noun == "hand") {
            return _("move the hand well away from the spine and the neck");
        }
        if (noun == "thumb") {
            return _("move the thumb well away from the spine and the neck");
        }
        if (noun == "fingertip") {
            return _("move the fingertips well away from the spine and the neck");
        }
        return _("move the ball well away from the spine and the neck");
    }
    const double outward = reference.xCm < 0 ? -move->xCm : move->xCm;
    std::vector<std::string> parts;
    if (outward != 0) {
        parts.push_back(fillIn(outward > 0 ? _("{0} cm outward") : _("{0} cm inward"),
                               halfCentimetres(outward)));
    }
    if (move->yCm != 0) {
        parts.push_back(
            fillIn(move->yCm > 0 ? _("{0} cm down") : _("{0} cm up"), halfCentimetres(move->yCm)));
    }
    const std::string how =
        parts.size() > 1 ? fillIn(_("{0} and {1}"), parts.front(), parts.back()) : parts.front();
    if (noun == "hand") {
        return fillIn(_("move the hand {0}"), how);
    }
    if (noun == "thumb") {
        return fillIn(_("move the thumb {0}"), how);
    }
    if (noun == "fingertip") {
        return fillIn(_("move the fingertips {0}"), how);
    }
    return fillIn(_("move the ball {0}"), how);
}

PlacementVerdict SafetyCheck::atPoint(Point point, double ballDiameterCm) const {
    return atPoint(point, Contact::ball(m_body, ballDiameterCm));
}

PlacementVerdict SafetyCheck::atPoint(Point point, const Contact& contact) const {
    PlacementVerdict verdict;
    // What is drawn is the patch: a ball half over the background is not on the body.
    verdict.onBody = m_body.patchOnBody(point, contact.radiusCm);
    const double radius = contact.radiusCm;
    for (const ZoneVerdict& zone :
         {spineVerdict(point, radius, 0), neckVerdict(point, contact, 0)}) {
        if (zone.closeness != Closeness::Safe) {
            verdict.zones.push_back(zone);
        }
    }
    if (!verdict.zones.empty()) {
        // One move out of every zone at once: advice that leaves one zone for another is no help.
        const std::string advice = adviceFor({point}, point, contact);
        for (ZoneVerdict& zone : verdict.zones) {
            zone.advice = advice;
        }
    }
    std::sort(verdict.zones.begin(), verdict.zones.end(),
              [](const ZoneVerdict& a, const ZoneVerdict& b) { return a.gapCm < b.gapCm; });
    if (!verdict.zones.empty()) {
        verdict.worst = verdict.zones.front().closeness;
    }
    return verdict;
}

std::vector<SafetyWarning> SafetyCheck::check(const Routine& routine,
                                              const std::vector<Side>& sides) const {
    std::vector<SafetyWarning> found; // in the routine frame, side filled in below
    for (std::size_t s = 0; s < routine.steps.size(); ++s) {
        const Step& step = routine.steps[s];
        const Contact contact = Contact::of(m_body, routine, step);
        const double radius = contact.radiusCm;
        double spacing = 0;
        const std::vector<double> times = sampleTimes(step, kSampleSpacingCm, &spacing);
        const double margin = spacing / 2;
        const bool moving = step.motion.pattern != Pattern::Hold;
        // Per ball and zone: the worst closeness, when it first occurs, the closest point.
        struct Track {
            Closeness worst = Closeness::Safe;
            double firstAt = 0;
            double closestGapCm = std::numeric_limits<double>::infinity();
            Point closestPoint;
            std::size_t nextLook = 0; ///< the first sample that could come within the clearance
        };
        std::vector<Track> tracks(step.place.size() * 2);
        const double clearance[2] = {m_body.clearanceCm, neckClearanceCm(contact)};
        const StepMotion motion(step);
        std::vector<Point> positions;
        for (std::size_t n = 0; n < times.size(); ++n) {
            if (std::none_of(tracks.begin(), tracks.end(),
                             [n](const Track& track) { return track.nextLook <= n; })) {
                continue;
            }
            const double t = times[n];
            motion.positionsAt(t, positions);
            m_positionsChecked += positions.size();
            for (std::size_t b = 0; b < positions.size(); ++b) {
                for (int z = 0; z < 2; ++z) {
                    Track& track = tracks[b * 2 + static_cast<std::size_t>(z)];
                    if (track.nextLook > n) {
                        continue;
                    }
                    const double gap = (z == 0 ? spineGapCm(positions[b], radius)
                                               : neckGapCm(positions[b], contact)) -
                                       margin;
                    const Closeness closeness = closenessFor(gap, clearance[z]);
                    if (closeness > track.worst) {
                        track.worst = closeness;
                        track.firstAt = t;
                    }
                    if (gap < track.closestGapCm) {
                        track.closestGapCm = gap;
                        track.closestPoint = positions[b];
                    }
                    // A gap changes by no more than the contact moves, `spacing` at most from
                    // one sample to the next: while it cannot come down to the clearance, the
                    // samples are passed over (kRoundingCm kept back). Nothing is reported of a
                    // zone the contact stays clear of, and where it comes near, its closest is
                    // within the clearance. The one jump, a strip lifted back to its place,
                    // lands on the first sample's point: nothing after it is new.
                    const double above = gap - clearance[z] - kRoundingCm;
                    track.nextLook = n + 1 +
                                     (above > 0 && spacing > 0
                                          ? static_cast<std::size_t>(std::min(above / spacing, 1e9))
                                          : 0);
                }
            }
        }
        // A ball near both zones gets the one advice that clears both: searched for once.
        std::vector<std::optional<std::string>> adviceByBall(step.place.size());
        for (std::size_t b = 0; b < step.place.size(); ++b) {
            for (int z = 0; z < 2; ++z) {
                const Track& track = tracks[b * 2 + static_cast<std::size_t>(z)];
                if (track.worst == Closeness::Safe) {
                    continue;
                }
                SafetyWarning warning;
                warning.zone = z == 0 ? Zone::Spine : Zone::Neck;
                warning.closeness = track.worst;
                warning.stepIndex = s;
                warning.stepName = step.name;
                warning.ball = b;
                warning.moving = moving;
                warning.atS = track.firstAt;
                warning.gapCm = track.closestGapCm;
                warning.where = track.closestPoint;
                // Advice moves the placement so that the whole motion clears both zones.
                if (!adviceByBall[b]) {
                    adviceByBall[b] = adviceFor(pathOf(step, b), step.place[b].at, contact);
                }
                warning.advice = *adviceByBall[b];
                warning.noun = contact.noun;
                if (contact.tool) {
                    if (warning.zone == Zone::Spine) {
                        warning.reason = _("no hand, thumb or finger presses on the spine");
                    } else if (contact.fingerFriction) {
                        warning.reason = _("fingertips on the neck keep between the cervical "
                                           "spine and the sides of the neck");
                    } else {
                        warning.reason = _("the back of the neck takes light finger frictions "
                                           "only, never a hand's weight, a thumb or stripping");
                    }
                }
                warning.mark = moving ? step.motion.mark : step.place[b].mark;
                found.push_back(warning);
            }
        }
    }
    std::vector<SafetyWarning> warnings;
    for (Side side : sides) {
        for (SafetyWarning warning : found) {
            warning.side = side;
            warnings.push_back(warning);
        }
    }
    return warnings;
}

std::vector<OffBody> SafetyCheck::offBody(const Routine& routine) const {
    std::vector<OffBody> found;
    for (std::size_t s = 0; s < routine.steps.size(); ++s) {
        const Step& step = routine.steps[s];
        // What is drawn is the contact patch: all of it stays on the body, not only its centre.
        const double radius = Contact::of(m_body, routine, step).radiusCm;
        const auto offAt = [&](std::size_t b, bool moving, double t, Point where,
                               const SourceMark& mark) {
            return OffBody{s, b, moving, t, where, mark, m_body.isOnBody(where)};
        };
        // Per ball: null while it stays on the body, else where it first leaves it.
        std::vector<std::optional<OffBody>> off(step.place.size());
        std::vector<std::size_t> toSample;
        for (std::size_t b = 0; b < step.place.size(); ++b) {
            ++m_positionsChecked;
            if (!m_body.patchOnBody(step.place[b].at, radius)) {
                off[b] = offAt(b, false, 0, step.place[b].at, step.place[b].mark);
            } else if (step.motion.pattern != Pattern::Hold &&
                       !reachWellInside(m_body, step, b, radius)) {
                // Only a ball whose reach comes close to the outline needs its motion
                // sampled; a long path well inside costs a few segment tests, not thousands
                // of positions.
                toSample.push_back(b);
            }
        }
        if (!toSample.empty()) {
            const StepMotion motion(step);
            std::vector<Point> positions;
            for (double t : sampleTimes(step, 0.1)) {
                motion.positionsAt(t, positions);
                bool pending = false;
                for (std::size_t b : toSample) {
                    if (off[b]) {
                        continue;
                    }
                    ++m_positionsChecked;
                    if (!m_body.patchOnBody(positions[b], radius)) {
                        off[b] = offAt(b, true, t, positions[b], step.motion.mark);
                    } else {
                        pending = true;
                    }
                }
                if (!pending) {
                    break;
                }
            }
        }
        for (const auto& ball : off) {
            if (ball) {
                found.push_back(*ball);
            }
        }
    }
    return found;
}

namespace {

// A hand's path wavers: this much downward travel along a pressed path, in all, is no stroke
// down the back.
constexpr double kPressedDownToleranceCm = 2;
// The fastest a stroke or strip is given: one a second, each pressed part at most 30 cm/s.
// Effleurage and stripping are slow, even, pressed glides; faster, a hand cannot keep its
// pressure (it slaps or skims), and the count said for each one ("Stroke 3 of 12") cannot be
// said, let alone followed.
constexpr double kMostRepetitionsPerS = 1;
constexpr double kFastestPressedCmPerS = 30;

// How far a path goes down the back (y grows downward), adding every downward part.
double downwardTravelCm(const std::vector<Point>& path) {
    double down = 0;
    for (std::size_t i = 1; i < path.size(); ++i) {
        down += std::max(0.0, path[i].yCm - path[i - 1].yCm);
    }
    return down;
}

double lengthCm(const std::vector<Point>& path) {
    double length = 0;
    for (std::size_t i = 1; i < path.size(); ++i) {
        length += std::hypot(path[i].xCm - path[i - 1].xCm, path[i].yCm - path[i - 1].yCm);
    }
    return length;
}

// Why no hand can follow a stroke's or strip's pace; "" when one can.
std::string paceProblem(const Step& step) {
    const bool stroke = step.motion.pattern == Pattern::Stroke;
    const char* noun = stroke ? "strokes" : "strips";
    const int repeat = std::max(1, step.motion.repeat);
    if (!(step.durationS > 0)) {
        return {};
    }
    const double eachS = step.durationS / repeat;
    const double perS = repeat / step.durationS;
    if (perS > kMostRepetitionsPerS) {
        return fillIn(
            _("{0} {1} in {2} s is {3} a second, more than a hand can follow (at most one "
              "a second: each is a slow, even, pressed glide, and its count is said "
              "aloud); give fewer, or a longer step"),
            std::to_string(repeat), noun, oneDecimal(step.durationS), oneDecimal(perS));
    }
    const double pressedS = eachS * (stroke ? kStrokeShare : kStripShare);
    const double speed = lengthCm(pressedPath(step)) / pressedS;
    if (speed > kFastestPressedCmPerS) {
        return fillIn(
            _("each of its {0} presses {1} cm in {2} s, {3} cm/s: faster than a hand keeps its "
              "pressure (at most 30 cm/s, a slow, even glide); give fewer, or a longer step"),
            noun, oneDecimal(lengthCm(pressedPath(step))), oneDecimal(pressedS), oneDecimal(speed));
    }
    return {};
}

} // namespace

std::string strokeDirectionWarning(const Step& step) {
    if (step.motion.pattern != Pattern::Stroke || step.place.empty()) {
        return {};
    }
    // The same rule as validate's: any pressed part going down the back, not only its end.
    if (downwardTravelCm(pressedPath(step)) <= kPressedDownToleranceCm) {
        return {};
    }
    return _("Stroke pressing down the back: press on the way up, toward the heart");
}

std::vector<RuleWarning> SafetyCheck::handRules(const Routine& routine) const {
    std::vector<RuleWarning> found;
    for (std::size_t s = 0; s < routine.steps.size(); ++s) {
        const Step& step = routine.steps[s];
        const std::string where = "step " + std::to_string(s + 1) + " (\"" + step.name + "\"): ";
        if (step.motion.pattern == Pattern::Stroke && !step.place.empty()) {
            // Effleurage goes up the back toward the heart; stroking the other way with
            // pressure can harm the veins, the guide warns. Down is for the light return.
            // Every downward part of the pressed path counts, not only where it ends: up the
            // back and then down again presses down as much as straight down does.
            const double down = downwardTravelCm(pressedPath(step));
            if (down > kPressedDownToleranceCm) {
                found.push_back({s, step.motion.mark,
                                 fillIn(_("{0}the stroke presses {1} cm down the back: effleurage "
                                          "strokes press upward, toward the heart, and come down "
                                          "only lightly on the return (stroking down with pressure "
                                          "can harm the veins); start it low and end it high"),
                                        where, oneDecimal(down))});
            }
        }
        if ((step.motion.pattern == Pattern::Stroke || step.motion.pattern == Pattern::Strip) &&
            !step.place.empty()) {
            if (const std::string pace = paceProblem(step); !pace.empty()) {
                found.push_back({s, step.motion.mark, where + pace});
            }
        }
        if (step.bothSides && !step.place.empty()) {
            // A step run once for both sides must work both: one that works one side leaves
            // the other without its time.
            const bool right = std::all_of(step.place.begin(), step.place.end(),
                                           [](const Placement& p) { return p.at.xCm > 0; });
            const bool left = std::all_of(step.place.begin(), step.place.end(),
                                          [](const Placement& p) { return p.at.xCm < 0; });
            if (right || left) {
                found.push_back(
                    {s, step.mark,
                     fillIn(_("{0}runs once for both sides but works only one: the other "
                              "side would not get the same time; make it a step of each "
                              "side (no \"sides: both\") or place a hand on each side"),
                            where)});
            }
        }
    }
    return found;
}

std::string offBodyMessage(ProblemKind kind, const OffBodyPieces& p) {
    // One whole sentence per kind, so that each language words it in its own order. x_cm and
    // y_cm are the routine file's keys and stay as they are.
    if (kind == ProblemKind::MovesOffBody) {
        // TRANSLATORS: {0} which contact ("ball 2 of step 1 (\"Settle in\")"), {1} seconds
        // into the step, {2} and {3} where (x_cm and y_cm are the routine file's keys and stay
        // as they are), {4} the body it was checked on.
        return fillIn(_("{0} moves off the body {1} s into the step (at x_cm {2}, y_cm {3} on "
                        "{4}): all of its contact patch must stay on the back, shoulders or "
                        "neck"),
                      p.what, p.atS, p.xCm, p.yCm, p.body);
    }
    if (kind == ProblemKind::OverTheEdge && !p.atS.empty()) {
        // TRANSLATORS: as "{0} moves off the body {1} s into the step ...": its centre stays on
        // the body, part of its contact patch does not.
        return fillIn(_("{0} reaches over the edge of the body {1} s into the step (at x_cm {2}, "
                        "y_cm {3} on {4}): all of its contact patch must stay on the back, "
                        "shoulders or neck"),
                      p.what, p.atS, p.xCm, p.yCm, p.body);
    }
    if (kind == ProblemKind::OverTheEdge) {
        // TRANSLATORS: {0} which contact, {1} and {2} where (x_cm and y_cm are the routine
        // file's keys and stay as they are), {3} the body it was checked on.
        return fillIn(_("{0} reaches over the edge of the body (at x_cm {1}, y_cm {2} on {3}): "
                        "all of its contact patch must stay on the back, shoulders or neck"),
                      p.what, p.xCm, p.yCm, p.body);
    }
    // TRANSLATORS: {0} which contact, {1} and {2} where (x_cm and y_cm are the routine file's
    // keys and stay as they are), {3} the body it was checked on.
    return fillIn(_("{0} is placed off the body (at x_cm {1}, y_cm {2} on {3}): all of its "
                    "contact patch must stay on the back, shoulders or neck"),
                  p.what, p.xCm, p.yCm, p.body);
}

void checkPlacements(RoutineLoad& load, const BodyModel& body, PlacementCheck what) {
    if (!load.routine) {
        return;
    }
    const Routine& routine = *load.routine;
    SafetyCheck check(body);
    for (const OffBody& off : check.offBody(routine)) {
        const Step& step = routine.steps[off.stepIndex];
        const std::string noun = Contact::of(body, routine, step).noun;
        // TRANSLATORS: which contact a problem is about: {0} "ball 2" or the like, {1} the step's
        // number, {2} its name.
        const std::string who =
            fillIn(_("{0} of step {1} (\"{2}\")"), contactNumbered(noun, off.ball + 1),
                   off.stepIndex + 1, step.name);
        const ProblemKind kind = off.edgeOnly ? ProblemKind::OverTheEdge
                                 : off.moving ? ProblemKind::MovesOffBody
                                              : ProblemKind::PlacedOffBody;
        OffBodyPieces pieces{who, off.moving ? humanDecimal(off.atS, 1) : std::string(),
                             oneDecimal(off.where.xCm), oneDecimal(off.where.yCm),
                             body.describeInWords()};
        Diagnostic error{Severity::Error, off.mark, offBodyMessage(kind, pieces)};
        error.kind = kind;
        error.offBody = std::move(pieces);
        load.diagnostics.push_back(std::move(error));
    }
    if (what == PlacementCheck::WithWarnings) {
        // The routine is mirrored for the other side: one line per placement, naming both.
        load.safety = check.check(routine, {Side::Right});
        for (SafetyWarning warning : load.safety) {
            warning.bothSides = true;
            load.diagnostics.push_back({Severity::Warning, warning.mark, warning.message()});
        }
        for (const RuleWarning& rule : check.handRules(routine)) {
            load.diagnostics.push_back({Severity::Warning, rule.mark, rule.message});
        }
    }
    if (hasErrors(load.diagnostics)) {
        load.routine.reset();
    }
}

RoutineLoad openRoutine(const std::string& path, const BodyModel& body, PlacementCheck what) {
    RoutineLoad load = loadRoutineFile(path, body);
    checkPlacements(load, body, what);
    return load;
}

} // namespace rollcoach
