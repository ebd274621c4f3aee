#include "Drawing.hpp"

#include "Palette.hpp"
#include "core/Timeline.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace rollcoach {
namespace {

float cross(sf::Vector2f a, sf::Vector2f b, sf::Vector2f c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

bool insideTriangle(sf::Vector2f p, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c) {
    const float d1 = cross(a, b, p);
    const float d2 = cross(b, c, p);
    const float d3 = cross(c, a, p);
    const bool negative = d1 < 0 || d2 < 0 || d3 < 0;
    const bool positive = d1 > 0 || d2 > 0 || d3 > 0;
    return !(negative && positive);
}

std::vector<sf::Vector2f> toScreen(const BodyView& view, const std::vector<Point>& points,
                                   float mirror) {
    std::vector<sf::Vector2f> out;
    for (const Point& p : points) {
        out.push_back(view.toScreen({p.xCm * mirror, p.yCm}));
    }
    return out;
}

std::vector<sf::Vector2f> ellipse(sf::Vector2f center, float rx, float ry, int segments) {
    std::vector<sf::Vector2f> out;
    for (int i = 0; i < segments; ++i) {
        const float a = 6.2831853f * static_cast<float>(i) / static_cast<float>(segments);
        out.push_back({center.x + rx * std::cos(a), center.y + ry * std::sin(a)});
    }
    return out;
}

std::vector<sf::Vector2f> rectangle(sf::Vector2f a, sf::Vector2f b) {
    return {{a.x, a.y}, {b.x, a.y}, {b.x, b.y}, {a.x, b.y}};
}

// Made with the first shape and never released: a texture destroyed after main returns would
// outlive SFML's own context.
const sf::Texture& whiteTexture() {
    static const sf::Texture* const white = [] {
        auto* texture = new sf::Texture;
        sf::Image pixels;
        pixels.create(2, 2, sf::Color::White);
        texture->loadFromImage(pixels);
        // Not smoothed like the glyph textures: that would share one more shader with text, but
        // llvmpipe would then blend four texels for every pixel of every shape, a third more
        // CPU per frame while a ball moves.
        texture->setSmooth(false);
        return texture;
    }();
    return *white;
}

} // namespace

// A software renderer (llvmpipe) keeps a buffer as large as the largest draw it was given:
// a megabyte for the whole body drawn at once. In parts of 256 triangles the peak heap is 0.3
// to 0.5 MiB less, with no more CPU a frame that can be measured.
constexpr std::size_t kVerticesPerDraw = 3 * 256;

void drawShapes(sf::RenderTarget& target, const sf::VertexArray& triangles) {
    if (triangles.getVertexCount() == 0) {
        return;
    }
    // Every vertex keeps texture coordinates (0, 0): each texel is white, so the colour is the
    // vertex's own.
    sf::RenderStates states(&whiteTexture());
    // Opaque shapes are written, not blended: the same pixels, and a software renderer
    // (llvmpipe) then shades them without reading the frame back, an eighth less CPU a second
    // while the ball moves.
    bool opaque = true;
    for (std::size_t i = 0; i < triangles.getVertexCount() && opaque; ++i) {
        opaque = triangles[i].color.a == 255;
    }
    if (opaque) {
        states.blendMode = sf::BlendNone;
    }
    // Parts of whole triangles: only a list of triangles can be cut so.
    assert(triangles.getPrimitiveType() == sf::Triangles);
    const std::size_t count = triangles.getVertexCount();
    for (std::size_t first = 0; first < count; first += kVerticesPerDraw) {
        target.draw(&triangles[first], std::min(kVerticesPerDraw, count - first), sf::Triangles,
                    states);
    }
}

void fillRectangle(sf::VertexArray& triangles, sf::FloatRect area, sf::Color color) {
    fillPolygon(triangles,
                rectangle({area.left, area.top}, {area.left + area.width, area.top + area.height}),
                color);
}

void fillRing(sf::VertexArray& triangles, sf::Vector2f center, float inner, float outer,
              int segments, sf::Color color) {
    const std::vector<sf::Vector2f> rim = ellipse(center, outer, outer, segments);
    const std::vector<sf::Vector2f> hole =
        inner > 0 ? ellipse(center, inner, inner, segments) : std::vector<sf::Vector2f>{};
    for (std::size_t i = 0; i < rim.size(); ++i) {
        const std::size_t j = (i + 1) % rim.size();
        if (hole.empty()) {
            for (const sf::Vector2f& p : {center, rim[i], rim[j]}) {
                triangles.append({p, color});
            }
        } else {
            for (const sf::Vector2f& p : {hole[i], rim[i], rim[j], hole[i], rim[j], hole[j]}) {
                triangles.append({p, color});
            }
        }
    }
}

void fillPolygon(sf::VertexArray& triangles, const std::vector<sf::Vector2f>& polygon,
                 sf::Color color) {
    // Ear clipping: fine for the few dozen points of a body outline.
    std::vector<sf::Vector2f> points = polygon;
    if (points.size() < 3) {
        return;
    }
    float area = 0;
    for (std::size_t i = 0, j = points.size() - 1; i < points.size(); j = i++) {
        area += points[j].x * points[i].y - points[i].x * points[j].y;
    }
    if (area < 0) {
        std::reverse(points.begin(), points.end());
    }
    std::size_t guard = 0;
    while (points.size() > 3 && guard++ < 10000) {
        bool clipped = false;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const sf::Vector2f a = points[(i + points.size() - 1) % points.size()];
            const sf::Vector2f b = points[i];
            const sf::Vector2f c = points[(i + 1) % points.size()];
            if (cross(a, b, c) <= 0) {
                continue;
            }
            bool ear = true;
            for (std::size_t k = 0; k < points.size() && ear; ++k) {
                const sf::Vector2f p = points[k];
                if (p != a && p != b && p != c && insideTriangle(p, a, b, c)) {
                    ear = false;
                }
            }
            if (!ear) {
                continue;
            }
            triangles.append({a, color});
            triangles.append({b, color});
            triangles.append({c, color});
            points.erase(points.begin() + static_cast<std::ptrdiff_t>(i));
            clipped = true;
            break;
        }
        if (!clipped) {
            break;
        }
    }
    if (points.size() == 3) {
        for (const sf::Vector2f& p : points) {
            triangles.append({p, color});
        }
    }
}

