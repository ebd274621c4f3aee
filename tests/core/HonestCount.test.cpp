#include "TestSupport.hpp"

#include "core/Clock.hpp"
#include "core/Progress.hpp"
#include "core/Report.hpp"
#include "core/Session.hpp"

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

constexpr std::int64_t kMonday = kTestMonday;
const std::string kWithGetReady = twoStepRoutine(10);

struct Bench {
    TempPath dir{"honest"};
    FixedClock clock{kMonday};
    std::unique_ptr<History> history;
    Bench() {
        std::string notice;
        history = History::open(dir.path.string(), kMonday, notice);
    }
    std::unique_ptr<Session> start(const Routine& routine, Side first) {
        return std::make_unique<Session>(routine, RoutineSource{"r.yaml", "cafe"}, first,
                                         referenceBody(), clock, history.get());
    }
};

Routine partner() {
    RoutineLoad load =
        openRoutine(shippedRoutine("partner-upper-back-massage.yaml"), referenceBody());
    REQUIRE(load.routine.has_value());
    return *load.routine;
}

} // namespace

TEST_CASE("a session left in the get-ready changes neither the history nor the first side") {
    Bench bench;
    const Routine routine = routineFrom(kWithGetReady);
    {
        auto done = bench.start(routine, Side::Left);
        done->advance(200);
        REQUIRE(done->state() == SessionState::Finished);
    }
    const auto before = bench.history->sessions();
    REQUIRE(before.size() == 1);
    const SideChoice first = chooseFirstSide(routine, before, kMonday + 100);
    CHECK(first.side == Side::Right);
    {
        bench.clock.advance(600);
        auto left = bench.start(routine, Side::Right);
        left->advance(5);
        CHECK(left->rate(7)); // the "before" of the right side, in the get-ready
        left->askToLeave();
        left->leave();
        CHECK_FALSE(left->summary().worked);
        CHECK(left->recorder().waiting() == 0);
        CHECK(left->summary().historyProblem.empty());
    }
    const auto after = bench.history->sessions();
    CHECK(after.size() == 1);
    CHECK(chooseFirstSide(routine, after, kMonday + 1000).side == first.side);
    CHECK(tensionProgress(after, {}).empty());
}

TEST_CASE("a pain stop in the get-ready is kept all the same, and marked") {
    Bench bench;
    {
        auto session = bench.start(routineFrom(kWithGetReady), Side::Left);
        session->advance(4);
        CHECK(session->rate(6));
        session->stopForPain();
    }
    const auto sessions = bench.history->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(isPainStop(sessions[0]));
    const Progress p = tensionProgress(sessions, {});
    REQUIRE(p.painStops.size() == 1);
    CHECK(painStopWhere(p.painStops[0]) == "before the first step");
}

TEST_CASE("a pain stop after a rating is marked, with the side, the step and the time") {
    Bench bench;
    {
        auto session = bench.start(routineFrom(kWithGetReady), Side::Left);
        session->advance(12);
        CHECK(session->rate(5));
        session->advance(12); // 14 s into the left side's first step
        session->stopForPain();
    }
    const auto sessions = bench.history->sessions();
    REQUIRE(sessions.size() == 1);
    const Progress p = tensionProgress(sessions, {});
    REQUIRE(p.left.sessions.size() == 1);
    const SideSession& left = p.left.sessions[0];
    REQUIRE(left.painStop.has_value());
    CHECK_FALSE(left.matters());
    CHECK(painStopWhere(*left.painStop) ==
          "left side, step \"Hold\" (round 1), after 0:14 of work");
    // Even a drop that would matter is no success when the session stopped for pain.
    SideSession dropped = left;
    dropped.before = 8;
    dropped.after = 2;
    CHECK_FALSE(dropped.matters());
}

