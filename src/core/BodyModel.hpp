#pragma once

#include "Routine.hpp"

#include <optional>
#include <stdexcept>
#include <string>
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

/// Who the body model is scaled for: "men", "women", or a shoulder width of one's own.
struct BodyProfile {
    std::string name = "men";
    std::optional<double> shoulderWidthCm;
};

/// Landmarks of the back and the keep-out zones, in the body frame. Right-side shapes are
/// given; the left side is their mirror image (x -> -x).
struct BodyModel {
    std::string profileName;
    double shoulderWidthCm = 0;

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
    double sacrumBottomCm = 0; ///< where the drawn back ends, below the sacrum's top
    std::vector<Point> lowerBack; ///< drawn only: right half from the waist to the sacrum
    std::vector<Point> sacrum;    ///< drawn only: the sacrum's triangle

    /// True when a point (absolute x, either side) lies on the back, shoulders or neck.
    bool isOnBody(Point point) const;
    const BallKind* findBall(const std::string& name) const;
    /// The colour a routine's ball is drawn in.
    Colour ballColour(const BallChoice& ball) const;
    /// What a drill needs beside the balls, in the person's words.
    const std::vector<std::string>& props(Drill drill) const;
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

} // namespace rollcoach