void strokeLine(sf::VertexArray& triangles, const std::vector<sf::Vector2f>& points, float width,
                sf::Color color, bool closed) {
    const std::size_t n = points.size();
    const std::size_t segments = closed ? n : n - 1;
    for (std::size_t i = 0; i < segments && n >= 2; ++i) {
        const sf::Vector2f a = points[i];
        const sf::Vector2f b = points[(i + 1) % n];
        sf::Vector2f d = b - a;
        const float length = std::hypot(d.x, d.y);
        if (length <= 0) {
            continue;
        }
        // Extend each piece by half the width so corners meet without gaps.
        const sf::Vector2f along = d / length * (width / 2);
        const sf::Vector2f normal(-along.y, along.x);
        const sf::Vector2f p1 = a - along + normal;
        const sf::Vector2f p2 = a - along - normal;
        const sf::Vector2f p3 = b + along - normal;
        const sf::Vector2f p4 = b + along + normal;
        for (const sf::Vector2f& p : {p1, p2, p3, p1, p3, p4}) {
            triangles.append({p, color});
        }
    }
}

sf::Color ballColor(const BodyModel& body, const BallChoice& ball) {
    const Colour c = body.ballColour(ball);
    return sf::Color(static_cast<sf::Uint8>(c.r), static_cast<sf::Uint8>(c.g),
                     static_cast<sf::Uint8>(c.b));
}

sf::Color warningColor(Closeness closeness) {
    return closeness == Closeness::On ? palette::warningOn : palette::warningNear;
}

