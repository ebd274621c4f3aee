#include "TestSupport.hpp"

#include "core/EveryBody.hpp"
#include "core/Motion.hpp"
#include "core/SafetyCheck.hpp"
#include "core/Session.hpp"
#include "core/Timeline.hpp"
#include "core/Workspace.hpp"

#include <algorithm>
#include <cmath>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

const std::string kModelPath = std::string(ROLLCOACH_SOURCE_DIR) + "/assets/body.yaml";

// Off the back at this moment: lifted between places or across a switch, or a strip's thumb
// lifted back to its start. A ball may reappear elsewhere after it, never jump while drawn.
bool offTheBack(const Timeline& timeline, const Moment& m) {
    if (m.lifted) {
        return true;
    }
    if (m.segment->kind == SegmentKind::Step) {
        return liftedAt(timeline.routine().steps[*m.segment->step], m.intoSegmentS);
    }
    return false;
}

} // namespace

TEST_CASE("from one step's place to the next the drawn balls slide or are lifted: never a jump, "
          "on any body") {
    const double frameS = 1.0 / 30;
    std::size_t frames = 0;
    std::size_t slides = 0;
    double fastestSlide = 0;
    double fastestStep = 0;
    for (const BodyProfile& profile : acceptedBodies(referenceBody(), 10, 27.5)) {
        const BodyModel body = BodyModel::load(kModelPath, profile);
        for (const std::string& file :
             routineFilesIn(std::string(ROLLCOACH_SOURCE_DIR) + "/routines")) {
            const RoutineLoad load = openRoutine(file, body);
            REQUIRE(load.routine);
            const Timeline timeline(*load.routine, Side::Right, &body);
            Moment before = timeline.at(0);
            for (long i = 1; i * frameS <= timeline.totalS(); ++i) {
                const Moment now = timeline.at(static_cast<double>(i) * frameS);
                ++frames;
                slides += now.approaching && !now.lifted ? 1 : 0;
                if (!offTheBack(timeline, before) && !offTheBack(timeline, now) &&
                    before.balls.size() == now.balls.size()) {
                    for (std::size_t b = 0; b < now.balls.size(); ++b) {
                        const double moved = std::hypot(now.balls[b].xCm - before.balls[b].xCm,
                                                        now.balls[b].yCm - before.balls[b].yCm);
                        // A slide goes at a hand's pace; a step's own motion (a long
                        // effleurage stroke on a tall back) may be a little quicker.
                        const double most = now.approaching ? 0.5 : 0.75;
                        (now.approaching ? fastestSlide : fastestStep) =
                            std::max(now.approaching ? fastestSlide : fastestStep, moved);
                        if (moved > most) {
                            INFO(file << " on " << body.describe() << " at " << i * frameS
                                      << " s, contact " << b + 1 << " moved " << moved << " cm, "
                                      << std::string(now.approaching ? "sliding" : "in the step"));
                            CHECK(moved <= most);
                        }
                    }
                }
                before = now;
            }
        }
    }
    MESSAGE("the most a contact moved in 1/30 s: " << fastestSlide << " cm sliding, " << fastestStep
                                                   << " cm in a step");
    CHECK(frames > 100000);
    CHECK(slides > 1000);
}

TEST_CASE("between two places of one side the hands slide, eased, the same place is no move, "
          "and without the body they are lifted") {
    const BodyModel& body = referenceBody();
    // A step for both sides at once, then two on the working side.
    const std::string text =
        "format: 1\ntitle: T\ndrill: partner\ntool: hands\nschedule: {lead_in_s: 0}\nsteps:\n"
        "  - name: Both\n    duration_s: 20\n    sides: both\n"
        "    place: [{x_cm: 9, y_cm: 12}]\n    motion: hold\n"
        "  - name: Over\n    duration_s: 20\n    place: [{x_cm: 9, y_cm: 12}]\n"
        "    motion: hold\n"
        "  - name: Lower\n    duration_s: 20\n    place: [{x_cm: 9, y_cm: 20}]\n"
        "    motion: hold\n";
    const RoutineLoad load = parseRoutine(text, body);
    for (const Diagnostic& d : load.diagnostics) {
        INFO(d.message);
    }
    REQUIRE(load.routine);
    const Timeline timeline(*load.routine, Side::Left, &body);
    // Both, Over and Lower on the left (the first side), the switch, Over and Lower on the right.
    const auto& segments = timeline.segments();
    REQUIRE(segments.size() == 6);
    CHECK(timeline.approach(1).durationS == 0); // the same place: nothing to do
    CHECK(timeline.approach(2).durationS > 0);  // 8 cm down: a slide
    CHECK_FALSE(timeline.approach(2).lifted);
    const Moment halfway = timeline.at(segments[2].startS + timeline.approach(2).durationS / 2);
    CHECK(halfway.approaching);
    REQUIRE(halfway.balls.size() == 1);
    CHECK(halfway.balls[0].yCm == doctest::Approx(16));
    // Without the body, no slide is checked: lifted.
    const Timeline unchecked(*load.routine, Side::Left);
    CHECK(unchecked.approach(2).lifted);
    CHECK(unchecked.at(segments[2].startS + 0.5).balls.empty());
}

TEST_CASE("a slide whose way passes over the spine is lifted") {
    const BodyModel& body = referenceBody();
    const std::string text =
        "format: 1\ntitle: T\ndrill: partner\ntool: thumb\nschedule: {lead_in_s: 0}\nsteps:\n"
        "  - name: Across\n    duration_s: 30\n    sides: both\n"
        "    place: [{x_cm: -8, y_cm: 12}]\n    motion: hold\n"
        "  - name: Right\n    duration_s: 30\n    place: [{x_cm: 8, y_cm: 12}]\n"
        "    motion: hold\n";
    const RoutineLoad load = parseRoutine(text, body);
    REQUIRE(load.routine);
    const Timeline timeline(*load.routine, Side::Right, &body);
    REQUIRE(timeline.segments().size() >= 2);
    CHECK(timeline.approach(1).lifted);
    const Moment m = timeline.at(timeline.segments()[1].startS + 0.2);
    CHECK(m.lifted);
    CHECK(m.balls.empty());
}

TEST_CASE("a step whose place differs from the step before's says so as it starts") {
    FixedClock clock{kTestMonday};
    Session session(*parseRoutine(twoStepRoutine(), referenceBody()).routine, {}, Side::Left,
                    referenceBody(), clock, nullptr);
    std::string first;
    std::string second;
    for (int i = 0; i < 30; ++i) {
        for (const Cue& cue : session.advance(i == 0 ? 0 : 1)) {
            if (cue.kind == Cue::Kind::StepStarts) {
                (first.empty() ? first : second) = cue.words;
            }
        }
    }
    CHECK(first == "Left side. Hold.");
    // From 10 cm down to 12 cm: the ball slides there, and the words say so.
    CHECK(second == "Left side. Sweep. Move the ball to the new place.");
}
