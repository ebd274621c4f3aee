#include "TestSupport.hpp"

#include "core/Clock.hpp"
#include "core/Motion.hpp"
#include "core/PlanJson.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Session.hpp"
#include "core/Timeline.hpp"

#include <cmath>
#include <cstdio>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const std::string kShipped = std::string(ROLLCOACH_SOURCE_DIR) + "/routines/";

// A routine given by hand with one step: the tool, where it presses and how it moves.
std::string byHand(const std::string& tool, const std::string& place,
                   const std::string& motion = "hold", const std::string& extra = "") {
    return "format: 1\ntitle: T\ndrill: partner\ntool: " + tool +
           "\nsteps:\n  - name: S\n    duration_s: 20\n    place: " + place +
           "\n    motion: " + motion + "\n" + extra;
}

std::string at(double x, double y) {
    char buffer[80];
    std::snprintf(buffer, sizeof buffer, "{x_cm: %g, y_cm: %g}", x, y);
    return buffer;
}

std::string place(double x, double y) {
    return "[" + at(x, y) + "]";
}

// Every warning a file gets from validate: placements and the hand drills' rules.
Diagnostics checked(const std::string& yaml) {
    RoutineLoad load = parseRoutine(yaml, referenceBody());
    checkPlacements(load, referenceBody());
    return load.diagnostics;
}

bool anyMentions(const Diagnostics& diagnostics, const std::string& words) {
    for (const Diagnostic& d : diagnostics) {
        if (d.message.find(words) != std::string::npos) {
            return true;
        }
    }
    return false;
}

const Diagnostic& onlyError(const Diagnostics& diagnostics) {
    REQUIRE(diagnostics.size() == 1);
    REQUIRE(diagnostics[0].severity == Severity::Error);
    return diagnostics[0];
}

} // namespace