void BodyDiagram::prepare(sf::FloatRect area, std::optional<Side> workingSide,
                          const std::string& target, bool wholeBack) {
    // The body itself may have changed since (the person set theirs): its measures tell.
    const std::tuple<std::string, double, double> body(m_body.sex, m_body.shoulderWidthCm,
                                                       m_body.heightCm);
    if (m_prepared && area == m_area && workingSide == m_side && target == m_target &&
        wholeBack == m_wholeBack && body == m_bodyMeasures) {
        return;
    }
    m_prepared = true;
    m_bodyMeasures = body;
    m_area = area;
    m_side = workingSide;
    m_target = target;
    m_wholeBack = wholeBack;
    m_view = BodyView(m_body, area, wholeBack);
    const BodyView& v = m_view;
    const float px = v.pixelsPerCm();

    m_still.clear();
    m_bones.clear();
    // Head and the back: the outline's right half, then its mirror image back up.
    const Ellipse& h = m_body.head;
    fillPolygon(m_still,
                ellipse(v.toScreen(h.center), static_cast<float>(h.radiusXCm) * px,
                        static_cast<float>(h.radiusYCm) * px, 48),
                palette::head);
    std::vector<Point> outline = m_body.outline;
    for (auto it = m_body.outline.rbegin(); it != m_body.outline.rend(); ++it) {
        if (it->xCm != 0) {
            outline.push_back({-it->xCm, it->yCm});
        }
    }
    const std::vector<Point> waist = outline; // the body placements may use
    if (wholeBack) {
        // Below the waist, drawn only: the hips round the lower lumbar spine and the sacrum,
        // from the body model.
        const double y0 = m_body.spineBottomCm;
        std::vector<Point> hips = m_body.lowerBack;
        for (auto it = m_body.lowerBack.rbegin(); it != m_body.lowerBack.rend(); ++it) {
            if (it->xCm != 0) {
                hips.push_back({-it->xCm, it->yCm});
            }
        }
        const std::vector<sf::Vector2f> lower = toScreen(v, hips, 1);
        fillPolygon(m_still, lower, palette::skin);
        strokeLine(m_still, lower, std::max(1.5f, px * 0.25f), palette::skinEdge, true);
        double top = m_body.sacrumBottomCm;
        for (const Point& p : m_body.sacrum) {
            top = std::min(top, p.yCm);
        }
        fillPolygon(m_bones, toScreen(v, m_body.sacrum, 1), palette::withAlpha(palette::bone, 170));
        strokeLine(m_bones, toScreen(v, m_body.sacrum, 1), std::max(1.5f, px * 0.2f),
                   palette::boneEdge, true);
        const float level = static_cast<float>(m_body.thoracicLevelCm);
        for (float y = static_cast<float>(y0); y < static_cast<float>(top) - level * 0.4f;
             y += level * 1.3f) {
            fillPolygon(m_bones,
                        rectangle(v.toScreen({-1.9, y - level * 0.45}),
                                  v.toScreen({1.9, y + level * 0.45})),
                        palette::spine);
        }
    }
    const std::vector<sf::Vector2f> back = toScreen(v, waist, 1);
    fillPolygon(m_still, back, palette::skin);
    strokeLine(m_still, back, std::max(1.5f, px * 0.25f), palette::skinEdge, true);

    // The target muscle, shaded on the working side (both sides when browsing).
    if (const Muscle* muscle = m_body.findMuscle(target)) {
        for (float mirror : {1.f, -1.f}) {
            const bool working = !workingSide || (mirror > 0) == (*workingSide == Side::Right);
            if (working) {
                fillPolygon(m_still, toScreen(v, muscle->outline, mirror), palette::targetMuscle);
            }
        }
    }

    // Scapulae and the spine of each.
    for (float mirror : {1.f, -1.f}) {
        const std::vector<sf::Vector2f> blade = toScreen(v, m_body.scapula, mirror);
        fillPolygon(m_bones, blade, palette::withAlpha(palette::bone, 150));
        strokeLine(m_bones, blade, std::max(1.5f, px * 0.2f), palette::boneEdge, true);
        strokeLine(m_bones, toScreen(v, m_body.scapulaSpine, mirror), std::max(2.f, px * 0.45f),
                   palette::boneEdge);
    }
    // Spine: vertebrae as small blocks, one per level, the cervical ones above C7.
    const float level = static_cast<float>(m_body.thoracicLevelCm);
    for (float y = 0; y <= static_cast<float>(m_body.spineBottomCm) - level; y += level) {
        const float halfWidth = 1.1f + y / 60.f;
        fillPolygon(m_bones,
                    rectangle(v.toScreen({-halfWidth, y - level * 0.38}),
                              v.toScreen({halfWidth, y + level * 0.38})),
                    palette::spine);
    }
    for (float y = -level * 0.8f; y > static_cast<float>(m_body.neckTopCm) + 1; y -= level * 0.8f) {
        fillPolygon(
            m_bones,
            rectangle(v.toScreen({-0.9, y - level * 0.3}), v.toScreen({0.9, y + level * 0.3})),
            palette::spine);
    }
    // C7, the origin of every placement, marked and labelled.
    const sf::Vector2f c7 = v.toScreen({0, 0});
    fillPolygon(m_bones, ellipse(c7, px * 1.2f, px * 1.2f, 24), palette::text);
    strokeLine(m_bones, ellipse(c7, px * 1.2f, px * 1.2f, 24), std::max(1.5f, px * 0.2f),
               palette::spine, true);
    m_c7Label.setFont(m_font);
    m_c7Label.setString("C7");
    m_c7Label.setCharacterSize(static_cast<unsigned>(std::max(12.f, px * 2.4f)));
    m_c7Label.setFillColor(palette::background);
    m_c7Label.setPosition(c7.x - px * 8.f, c7.y - px * 1.8f);

    // Keep-out zones.
    m_spineZone.clear();
    // The zone runs the whole length of the spine: down to the sacrum where that is drawn.
    const double zoneBottom = wholeBack ? m_body.sacrumBottomCm - 0.8 : m_body.spineBottomCm;
    fillPolygon(m_spineZone,
                rectangle(v.toScreen({-m_body.spineHalfWidthCm, 0}),
                          v.toScreen({m_body.spineHalfWidthCm, zoneBottom})),
                sf::Color::White);
    m_neckZone.clear();
    fillPolygon(m_neckZone,
                rectangle(v.toScreen({-m_body.neckHalfWidthCm, m_body.neckTopCm}),
                          v.toScreen({m_body.neckHalfWidthCm, 0})),
                sf::Color::White);
}

void BodyDiagram::draw(sf::RenderTarget& target, Closeness spine, Closeness neck) const {
    draw(target, spine, neck, std::string(), Side::Right, false);
}

