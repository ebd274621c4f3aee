#pragma once

#include "Translate.hpp"

#include "BodyModel.hpp"

#include "Diagnostic.hpp"
#include "Routine.hpp"
#include <optional>

#include <string>
#include <vector>

namespace rollcoach {

enum class Zone { Spine, Neck };
enum class Closeness { Safe, Near, On };

const char* zoneName(Zone zone); ///< "spine" / "neck"

/// The zone as a person reads it, in the language ("spine", "neck").
const char* zoneWords(Zone zone);

/// How close a ball's contact patch comes to one keep-out zone.
struct ZoneVerdict {
    Zone zone = Zone::Spine;
    Closeness closeness = Closeness::Safe;
    double gapCm = 0;   ///< from the patch's edge to the zone; negative when they overlap
    std::string advice; ///< what to do, e.g. "move the ball 2 cm outward"
};

/// The verdict for one ball at one point, with the zones it is on or near (worst first).
struct PlacementVerdict {
    Closeness worst = Closeness::Safe;
    bool onBody = true;
    std::vector<ZoneVerdict> zones;

    /// "Too close to the spine: move the ball 2 cm outward"; "" when safe.
    std::string headline() const;
};

/// A ball that comes on or near a zone during a step, on one side.
struct SafetyWarning {
    Zone zone = Zone::Spine;
    Closeness closeness = Closeness::Near;
    std::size_t stepIndex = 0;
    std::string stepName;
    Side side = Side::Right;
    std::size_t ball = 0; ///< 0-based
    bool moving = false;  ///< the step has a motion; atS is then meaningful
    double atS = 0;       ///< seconds into the step where it first happens
    double gapCm = 0;
    Point where; ///< routine frame
    std::string advice;
    SourceMark mark;
    bool bothSides = false;    ///< the routine is mirrored: say so rather than name one side
    std::string noun = "ball"; ///< what touches: "ball", "hand", "thumb", "fingertip"
    std::string reason;        ///< why, for a tool: "" or e.g. "only light finger frictions ..."

    std::string message() const;
};

/// A ball whose placement or motion leaves the body outline.
struct OffBody {
    std::size_t stepIndex = 0;
    std::size_t ball = 0;
    bool moving = false;
    double atS = 0;
    Point where;
    SourceMark mark;
    bool edgeOnly = false; ///< the centre is on the body; part of the contact patch is not
};

/// An off-body error in one sentence, worded for its kind: "ball 1 of step 2 (\"S\") is placed
/// off the body (at x_cm 17.5, y_cm 8.2 on women, ...): all of its contact patch must stay on
/// the back, shoulders or neck".
std::string offBodyMessage(ProblemKind kind, const OffBodyPieces& pieces);

/// How a ball's contact patch stands to a zone, in words: "overlaps the spine by 1.2 cm",
/// "comes within 0.4 cm of the neck", or "touches the spine" when the distance shows as 0.0.
std::string contactText(Zone zone, double gapCm);
/// The same for another contact: "the thumb's contact patch ...".
std::string contactText(Zone zone, double gapCm, const std::string& noun);

/// What touches the back, as the checks see it: a ball, or a tool doing one motion. The
/// back of the neck takes light finger frictions only; everything else keeps out of the neck.
struct Contact {
    double radiusCm = 0;
    std::string noun = "ball";   ///< "ball", "hand", "thumb", "fingertip"
    bool fingerFriction = false; ///< fingers in small circles: allowed on the back of the neck
    std::optional<Tool> tool;    ///< none for a ball

    /// A ball of a diameter, as the body model presses it.
    static Contact ball(const BodyModel& body, double diameterCm);
    /// The contact of a step: the routine's ball, or the step's tool in its motion.
    static Contact of(const BodyModel& body, const Routine& routine, const Step& step);
};

/// A rule of the hand drills that is not a place: a stroke pressing down the back, a step
/// for both sides that works one.
struct RuleWarning {
    std::size_t stepIndex = 0;
    SourceMark mark;
    std::string message;
};

/// For a stroke that presses down the back, what the screen and the voice say while it runs;
/// "" for any other step.
std::string strokeDirectionWarning(const Step& step);

/// Checks ball placements against the spine and neck zones of a body model. Pure: the same
/// routine and body always give the same verdicts.
class SafetyCheck {
public:
    explicit SafetyCheck(const BodyModel& body) : m_body(body) {}

