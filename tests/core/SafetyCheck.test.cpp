#include "TestSupport.hpp"

#include "core/Motion.hpp"
#include "core/SafetyCheck.hpp"

#include <algorithm>
#include <cmath>
#include <random>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

std::vector<SafetyWarning> warningsFor(const std::string& yaml) {
    const Routine routine = routineFrom(yaml);
    return SafetyCheck(referenceBody()).check(routine, {Side::Right});
}

std::string place(double x, double y) {
    return "[{x_cm: " + std::to_string(x) + ", y_cm: " + std::to_string(y) + "}]";
}

} // namespace

TEST_CASE("clearly safe placements are never reported") {
    CHECK(warningsFor(oneStep("tennis", place(8, 10))).empty());
    CHECK(warningsFor(oneStep("yoga-tune-up", place(12, 3))).empty());
    CHECK(warningsFor(oneStep("tennis", place(8, 10),
                              "{pattern: horizontal, amplitude_cm: 2, period_s: 6}"))
              .empty());
    CHECK(warningsFor(
              oneStep("tennis", place(9, 12), "{pattern: circle, amplitude_cm: 2, period_s: 6}"))
              .empty());
}

TEST_CASE("on the spine") {
    for (double x : {0.0, 1.0, -1.0, 4.0}) {
        const auto warnings = warningsFor(oneStep("tennis", place(x, 20)));
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].zone == Zone::Spine);
        CHECK(warnings[0].closeness == Closeness::On);
        CHECK_FALSE(warnings[0].moving);
        CHECK(warnings[0].side == Side::Right);
        CHECK(warnings[0].message().find("on the spine: step 1 (\"S\"), right side, ball 1") == 0);
    }
}

TEST_CASE("near the spine, up to the clearance and not beyond") {
    // Tennis ball 6.7 cm: contact radius 2.01; spine band 2.5; clearance 1.
    auto near = warningsFor(oneStep("tennis", place(5.0, 20)));
    REQUIRE(near.size() == 1);
    CHECK(near[0].closeness == Closeness::Near);
    CHECK(near[0].gapCm == doctest::Approx(0.49));
    CHECK(near[0].advice == "move the ball 1.5 cm outward");
    CHECK(warningsFor(oneStep("tennis", place(5.5, 20))).size() == 1);
    CHECK(warningsFor(oneStep("tennis", place(5.6, 20))).empty());
}

TEST_CASE("on and near the neck") {
    auto on = warningsFor(oneStep("yoga-tune-up", place(3, -5)));
    REQUIRE(on.size() == 1);
    CHECK(on[0].zone == Zone::Neck);
    CHECK(on[0].closeness == Closeness::On);
    CHECK(on[0].message().find("on the neck") == 0);

    // Beside the neck, just outside its band: near.
    auto near = warningsFor(oneStep("yoga-tune-up", place(8.5, -2)));
    REQUIRE(near.size() == 1);
    CHECK(near[0].zone == Zone::Neck);
    CHECK(near[0].closeness == Closeness::Near);

    // Just above C7 on the midline: both zones.
    auto both = warningsFor(oneStep("tennis", place(0, -1)));
    CHECK(both.size() == 2);
}

TEST_CASE("a sweep into the spine is reported with the second it first happens") {
    // x = 8 + 5 sin(2 pi t / 8): on the spine once x <= 4.51, first at t = 4.98 s.
    const auto warnings = warningsFor(
        oneStep("tennis", place(8, 10), "{pattern: horizontal, amplitude_cm: 5, period_s: 8}"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].moving);
    CHECK(warnings[0].closeness == Closeness::On);
    CHECK(warnings[0].atS == doctest::Approx(4.98).epsilon(0.01));
    CHECK(warnings[0].where.xCm == doctest::Approx(3.0).epsilon(0.001));
    CHECK(warnings[0].message().find(", 5.0 s into the step") != std::string::npos);
    CHECK(warnings[0].mark.line == 9);
}