TEST_CASE("by hand: a tool beside the ball, exactly one of them, each a located error") {
    SUBCASE("both a ball and a tool: the later one is named") {
        const auto load = parseRoutine("format: 1\ntitle: T\ndrill: partner\nball: tennis\n"
                                       "tool: hands\nsteps:\n  - name: S\n    duration_s: 20\n"
                                       "    place: [{x_cm: 8, y_cm: 20}]\n",
                                       referenceBody());
        const Diagnostic& d = onlyError(load.diagnostics);
        CHECK(d.mark.line == 5);
        CHECK(d.mark.column == 7);
        CHECK(d.message ==
              "a routine uses a ball or a tool, not both: remove \"ball\" or \"tool\"");
    }
    SUBCASE("neither, in a drill given by hand") {
        const auto load = parseRoutine("format: 1\ntitle: T\ndrill: partner\nsteps:\n"
                                       "  - name: S\n    duration_s: 20\n"
                                       "    place: [{x_cm: 8, y_cm: 20}]\n",
                                       referenceBody());
        const Diagnostic& d = onlyError(load.diagnostics);
        CHECK(d.mark.line == 1);
        CHECK(d.mark.column == 1);
        CHECK(d.message.find("missing required key \"tool\" in the routine") == 0);
    }
    SUBCASE("neither, in a ball drill: as before") {
        const auto load = parseRoutine("format: 1\ntitle: T\ndrill: wall\nsteps:\n"
                                       "  - name: S\n    duration_s: 20\n"
                                       "    place: [{x_cm: 8, y_cm: 20}]\n",
                                       referenceBody());
        CHECK(onlyError(load.diagnostics).message ==
              "missing required key \"ball\" in the routine");
    }
    SUBCASE("a ball in the partner drill, a tool in the wall drill") {
        auto load =
            parseRoutine("format: 1\ntitle: T\ndrill: self-press\nball: tennis\nsteps:\n"
                         "  - name: S\n    duration_s: 20\n    place: [{x_cm: 8, y_cm: 20}]\n",
                         referenceBody());
        const Diagnostic& ball = onlyError(load.diagnostics);
        CHECK(ball.mark.line == 4);
        CHECK(ball.message.find("the self-press drill is given by hand") == 0);
        load = parseRoutine("format: 1\ntitle: T\ndrill: wall\ntool: thumb\nsteps:\n"
                            "  - name: S\n    duration_s: 20\n    place: [{x_cm: 8, y_cm: 20}]\n",
                            referenceBody());
        const Diagnostic& tool = onlyError(load.diagnostics);
        CHECK(tool.mark.line == 4);
        CHECK(tool.mark.column == 7);
        CHECK(tool.message.find("the wall drill rolls a ball") == 0);
    }
    SUBCASE("an unknown tool is suggested") {
        const auto load = parseRoutine(byHand("thumbs", place(8, 20)), referenceBody());
        CHECK(onlyError(load.diagnostics).message ==
              "unknown tool \"thumbs\": did you mean \"thumb\"?");
    }
    SUBCASE("hand motions need a tool") {
        const auto load =
            parseRoutine(oneStep("tennis", place(8, 20),
                                 "{pattern: strip, points: [{x_cm: 8, y_cm: 10}], repeat: 3}"),
                         referenceBody());
        const Diagnostic& d = onlyError(load.diagnostics);
        CHECK(d.mark.line == 9);
        CHECK(d.message.find("a strip is given by hand") == 0);
    }
    SUBCASE("a strip needs its repeat, a stroke its points") {
        auto load = parseRoutine(
            byHand("thumb", place(8, 20), "{pattern: strip, points: [{x_cm: 8, y_cm: 10}]}"),
            referenceBody());
        CHECK(onlyError(load.diagnostics).message.find("missing required key \"repeat\"") == 0);
        load = parseRoutine(byHand("hands", place(8, 30), "{pattern: stroke, repeat: 3}"),
                            referenceBody());
        CHECK(onlyError(load.diagnostics).message.find("missing required key \"points\"") == 0);
        load = parseRoutine(
            byHand("thumb", place(8, 20), "{pattern: friction, amplitude_cm: 3, period_s: 1}"),
            referenceBody());
        CHECK(onlyError(load.diagnostics).message.find("\"amplitude_cm\" is out of range") == 0);
    }
    SUBCASE("a step for one side after the closing steps for both is refused") {
        const std::string yaml =
            byHand("hands", place(8, 20), "hold",
                   "  - name: B\n    sides: both\n    duration_s: 20\n"
                   "    place: [{x_cm: 8, y_cm: 20}, {x_cm: -8, y_cm: 20}]\n"
                   "  - name: C\n    duration_s: 20\n    place: [{x_cm: 8, y_cm: 20}]\n");
        const auto load = parseRoutine(yaml, referenceBody());
        const Diagnostic& d = onlyError(load.diagnostics);
        CHECK(d.mark.line == 14);
        CHECK(d.message.find("step \"C\" works one side but comes after a step for both sides") ==
              0);
    }
    SUBCASE("a rest with the hands off the back, but not in a ball drill") {
        CHECK(parseRoutine(byHand("hands", "[]"), referenceBody()).routine.has_value());
        const auto load = parseRoutine(oneStep("tennis", "[]"), referenceBody());
        CHECK(onlyError(load.diagnostics).message.find("\"place\" is empty") == 0);
    }
}

TEST_CASE("by hand: the format reads every new key") {
    const Routine r = routineFrom(
        "format: 1\ntitle: T\ndrill: partner\ntool: hands\nsteps:\n"
        "  - name: Up\n    sides: both\n    duration_s: 30\n"
        "    place: [{x_cm: 8, y_cm: 40}, {x_cm: -8, y_cm: 40}]\n"
        "    motion: {pattern: stroke, points: [{x_cm: 8, y_cm: 8}], return: [{x_cm: 14, y_cm: "
        "20}], "
        "repeat: 5}\n"
        "  - name: Thumb\n    tool: thumb\n    target: outward-rotators\n    duration_s: 30\n"
        "    place: [{x_cm: 9, y_cm: 12}]\n    motion: {pattern: strip, points: [{x_cm: 16, y_cm: "
        "10.5}], repeat: 3}\n");
    REQUIRE(r.tool == Tool::Hands);
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[0].bothSides);
    CHECK(r.steps[0].motion.pattern == Pattern::Stroke);
    CHECK(r.steps[0].motion.repeat == 5);
    CHECK(r.steps[0].motion.returnPoints.size() == 1);
    CHECK(r.toolFor(r.steps[0]) == Tool::Hands);
    CHECK(r.toolFor(r.steps[1]) == Tool::Thumb);
    CHECK(r.targetFor(r.steps[1]) == "outward-rotators");
    CHECK_FALSE(r.steps[1].bothSides);
}

