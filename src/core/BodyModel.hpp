#pragma once

#include "Routine.hpp"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace rollcoach {

/// A problem in one of the app's own data files, already located ("file:line:col: ...").
class DataFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A colour as red, green and blue, 0-255 each.
struct Colour {
    int r = 0;
    int g = 0;
    int b = 0;
};

struct BallKind {
    std::string name; ///< the routine's word: "tennis", "yoga-tune-up", ...
    std::string label;
    double diameterCm = 0;
    Colour colour; ///< as drawn: close to the real ball's, so it is recognised
};

/// What presses on the back when a routine works by hand.
struct ToolKind {
    std::string name;  ///< the routine's word: "hands", "thumb", "fingers"
    std::string label; ///< in the person's words: "both hands", "the thumb", ...
    double contactRadiusCm = 0;
    Colour colour; ///< as drawn
};

struct Muscle {
    std::string name;
    std::string label;
    std::vector<Point> outline; ///< right side
};

struct Ellipse {
    Point center;
    double radiusXCm = 0;
    double radiusYCm = 0;
};

/// Who the body model is scaled for: "men" or "women" (the average of each), and a shoulder
/// width or a height of one's own, which override the average's.
struct BodyProfile {
    BodyProfile() = default;
    BodyProfile(std::string sex, std::optional<double> shoulders = std::nullopt,
                std::optional<double> height = std::nullopt)
        : name(std::move(sex)), shoulderWidthCm(shoulders), heightCm(height) {}

    std::string name = "men";
    std::optional<double> shoulderWidthCm;
    std::optional<double> heightCm;
};

/// A named place on the body a routine may put a contact by (right side, scaled for the body).
struct AnatomyPoint {
    std::string name;
    Point at;
};

/// Landmarks of the back and the keep-out zones, in the body frame. Right-side shapes are
/// given; the left side is their mirror image (x -> -x).
struct BodyModel {
    std::string profileName;
    std::string sex = "men"; ///< the profile whose averages fill what was not given
    double shoulderWidthCm = 0;
    double heightCm = 0;
    /// How this body relates to the reference (the average man): widths scale by the first,
    /// lengths down the back by the second.
    double widthScale = 1;
    double lengthScale = 1;
    /// The bodies accepted: shoulder widths and heights, inclusive.
    double minShoulderWidthCm = 0;
    double maxShoulderWidthCm = 0;
    double minHeightCm = 0;
    double maxHeightCm = 0;

    // Keep-out zones.
    double spineHalfWidthCm = 0;
    double neckHalfWidthCm = 0;
    double neckTopCm = 0; ///< negative: above C7
    double contactRadiusRatio = 0;
    double clearanceCm = 0;
    // The back of the neck, where light finger frictions are the one thing allowed: between
    // the cervical spinous processes and the sides of the neck (centimetres from the midline),
    // with a clearance of its own for fingertips.
    double backOfNeckInnerCm = 0;
    double backOfNeckOuterCm = 0;
    double backOfNeckClearanceCm = 0;

    // Landmarks.
    double thoracicLevelCm = 0;
    double spineBottomCm = 0;
    Point acromion;
    Ellipse head;
    std::vector<Point>
        outline; ///< right half, from the midline at the top to the midline at the waist
    std::vector<Point> scapula;
    std::vector<Point> scapulaSpine;
    std::vector<Muscle> muscles;
    std::vector<Muscle> moreMuscles; ///< worked by hand: shaded for a step, named in `target`
    std::vector<BallKind> balls;
    Colour otherBallColour;              ///< for a ball given only by its diameter
    std::vector<std::string> wallProps;  ///< what the wall drill needs beside the balls
    std::vector<std::string> lyingProps; ///< what the lying drill needs beside the balls
    std::vector<std::string> partnerProps;
    std::vector<std::string> selfPressProps;
    std::vector<ToolKind> tools;
    std::map<std::string, std::string> drillSafety; ///< by drill name: the setup's safety note
    double sacrumBottomCm = 0;         ///< where the drawn back ends, below the sacrum's top
    std::vector<Point> lowerBack;      ///< drawn only: right half from the waist to the sacrum
    std::vector<Point> sacrum;         ///< drawn only: the sacrum's triangle
    std::vector<AnatomyPoint> anatomy; ///< what a routine may place by, in file order

    /// "women, shoulders 36.5 cm, height 163 cm": which body a routine is checked for.
    std::string describe() const;
    /// The same in the person's language, for what people read: "women, shoulders 36,5 cm, ...".
    std::string describeInWords() const;
    /// A named place of `anatomy` for this body; none for a name the model lacks.
    std::optional<Point> anatomyPoint(const std::string& name) const;
    std::vector<std::string> anatomyNames() const;
    /// True when a contact patch of `radiusCm` round `point` (absolute x, either side) lies
    /// wholly on the drawn back, shoulders or neck: no part of it over the background.
    bool patchOnBody(Point point, double radiusCm) const;
    /// How far a point (absolute x, either side) lies inside the outline: the distance to its
    /// nearest edge, the midline aside; negative, that distance, outside it.
    double insideByCm(Point point) const;

    /// True when a point (absolute x, either side) lies on the back, shoulders or neck.
    bool isOnBody(Point point) const;
    const BallKind* findBall(const std::string& name) const;
    /// The colour a routine's ball is drawn in.
    Colour ballColour(const BallChoice& ball) const;
    /// What a drill needs beside the balls, in the person's words.
    const std::vector<std::string>& props(Drill drill) const;
    /// The safety note for a drill, naming only the rules that apply to it.
    const std::string& safety(Drill drill) const;
    const Muscle* findMuscle(const std::string& name) const;
    const ToolKind* findTool(Tool tool) const;
    /// The contact radius of a tool (0 for a tool the model lacks, which parse rules out).
    double toolContactRadiusCm(Tool tool) const;
    std::vector<std::string> ballNames() const;
    std::vector<std::string> muscleNames() const;
    /// Every muscle a routine or a step may name as its target.
    std::vector<std::string> targetNames() const;
    std::vector<std::string> profileNames() const { return m_profileNames; }

    /// Reads the model from body.yaml text, scaled for the profile. Throws DataFileError.
    static BodyModel parse(const std::string& text, const std::string& fileName,
                           const BodyProfile& profile = {});
    static BodyModel load(const std::string& path, const BodyProfile& profile = {});

private:
    std::vector<std::string> m_profileNames;
};

/// True when the point is inside the polygon (even-odd rule).
bool polygonContains(const std::vector<Point>& polygon, Point point);

/// The squared distance from a point to the segment from a to b.
double segmentDistanceSquared(Point point, Point a, Point b);

/// A length to a tenth of a centimetre, without a trailing ".0": "36.5", "30".
std::string tenths(double value);

} // namespace rollcoach