TEST_CASE("a vertical sweep up into the neck") {
    const auto warnings = warningsFor(
        oneStep("tennis", place(7, 3), "{pattern: vertical, amplitude_cm: 5, period_s: 8}"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].zone == Zone::Neck);
    CHECK(warnings[0].closeness == Closeness::On);
    CHECK(warnings[0].atS > 4);
    CHECK(warnings[0].atS < 6);
}

TEST_CASE("a circle and a path that reach the spine") {
    auto circle = warningsFor(
        oneStep("tennis", place(9, 12), "{pattern: circle, amplitude_cm: 5, period_s: 8}"));
    REQUIRE(circle.size() == 1);
    CHECK(circle[0].closeness == Closeness::On);

    auto path = warningsFor(oneStep(
        "tennis", place(9, 12), "{pattern: path, period_s: 10, points: [{x_cm: 3, y_cm: 12}]}"));
    REQUIRE(path.size() == 1);
    CHECK(path[0].closeness == Closeness::On);
    CHECK(path[0].where.xCm == doctest::Approx(3));
}

TEST_CASE("a motion the step is too short to complete is judged on what it does") {
    // The sweep would reach x = 3 at 6 s, but the step ends at 2 s (x = 13).
    const std::string yaml = "format: 1\ntitle: T\ndrill: wall\nball: tennis\nsteps:\n"
                             "  - name: S\n    duration_s: 2\n    place: [{x_cm: 8, y_cm: 10}]\n"
                             "    motion: {pattern: horizontal, amplitude_cm: 5, period_s: 8}\n";
    CHECK(warningsFor(yaml).empty());
}

TEST_CASE("every side asked for is named") {
    const Routine routine = routineFrom(oneStep("tennis", place(1, 20)));
    const auto warnings = SafetyCheck(referenceBody()).check(routine);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].side == Side::Left);
    CHECK(warnings[1].side == Side::Right);
}

TEST_CASE("a sweep is never missed and a safe one never reported (random sweeps)") {
    // For a full horizontal sweep the closest approach to the spine is at x0 - A, which
    // gives the expected verdict in closed form.
    std::mt19937 random(7);
    std::uniform_real_distribution<double> xs(3, 16);
    std::uniform_real_distribution<double> amplitudes(0.2, 6);
    const BodyModel& body = referenceBody();
    const double radius = 6.7 * body.contactRadiusRatio;
    for (int i = 0; i < 300; ++i) {
        const double x0 = xs(random);
        const double amplitude = amplitudes(random);
        const double gap = (x0 - amplitude) - body.spineHalfWidthCm - radius;
        if (std::abs(gap) < 0.05 || std::abs(gap - body.clearanceCm) < 0.05) {
            continue; // on the boundary, where sampling margins decide
        }
        const auto warnings = warningsFor(oneStep(
            "tennis", place(x0, 20),
            "{pattern: horizontal, amplitude_cm: " + std::to_string(amplitude) + ", period_s: 7}"));
        const Closeness expected = gap <= 0                  ? Closeness::On
                                   : gap <= body.clearanceCm ? Closeness::Near
                                                             : Closeness::Safe;
        INFO("x0 " << x0 << " amplitude " << amplitude << " gap " << gap);
        if (expected == Closeness::Safe) {
            CHECK(warnings.empty());
        } else {
            REQUIRE(warnings.size() == 1);
            CHECK(warnings[0].closeness == expected);
        }
    }
}