TEST_CASE("by hand: strokes and strips repeat, mirrored for a hand across the midline") {
    const Routine r = routineFrom(byHand(
        "hands", "[" + at(8, 40) + ", " + at(-8, 40) + "]",
        "{pattern: stroke, points: [{x_cm: 8, y_cm: 10}, {x_cm: 14, y_cm: 10}], repeat: 4}"));
    const Step& step = r.steps[0];
    CHECK(repetitionS(step) == doctest::Approx(5));
    CHECK(repetitionAt(step, 0) == 1);
    CHECK(repetitionAt(step, 4.99) == 1);
    CHECK(repetitionAt(step, 5) == 2);
    CHECK(repetitionAt(step, 19.99) == 4);
    // At the end of the pressed stroke both hands are out at the shoulders, one each side.
    const auto top = ballPositions(step, kStrokeShare * 5);
    CHECK(top[0].xCm == doctest::Approx(14));
    CHECK(top[1].xCm == doctest::Approx(-14));
    CHECK(top[1].yCm == doctest::Approx(10));
    // And back at the place when the next one starts.
    const auto again = ballPositions(step, 5);
    CHECK(again[0].yCm == doctest::Approx(40));
}

TEST_CASE("by hand: a stroke pressing down the back warns, one pressing up does not") {
    const std::string up = "{pattern: stroke, points: [{x_cm: 8, y_cm: 10}], repeat: 4}";
    CHECK(checked(byHand("hands", place(8, 40), up)).empty());
    const std::string down = "{pattern: stroke, points: [{x_cm: 8, y_cm: 40}], repeat: 4}";
    const Diagnostics d = checked(byHand("hands", place(8, 10), down));
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Warning);
    CHECK(d[0].mark.line == 9);
    CHECK(d[0].message.find("step 1 (\"S\"): the stroke presses 30.0 cm down the back") == 0);
    CHECK(d[0].message.find("toward the heart") != std::string::npos);
    // Coming down lightly on the return is the guide's way.
    const std::string back =
        "{pattern: stroke, points: [{x_cm: 8, y_cm: 10}], return: [{x_cm: 15, y_cm: 25}], "
        "repeat: 4}";
    CHECK(checked(byHand("hands", place(8, 40), back)).empty());
    // And live: shown on the screen and said while such a stroke runs.
    const Routine routine =
        routineFrom(byHand("hands", place(8, 10), down, "schedule:\n  lead_in_s: 0\n"));
    FixedClock clock(1795435200);
    Session session(routine, {}, Side::Left, referenceBody(), clock, nullptr);
    bool said = false;
    for (const Cue& cue : session.advance(0.5)) {
        said = said || (cue.kind == Cue::Kind::Warning &&
                        cue.words.find("toward the heart") != std::string::npos);
    }
    CHECK(said);
    CHECK(session.snapshot().warning.find("Stroke pressing down the back") == 0);
}

TEST_CASE("by hand: the back of the neck takes light finger frictions, nothing else") {
    const std::string friction = "{pattern: friction, amplitude_cm: 0.3, period_s: 1.2}";
    SUBCASE("finger frictions between the cervical spine and the sides of the neck: no warning") {
        CHECK(checked(byHand("fingers", place(2.6, -6), friction)).empty());
        const std::string upTheNeck =
            "{pattern: friction, amplitude_cm: 0.3, period_s: 1.2, points: [{x_cm: 2.6, y_cm: "
            "-10}]}";
        CHECK(checked(byHand("fingers", "[" + at(2.6, -3) + ", " + at(-2.6, -3) + "]", upTheNeck,
                             "    sides: both\n"))
                  .empty());
    }
    SUBCASE("finger frictions on the cervical spine or the side of the neck warn") {
        for (double x : {0.5, 4.6}) {
            const Diagnostics d = checked(byHand("fingers", place(x, -6), friction));
            INFO("x " << x);
            REQUIRE_FALSE(d.empty());
            CHECK(d[0].message.find("the neck: step 1") != std::string::npos);
            CHECK(d[0].message.find("fingertip 1") != std::string::npos);
        }
    }
    SUBCASE("a ball there warns") {
        const auto warnings =
            SafetyCheck(referenceBody())
                .check(routineFrom(oneStep("tennis", place(2.6, -6))), {Side::Right});
        REQUIRE_FALSE(warnings.empty());
        CHECK(warnings[0].zone == Zone::Neck);
    }
    SUBCASE("a thumb stripping there warns, and says why") {
        const Diagnostics d =
            checked(byHand("thumb", place(2.6, -2),
                           "{pattern: strip, points: [{x_cm: 2.6, y_cm: -10}], repeat: 3}"));
        REQUIRE(anyMentions(d, "on the neck"));
        CHECK(anyMentions(d, "the thumb's contact patch overlaps the neck"));
        CHECK(anyMentions(d, "never a hand's weight, a thumb or stripping"));
    }
    SUBCASE("a hand's weight, or fingers held still, there warn") {
        CHECK(anyMentions(checked(byHand("hands", place(2.6, -6))), "on the neck"));
        CHECK(anyMentions(checked(byHand("fingers", place(2.6, -6))), "on the neck"));
    }
}