void BodyDiagram::draw(sf::RenderTarget& target, Closeness spine, Closeness neck,
                       const std::string& muscle, Side side, bool both) const {
    drawShapes(target, m_still);
    if (const Muscle* shape = m_body.findMuscle(muscle)) {
        sf::VertexArray shapes(sf::Triangles);
        for (float mirror : {1.f, -1.f}) {
            if (both || (mirror > 0) == (side == Side::Right)) {
                fillPolygon(shapes, toScreen(m_view, shape->outline, mirror),
                            palette::targetMuscle);
            }
        }
        drawShapes(target, shapes);
    }
    // Zones: a faint tint normally; the warning colour, half see-through so the bones stay
    // visible, when a ball is on or near them.
    auto drawZone = [&](sf::VertexArray zone, Closeness closeness) {
        sf::Color color = palette::keepOut;
        if (closeness != Closeness::Safe) {
            color = warningColor(closeness);
            color.a = 190;
        }
        for (std::size_t i = 0; i < zone.getVertexCount(); ++i) {
            zone[i].color = color;
        }
        drawShapes(target, zone);
    };
    drawZone(m_neckZone, neck);
    drawZone(m_spineZone, spine);
    drawShapes(target, m_bones);
    target.draw(m_c7Label);
}

sf::Color toolColor(const BodyModel& body, Tool tool) {
    const ToolKind* kind = body.findTool(tool);
    const Colour c = kind != nullptr ? kind->colour : Colour{236, 186, 150};
    return sf::Color(static_cast<sf::Uint8>(c.r), static_cast<sf::Uint8>(c.g),
                     static_cast<sf::Uint8>(c.b));
}

namespace {

sf::Color propColor(PropKind kind) {
    switch (kind) {
    case PropKind::Wall:
        return {128, 132, 146};
    case PropKind::Floor:
        return palette::dimText;
    case PropKind::Pillow:
        return {150, 190, 230};
    case PropKind::Table:
    case PropKind::Chair:
        return {168, 132, 96};
    case PropKind::Mat:
        return {96, 150, 120};
    }
    return palette::dimText;
}

sf::Color shaded(sf::Color c, float by) {
    return sf::Color(static_cast<sf::Uint8>(static_cast<float>(c.r) * by),
                     static_cast<sf::Uint8>(static_cast<float>(c.g) * by),
                     static_cast<sf::Uint8>(static_cast<float>(c.b) * by), c.a);
}

// A segment as a rounded bar from a to b, its ends round discs.
void capsule(sf::VertexArray& shapes, sf::Vector2f a, sf::Vector2f b, float width,
             sf::Color color) {
    const sf::Vector2f d = b - a;
    const float length = std::hypot(d.x, d.y);
    if (length > 0) {
        const sf::Vector2f n = sf::Vector2f(-d.y, d.x) / length * (width / 2);
        fillPolygon(shapes, {a + n, b + n, b - n, a - n}, color);
    }
    fillRing(shapes, a, 0, width / 2, 20, color);
    fillRing(shapes, b, 0, width / 2, 20, color);
}

std::vector<sf::Vector2f> turnedEllipse(sf::Vector2f center, sf::Vector2f along, float rx, float ry,
                                        int segments) {
    std::vector<sf::Vector2f> out;
    const sf::Vector2f across(-along.y, along.x);
    for (int i = 0; i < segments; ++i) {
        const float a = 6.2831853f * static_cast<float>(i) / static_cast<float>(segments);
        out.push_back(center + along * (rx * std::cos(a)) + across * (ry * std::sin(a)));
    }
    return out;
}

// One body segment: its outline a little wider and darker behind it, so limbs crossing the
// trunk still read as limbs.
void drawSegment(sf::VertexArray& shapes, sf::Vector2f a, sf::Vector2f b, float width,
                 SegmentShape shape, sf::Color fill, float edge) {
    const sf::Color rim = shaded(fill, 0.45f);
    const sf::Vector2f d = b - a;
    const float length = std::max(0.001f, std::hypot(d.x, d.y));
    const sf::Vector2f along = d / length;
    if (shape == SegmentShape::Head) {
        const sf::Vector2f c = (a + b) / 2.f;
        fillPolygon(shapes, turnedEllipse(c, along, length / 2 + edge, width / 2 + edge, 40), rim);
        fillPolygon(shapes, turnedEllipse(c, along, length / 2, width / 2, 40), fill);
        return;
    }
    if (shape == SegmentShape::Hand) {
        // A mitten: the palm wider than the wrist, the fingers rounded at the end.
        const sf::Vector2f n(-along.y, along.x);
        auto mitten = [&](float grow) {
            std::vector<sf::Vector2f> out;
            const float w0 = width * 0.38f + grow;
            const float w1 = width * 0.55f + grow;
            out.push_back(a - along * grow + n * w0);
            out.push_back(a + d * 0.55f + n * w1);
            for (int i = 0; i <= 8; ++i) {
                const float t = 3.1415926f * static_cast<float>(i) / 8.f;
                out.push_back(a + d * 0.7f + along * (length * 0.3f + grow) * std::sin(t) +
                              n * (w1 * std::cos(t)));
            }
            out.push_back(a + d * 0.55f - n * w1);
            out.push_back(a - along * grow - n * w0);
            return out;
        };
        fillPolygon(shapes, mitten(edge), rim);
        fillPolygon(shapes, mitten(0), fill);
        return;
    }
    capsule(shapes, a, b, width + 2 * edge, rim);
    capsule(shapes, a, b, width, fill);
}

} // namespace