namespace {

// What looking at every sample of a routine's one step gives, per ball and zone, and whether
// the check reports just that: the worst closeness, its first second, the closest gap and
// where it is. Returns how many warnings there were.
int checkedAsEverySample(const Routine& routine, const std::string& what) {
    const BodyModel& body = referenceBody();
    const Step& step = routine.steps.front();
    const Contact contact = Contact::of(body, routine, step);
    double spacing = 0;
    const std::vector<double> times = sampleTimes(step, 0.02, &spacing);
    struct Seen {
        Closeness worst = Closeness::Safe;
        double firstAt = 0;
        double closest = 1e9;
        Point where;
    };
    std::vector<Seen> seen(step.place.size() * 2);
    const auto distance = [](double dx, double dy) { return std::sqrt(dx * dx + dy * dy); };
    std::vector<Point> positions;
    for (double t : times) {
        ballPositions(step, t, positions);
        for (std::size_t b = 0; b < positions.size(); ++b) {
            const double x = std::abs(positions[b].xCm);
            const double y = positions[b].yCm;
            const double aboveC7 = std::max({0.0, y, body.neckTopCm - y});
            // Light finger frictions keep between the cervical spine and the sides of the neck.
            const double toSides = x < body.backOfNeckOuterCm ? body.backOfNeckOuterCm - x
                                   : x > body.neckHalfWidthCm ? x - body.neckHalfWidthCm
                                                              : 0.0;
            const double gaps[2] = {
                distance(std::max(0.0, x - body.spineHalfWidthCm), std::max(0.0, -y)) -
                    contact.radiusCm,
                (contact.fingerFriction
                     ? std::min(distance(std::max(0.0, x - body.backOfNeckInnerCm), aboveC7),
                                distance(toSides, aboveC7))
                     : distance(std::max(0.0, x - body.neckHalfWidthCm), aboveC7)) -
                    contact.radiusCm};
            const double clearances[2] = {body.clearanceCm, contact.fingerFriction
                                                                ? body.backOfNeckClearanceCm
                                                                : body.clearanceCm};
            for (int z = 0; z < 2; ++z) {
                Seen& ball = seen[b * 2 + static_cast<std::size_t>(z)];
                const double gap = gaps[z] - spacing / 2;
                const Closeness closeness = gap <= 0               ? Closeness::On
                                            : gap <= clearances[z] ? Closeness::Near
                                                                   : Closeness::Safe;
                if (closeness > ball.worst) {
                    ball.worst = closeness;
                    ball.firstAt = t;
                }
                if (gap < ball.closest) {
                    ball.closest = gap;
                    ball.where = positions[b];
                }
            }
        }
    }
    const auto warnings = SafetyCheck(body).check(routine, {Side::Right});
    int expected = 0;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        if (seen[i].worst == Closeness::Safe) {
            continue;
        }
        const Zone zone = i % 2 == 0 ? Zone::Spine : Zone::Neck;
        const auto warning =
            std::find_if(warnings.begin(), warnings.end(),
                         [&](const SafetyWarning& w) { return w.zone == zone && w.ball == i / 2; });
        INFO(what << ", ball " << i / 2 << ", zone " << i % 2);
        REQUIRE(warning != warnings.end());
        CHECK(warning->closeness == seen[i].worst);
        CHECK(warning->atS == seen[i].firstAt);
        CHECK(warning->gapCm == seen[i].closest);
        CHECK(warning->where.xCm == seen[i].where.xCm);
        CHECK(warning->where.yCm == seen[i].where.yCm);
        ++expected;
    }
    CHECK(warnings.size() == static_cast<std::size_t>(expected));
    return expected;
}

} // namespace

