#pragma once

#include "BodyModel.hpp"
#include "Routine.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rollcoach {

/// A point of a posture picture, in picture units: x to the right, y down, the picture 10
/// units high.
struct PicturePoint {
    double x = 0;
    double y = 0;
};

/// What a prop is made of: it decides its colour.
enum class PropKind { Wall, Floor, Pillow, Table, Chair, Mat };
const char* propKindName(PropKind kind);

/// One piece of a prop: a box or an ellipse (top-left corner and size), or a thick line.
struct PropPiece {
    PropKind kind = PropKind::Floor;
    enum class Shape { Box, Ellipse, Line } shape = Shape::Box;
    std::vector<PicturePoint> points; ///< box, ellipse: corner, size; line: its points
    double width = 0;                 ///< lines only
    int layer = 0;                    ///< drawn in layer order, props before figures
};

/// How a body segment is drawn.
enum class SegmentShape { Limb, Trunk, Head, Hand, Foot };

/// A body segment from one joint to the next, its direction given as an angle in degrees
/// (0: toward the picture's right, 90: up).
struct BodySegment {
    std::string name;
    std::string from;
    std::string to;
    double length = 0;
    double angleDeg = 0;
    double width = 0;
    SegmentShape shape = SegmentShape::Limb;
    bool far = false; ///< the limb on the far side: drawn behind and darker
    SourceMark mark;
};

/// A person in the picture: the one doing the drill, or the partner giving a massage.
struct PostureFigure {
    std::string name;
    bool partner = false;
    std::string root; ///< the joint that stays put
    PicturePoint rootAt;
    std::vector<BodySegment> segments; ///< each from a joint already placed
    int layer = 1;
};

/// One pose of a motion: the share of its period at which it is reached, the segment angles
/// that differ from the still posture, and how far figures move as a whole.
struct PostureKey {
    double at = 0;
    std::map<std::string, double> angles;
    std::map<std::string, PicturePoint> shifts; ///< by figure name
};

/// Where the ball, hand or finger presses: fixed in the picture (a ball between the back and
/// the wall stays while the body moves) or on a segment (at a share of its length, and
/// across it).
struct PostureContact {
    std::optional<PicturePoint> fixed;
    std::string segment;
    double along = 1;
    double across = 0;
    double radius = 0.3;
};

/// One segment as drawn at a moment.
struct DrawnSegment {
    PicturePoint from;
    PicturePoint to;
    double width = 0;
    SegmentShape shape = SegmentShape::Limb;
    bool far = false;
    bool partner = false;
};

/// What to draw at a moment, in layer order.
struct PostureFrame {
    struct Item {
        const PropPiece* prop = nullptr; ///< else a segment
        DrawnSegment segment;
    };
    std::vector<Item> items;
    PicturePoint contact;
    double contactRadius = 0;
};

/// The side view of one drill: its props, its figures and how they move for each motion a
/// step may have.
struct Posture {
    Drill drill = Drill::Wall;
    double width = 10;  ///< picture units
    double top = 0;     ///< where the picture starts, for one whose upper part is empty
    double height = 10; ///< how much of it is shown from `top`
    std::vector<PropPiece> props;
    std::vector<PostureFigure> figures;
    PostureContact contact;
    /// Per motion pattern: its keys; an empty list for a motion that leaves the body still.
    std::map<Pattern, std::vector<PostureKey>> motions;

    /// The picture `seconds` into a step with this motion (a still posture for none, or for a
    /// motion the data leaves still). `periodS`: one round of the motion.
    PostureFrame frame(std::optional<Pattern> pattern, double periodS, double seconds) const;
};

/// The period a step's motion repeats with, for the posture picture: its own period, one
/// stroke or strip, or a few seconds.
double posturePeriodS(const Step& step);

/// Every drill's posture, read from postures.yaml.
class Postures {
public:
    /// Reads the pictures from postures.yaml text. Throws DataFileError, located.
    static Postures parse(const std::string& text, const std::string& fileName);
    static Postures load(const std::string& path);

    /// The drill's posture (every drill has one once parsed).
    const Posture& of(Drill drill) const;
    const std::vector<Posture>& all() const { return m_postures; }

private:
    std::vector<Posture> m_postures;
};

} // namespace rollcoach