void drawArrowPath(sf::VertexArray& shapes, const std::vector<sf::Vector2f>& path, float width,
                   sf::Color color) {
    if (path.size() < 2) {
        return;
    }
    // The head takes the last stretch of the line, so the arrow ends where the path does.
    const float headLength = width * 3.2f;
    const float headHalf = width * 2.0f;
    const sf::Vector2f end = path.back();
    sf::Vector2f before = path[path.size() - 2];
    for (std::size_t i = path.size() - 1; i-- > 0;) {
        before = path[i];
        const sf::Vector2f d = end - before;
        if (std::hypot(d.x, d.y) > headLength * 0.5f) {
            break;
        }
    }
    sf::Vector2f d = end - before;
    const float length = std::max(0.001f, std::hypot(d.x, d.y));
    d /= length;
    const sf::Vector2f base = end - d * headLength;
    std::vector<sf::Vector2f> line(path.begin(), path.end() - 1);
    line.push_back(base);
    strokeLine(shapes, line, width, color);
    const sf::Vector2f normal(-d.y, d.x);
    fillPolygon(shapes, {end, base + normal * headHalf, base - normal * headHalf}, color);
}

void drawTool(sf::RenderTarget& target, const BodyView& view, Tool tool, Point at,
              double contactRadiusCm, bool leftHand, sf::Color color, bool lifted,
              std::optional<sf::Color> ring, bool fromAbove) {
    drawShapes(target, toolShapes(view, tool, at, contactRadiusCm, leftHand, color, lifted, ring,
                                  fromAbove));
}