TEST_CASE("by hand: any tool on the spine warns") {
    for (const std::string tool : {"hands", "thumb", "fingers"}) {
        for (const std::string& motion :
             {std::string("hold"),
              std::string("{pattern: friction, amplitude_cm: 0.5, period_s: 1}"),
              std::string("{pattern: strip, points: [{x_cm: 0, y_cm: 10}], repeat: 3}")}) {
            const Diagnostics d = checked(byHand(tool, place(0.5, 25), motion));
            INFO(tool << " " << motion);
            REQUIRE(anyMentions(d, "on the spine"));
            CHECK(anyMentions(d, "no hand, thumb or finger presses on the spine"));
        }
    }
    // A hand flat beside the spine, its patch clear of the band, is fine.
    CHECK(checked(byHand("hands", place(8, 25))).empty());
}

TEST_CASE("by hand: a step for both sides that works one side warns") {
    const Diagnostics one = checked(byHand("hands", place(8, 25), "hold", "    sides: both\n"));
    REQUIRE(one.size() == 1);
    CHECK(one[0].message.find("runs once for both sides but works only one") != std::string::npos);
    CHECK(checked(byHand("hands", "[" + at(8, 25) + ", " + at(-8, 25) + "]", "hold",
                         "    sides: both\n"))
              .empty());
}

TEST_CASE("by hand: the shipped routines validate strictly and the plan gives each side the same "
          "time, alternating") {
    for (const std::string name : {"partner-upper-back-massage.yaml", "self-pressure-point.yaml"}) {
        const RoutineLoad load = openRoutine(kShipped + name, referenceBody());
        REQUIRE(load.routine);
        for (const Diagnostic& d : load.diagnostics) {
            INFO(formatDiagnostic(name, d));
        }
        CHECK(load.diagnostics.empty());
        for (Side first : {Side::Left, Side::Right}) {
            const Timeline timeline(*load.routine, first);
            CHECK(timeline.secondsOnSide(Side::Left) ==
                  doctest::Approx(timeline.secondsOnSide(Side::Right)));
            // Steps of one side run on the first side, then after one switch on the other.
            std::vector<Side> order;
            int switches = 0;
            for (const Segment& s : timeline.segments()) {
                switches += s.kind == SegmentKind::Switch ? 1 : 0;
                if (s.kind == SegmentKind::Step && !s.bothSides &&
                    (order.empty() || order.back() != s.side)) {
                    order.push_back(s.side);
                }
            }
            CHECK(switches == 1);
            CHECK(order == std::vector<Side>{first, otherSide(first)});
        }
    }
    const Routine partner =
        *openRoutine(kShipped + "partner-upper-back-massage.yaml", referenceBody()).routine;
    const Timeline timeline(partner, Side::Left);
    // About 20 minutes, as the guide suggests; effleurage first, water last.
    CHECK(timeline.totalS() >= 18 * 60);
    CHECK(timeline.totalS() <= 22 * 60);
    const auto& segments = timeline.segments();
    CHECK(partner.steps[*segments[1].step].name == "Effleurage");
    CHECK(segments[1].bothSides);
    CHECK(partner.steps[*segments.back().step].cue.find("water") != std::string::npos);
    // During the switch the screen names the step that comes next on the other side.
    FixedClock clock(1795435200);
    Session session(partner, {}, Side::Left, referenceBody(), clock, nullptr);
    for (const Segment& s : segments) {
        if (s.kind == SegmentKind::Switch) {
            session.skipTo(s.startS + 1);
            break;
        }
    }
    REQUIRE(session.snapshot().switching);
    CHECK(session.snapshot().step->name == "Thumb circles beside the spine");
    CHECK(session.snapshot().tool == Tool::Thumb);
    const std::string json = planJson(timeline, "");
    CHECK(json.find("\"both_sides\": true") != std::string::npos);
}