TEST_CASE("the partner massage: a step for both sides counts once, each side's own time right") {
    Bench bench;
    const Routine routine = partner();
    {
        auto session = bench.start(routine, Side::Left);
        session->advance(5000);
        REQUIRE(session->state() == SessionState::Finished);
        const SessionSummary s = session->summary();
        CHECK(s.leftS == doctest::Approx(310));
        CHECK(s.rightS == doctest::Approx(310));
        CHECK(s.plannedS == doctest::Approx(310));
        CHECK(s.bothS == doctest::Approx(560));
        CHECK(s.plannedBothS == doctest::Approx(560));
        CHECK(s.outcome == "finished");
    }
    const SessionRecord r = bench.history->sessions(1).at(0);
    // Each side's own time and half of the steps for both: 19 min 40 s on the back in all.
    CHECK(r.leftS == doctest::Approx(590));
    CHECK(r.rightS == doctest::Approx(590));
    CHECK(r.bothS == doctest::Approx(560));
    CHECK(r.totalS() == doctest::Approx(1180));
    CHECK(outcome(r) == "finished");
    bool bothMarked = false;
    for (const StepRecord& step : r.steps) {
        bothMarked = bothMarked || (step.stepName == "Effleurage" && step.bothSides);
    }
    CHECK(bothMarked);
    const ReportDocument doc = reportDocument(gatherReport({r}, {}, 1, kMonday + 3600, Settings{}));
    REQUIRE(doc.routines.size() == 1);
    CHECK(doc.routines[0].lines[0].text.find("20 min in all") != std::string::npos);
    CHECK(doc.opening[0].lines[0].find("20 min in all") != std::string::npos);
}

TEST_CASE(
    "a rating given 14 s into a side is kept, and after stays into the next side's first step") {
    Bench bench;
    {
        auto session = bench.start(routineFrom(kWithGetReady), Side::Left);
        session->advance(24); // 14 s into the left side's first step
        auto prompt = session->snapshot().tensionPrompt;
        REQUIRE(prompt);
        CHECK(prompt->side == Side::Left);
        CHECK_FALSE(prompt->after);
        CHECK(session->rate(5));
        session->advance(6 + 20 + 5 + 10); // 10 s into the right side's first step
        prompt = session->snapshot().tensionPrompt;
        REQUIRE(prompt);
        CHECK(prompt->side == Side::Left); // the left side's "after" is still open
        CHECK(prompt->after);
        CHECK(session->rate(3));
        prompt = session->snapshot().tensionPrompt;
        REQUIRE(prompt);
        CHECK(prompt->side == Side::Right);
        CHECK_FALSE(prompt->after);
        session->advance(15); // the right side's first step is over: its "before" closed
        CHECK_FALSE(session->snapshot().tensionPrompt);
        CHECK_FALSE(session->rate(4));
    }
    const SessionRecord r = bench.history->sessions(1).at(0);
    REQUIRE(r.checkIns.size() == 2);
    CHECK(r.checkIns[0].rating == 5);
    CHECK(r.checkIns[1].rating == 3);
    CHECK(r.checkIns[1].after);
}

TEST_CASE("the partner massage asks both sides before any work and both after at the end") {
    Bench bench;
    auto session = bench.start(partner(), Side::Left);
    const auto cues = session->advance(1);
    bool asked = false;
    for (const Cue& cue : cues) {
        asked = asked || cue.words == "Ask how tense the left side is before you start. Press 0 "
                                      "to 9.";
    }
    CHECK(asked);
    REQUIRE(session->snapshot().tensionPrompt);
    CHECK(session->rate(6));
    REQUIRE(session->snapshot().tensionPrompt);
    CHECK(session->snapshot().tensionPrompt->side == Side::Right);
    CHECK_FALSE(session->snapshot().tensionPrompt->after);
    CHECK(session->rate(7));
    session->advance(5000);
    REQUIRE(session->over());
    auto prompt = session->summary().tensionPrompt;
    REQUIRE(prompt);
    CHECK(prompt->after);
    CHECK(session->rate(3));
    prompt = session->summary().tensionPrompt;
    REQUIRE(prompt);
    CHECK(prompt->after);
    CHECK(session->rate(4));
    CHECK_FALSE(session->summary().tensionPrompt);
}