sf::VertexArray toolShapes(const BodyView& view, Tool tool, Point at, double contactRadiusCm,
                           bool leftHand, sf::Color color, bool lifted,
                           std::optional<sf::Color> ring, bool fromAbove) {
    const float px = view.pixelsPerCm();
    const sf::Vector2f c = view.toScreen(at);
    const float r = static_cast<float>(contactRadiusCm) * px;
    // Outward on the screen: a right hand's thumb lies toward the midline, on the left.
    const float side = leftHand ? 1.f : -1.f;
    sf::Color fill = color;
    sf::Color edge = palette::ballEdge;
    // The hand beyond what presses is drawn a little see-through, so the zones under it show.
    sf::Color hand = color;
    hand.a = 205;
    if (lifted) {
        fill.a = 110;
        edge.a = 110;
        hand.a = 90;
    }
    sf::VertexArray shapes(sf::Triangles);
    if (ring) {
        const float halo = std::max(r * 1.35f, r + 4.f);
        fillRing(shapes, c, halo, halo + std::max(3.f, r * 0.25f), 48, *ring);
    }
    const float outline = std::max(1.5f, px * 0.18f);
    // Each shape at the size of a real hand (cm on the person), so it reads as one from
    // across the room.
    auto digit = [&](sf::Vector2f from, sf::Vector2f to, float widthCm, sf::Color inside) {
        capsule(shapes, from, to, widthCm * px + 2 * outline, edge);
        capsule(shapes, from, to, widthCm * px, inside);
    };
    auto blob = [&](sf::Vector2f centre, sf::Vector2f along, float rxCm, float ryCm,
                    sf::Color inside) {
        fillPolygon(shapes,
                    turnedEllipse(centre, along, rxCm * px + outline, ryCm * px + outline, 36),
                    edge);
        fillPolygon(shapes, turnedEllipse(centre, along, rxCm * px, ryCm * px, 36), inside);
    };
    const float midline = view.toScreen({0, 0}).x;
    const float inward = c.x < midline ? 1.f : -1.f; // toward the midline on the screen
    // Pixels from the patch's centre to the spine's band, toward the midline; never less than
    // the patch's own reach (a patch in the band is warned of, and drawn where it is). The
    // rest of a hand keeps within it.
    const float room = std::max(r, std::abs(c.x - midline) - view.spineBandCm() * px);
    if (tool == Tool::Hands) {
        // A flat hand from behind: the palm over the contact patch, four fingers spread toward
        // the head, the thumb out along the side toward the midline. Only the patch presses,
        // and a safe one keeps out of the band down the spine: the rest of the hand keeps out
        // of it too, so a hand beside the spine never looks as if it lay on it. With no room
        // for the thumb it lies along the fingers, and the palm moves outward, its patch at
        // the heel of the hand.
        const float finger = 1.7f;
        const float palmX = std::max(4.8f, r / px * 1.25f) * px;
        const float palmY = std::max(4.4f, r / px * 1.15f) * px;
        // How far each part reaches toward the midline from the hand's centre, its edge
        // included: the palm's half width across, the outer finger's tip, the thumb.
        const bool thumbInward = side == inward;
        const float thumbOut = r + 5.55f * px + outline;
        const bool thumbAlong = thumbInward && thumbOut > room;
        const float thumbReach = !thumbInward ? 0.f
                                 : thumbAlong ? std::max(r * 0.7f, 3.0f * px) + 1.05f * px + outline
                                              : thumbOut;
        const float reach = std::max({palmY + outline, 4.3f * px + outline, thumbReach});
        // The hand's centre: moved outward as far as the band asks.
        const sf::Vector2f h(c.x - inward * std::max(0.f, reach - room), c.y);
        for (int i = 0; i < 4; ++i) {
            const float x = (static_cast<float>(i) - 1.5f) * 2.0f * px * -side;
            const float length = (i == 1 || i == 2 ? 7.0f : 6.0f) - (i == 3 ? 0.8f : 0.f);
            const sf::Vector2f base(h.x + x, h.y - r * 0.7f);
            digit(base, {base.x + x * 0.15f, base.y - length * px}, finger, hand);
        }
        if (thumbAlong) {
            digit({h.x + side * r * 0.7f, h.y + r * 0.3f},
                  {h.x + side * (3.0f * px), h.y - r * 0.7f - 3.5f * px}, 2.1f, hand);
        } else {
            digit({h.x + side * r * 0.7f, h.y + r * 0.3f},
                  {h.x + side * (r + 4.5f * px), h.y - r * 0.4f}, 2.1f, hand);
        }
        blob({h.x, h.y - r * 0.1f}, {0, 1}, palmX / px, palmY / px, hand);
        fillPolygon(shapes, ellipse(c, r, r, 36), fill);
    } else if (tool == Tool::Thumb) {
        // A thumb from behind: its pad on the patch, the thumb running down and away from the
        // midline to the fist that holds it, the nail on its back. Away from the midline
        // whichever hand it is, so the fist never lies over the spine.
        // A thumb is wider than the patch it presses with: beside the spine's band its pad
        // moves outward, off the band, the patch staying where it presses.
        const sf::Vector2f pad(c.x - inward * std::max(0.f, 1.15f * px + outline - room), c.y);
        sf::Vector2f dir(-inward * 0.45f, 1.f);
        dir /= std::hypot(dir.x, dir.y);
        const sf::Vector2f across(-dir.y, dir.x);
        const sf::Vector2f root = pad + dir * (5.5f * px);
        blob(root + dir * (3.6f * px) + across * (inward * 1.2f * px), dir, 4.6f, 4.0f, hand);
        // The curled fingers across the fist.
        for (int i = 0; i < 4; ++i) {
            const sf::Vector2f k = root + dir * ((1.4f + 1.8f * static_cast<float>(i)) * px) +
                                   across * (inward * -2.2f * px);
            digit(k, k + across * (inward * 3.2f * px), 1.6f, hand);
        }
        digit(pad, root, 2.3f, fill);
        fillPolygon(shapes, turnedEllipse(pad + dir * (1.1f * px), dir, 0.9f * px, 0.7f * px, 20),
                    palette::withAlpha(palette::hand, lifted ? 110 : 255));
    } else {
        // Fingertips: three fingers side by side, the middle one pressing on the patch, the
        // back of the hand beyond them: from above when the hand reaches over the shoulder,
        // else from below, where the partner's hand comes from. Beside the spine, as on the
        // back of the neck, the pressing finger is the inner one, the others and the back of
        // the hand lie outward of it: none of the hand on the band down the spine. On the
        // neck within that band's width, the hand comes from above, off the band below C7.
        const bool onNeck = at.yCm < 0 && std::abs(at.xCm) < view.spineBandCm();
        const sf::Vector2f dir = fromAbove || onNeck ? sf::Vector2f(0, -1) : sf::Vector2f(0, 1);
        const float outward = -inward;
        // The pressing finger is wider than its patch: beside the band its pad moves outward,
        // off the band, the patch staying where it presses.
        const sf::Vector2f pad(c.x + outward * std::max(0.f, 0.85f * px + outline - room), c.y);
        // Beside a finger 1.9 cm across from the patch: its half width and its edge.
        const bool inner = room < (1.9f + 0.8f) * px + outline;
        const float length = 7.0f;
        const float back = 4.4f * px + outline; // the back of the hand's half width across
        const float backShift =
            inner ? std::max(0.f, back - room + 1.9f * px) : std::max(0.f, back - room);
        const sf::Vector2f hand0 =
            pad + dir * ((length + 3.0f) * px) + sf::Vector2f(outward * backShift, 0);
        blob(hand0, dir, 4.2f, 4.4f, hand);
        const float offsets[2] = {inner ? 1.9f * outward : -1.9f, inner ? 3.8f * outward : 1.9f};
        for (float offset : offsets) {
            const sf::Vector2f tip = pad + sf::Vector2f(offset * px, 0) + dir * (1.3f * px);
            const sf::Vector2f base =
                hand0 + sf::Vector2f((offset - (inner ? 1.9f * outward : 0.f)) * 0.7f * px, 0) -
                dir * (2.5f * px);
            digit(tip, base, 1.6f, hand);
        }
        digit(pad,
              hand0 - sf::Vector2f((inner ? 1.9f * outward : 0.f) * 0.7f * px, 0) -
                  dir * (2.5f * px),
              1.7f, fill);
        fillPolygon(shapes, turnedEllipse(pad + dir * (0.9f * px), dir, 0.6f * px, 0.5f * px, 20),
                    palette::withAlpha(palette::hand, lifted ? 110 : 255));
    }
    // The contact patch itself, to scale, so its distance to the zones can be judged.
    fillRing(shapes, c, std::max(0.f, r - outline), r, 36,
             lifted ? palette::faintMark : palette::strongMark);
    return shapes;
}