TEST_CASE("by hand: no hand, thumb or finger of a shipped routine is ever drawn in a warning "
          "zone") {
    const SafetyCheck check(referenceBody());
    for (const std::string name : {"partner-upper-back-massage.yaml", "self-pressure-point.yaml"}) {
        const Routine routine = *openRoutine(kShipped + name, referenceBody()).routine;
        const Timeline timeline(routine, Side::Right);
        int drawn = 0;
        for (double t = 0; t <= timeline.totalS(); t += 0.05) {
            const Moment m = timeline.at(t);
            // During a switch the hands are shown where the next step puts them.
            const auto& segments = timeline.segments();
            const Segment& shown =
                m.segment->kind == SegmentKind::Switch ? segments[m.segmentIndex + 1] : *m.segment;
            const Step& step = shown.step ? routine.steps[*shown.step] : routine.steps.front();
            const Contact contact = Contact::of(referenceBody(), routine, step);
            REQUIRE(contact.tool.has_value());
            for (const Point& p : m.ballsInRoutineFrame) {
                const PlacementVerdict v = check.atPoint(p, contact);
                INFO(name << " t=" << t << " at " << p.xCm << "," << p.yCm);
                REQUIRE(v.onBody);
                REQUIRE(v.worst == Closeness::Safe);
                ++drawn;
            }
        }
        CHECK(drawn > 1000);
    }
}