TEST_CASE("what the check reports of a motion is what looking at every sample finds") {
    // The check passes over samples where a gap cannot come down to the clearance; what it
    // reports must be what every sample gives.
    std::mt19937 random(5);
    std::uniform_real_distribution<double> xs(1, 12);
    std::uniform_real_distribution<double> ys(-12, 25);
    std::uniform_real_distribution<double> amplitudes(0.5, 6);
    std::uniform_int_distribution<int> periods(3, 10);
    const auto point = [&] {
        return "{x_cm: " + std::to_string(xs(random)) + ", y_cm: " + std::to_string(ys(random)) +
               "}";
    };
    int warned = 0;
    SUBCASE("a ball's sweeps, circles and paths") {
        const char* patterns[] = {"horizontal", "vertical", "circle", "path"};
        for (int i = 0; i < 320; ++i) {
            const std::string pattern = patterns[i % 4];
            const std::string motion =
                "{pattern: " + pattern + ", period_s: " + std::to_string(periods(random)) +
                (pattern == "path"
                     ? ", points: [" + point() + ", " + point() + ", " + point() + "]}"
                     : ", amplitude_cm: " + std::to_string(amplitudes(random)) + "}");
            warned += checkedAsEverySample(
                routineFrom(oneStep("tennis", place(xs(random), ys(random)), motion)), motion);
        }
        CHECK(warned > 100);
    }
    SUBCASE("hands, thumbs and fingers: strokes, strips, kneading and frictions, two at once") {
        const char* tools[] = {"hands", "thumb", "fingers"};
        const char* patterns[] = {"stroke", "strip", "knead", "friction"};
        for (int i = 0; i < 240; ++i) {
            const std::string pattern = patterns[i % 4];
            const bool circles = pattern == "knead" || pattern == "friction";
            const std::string step =
                std::string("  - name: S\n    duration_s: 40\n    tool: ") + tools[i % 3] +
                "\n    place: [" + point() + (i % 2 == 0 ? ", " + point() : "") +
                "]\n    motion: {pattern: " + pattern + ", points: [" + point() + ", " + point() +
                "]" +
                (circles ? ", amplitude_cm: " + std::to_string(amplitudes(random) / 4) +
                               ", period_s: " + std::to_string(periods(random) / 2.0)
                         : ", repeat: 4") +
                "}\n";
            const std::string routine =
                "format: 1\ntitle: T\ndrill: partner\ntool: hands\nsteps:\n" + step;
            warned += checkedAsEverySample(routineFrom(routine), step);
        }
        CHECK(warned > 100);
    }
}

TEST_CASE("placements off the body are errors") {
    RoutineLoad load = parseRoutine(oneStep("tennis", place(40, 10)), referenceBody());
    REQUIRE(load.routine.has_value());
    checkPlacements(load, referenceBody());
    CHECK_FALSE(load.routine.has_value());
    REQUIRE(load.diagnostics.size() == 1);
    CHECK(load.diagnostics[0].severity == Severity::Error);
    CHECK(load.diagnostics[0].message.find("is placed off the body") != std::string::npos);
    CHECK(load.diagnostics[0].mark.line == 8);

    RoutineLoad moving = parseRoutine(
        oneStep("tennis", place(18, 20), "{pattern: horizontal, amplitude_cm: 8, period_s: 8}"),
        referenceBody());
    checkPlacements(moving, referenceBody());
    REQUIRE(hasErrors(moving.diagnostics));
    // The centre stays on the back; the edge of the patch goes over the outline first.
    CHECK(moving.diagnostics[0].message.find("reaches over the edge of the body") !=
          std::string::npos);
}

TEST_CASE("the verdict at a point, as the explorer shows it") {
    const SafetyCheck check(referenceBody());
    CHECK(check.atPoint({8, 10}, 6.7).worst == Closeness::Safe);
    CHECK(check.atPoint({8, 10}, 6.7).headline().empty());
    const PlacementVerdict near = check.atPoint({5, 10}, 6.7);
    CHECK(near.worst == Closeness::Near);
    CHECK(near.headline() == "Too close to the spine: move the ball 1.5 cm outward");
    const PlacementVerdict on = check.atPoint({-1, 10}, 6.7);
    CHECK(on.worst == Closeness::On);
    CHECK(on.headline().find("On the spine") == 0);
    CHECK_FALSE(check.atPoint({35, 10}, 6.7).onBody);
}

TEST_CASE("body profiles scale the landmarks and keep the neck zone") {
    const std::string path = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml";
    const BodyModel women = BodyModel::load(path, {"women", std::nullopt});
    const BodyModel men = BodyModel::load(path, {"men", std::nullopt});
    CHECK(women.shoulderWidthCm == doctest::Approx(36.5));
    CHECK(women.acromion.xCm < men.acromion.xCm);
    CHECK(women.neckHalfWidthCm == 5.0);
    CHECK(women.spineHalfWidthCm == men.spineHalfWidthCm);
    const BodyModel narrow = BodyModel::load(path, {"men", 30.0});
    CHECK(narrow.neckHalfWidthCm >= 5.0);
    CHECK_THROWS_AS(BodyModel::load(path, {"giants", std::nullopt}), DataFileError);
}