void drawBall(sf::RenderTarget& target, const BodyView& view, Point at, double contactRadiusCm,
              sf::Color color, bool carried, std::optional<sf::Color> ring) {
    const float radius = static_cast<float>(contactRadiusCm) * view.pixelsPerCm();
    const sf::Vector2f center = view.toScreen(at);
    sf::VertexArray shapes(sf::Triangles);
    if (ring) {
        const float halo = radius * 1.45f;
        fillRing(shapes, center, halo, halo + std::max(3.f, radius * 0.22f), 48, *ring);
    }
    sf::Color fill = color;
    if (carried) {
        fill.a = 140;
    }
    fillRing(shapes, center, 0, radius, 48, fill);
    // A highlight up and to the left, so the disc reads as a ball; the edge stays inside the
    // patch, so nothing is drawn beyond where the ball touches.
    sf::Color shine(255, 255, 255, carried ? 60 : 110);
    fillRing(shapes, {center.x - radius * 0.35f, center.y - radius * 0.35f}, 0, radius * 0.28f, 24,
             shine);
    const float edge = std::max(1.5f, radius * 0.08f);
    fillRing(shapes, center, std::max(0.f, radius - edge), radius, 48,
             carried ? palette::carriedBallEdge : palette::ballEdge);
    drawShapes(target, shapes);
}

namespace {

// Where a posture picture goes in an area: as large as the area allows, its proportions kept,
// in the middle.
struct PosturePlace {
    sf::Vector2f origin;
    float scale = 1;
    float edge = 1.5f; ///< the outline's width
    sf::Vector2f at(PicturePoint p) const {
        return {origin.x + static_cast<float>(p.x) * scale,
                origin.y + static_cast<float>(p.y) * scale};
    }
};

PosturePlace placePosture(sf::FloatRect area, const Posture& posture) {
    const float width = static_cast<float>(posture.width);
    const float height = static_cast<float>(posture.height);
    PosturePlace place;
    place.scale = std::min(area.width / width, area.height / height);
    place.origin = {area.left + (area.width - place.scale * width) / 2,
                    area.top + (area.height - place.scale * height) / 2 -
                        static_cast<float>(posture.top) * place.scale};
    place.edge = std::max(1.5f, place.scale * 0.07f);
    return place;
}

float postureContactRadius(const PosturePlace& place, const PostureFrame& frame) {
    return std::max(4.f, static_cast<float>(frame.contactRadius) * place.scale);
}

} // namespace

sf::FloatRect postureBounds(sf::FloatRect area, const Posture& posture, const PostureFrame& frame) {
    const PosturePlace place = placePosture(area, posture);
    float left = area.left + area.width;
    float top = area.top + area.height;
    float right = area.left;
    float bottom = area.top;
    auto cover = [&](sf::Vector2f p, float reach) {
        left = std::min(left, p.x - reach);
        top = std::min(top, p.y - reach);
        right = std::max(right, p.x + reach);
        bottom = std::max(bottom, p.y + reach);
    };
    for (const PostureFrame::Item& item : frame.items) {
        if (item.prop != nullptr) {
            const PropPiece& prop = *item.prop;
            if (prop.shape == PropPiece::Shape::Line) {
                for (const PicturePoint& p : prop.points) {
                    cover(place.at(p), static_cast<float>(prop.width) * place.scale);
                }
                continue;
            }
            const sf::Vector2f corner = place.at(prop.points[0]);
            cover(corner, place.edge);
            cover(corner + sf::Vector2f(static_cast<float>(prop.points[1].x) * place.scale,
                                        static_cast<float>(prop.points[1].y) * place.scale),
                  place.edge);
            continue;
        }
        // A limb is drawn rounded at its ends, half its width beyond them, and outlined.
        const float reach = static_cast<float>(item.segment.width) * place.scale + place.edge;
        cover(place.at(item.segment.from), reach);
        cover(place.at(item.segment.to), reach);
    }
    cover(place.at(frame.contact), postureContactRadius(place, frame) + place.edge);
    // Whole pixels, and one more each way for the rasteriser's rounding.
    left = std::floor(left) - 1;
    top = std::floor(top) - 1;
    return {left, top, std::ceil(right) + 1 - left, std::ceil(bottom) + 1 - top};
}