    double contactRadiusCm(double ballDiameterCm) const;

    /// The verdict for a ball centred at `point` (routine frame; the body is symmetric).
    PlacementVerdict atPoint(Point point, double ballDiameterCm) const;
    /// The same for any contact: a ball, hands, a thumb, fingertips.
    PlacementVerdict atPoint(Point point, const Contact& contact) const;

    /// The rules of the hand drills that are not about a place: an effleurage stroke whose
    /// pressed part goes down the back, and a step for both sides that works one side only.
    std::vector<RuleWarning> handRules(const Routine& routine) const;

    /// Every ball of every step over its whole motion, for each given side. A zone is
    /// reported once per ball and step: at its worst closeness, from when that first occurs.
    std::vector<SafetyWarning> check(const Routine& routine, const std::vector<Side>& sides = {
                                                                 Side::Left, Side::Right}) const;

    /// Placements and motions that leave the outline of the body.
    std::vector<OffBody> offBody(const Routine& routine) const;

    /// The smallest move, on a half-centimetre grid, after which every point of `path` (one
    /// ball's positions, routine frame) clears both zones by the clearance and a margin and
    /// stays on the body; none when no move within 30 cm does. Moves toward `reference`'s own
    /// side, outward, are preferred among equal ones.
    std::optional<Point> safeMove(const std::vector<Point>& path, Point reference,
                                  double ballDiameterCm) const;
    std::optional<Point> safeMove(const std::vector<Point>& path, Point reference,
                                  const Contact& contact) const;

    /// Advice for the ball centred at `point`, or moving along `path` from it: "move the ball
    /// 3 cm outward and 2 cm down", naming a destination that is itself safe.
    std::string adviceFor(const std::vector<Point>& path, Point reference,
                          double ballDiameterCm) const;
    std::string adviceFor(const std::vector<Point>& path, Point reference,
                          const Contact& contact) const;

    /// Beyond the clearance, what advice adds so that its destination is safe with room to
    /// spare, after rounding to the half centimetre it is phrased in.
    static constexpr double kAdviceMarginCm = 0.5;

    /// How many ball positions the checks have looked at so far: what they cost, whatever
    /// the machine.
    std::size_t positionsChecked() const { return m_positionsChecked; }

private:
    /// From the patch's edge to the spine band, and to the neck zone; negative on it.
    double spineGapCm(Point point, double radius) const;
    double neckGapCm(Point point, const Contact& contact) const;
    ZoneVerdict spineVerdict(Point point, double radius, double margin) const;
    ZoneVerdict neckVerdict(Point point, const Contact& contact, double margin) const;
    /// The clearance advice needs from the neck, which light finger frictions work closer to.
    double neckClearanceCm(const Contact& contact) const;
    /// How far a patch round `point` falls short of clearing both zones by what advice needs:
    /// negative when it clears them, and then how far it may move, any way, and still clear.
    double zoneShortfallCm(Point point, const Contact& contact) const;

    const BodyModel& m_body;
    mutable std::size_t m_positionsChecked = 0;
};

/// How much of the placement check a caller needs. Off-body placements are errors, so they
/// are always checked; the spine and neck warnings only where they are shown.
enum class PlacementCheck { WithWarnings, ErrorsOnly };

/// Adds the safety warnings and off-body errors of a loaded routine to its diagnostics (and
/// drops the routine when there is an error).
void checkPlacements(struct RoutineLoad& load, const BodyModel& body,
                     PlacementCheck what = PlacementCheck::WithWarnings);

/// Loads a routine file and checks its placements: what `validate` and the app use.
RoutineLoad openRoutine(const std::string& path, const BodyModel& body,
                        PlacementCheck what = PlacementCheck::WithWarnings);

} // namespace rollcoach