namespace {

// The move an advice text names, read back as a person would follow it: "move the ball 3 cm
// outward and 2 cm down", outward being away from the midline on the ball's own side.
std::optional<Point> followAdvice(const std::string& advice, Point from) {
    const std::string prefix = "move the ball ";
    if (advice.rfind(prefix, 0) != 0) {
        return std::nullopt;
    }
    Point to = from;
    std::string rest = advice.substr(prefix.size());
    while (!rest.empty()) {
        char word[32] = {};
        double cm = 0;
        int used = 0;
        if (std::sscanf(rest.c_str(), "%lf cm %31[a-z]%n", &cm, word, &used) != 2 || cm <= 0) {
            return std::nullopt;
        }
        const std::string way = word;
        const double outward = from.xCm < 0 ? -1 : 1;
        if (way == "outward") {
            to.xCm += outward * cm;
        } else if (way == "inward") {
            to.xCm -= outward * cm;
        } else if (way == "down") {
            to.yCm += cm;
        } else if (way == "up") {
            to.yCm -= cm;
        } else {
            return std::nullopt;
        }
        rest = rest.substr(static_cast<std::size_t>(used));
        if (rest.rfind(" and ", 0) == 0) {
            rest = rest.substr(5);
        }
    }
    return to;
}

} // namespace

TEST_CASE("advice always leads to a safe place on the body, for every ball, over a fine grid") {
    const BodyModel& body = referenceBody();
    const SafetyCheck check(body);
    int unsafe = 0;
    for (const BallKind& ball : body.balls) {
        for (double x = -24; x <= 24; x += 0.5) {
            for (double y = -22; y <= 48; y += 0.5) {
                const Point p{x, y};
                const PlacementVerdict verdict = check.atPoint(p, ball.diameterCm);
                if (!verdict.onBody || verdict.worst == Closeness::Safe) {
                    continue;
                }
                ++unsafe;
                const std::string advice = verdict.zones.front().advice;
                const std::optional<Point> to = followAdvice(advice, p);
                INFO(ball.name << " at " << x << ", " << y << ": " << advice);
                REQUIRE(to.has_value());
                const PlacementVerdict after = check.atPoint(*to, ball.diameterCm);
                CHECK(after.onBody);
                CHECK(after.worst == Closeness::Safe);
                // Every zone's line gives the same way out.
                for (const ZoneVerdict& zone : verdict.zones) {
                    CHECK(zone.advice == advice);
                }
            }
        }
    }
    CHECK(unsafe > 3000);
}