void drawPosture(sf::RenderTarget& target, sf::FloatRect area, const Posture& posture,
                 const PostureFrame& frame, sf::Color contact) {
    const PosturePlace place = placePosture(area, posture);
    const float scale = place.scale;
    auto at = [&](PicturePoint p) { return place.at(p); };
    const float edge = place.edge;
    const sf::Color partner(172, 190, 222);
    sf::VertexArray shapes(sf::Triangles);
    for (const PostureFrame::Item& item : frame.items) {
        if (item.prop != nullptr) {
            const PropPiece& prop = *item.prop;
            const sf::Color color = propColor(prop.kind);
            if (prop.shape == PropPiece::Shape::Line) {
                std::vector<sf::Vector2f> line;
                for (const PicturePoint& p : prop.points) {
                    line.push_back(at(p));
                }
                strokeLine(shapes, line, static_cast<float>(prop.width) * scale, color);
                continue;
            }
            const sf::Vector2f corner = at(prop.points[0]);
            const sf::Vector2f size(static_cast<float>(prop.points[1].x) * scale,
                                    static_cast<float>(prop.points[1].y) * scale);
            if (prop.shape == PropPiece::Shape::Box) {
                fillPolygon(shapes, rectangle(corner, corner + size), color);
            } else {
                fillPolygon(shapes, ellipse(corner + size / 2.f, size.x / 2, size.y / 2, 40),
                            shaded(color, 0.7f));
                fillPolygon(shapes,
                            ellipse(corner + size / 2.f, size.x / 2 - edge, size.y / 2 - edge, 40),
                            color);
            }
            continue;
        }
        const DrawnSegment& s = item.segment;
        sf::Color fill = s.partner ? partner : palette::skin;
        if (s.far) {
            fill = shaded(fill, 0.72f);
        }
        drawSegment(shapes, at(s.from), at(s.to), static_cast<float>(s.width) * scale, s.shape,
                    fill, edge);
    }
    const float r = postureContactRadius(place, frame);
    fillRing(shapes, at(frame.contact), 0, r + edge, 32, palette::ballEdge);
    fillRing(shapes, at(frame.contact), 0, r, 32, contact);
    drawShapes(target, shapes);
}

void drawWarningIcon(sf::RenderTarget& target, sf::Vector2f center, float size, sf::Color color,
                     const sf::Font& font, unsigned markSize) {
    sf::VertexArray triangle(sf::Triangles);
    fillPolygon(triangle,
                {{center.x, center.y - size * 0.55f},
                 {center.x + size * 0.55f, center.y + size * 0.45f},
                 {center.x - size * 0.55f, center.y + size * 0.45f}},
                color);
    drawShapes(target, triangle);
    sf::Text mark("!", font, markSize ? markSize : static_cast<unsigned>(size * 0.7f));
    mark.setStyle(sf::Text::Bold);
    mark.setFillColor(palette::background);
    const sf::FloatRect b = mark.getLocalBounds();
    mark.setOrigin(b.left + b.width / 2, b.top + b.height / 2);
    mark.setPosition(center.x, center.y + size * 0.1f);
    target.draw(mark);
}

sf::String wrapText(const TextMetrics& metrics, const std::string& text, unsigned size,
                    float width) {
    const sf::String all = sf::String::fromUtf8(text.begin(), text.end());
    if (width <= 0) {
        return all;
    }
    auto wide = [&](const sf::String& s) { return metrics.bounds(s, size).width > width; };
    // Greedy: each word goes on the line if the line, with it, still fits.
    sf::String wrapped;
    sf::String line;
    sf::String word;
    auto flushWord = [&]() {
        // A word wider than a whole line (a long path, say) is cut where the line ends.
        while (word.getSize() > 1 && wide(word)) {
            std::size_t fits = 1;
            for (std::size_t n = 2; n < word.getSize(); ++n) {
                if (wide(word.substring(0, n))) {
                    break;
                }
                fits = n;
            }
            if (!line.isEmpty()) {
                wrapped += line + "\n";
                line.clear();
            }
            wrapped += word.substring(0, fits) + "\n";
            word = word.substring(fits);
        }
        const sf::String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && wide(candidate)) {
            wrapped += line + "\n";
            line = word;
        } else {
            line = candidate;
        }
        word.clear();
    };
    for (std::size_t i = 0; i < all.getSize(); ++i) {
        const sf::Uint32 c = all[i];
        if (c == ' ' || c == '\n') {
            if (!word.isEmpty()) {
                flushWord();
            }
            if (c == '\n') {
                wrapped += line + "\n";
                line.clear();
            }
        } else {
            word += c;
        }
    }
    if (!word.isEmpty()) {
        flushWord();
    }
    wrapped += line;
    return wrapped;
}

void Label::set(const std::string& text, unsigned size, sf::Color color, float width) {
    m_text.setFillColor(color);
    if (text == m_source && size == m_size && width == m_width) {
        return;
    }
    m_source = text;
    m_size = size;
    m_width = width;
    // The text drawn is the text measured: wrapped here, once, with the metrics.
    const sf::String wrapped = wrapText(*m_metrics, text, size, width);
    m_text.setCharacterSize(size);
    m_text.setString(wrapped);
    m_bounds = m_metrics->bounds(wrapped, size);
}

std::string clockText(double seconds) {
    // A countdown shows 0:01 until the last second is over.
    return minutesAndSeconds(std::ceil(std::max(0.0, seconds) - 1e-6));
}

} // namespace rollcoach