namespace {

std::optional<Point> followAdvice(const std::string& advice, const std::string& noun, Point from) {
    const std::string prefix = "move the " + noun + " ";
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

TEST_CASE("by hand: advice always leads to a safe place, for every tool and motion, over a grid") {
    const BodyModel& body = referenceBody();
    const SafetyCheck check(body);
    int unsafe = 0;
    struct Case {
        const char* tool;
        const char* motion;
    };
    for (const Case& c :
         {Case{"hands", "hold"},
          Case{"thumb", "{pattern: strip, points: [{x_cm: 9, y_cm: 9}], repeat: 2}"},
          Case{"fingers", "{pattern: friction, amplitude_cm: 0.3, period_s: 1}"},
          Case{"fingers", "hold"}}) {
        const Routine routine = routineFrom(byHand(c.tool, place(8, 20), c.motion));
        const Contact contact = Contact::of(body, routine, routine.steps[0]);
        for (double x = -24; x <= 24; x += 0.5) {
            for (double y = -22; y <= 48; y += 0.5) {
                const Point p{x, y};
                const PlacementVerdict verdict = check.atPoint(p, contact);
                if (!verdict.onBody || verdict.worst == Closeness::Safe) {
                    continue;
                }
                ++unsafe;
                const std::string advice = verdict.zones.front().advice;
                const std::optional<Point> to = followAdvice(advice, contact.noun, p);
                INFO(c.tool << " " << c.motion << " at " << x << ", " << y << ": " << advice);
                REQUIRE(to.has_value());
                const PlacementVerdict after = check.atPoint(*to, contact);
                CHECK(after.onBody);
                CHECK(after.worst == Closeness::Safe);
            }
        }
    }
    CHECK(unsafe > 3000);
}

TEST_CASE("by hand: strokes and strips are counted on screen and aloud, through the session") {
    const Routine routine = routineFrom(
        byHand("thumb", place(8, 20), "{pattern: strip, points: [{x_cm: 8, y_cm: 10}], repeat: 4}",
               "schedule:\n  lead_in_s: 0\n"));
    FixedClock clock(1795435200);
    Session session(routine, {}, Side::Left, referenceBody(), clock, nullptr);
    std::vector<std::string> said;
    auto listen = [&](const std::vector<Cue>& cues) {
        for (const Cue& cue : cues) {
            if (cue.kind == Cue::Kind::Repetition) {
                said.push_back(cue.words);
                CHECK(cue.briefWords == cue.words);
            }
            // The first strip is counted with the step's name, as it starts.
            if (cue.kind == Cue::Kind::StepStarts && cue.beat > 0) {
                CHECK(cue.briefWords.find("Strip 1 of 4.") != std::string::npos);
                said.push_back("Strip 1 of 4");
            }
        }
    };
    listen(session.advance(0.1));
    CHECK(session.snapshot().repetitionText == "Strip 1 of 4");
    CHECK(session.snapshot().repetitions == 4);
    for (int i = 0; i < 100; ++i) {
        listen(session.advance(0.1));
    }
    CHECK(session.snapshot().repetitionText == "Strip 3 of 4");
    CHECK(said == std::vector<std::string>{"Strip 1 of 4", "Strip 2 of 4", "Strip 3 of 4"});
    // The drawn way: the strip's path on the left side, mirrored.
    const SessionSnapshot snap = session.snapshot();
    REQUIRE(snap.pressedPaths.size() == 1);
    CHECK(snap.pressedPaths[0].front().xCm == doctest::Approx(-8));
    CHECK(snap.tool == Tool::Thumb);
}

TEST_CASE("by hand: any downward pressed part of a stroke warns, not only where it ends") {
    // Up the back 30 cm, then down 30 cm again: it ends where it began.
    const std::string upAndDown =
        "{pattern: stroke, points: [{x_cm: 8, y_cm: 10}, {x_cm: 8, y_cm: 40}], repeat: 4}";
    const Diagnostics d = checked(byHand("hands", place(8, 40), upAndDown));
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Warning);
    CHECK(d[0].mark.line == 9);
    CHECK(d[0].message.find("the stroke presses 30.0 cm down the back") != std::string::npos);
    // Up, then down a little further than it went up: the downward part, not the net.
    const std::string zigzag = "{pattern: stroke, points: [{x_cm: 8, y_cm: 20}, {x_cm: 8, y_cm: "
                               "30}, {x_cm: 8, y_cm: 10}], repeat: 4}";
    CHECK(anyMentions(checked(byHand("hands", place(8, 40), zigzag)),
                      "the stroke presses 10.0 cm down the back"));
    // A waver of up to 2 cm down along the way is no stroke down the back.
    const std::string waver = "{pattern: stroke, points: [{x_cm: 8, y_cm: 25}, {x_cm: 9, y_cm: "
                              "26.5}, {x_cm: 8, y_cm: 10}], repeat: 4}";
    CHECK(checked(byHand("hands", place(8, 40), waver)).empty());
}

TEST_CASE("by hand: strokes and strips faster than a hand can follow warn") {
    // 100 strokes in a 1 s step.
    const std::string many = "{pattern: stroke, points: [{x_cm: 8, y_cm: 30}], repeat: 100}";
    std::string yaml = byHand("hands", place(8, 40), many);
    yaml.replace(yaml.find("duration_s: 20"), 14, "duration_s: 1");
    Diagnostics d = checked(yaml);
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::Warning);
    CHECK(d[0].mark.line == 9);
    CHECK(d[0].message.find("100 strokes in 1.0 s is 100.0 a second") != std::string::npos);
    // 21 strips in 20 s: just over one a second.
    const std::string strips = "{pattern: strip, points: [{x_cm: 8, y_cm: 35}], repeat: 21}";
    CHECK(anyMentions(checked(byHand("thumb", place(8, 40), strips)), "21 strips in 20.0 s"));
    // Two strokes of 30 cm pressed in 6 s each are slow enough; fifteen of them are 30 cm in
    // 0.8 s: 37.5 cm/s.
    const std::string longStroke = "{pattern: stroke, points: [{x_cm: 8, y_cm: 10}], repeat: ";
    CHECK(checked(byHand("hands", place(8, 40), longStroke + "2}")).empty());
    d = checked(byHand("hands", place(8, 40), longStroke + "15}"));
    CHECK(anyMentions(d, "presses 30.0 cm in 0.8 s, 37.5 cm/s"));
    // One a second, 20 cm each in 0.6 s, is at the limit... of the count, but too fast a glide.
    const std::string brisk = "{pattern: stroke, points: [{x_cm: 8, y_cm: 20}], repeat: 20}";
    CHECK(anyMentions(checked(byHand("hands", place(8, 40), brisk)), "cm/s"));
    // Four strokes of 30 cm in 20 s: 10 cm/s.
    const std::string calm = "{pattern: stroke, points: [{x_cm: 8, y_cm: 10}], repeat: 4}";
    CHECK(checked(byHand("hands", place(8, 40), calm)).empty());
}

TEST_CASE("the session shows a stroke that presses down anywhere along its way, as validate does") {
    // Up the back, then pressing 20 cm back down: it ends below where it started... or not.
    const Routine upThenDown = routineFrom(byHand(
        "hands", place(8, 40),
        "{pattern: stroke, points: [" + at(8, 10) + ", " + at(8, 30) + "], repeat: 4}"));
    CHECK(strokeDirectionWarning(upThenDown.steps.front()) ==
          "Stroke pressing down the back: press on the way up, toward the heart");
    const Routine up = routineFrom(byHand(
        "hands", place(8, 40), "{pattern: stroke, points: [" + at(8, 10) + "], repeat: 4}"));
    CHECK(strokeDirectionWarning(up.steps.front()).empty());
}