namespace {

// The advice search the slow way: every move on the half-centimetre grid within 30 cm,
// nearest first, outward then down first among equal ones, tried at every point of the path.
std::optional<Point> everyMoveTried(const BodyModel& body, const std::vector<Point>& path,
                                    Point reference, const Contact& contact) {
    std::vector<Point> moves;
    for (int i = -60; i <= 60; ++i) {
        for (int j = -60; j <= 60; ++j) {
            if ((i != 0 || j != 0) && i * i + j * j <= 3600) {
                moves.push_back({i * 0.5, j * 0.5});
            }
        }
    }
    std::stable_sort(moves.begin(), moves.end(), [](Point a, Point b) {
        const double la = a.xCm * a.xCm + a.yCm * a.yCm;
        const double lb = b.xCm * b.xCm + b.yCm * b.yCm;
        return la != lb ? la < lb : a.xCm != b.xCm ? a.xCm > b.xCm : a.yCm > b.yCm;
    });
    const double margin = SafetyCheck::kAdviceMarginCm;
    const double radius = contact.radiusCm;
    const auto distance = [](double dx, double dy) { return std::sqrt(dx * dx + dy * dy); };
    const auto clear = [&](Point q) {
        const double x = std::abs(q.xCm);
        const double aboveC7 = std::max({0.0, q.yCm, body.neckTopCm - q.yCm});
        const double spine =
            distance(std::max(0.0, x - body.spineHalfWidthCm), std::max(0.0, -q.yCm)) - radius;
        if (!(spine > body.clearanceCm + margin)) {
            return false;
        }
        if (contact.fingerFriction) {
            // Between the cervical spine and the sides of the neck, by the back of the neck's
            // clearance.
            const double toSides = x < body.backOfNeckOuterCm ? body.backOfNeckOuterCm - x
                                   : x > body.neckHalfWidthCm ? x - body.neckHalfWidthCm
                                                              : 0.0;
            const double neck =
                std::min(distance(std::max(0.0, x - body.backOfNeckInnerCm), aboveC7),
                         distance(toSides, aboveC7)) -
                radius;
            if (!(neck > body.backOfNeckClearanceCm + margin)) {
                return false;
            }
        } else if (!(distance(std::max(0.0, x - body.neckHalfWidthCm), aboveC7) - radius >
                     body.clearanceCm + margin)) {
            return false;
        }
        return body.patchOnBody(q, radius);
    };
    const double outward = reference.xCm < 0 ? -1 : 1;
    for (const Point& move : moves) {
        const Point shift{move.xCm * outward, move.yCm};
        if (std::all_of(path.begin(), path.end(), [&](Point p) {
                return clear({p.xCm + shift.xCm, p.yCm + shift.yCm});
            })) {
            return shift;
        }
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("the advice search finds the move that trying every move at every point finds, "
          "on the narrowest and the broadest body") {
    // The search passes over points with room to spare and strikes off moves near one that
    // failed; neither may change which move it gives, or whether it gives one, for any contact.
    const BodyModel& reference = referenceBody();
    const std::string model = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml";
    std::mt19937 random(11);
    std::uniform_real_distribution<double> xs(-21, 21);
    std::uniform_real_distribution<double> ys(-16, 47);
    std::uniform_real_distribution<double> reach(0, 9);
    std::uniform_int_distribution<int> shapes(0, 3);
    int found = 0;
    int none = 0;
    for (const BodyProfile& profile : {BodyProfile("women", reference.minShoulderWidthCm),
                                       BodyProfile("men", reference.maxShoulderWidthCm)}) {
        const BodyModel body = BodyModel::load(model, profile);
        const SafetyCheck check(body);
        // Every ball, and a hand, a thumb and fingers in light frictions on the back of the
        // neck, where the zone is two and its clearance another.
        std::vector<Contact> contacts;
        for (const BallKind& ball : body.balls) {
            contacts.push_back(Contact::ball(body, ball.diameterCm));
        }
        for (const ToolKind& tool : body.tools) {
            Contact contact;
            contact.radiusCm = tool.contactRadiusCm;
            contact.noun = tool.name;
            contact.fingerFriction = tool.name == "fingers";
            contacts.push_back(contact);
        }
        for (int i = 0; i < 400; ++i) {
            const Contact& contact = contacts[static_cast<std::size_t>(i) % contacts.size()];
            const Point from{xs(random), ys(random)};
            // A hold, a sweep across, a sweep up and down, or a slant, a quarter centimetre apart.
            const int shape = shapes(random);
            const double length = shape == 0 ? 0 : reach(random);
            const double slant = shape == 3 ? reach(random) - 4.5 : 0;
            std::vector<Point> path;
            for (double along = 0; along <= length; along += 0.25) {
                path.push_back(shape == 2 ? Point{from.xCm, from.yCm + along}
                                          : Point{from.xCm + along, from.yCm + along * slant / 9});
            }
            const std::optional<Point> fast = check.safeMove(path, from, contact);
            const std::optional<Point> slow = everyMoveTried(body, path, from, contact);
            INFO(profile.name << " " << contact.noun << " from " << from.xCm << ", " << from.yCm
                              << ", shape " << shape << ", " << path.size() << " points");
            REQUIRE(fast.has_value() == slow.has_value());
            if (slow) {
                CHECK(fast->xCm == slow->xCm);
                CHECK(fast->yCm == slow->yCm);
                ++found;
            } else {
                ++none;
            }
        }
    }
    // Both kinds of answer were put to the test.
    CHECK(found > 100);
    CHECK(none > 5);
}

TEST_CASE(
    "advice for a placement validates with no warning, and validate gives the explorer's advice") {
    const SafetyCheck check(referenceBody());
    for (Point p :
         {Point{0, -5}, Point{3, -2}, Point{1, 20}, Point{5.5, -8}, Point{-2, 10}, Point{6, 0.5}}) {
        const Routine routine = routineFrom(oneStep("tennis", place(p.xCm, p.yCm)));
        const auto warnings = check.check(routine, {Side::Right});
        REQUIRE_FALSE(warnings.empty());
        const std::string explorer = check.atPoint(p, 6.7).zones.front().advice;
        INFO(p.xCm << ", " << p.yCm << ": " << explorer);
        for (const SafetyWarning& warning : warnings) {
            CHECK(warning.advice == explorer);
        }
        const auto to = followAdvice(explorer, p);
        REQUIRE(to);
        const RoutineLoad load =
            parseRoutine(oneStep("tennis", place(to->xCm, to->yCm)), referenceBody());
        RoutineLoad checked = load;
        checkPlacements(checked, referenceBody());
        CHECK(checked.diagnostics.empty());
    }
}

TEST_CASE("advice for a motion moves the placement so that the whole motion is safe") {
    const std::string sweep = "{pattern: horizontal, amplitude_cm: 5, period_s: 8}";
    const auto warnings = warningsFor(oneStep("tennis", place(8, 10), sweep));
    REQUIRE(warnings.size() == 1);
    const auto to = followAdvice(warnings[0].advice, {8, 10});
    REQUIRE(to);
    CHECK(warningsFor(oneStep("tennis", place(to->xCm, to->yCm), sweep)).empty());
}

TEST_CASE("no message shows a zero or negative distance: at the edge it touches") {
    CHECK(contactText(Zone::Spine, 0.0) == "the ball's contact patch touches the spine");
    CHECK(contactText(Zone::Neck, -0.03) == "the ball's contact patch touches the neck");
    CHECK(contactText(Zone::Neck, 0.04) == "the ball's contact patch touches the neck");
    CHECK(contactText(Zone::Spine, -1.24) ==
          "the ball's contact patch overlaps the spine by 1.2 cm");
    CHECK(contactText(Zone::Spine, 0.4) ==
          "the ball's contact patch comes within 0.4 cm of the spine");
    // A placement whose patch edge lies on the spine band: 2.5 + 2.01.
    const auto edge = warningsFor(oneStep("tennis", place(4.51, 20)));
    REQUIRE(edge.size() == 1);
    CHECK(edge[0].message().find("touches the spine") != std::string::npos);
    CHECK(edge[0].message().find("0.0") == std::string::npos);
    CHECK(edge[0].message().find("-0") == std::string::npos);
    const SafetyCheck check(referenceBody());
    for (double x = -10; x <= 10; x += 0.05) {
        for (const ZoneVerdict& zone : check.atPoint({x, 5}, 6.7).zones) {
            CHECK(zone.advice.find(" 0 cm") == std::string::npos);
            CHECK(zone.advice.find("-") == std::string::npos);
        }
    }
}

TEST_CASE("validate gives one line per placement, naming both sides") {
    RoutineLoad load = parseRoutine(oneStep("tennis", place(1, 20)), referenceBody());
    checkPlacements(load, referenceBody());
    REQUIRE(load.diagnostics.size() == 1);
    CHECK(load.diagnostics[0].message.find("left and right sides") != std::string::npos);
}
